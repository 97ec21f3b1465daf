/**
 * Cell conversions of a 市场准入负面清单 file (docs/negative-list-import.md#columns). Each throws CellError with a
 * reason naming the cell's problem; RowContext turns it into a rejected row under the column's name.
 */
import type { CATEGORIES } from '../schemas/negative-list/items.js';
import { provinceMentioned, provinceNamed } from './provinces.js';
import { CellError } from './values.js';

type Category = (typeof CATEGORIES)[number];

const CATEGORY_WORDS: [RegExp, Category][] = [
  [/^禁止(准入)?(类|事项)?$/, 'prohibited'],
  [/^许可(准入)?(类|事项)?$/, 'permitted'],
  [/^prohibited$/i, 'prohibited'],
  [/^permitted$/i, 'permitted'],
];

/** 类别: 禁止准入类 (禁止, 禁止类 …) or 许可准入类 (许可, 许可类 …). */
export function categoryCell(cell: string): Category {
  const s = cell.replace(/\s+/g, '');
  const hit = CATEGORY_WORDS.find(([re]) => re.test(s));
  if (!hit) throw new CellError(`"${cell}" is not a category: 禁止准入类 or 许可准入类.`);
  return hit[1];
}

/** A section heading row of the official table ("一、禁止准入类", "（二）许可准入类"): the category of the items below it. */
const SECTION = /^(?:[一二三四五六七八九十]+[、.．]|\(?[一二三四五六七八九十]\)|第[一二]部分)?(禁止准入类|许可准入类)(?:事项)?$/;

/**
 * The category a row heads when it is a section heading: every non-empty cell holds the same heading (a
 * merged cell may be read into each of its columns, or into the first only). Undefined for any other row.
 */
export function sectionOf(cells: Record<string, string | undefined>): Category | undefined {
  const texts = new Set(Object.values(cells).filter((v): v is string => v !== undefined).map((v) => v.replace(/\s+/g, '').replace(/（/g, '(').replace(/）/g, ')')));
  if (texts.size !== 1) return undefined;
  const m = SECTION.exec([...texts][0]!);
  return m ? (m[1] === '禁止准入类' ? 'prohibited' : 'permitted') : undefined;
}

/** The category the code's first digit suggests (1 = 禁止准入类, 2 = 许可准入类): a convention, not a published rule. */
export const categoryOfCode = (code: string): Category | undefined => (code[0] === '1' ? 'prohibited' : code[0] === '2' ? 'permitted' : undefined);

/** 项目号: a number, as printed (4, "4.", "4、", "（4）"). */
export function itemNoCell(cell: string): number {
  const m = /^[(（]?\s*(\d{1,3})\s*[)）]?\s*[.、．]?$/.exec(cell.trim());
  const n = m ? Number(m[1]) : Number.NaN;
  if (!(n >= 1 && n <= 999)) throw new CellError(`"${cell}" is not an item number (1–999).`);
  return n;
}

/** 事项编码: six digits (a number cell reads as its digits). */
export function itemCodeCell(cell: string): string {
  const s = cell.replace(/\s+/g, '');
  if (!/^\d{6}$/.test(s)) throw new CellError(`"${cell}" is not a 事项编码: it must be 6 digits.`);
  return s;
}

/** ★ at the start or end of a measure: the mark as printed, taken off the text. */
export function starOf(text: string): { text: string; starred: boolean } {
  const t = text.trim();
  const starred = t.startsWith('★') || t.endsWith('★');
  return { text: starred ? t.replace(/^★\s*/, '').replace(/\s*★$/, '') : t, starred };
}

/** 主管部门: several, separated by 、，,;； or line breaks; each kept once. */
export const authoritiesCell = (cell: string): string[] => [...new Set(cell.split(/[、，,;；\n\r]+/).map((s) => s.trim()).filter(Boolean))];

/** A cell that only says "yes, local" without naming where. */
const YES = /^(是|√|✓|✔|Y|yes|地方性|地方|地方性许可事项|地方性许可措施)$/i;

export interface LocalRegion {
  regionCode: string;
  regionName: string;
}

/** A province named on the command line (--local-region 广东省 / 广东 / 440000), or undefined. */
export function regionNamed(text: string): LocalRegion | undefined {
  const p = provinceNamed(text);
  return p && { regionCode: p.code, regionName: p.name };
}

/**
 * 地方性许可事项: the province the measure applies in (广东省, 广东 or 440000). A cell that only marks the
 * measure local ("是") takes `fallback` (--local-region), else the one province the measure's text names.
 */
export function localCell(cell: string, measureText: string, fallback: LocalRegion | undefined): LocalRegion {
  const named = regionNamed(cell);
  if (named) return named;
  if (!YES.test(cell.trim())) throw new CellError(`"${cell}" is not a province (e.g. 广东省) or a mark such as 是: a local measure of a city or county cannot be placed.`);
  if (fallback) return fallback;
  const mentioned = provinceMentioned(measureText);
  if (!mentioned) {
    throw new CellError(`"${cell}" marks a local measure without naming its province, and the measure text names none (or several): write the province (e.g. 广东省) in the cell, or pass --local-region.`);
  }
  return { regionCode: mentioned.code, regionName: mentioned.name };
}
