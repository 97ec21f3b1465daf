/**
 * Cell value conversions for the national templates: names (as the national format writes them) to this API's
 * codes, 万元 to yuan, the date spellings agencies' spreadsheets actually contain to ISO. Each throws CellError
 * with a reason naming the column's problem; reasons never echo an ID number (no ID column passes through here
 * except 证件类型, which is a document name).
 */
import { ID_DOCUMENT_TYPES, OTHER_ID_DOCUMENT_PREFIX } from '../codes/id-document-types.js';
import { LICENCE_CATEGORIES } from '../codes/licence-categories.js';
import { PARTY_CATEGORY_LIST } from '../codes/party-categories.js';
import { PENALTY_TYPES } from '../codes/penalty-types.js';
import { MoneyError, wanToYuan, yuanToFen, fenToYuan } from '../lib/money.js';

export class CellError extends Error {
  override name = 'CellError';
}

const pad2 = (n: number) => String(n).padStart(2, '0');

function isoOf(y: number, m: number, d: number, cell: string): string {
  // Date.UTC reads years 0–99 as 1900–1999: those are refused before it is asked.
  if (y < 1900) throw new CellError(`"${cell}" is before 1900: not a date of these files.`);
  const t = new Date(Date.UTC(y, m - 1, d));
  if (t.getUTCFullYear() !== y || t.getUTCMonth() !== m - 1 || t.getUTCDate() !== d) {
    throw new CellError(`"${cell}" is not a calendar date.`);
  }
  return `${y}-${pad2(m)}-${pad2(d)}`;
}

/** 2024-03-15, 2024/3/15, 2024.3.15, 20240315, 2024年3月15日, an Excel serial (45366), a trailing time part. */
export function parseDate(cell: string): string {
  const s = cell.replace(/[T\s].*$/, '');
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(s) ?? /^(\d{4})年(\d{1,2})月(\d{1,2})日?$/.exec(s) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (m) return isoOf(Number(m[1]), Number(m[2]), Number(m[3]), cell);
  m = /^(\d{5})(?:\.\d+)?$/.exec(s);
  if (m) {
    // Excel's 1900 date system: serial 1 = 1900-01-01, with the fictitious 1900-02-29; from serial 61 on,
    // days since 1899-12-30 are exact. Five digits cover 1927–2173.
    const d = new Date(Date.UTC(1899, 11, 30) + Number(m[1]) * 86_400_000);
    return d.toISOString().slice(0, 10);
  }
  throw new CellError(`"${cell}" is not a date: write e.g. 2024-03-15, 2024/3/15 or 2024年3月15日.`);
}

/** A 万元 amount (≤ 6 decimals, the national decimal(·,6)) to canonical yuan; exact, no float. */
export function parseWan(cell: string): string {
  try {
    return wanToYuan(cell);
  } catch (e) {
    if (e instanceof MoneyError) throw new CellError(e.message);
    throw e;
  }
}

/** 罚款 amount stated in a legacy 处罚结果 text: exactly one "罚款(人民币)N(万)元", else undefined. */
export function fineFromText(text: string): string | undefined {
  const found = [...text.matchAll(/罚款(?:人民币)?\s*(\d+(?:\.\d+)?)\s*(万)?元/g)];
  if (found.length !== 1) return undefined;
  const [, n, wan] = found[0]!;
  try {
    return wan ? wanToYuan(n!) : fenToYuan(yuanToFen(n!));
  } catch {
    return undefined;
  }
}

const listed = (cell: string, names: Map<string, string>, what: string, legend: string): string => {
  const code = names.get(cell) ?? names.get(cell.toUpperCase());
  if (code === undefined) throw new CellError(`Unknown ${what} "${cell}": expected one of ${legend}.`);
  return code;
};

const CATEGORY = new Map<string, string>([
  ...PARTY_CATEGORY_LIST.flatMap((c) => [[c.name, c.code], [c.code, c.code]] as [string, string][]),
  ['法人', '01'], ['非法人组织', '01'], ['法人或其他组织', '01'], ['法人和其他组织', '01'], ['法人及其他组织', '01'],
]);
export const partyCategory = (cell: string) => listed(cell, CATEGORY, '行政相对人类别', PARTY_CATEGORY_LIST.map((c) => c.name).join('/'));

const ID_TYPE = new Map<string, string>([
  ...ID_DOCUMENT_TYPES.filter((t) => !t.specify).flatMap((t) => [[t.name, t.code], [t.code, t.code]] as [string, string][]),
  ['护照号', '02'], ['居民身份证', '01'], ['身份证号', '01'], ['居民身份证号', '01'],
]);
/** 证件类型 name or code to code; free text "其他-<证件名称>" is kept as the national list allows it. */
export function idType(cell: string): string {
  const other = cell.replace(/^其他[－—:：]/, OTHER_ID_DOCUMENT_PREFIX);
  if (other.startsWith(OTHER_ID_DOCUMENT_PREFIX) && other.length > OTHER_ID_DOCUMENT_PREFIX.length) return other;
  if (cell === '其他') throw new CellError('证件类型 其他 must name the document: write "其他-<证件名称>", e.g. 其他-军官证.');
  return listed(cell, ID_TYPE, '证件类型', `${ID_DOCUMENT_TYPES.filter((t) => !t.specify).map((t) => t.name).join('/')} or 其他-<证件名称>`);
}

/** Names as the national file writes them, including the Zhejiang short forms and the pre-2021 "其他". */
const PENALTY_TYPE = new Map<string, string>([
  ...PENALTY_TYPES.flatMap((t) => [[t.name, t.code], [t.code, t.code]] as [string, string][]),
  ['暂扣许可证', '11'], ['吊销许可证', '05'], ['限制开展经营活动', '12'], ['吊销执照', '05'], ['吊销营业执照', '05'],
  ['暂扣执照', '11'], ['其他', '07'], ['其他行政处罚', '07'],
]);
// Full names that themselves contain a separator (、) are replaced by their code before splitting.
const JOINED_NAMES = PENALTY_TYPES.filter((t) => /[、，,]/.test(t.name));

/** "警告、罚款" / "01;02" / "罚款 没收违法所得" -> ['01', '02', …], each once, in the order given. */
export function penaltyTypes(cell: string, column: string): string[] {
  let s = cell;
  for (const t of JOINED_NAMES) s = s.split(t.name).join(` ${t.code} `);
  const codes: string[] = [];
  for (const token of s.split(/[；;、,，/\s]+/).filter(Boolean)) {
    const code = PENALTY_TYPE.get(/^\d$/.test(token) ? `0${token}` : token);
    if (code === undefined) {
      const hint = /或者?/.test(token) ? ' (暂扣 and 吊销 are different 处罚类别: name the one applied)' : '';
      throw new CellError(`Unknown 处罚类别 "${token}" in ${column}${hint}: expected names such as ${PENALTY_TYPES.slice(0, 4).map((t) => t.name).join('、')} (GET /v1/code-lists/penalty-types).`);
    }
    if (!codes.includes(code)) codes.push(code);
  }
  return codes;
}

const LICENCE_CATEGORY = new Map<string, string>(LICENCE_CATEGORIES.flatMap((c) => [[c.name, c.code], [c.code, c.code]] as [string, string][]));
/** 许可类别 name or code; "其他-备案" (also 其他：备案, 其他(备案)) -> 06 with the detail. */
export function licenceCategory(cell: string): { category: string; categoryDetail?: string } {
  const other = /^(?:其他|06)\s*[-－—:：(（]\s*(.+?)[)）]?$/.exec(cell);
  if (other) return { category: '06', categoryDetail: other[1]!.trim() };
  return { category: listed(cell, LICENCE_CATEGORY, '许可类别', LICENCE_CATEGORIES.map((c) => c.name).join('/')) };
}

const STATE = new Map<string, 'valid' | 'invalid'>([
  ['有效', 'valid'], ['正常', 'valid'], ['VALID', 'valid'],
  ['无效', 'invalid'], ['撤销', 'invalid'], ['注销', 'invalid'], ['撤回', 'invalid'], ['吊销', 'invalid'], ['失效', 'invalid'], ['INVALID', 'invalid'],
]);
export const licenceState = (cell: string) => listed(cell, STATE, '当前状态', '有效/正常 or 无效/撤销/注销') as 'valid' | 'invalid';
