/**
 * Finds raw 18-digit 公民身份号码 (GB 11643-1999) in any text, the way a reader would recognise one:
 * after Unicode NFKC (full-width digits become ASCII) and with the separators people type inside a number
 * removed (spaces, dashes, dots, zero-width and bidi marks). Masked forms such as 110105********002X have
 * no 18-digit run and are not reported. Written apart from the server's own scanner on purpose: a bug
 * shared by both would hide itself.
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';
// Province-level codes of GB/T 2260 (and 81-83 for the Hong Kong, Macao and Taiwan residence permits).
const PROVINCES = new Set('11 12 13 14 15 21 22 23 31 32 33 34 35 36 37 41 42 43 44 45 46 50 51 52 53 54 61 62 63 64 65 71 81 82 83'.split(' '));
const SEPARATORS = '[\\s\\-\\u2010-\\u2015\\u2212.\\u00b7\\u30fb_/\\u00ad\\u034f\\u061c\\u180e\\u200b-\\u200f\\u202a-\\u202e\\u2060-\\u2069\\ufeff]+';
const BETWEEN_DIGITS = new RegExp(`(?<=[0-9])${SEPARATORS}(?=[0-9Xx])`, 'gu');
const CANDIDATE = /(?<![0-9])[0-9]{17}[0-9Xx](?![0-9])/g;

function isResidentId(candidate: string): boolean {
  if (!PROVINCES.has(candidate.slice(0, 2))) return false;
  const [y, m, d] = [Number(candidate.slice(6, 10)), Number(candidate.slice(10, 12)), Number(candidate.slice(12, 14))];
  const birth = new Date(Date.UTC(y, m - 1, d));
  if (y < 1850 || birth.getUTCMonth() !== m - 1 || birth.getUTCDate() !== d || birth.getTime() > Date.now()) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(candidate[i]) * WEIGHTS[i]!;
  return CHECK[sum % 11] === candidate[17]!.toUpperCase();
}

/** The raw ID numbers in `text`, normalised (ASCII digits, no separators, upper-case X). */
export function rawResidentIds(text: string): string[] {
  const joined = text.normalize('NFKC').replace(BETWEEN_DIGITS, '');
  return (joined.match(CANDIDATE) ?? []).filter(isResidentId).map((id) => id.toUpperCase());
}

/** Raw ID numbers in a response: every header value and the body (raw text and, for JSON, its decoded strings). */
export function rawResidentIdsInResponse(headers: Iterable<[string, string]>, bodyText: string, json: unknown): string[] {
  const texts = [...headers].map(([, value]) => value);
  texts.push(bodyText);
  if (json !== undefined) texts.push(JSON.stringify(json, null, 0).replace(/\\u[0-9a-f]{4}/gi, (e) => String.fromCharCode(parseInt(e.slice(2), 16))));
  for (const value of [...texts]) {
    if (value.includes('%')) texts.push(safeDecode(value));
  }
  return [...new Set(texts.flatMap(rawResidentIds))];
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
