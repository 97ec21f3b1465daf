/**
 * 公民身份号码 (GB 11643-1999), the number on the 居民身份证: 6-digit address code (GB/T 2260),
 * 8-digit birth date YYYYMMDD, 3-digit sequence (odd = male), and a check character
 * (ISO 7064 MOD 11-2: weights 2^(17-i) mod 11, remainder mapped through '10X98765432').
 *
 * Decisions (docs/fields.md#resident-id and docs/personal-data.md#minors; issue 4 items 4–5):
 * - Lowercase 'x' in the check position is accepted (phone keyboards and spreadsheets produce it) and
 *   `normalizeResidentId` turns it into the standard 'X'; store and mask only the normalized form.
 *   A lowercase letter anywhere else is a shape error.
 * - 15-digit first-generation numbers are refused ('legacy-15'): those cards stopped being valid on
 *   2013-01-01, they carry no check digit, and their 2-digit year cannot prove age on its own.
 * - Ages follow 周岁 on the Gregorian calendar: the age goes up on the birthday itself, so a person is
 *   an adult on their 18th birthday. A 29 February birthday falls on 1 March in common years (the
 *   later, protective choice for the minors rule).
 * Nothing here logs; error messages never echo the number.
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';
// Province-level prefixes of GB/T 2260 plus 81/82/83, used by 港澳台居民居住证 numbers of the same format.
const PROVINCES = new Set([
  11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71,
  81, 82, 83,
]);
const SHAPE = /^\d{17}[\dX]$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** Nobody born earlier is alive; the bound also keeps year arithmetic sane. GB 11643's own example is from 1880. */
const EARLIEST_BIRTH = '1800-01-01';

export type ResidentIdProblem = 'shape' | 'legacy-15' | 'address-code' | 'birth-date' | 'check-digit';

export const residentIdMessages: Record<ResidentIdProblem, string> = {
  shape: '居民身份证号码 must be 18 characters: 17 digits and a check character (digit or X).',
  'legacy-15': '15-digit first-generation 居民身份证 numbers are not accepted; give the 18-digit number (GB 11643-1999).',
  'address-code': '居民身份证号码 positions 1–6 must be an address code (GB/T 2260) starting with a province code.',
  'birth-date': '居民身份证号码 positions 7–14 must be a real birth date (YYYYMMDD), not in the future.',
  'check-digit': '居民身份证号码 check character (position 18, GB 11643 mod 11) does not match.',
};

/** Upper-cases a trailing 'x' only; whitespace and everything else is left for `residentIdProblem` to judge. */
export function normalizeResidentId(id: string): string {
  return id.length === 18 && id.endsWith('x') ? `${id.slice(0, 17)}X` : id;
}

/** The check character for 17 digits, or null if the input is not 17 ASCII digits. */
export function residentIdCheckChar(first17: string): string | null {
  if (!/^\d{17}$/.test(first17)) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
}

/** True when y-m-d is a real Gregorian date. */
function isCalendarDate(y: number, m: number, d: number): boolean {
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}

/** Today's date in China (UTC+8, no DST), the calendar the birth dates are written in. */
export function todayInChina(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

/** YYYY-MM-DD from positions 7–14 if they form a real calendar date; null otherwise. Ignores the check digit. */
export function birthDateOf(id: string): string | null {
  const n = normalizeResidentId(id);
  if (!SHAPE.test(n)) return null;
  const y = Number(n.slice(6, 10));
  const m = Number(n.slice(10, 12));
  const d = Number(n.slice(12, 14));
  if (!isCalendarDate(y, m, d)) return null;
  return `${n.slice(6, 10)}-${n.slice(10, 12)}-${n.slice(12, 14)}`;
}

/**
 * Why an ID is invalid, or null if it is a valid 18-digit number. Accepts a lowercase trailing 'x'
 * (see normalizeResidentId); surrounding whitespace is a shape error, as for credit codes.
 * `today` (YYYY-MM-DD, China time) is injectable for tests.
 */
export function residentIdProblem(id: string, today: string = todayInChina()): ResidentIdProblem | null {
  const n = normalizeResidentId(id);
  if (/^\d{15}$/.test(n)) return 'legacy-15';
  if (!SHAPE.test(n)) return 'shape';
  if (!PROVINCES.has(Number(n.slice(0, 2)))) return 'address-code';
  const birth = birthDateOf(n);
  if (birth === null || birth < EARLIEST_BIRTH || birth > today) return 'birth-date';
  if (residentIdCheckChar(n.slice(0, 17)) !== n[17]) return 'check-digit';
  return null;
}

function parseIsoDate(iso: string): [number, number, number] {
  const m = ISO_DATE.exec(iso);
  const parts = m ? ([Number(m[1]), Number(m[2]), Number(m[3])] as const) : null;
  if (!parts || !isCalendarDate(...parts)) throw new RangeError('date must be a real calendar date as YYYY-MM-DD');
  return [...parts];
}

/**
 * Full years (周岁) on `isoDate`. Comparing (month, day) lexicographically gives the 29 February rule
 * for free: 28 Feb < 29 Feb, 1 Mar > 29 Feb. Throws RangeError if the ID has no readable birth date or
 * the date precedes birth: callers validate first, so both are programming errors.
 */
export function ageOn(id: string, isoDate: string): number {
  const birth = birthDateOf(id);
  if (birth === null) throw new RangeError('居民身份证号码 has no valid birth date');
  const [by, bm, bd] = parseIsoDate(birth);
  const [y, m, d] = parseIsoDate(isoDate);
  const age = y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
  if (age < 0) throw new RangeError('date precedes the birth date in the 居民身份证号码');
  return age;
}

export const AGE_OF_MAJORITY = 18;

/** Under 18 on `isoDate` (e.g. the decision date). Must run before masking: masking hides the birth date. */
export function isMinorOn(id: string, isoDate: string): boolean {
  return ageOn(id, isoDate) < AGE_OF_MAJORITY;
}

/** Builds a valid number from its parts; used by tests and seed data. */
export function completeResidentId(first17: string): string {
  const check = residentIdCheckChar(first17);
  if (check === null) throw new Error('first17 must be 17 digits');
  return first17 + check;
}
