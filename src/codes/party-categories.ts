/**
 * 行政相对人类别: exactly one of 法人及非法人组织 / 自然人 / 个体工商户 (DOMAIN.md §2.1 #2, §2.2 #2;
 * [S] S17e). The national format carries the name; the two-digit codes are this API's own, in the order
 * of the national list (one local system codes 01 自然人, 02 法人, 03 非法人组织, 04 个体工商户, S17c,
 * which does not map one to one). Names match PARTY_CATEGORIES in src/lib/party-codes.ts.
 * The zod enum and GET /v1/code-lists/party-categories derive from this list.
 */
import { z } from 'zod';

export const PARTY_CATEGORY_LIST = [
  { code: '01', name: '法人及非法人组织', note: '行政相对人代码_1 (统一社会信用代码) and 法定代表人 are expected.' },
  { code: '02', name: '自然人', note: '证件类型 and 证件号码 are required; the number is masked before it is stored.' },
  {
    code: '03',
    name: '个体工商户',
    note: '行政相对人代码_1 is the 统一社会信用代码, or 17 zeros + "X" when there is none; then 代码_2 (工商注册号) is required.',
  },
] as const;

export type PartyCategoryEntry = (typeof PARTY_CATEGORY_LIST)[number];
export type PartyCategoryCode = PartyCategoryEntry['code'];

export const PARTY_CATEGORY_CODES = PARTY_CATEGORY_LIST.map((t) => t.code) as [PartyCategoryCode, ...PartyCategoryCode[]];

export const partyCategoryLegend = PARTY_CATEGORY_LIST.map((t) => `${t.code} ${t.name}`).join(', ');

// z.literal, not z.enum: z.enum keys an object by code, which would move integer-like codes ('10') ahead of '01'.
export const PartyCategory = z.literal(PARTY_CATEGORY_CODES).meta({
  title: '行政相对人类别',
  description: `Code from the 行政相对人类别 list (GET /v1/code-lists/party-categories): ${partyCategoryLegend}.`,
  example: '01',
});
