/*
 * Article numbers. The API addresses an article as "39" (第三十九条) or "39-1" (第三十九条之一, an article
 * inserted by an amendment); the label and the sort ordinal follow from the number.
 */

/** Canonical article number: no leading zeros, 1-9999, optional 之N suffix 1-99. */
export const ARTICLE_NO = /^[1-9]\d{0,3}(-[1-9]\d?)?$/;

const DIGITS = '零一二三四五六七八九';
const UNITS = ['', '十', '百', '千'];

/** 1-9999 in Chinese numerals as statutes write them: 十 (not 一十), 一百一十, 一百零一, 一千零一. */
export function chineseNumber(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 9999) throw new RangeError('chineseNumber: 1-9999 only');
  const digits = String(n).split('').map(Number);
  let out = '';
  let pendingZero = false;
  digits.forEach((d, i) => {
    const unit = UNITS[digits.length - 1 - i]!;
    if (d === 0) {
      pendingZero = out !== '';
      return;
    }
    if (pendingZero) out += '零';
    pendingZero = false;
    out += (d === 1 && unit === '十' && out === '' ? '' : DIGITS[d]) + unit;
  });
  return out;
}

/** "39" → 第三十九条; "39-1" → 第三十九条之一. */
export function articleLabel(no: string): string {
  const [main, sub] = no.split('-').map(Number);
  return `第${chineseNumber(main!)}条` + (sub ? `之${chineseNumber(sub)}` : '');
}

/** Sort key: 39 → 3900, 39-1 → 3901, so inserted articles sort after the one they follow. */
export function articleOrdinal(no: string): number {
  const [main, sub] = no.split('-').map(Number);
  return main! * 100 + (sub ?? 0);
}

/** Parses a Chinese numeral (as in 第六十三条) back to a number; null when it is not one. */
export function parseChineseNumber(text: string): number | null {
  if (!/^[零一二三四五六七八九十百千]+$/.test(text)) return null;
  let total = 0;
  let digit = 0;
  for (const ch of text) {
    const d = DIGITS.indexOf(ch);
    if (d >= 0) {
      digit = d;
      continue;
    }
    const unit = ch === '十' ? 10 : ch === '百' ? 100 : 1000;
    total += (digit || (unit === 10 ? 1 : 0)) * unit;
    digit = 0;
  }
  return total + digit || null;
}
