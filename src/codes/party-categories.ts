/**
 * 行政相对人类别: exactly one of 法人及非法人组织 / 自然人 / 个体工商户 (national 双公示 template, field 2 of both
 * kinds; docs/code-lists.md#party-categories). The national format carries the name; the two-digit codes are this
 * API's own, in the order of the national list (one local system codes 01 自然人, 02 法人, 03 非法人组织,
 * 04 个体工商户, which does not map one to one). Names match PARTY_CATEGORIES in src/lib/party-codes.ts.
 * The zod enum and GET /v1/code-lists/party-categories derive from this list.
 */
import { codeList } from './code-list.js';

export const PARTY_CATEGORY_LIST = [
  { code: '01', name: '法人及非法人组织', note: '行政相对人代码_1 (统一社会信用代码) and 法定代表人 are expected.' },
  { code: '02', name: '自然人', note: '证件类型 and 证件号码 are required; the number is masked before it is stored.' },
  {
    code: '03',
    name: '个体工商户',
    note: '行政相对人代码_1 is the 统一社会信用代码, or 17 zeros + "X" when there is none; then 代码_2 (工商注册号) is required.',
  },
] as const;

const partyCategories = codeList(PARTY_CATEGORY_LIST, { path: 'party-categories', title: '行政相对人类别', example: '01' });
export const PartyCategory = partyCategories.schema;
export type PartyCategoryCode = (typeof partyCategories.codes)[number];
