/**
 * How an attacker (or a careless clerk) writes a 身份证 or mobile number so that a naive scanner misses it, and an
 * independent detector that finds the raw number again in anything the API stores, sends or logs. The detector
 * shares no code with src/lib/personal-data-scan.ts: it folds the text to plain digits its own way and looks for
 * the exact numbers a test injected.
 */
import { isCreditCode } from '../../src/lib/credit-code.js';
import { completeResidentId } from '../../src/lib/resident-id.js';

export interface Evasion {
  name: string;
  /** Writes `number` (ASCII digits, maybe a final X) the evasive way. */
  write(number: string): string;
}

const fullWidth = (s: string) => s.replace(/[0-9X]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
const arabicIndic = (s: string) => s.replace(/[0-9]/g, (c) => String.fromCharCode(0x0660 + Number(c)));
const chinese = (s: string) => s.replace(/[0-9]/g, (c) => '〇一二三四五六七八九'[Number(c)]!);
const between = (sep: string) => (s: string) => [...s].join(sep);
const grouped = (sizes: number[], sep: string) => (s: string) => {
  const parts: string[] = [];
  let i = 0;
  for (const n of sizes) parts.push(s.slice(i, (i += n)));
  if (i < s.length) parts.push(s.slice(i));
  return parts.filter(Boolean).join(sep);
};

/** Ways to write an 18-character 身份证 number. */
export const ID_EVASIONS: Evasion[] = [
  { name: 'plain', write: (n) => n },
  { name: 'spaces 6-8-4', write: grouped([6, 8, 4], ' ') },
  { name: 'hyphens 6-4-4-4', write: grouped([6, 4, 4, 4], '-') },
  { name: 'dots', write: grouped([3, 3, 4, 4, 4], '.') },
  { name: 'zero-width spaces', write: between('\u200b') },
  { name: 'word joiners', write: between('\u2060') },
  { name: 'full-width digits', write: fullWidth },
  { name: 'full-width with ideographic spaces', write: (n) => grouped([6, 8, 4], '\u3000')(fullWidth(n)) },
  { name: 'Latin letters around', write: (n) => `ID${n}x` },
  { name: 'inside a Chinese sentence', write: (n) => `当事人张某（公民身份号码：${n}）` },
  { name: 'lower-case check character', write: (n) => n.toLowerCase() },
  { name: 'Arabic-Indic digits', write: arabicIndic },
  { name: 'Chinese numerals', write: chinese },
  { name: 'slashes and brackets', write: (n) => `(${n.slice(0, 6)})/${n.slice(6, 14)}/${n.slice(14)}` },
];

/** Ways to write an 11-digit mobile number. */
export const MOBILE_EVASIONS: Evasion[] = [
  { name: 'plain', write: (n) => n },
  { name: '138.0013.8000', write: grouped([3, 4, 4], '.') },
  { name: '+86 138-0013-8000', write: (n) => `+86 ${grouped([3, 4, 4], '-')(n)}` },
  { name: '0086 prefix', write: (n) => `0086${n}` },
  { name: 'digit by digit', write: between(' ') },
  { name: 'full-width digits', write: fullWidth },
  { name: 'zero-width joiners', write: between('\u200d') },
  { name: 'Latin letter before', write: (n) => `Tel${n}` },
  { name: 'Chinese numerals', write: chinese },
  { name: 'in brackets', write: (n) => `联系电话(${n.slice(0, 3)})${n.slice(3)}` },
];

let idSerial = 0;
/**
 * A new valid 身份证 number of an adult (born 1970–1999), different on every call within a process. Never one
 * that also passes as a 统一社会信用代码 (about 1 in 341 do): a credit-code field rightly publishes those.
 */
export function freshAdultId(): string {
  idSerial += 1;
  const id = adultId();
  return isCreditCode(id) ? freshAdultId() : id;
}

function adultId(): string {
  const day = new Date(Date.UTC(1970, 0, 1) + ((idSerial * 7919) % 10950) * 86_400_000);
  const birth = day.toISOString().slice(0, 10).replaceAll('-', '');
  return completeResidentId(`44010${idSerial % 10}${birth}${String(100 + (idSerial % 900)).slice(-3)}`);
}

/** A 身份证 number of someone born on `birthDate` (YYYY-MM-DD). */
export function idBornOn(birthDate: string): string {
  idSerial += 1;
  const id = completeResidentId(`310104${birthDate.replaceAll('-', '')}${String(100 + (idSerial % 900)).slice(-3)}`);
  return isCreditCode(id) ? idBornOn(birthDate) : id;
}

let mobileSerial = 0;
/** A new mobile number (139 + 8 digits), different on every call within a process. */
export function freshMobile(): string {
  mobileSerial += 1;
  return `139${String((mobileSerial * 1_234_567) % 100_000_000).padStart(8, '0')}`;
}

const CHINESE = new Map([...'〇零一二三四五六七八九'].map((c, i) => [c, String(Math.max(0, i - 1))]));

/** `text` reduced to its digits (any script) and X, everything else dropped. */
function digitsOf(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFKC')) {
    const cp = ch.codePointAt(0)!;
    if (ch >= '0' && ch <= '9') out += ch;
    else if (ch === 'X' || ch === 'x') out += 'X';
    else if (cp >= 0x0660 && cp <= 0x0669) out += String(cp - 0x0660);
    else if (cp >= 0x06f0 && cp <= 0x06f9) out += String(cp - 0x06f0);
    else if (CHINESE.has(ch)) out += CHINESE.get(ch);
  }
  return out;
}

/** Which of `numbers` can be read back from `text`, however it was written there. */
export function rawNumbersIn(text: string, numbers: Iterable<string>): string[] {
  const digits = digitsOf(text);
  return [...numbers].filter((n) => digits.includes(n.toUpperCase()));
}
