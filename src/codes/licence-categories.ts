/**
 * 许可类别 of an administrative licence (DOMAIN.md §2.2 #16): 普通、特许、认可、核准、登记、其他
 * ([S] S17d); codes 01–06 as in S17c. "其他" must state the specific category (`specify`).
 * Registration of legal persons follows the registering department's own rules (S17d).
 * The zod enum and GET /v1/code-lists/licence-categories derive from this list.
 */
import { z } from 'zod';

export const LICENCE_CATEGORIES = [
  { code: '01', name: '普通', specify: false },
  { code: '02', name: '特许', specify: false },
  { code: '03', name: '认可', specify: false },
  { code: '04', name: '核准', specify: false },
  { code: '05', name: '登记', specify: false },
  { code: '06', name: '其他', specify: true, note: 'The specific category must be stated.' },
] as const;

export type LicenceCategoryEntry = (typeof LICENCE_CATEGORIES)[number];
export type LicenceCategoryCode = LicenceCategoryEntry['code'];

export const LICENCE_CATEGORY_CODES = LICENCE_CATEGORIES.map((t) => t.code) as [LicenceCategoryCode, ...LicenceCategoryCode[]];

export const licenceCategoryLegend = LICENCE_CATEGORIES.map((t) => `${t.code} ${t.name}`).join(', ');

// z.literal, not z.enum: z.enum keys an object by code, which would move integer-like codes ('10') ahead of '01'.
export const LicenceCategory = z.literal(LICENCE_CATEGORY_CODES).meta({
  title: '许可类别',
  description: `Code from the 许可类别 list (GET /v1/code-lists/licence-categories): ${licenceCategoryLegend}.`,
  example: '01',
});
