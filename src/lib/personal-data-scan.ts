/**
 * Finds personal data that must not be published inside any text (个人信息保护法 arts. 28 and 51; 行政处罚法
 * art. 50 keeps 个人隐私 confidential): a 居民身份证 number (GB 11643-1999) and a mainland mobile number, however
 * they are written. The text is read the way a person would read it back:
 * - NFKC first, so full-width (１３８), circled (①) and other compatibility digits are plain digits;
 * - digits of any script (Arabic-Indic ٣, Devanagari ३ …) and the Chinese numerals 〇零一二…九 count as digits;
 * - invisible characters (zero-width spaces and joiners, bidi controls, soft hyphens, combining marks) vanish;
 * - up to three characters that are neither letters nor digits (spaces, dashes, dots, brackets, slashes …)
 *   may stand between two digits, so "138.0013.8000" and "1101 0519 9001 0112 34" are still numbers;
 * - a letter ends a number but does not hide one: "ID110105…" is found.
 * A 身份证 number is 18 characters anywhere in such a digit run whose address code starts with a province, whose
 * birth date is a real date from 1800 on and whose check character holds (ISO 7064 MOD 11-2), so it is found
 * glued to other digits too while a random 18-digit reference almost never matches. A mobile number is 11 digits
 * starting 13–19 (optionally after 86 / 0086) made of whole groups of a run: "编号13912345678901" is a longer
 * number, not a phone. 15-digit first-generation ID numbers carry no check digit and look like 工商注册号, so
 * they are not searched for.
 */
import { keptEnds, type MaskingRule } from './masking.js';
import { residentIdCheckChar } from './resident-id.js';

export type PersonalDataKind = 'resident-id' | 'mobile-phone';

/**
 * What a request string may hold, declared on its schema and published in the OpenAPI document under
 * PERSONAL_DATA_KEY (see src/schemas/text.ts): `refused` (neither kind), `masked` (a party identifier slot: a
 * 身份证 number is masked before storage), `public-contact` (an agency's published phone: a mobile is fine) and
 * `number` (a decimal amount or position bounded by its pattern: digits are its meaning, so nothing is searched).
 */
export type PersonalDataPolicy = 'refused' | 'masked' | 'public-contact' | 'number';
export const PERSONAL_DATA_KEY = 'x-personal-data';

interface ResidentIdFound {
  /** The number in canonical form: 17 ASCII digits and a check character (X upper-case). */
  id: string;
  /** Positions (code point indices into the NFKC text) of its 18 characters, for masking in place. */
  positions: number[];
}

export interface PersonalDataFound {
  residentIds: ResidentIdFound[];
  mobile: boolean;
}

// Chinese numerals written digit by digit (一三八〇〇…, 壹叁捌…) spell a number just as well.
const CHINESE_DIGITS = new Map<string, string>([['〇', '0'], ...[...'零一二三四五六七八九'].map((ch, i) => [ch, String(i)] as [string, string]), ...[...'壹贰叁肆伍陆柒捌玖'].map((ch, i) => [ch, String(i + 1)] as [string, string])]);

const DECIMAL_DIGIT = /^\p{Nd}$/u;
const INVISIBLE = /^[\p{Cf}\p{Mn}\p{Me}]$/u;
const SEPARATOR = /^[^\p{L}\p{N}]$/u;
const MAX_GAP = 3;
const PROVINCES = new Set(['11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37', '41', '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65', '71', '81', '82', '83']);
const MOBILE = /^(?:0086|86)?1[3-9]\d{9}$/;

/** The ASCII digit a decimal digit of any script stands for (blocks of ten run from their zero). */
function otherScriptDigit(ch: string): string {
  let cp = ch.codePointAt(0)!;
  let n = 0;
  while (n < 9 && DECIMAL_DIGIT.test(String.fromCodePoint(cp - 1))) {
    cp -= 1;
    n += 1;
  }
  return String(n);
}

const INVISIBLE_CLASS = 'I';
const SEPARATOR_CLASS = 'S';
const OTHER_CLASS = 'O';
/**
 * A character (after NFKC) as the reading above sees it: the ASCII digit it stands for, or INVISIBLE_CLASS,
 * SEPARATOR_CLASS or OTHER_CLASS (letters, and numbers that are not digits). ASCII and the CJK block are
 * classified without regular expressions: they are nearly all the text this API sees.
 */
function classify(ch: string): string {
  const c = ch.charCodeAt(0);
  if (c < 0x80) {
    if (c >= 48 && c <= 57) return ch;
    return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) ? OTHER_CLASS : SEPARATOR_CLASS;
  }
  const chinese = CHINESE_DIGITS.get(ch);
  if (chinese) return chinese;
  if (c >= 0x4e00 && c <= 0x9fff) return OTHER_CLASS;
  if (INVISIBLE.test(ch)) return INVISIBLE_CLASS;
  if (DECIMAL_DIGIT.test(ch)) return otherScriptDigit(ch);
  return SEPARATOR.test(ch) ? SEPARATOR_CLASS : OTHER_CLASS;
}

/** A run of digits (and X, which ends a 身份证 number) with the groups it was written in. */
interface Run {
  units: string;
  positions: number[];
  /** Index in `units` where each written group starts. */
  groupStarts: number[];
}

/** Splits the text into digit runs, reading it as described above. */
function digitRuns(text: string): { chars: string[]; runs: Run[] } {
  const chars = Array.from(text.normalize('NFKC'));
  const runs: Run[] = [];
  let run: Run | null = null;
  let gap = 0;
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    const kind = classify(ch);
    if (kind === INVISIBLE_CLASS) continue;
    // X counts only as a 身份证 check character, after a digit: "x138…" is a letter and a number.
    const isX = ch === 'X' || ch === 'x';
    const digit = isX ? (run !== null && gap <= MAX_GAP && !run.units.endsWith('X') ? 'X' : null) : kind.length === 1 && kind >= '0' && kind <= '9' ? kind : null;
    if (digit !== null) {
      if (run === null || gap > MAX_GAP) runs.push((run = { units: '', positions: [], groupStarts: [0] }));
      else if (gap > 0) run.groupStarts.push(run.units.length);
      run.units += digit;
      run.positions.push(i);
      gap = 0;
    } else if (run !== null && kind === SEPARATOR_CLASS) {
      gap += 1;
    } else {
      run = null;
      gap = 0;
    }
  }
  return { chars, runs };
}

function isResidentId(w: string): boolean {
  if (!PROVINCES.has(w.slice(0, 2)) || w.slice(0, 17).includes('X')) return false;
  const y = Number(w.slice(6, 10));
  const m = Number(w.slice(10, 12));
  const d = Number(w.slice(12, 14));
  if (y < 1800 || m < 1 || m > 12 || d < 1) return false;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCMonth() !== m - 1) return false;
  return residentIdCheckChar(w.slice(0, 17)) === w[17];
}

function hasMobile(run: Run): boolean {
  const { units, groupStarts } = run;
  for (let g = 0; g < groupStarts.length; g++) {
    const from = groupStarts[g]!;
    for (let h = g + 1; h <= groupStarts.length; h++) {
      let end = h < groupStarts.length ? groupStarts[h]! : units.length;
      // An X ends the digits (a mobile then a letter x is still a mobile).
      const x = units.indexOf('X', from);
      const cut = x !== -1 && x < end;
      if (cut) end = x;
      const length = end - from;
      if ((length === 11 || length === 13 || length === 15) && MOBILE.test(units.slice(from, end))) return true;
      if (cut || length > 15) break;
    }
  }
  return false;
}

const NUMERIC = /\p{N}/u;
const CHINESE_DIGIT_CODES = new Set([...CHINESE_DIGITS.keys()].map((ch) => ch.charCodeAt(0)));

/**
 * Whether `text` has enough characters that can read as digits to spell 11 of them: ASCII digits count one,
 * anything else numeric two (NFKC makes at most two digits of one character: ⑳ -> 20).
 */
function mayHoldNumber(text: string): boolean {
  let digits = 0;
  for (let i = 0; i < text.length && digits < 11; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) digits += 1;
    else if (c >= 0x80 && (CHINESE_DIGIT_CODES.has(c) || ((c < 0x4e00 || c > 0x9fff) && NUMERIC.test(text.slice(i, i + 2))))) digits += 2;
  }
  return digits >= 11;
}

function scan(text: string): PersonalDataFound & { chars: string[] } {
  // Most strings (names, titles) cannot spell 11 digits at all: skip the full reading.
  if (!mayHoldNumber(text)) return { residentIds: [], mobile: false, chars: [] };
  const { chars, runs } = digitRuns(text);
  const residentIds: ResidentIdFound[] = [];
  let mobile = false;
  for (const run of runs) {
    for (let i = 0; i + 18 <= run.units.length; i++) {
      const w = run.units.slice(i, i + 18);
      if (isResidentId(w)) {
        residentIds.push({ id: w, positions: run.positions.slice(i, i + 18) });
        i += 17;
      }
    }
    mobile ||= hasMobile(run);
  }
  return { residentIds, mobile, chars };
}

/** The 身份证 numbers and whether a mobile number is in `text` (values are for masking and the age check only). */
export function findPersonalData(text: string): PersonalDataFound {
  const { residentIds, mobile } = scan(text);
  return { residentIds, mobile };
}

/** The kinds of personal data found in `text` (never the values themselves). */
export function personalDataIn(text: string): PersonalDataKind[] {
  const { residentIds, mobile } = scan(text);
  const kinds: PersonalDataKind[] = [];
  if (residentIds.length) kinds.push('resident-id');
  if (mobile) kinds.push('mobile-phone');
  return kinds;
}

/**
 * `text` in NFKC with the hidden characters of every 身份证 number in it replaced by the mask, as maskId does
 * to a bare number (default: first 6 and last 4 kept); separators and surrounding text stay as written.
 */
export function maskResidentIdsIn(text: string, rule: MaskingRule): string {
  const { residentIds, chars } = scan(text);
  if (residentIds.length === 0) return text;
  const { start, end } = keptEnds(18, rule);
  for (const { positions } of residentIds) {
    for (const p of positions.slice(start, 18 - end)) chars[p] = rule.mask;
  }
  return chars.join('');
}

export const personalDataMessages: Record<PersonalDataKind, string> = {
  'resident-id': "Contains a 身份证 number: redact it before publishing (the party's own number goes, masked, in its 证件号码 field).",
  'mobile-phone': 'Contains a mobile phone number: contact details of persons are not published.',
};
