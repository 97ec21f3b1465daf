/**
 * 许可类别 of an administrative licence (national 双公示 行政许可 template, field 16): 普通、特许、认可、核准、登记、其他;
 * codes 01–06 as one provincial implementation numbers them. "其他" must state the specific category (`specify`).
 * Registration of legal persons follows the registering department's own rules (the template's filling notes).
 * See docs/code-lists.md#licence-categories.
 * The zod enum and GET /v1/code-lists/licence-categories derive from this list.
 */
import { codeList } from './code-list.js';

export const LICENCE_CATEGORIES = [
  { code: '01', name: '普通', specify: false },
  { code: '02', name: '特许', specify: false },
  { code: '03', name: '认可', specify: false },
  { code: '04', name: '核准', specify: false },
  { code: '05', name: '登记', specify: false },
  { code: '06', name: '其他', specify: true, note: 'The specific category must be stated.' },
] as const;

export const LicenceCategory = codeList(LICENCE_CATEGORIES, { path: 'licence-categories', title: '许可类别', example: '01' }).schema;
