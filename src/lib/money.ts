/**
 * Exact money, never a float. The API speaks yuan (元) as a decimal string with at most 2 decimals; the national
 * 双公示 template (行政处罚 fields 20–21, docs/fields.md#amounts) speaks 万元 with up to 6 decimals.
 * 0.000001 万元 = 0.01 元 = 1 fen, so both scales are the same integer number of fen: yuan input never needs more
 * than 2 decimals, and every 6-decimal 万元 value converts to yuan without rounding. Internally an amount is a BigInt of fen.
 *
 * Bounds: at most 12 integer digits of yuan (< 1 万亿元, as src/schemas/discretion.ts always allowed), i.e. 8 of 万元.
 * Refused with a message naming the problem (usable as a zod issue message): empty, surrounding spaces, negative,
 * leading '+', exponent notation, thousands separators, too many decimals, too many digits, anything else non-numeric.
 * Leading zeros ("007") are accepted and dropped by canonicalization, as before.
 */
import { z } from 'zod';
import { PERSONAL_DATA_KEY, type PersonalDataPolicy } from './personal-data-scan.js';

interface Scale {
  unit: string;
  decimals: number;
  intDigits: number;
  example: string;
}
const YUAN: Scale = { unit: 'yuan (元)', decimals: 2, intDigits: 12, example: '2000.00' };
const WAN: Scale = { unit: '万元', decimals: 6, intDigits: 8, example: '0.200000' };
/** Longer strings are refused before any parsing: a bound on work for hostile input. */
const MAX_LENGTH = 32;

export class MoneyError extends Error {
  override name = 'MoneyError';
}

/** Why `s` is not a valid amount on this scale, or null when it is. */
function problem(s: string, sc: Scale): string | null {
  if (s === '') return `Amount in ${sc.unit} is empty.`;
  if (s.length > MAX_LENGTH) return `Amount in ${sc.unit} is too long: at most ${sc.intDigits} digits before the point and ${sc.decimals} after.`;
  if (s.trim() !== s) return `Amount in ${sc.unit} has leading or trailing spaces.`;
  if (s.startsWith('-')) return `Amount in ${sc.unit} must not be negative.`;
  if (s.startsWith('+')) return `Amount in ${sc.unit} must not start with '+': write the bare number, e.g. "${sc.example}".`;
  if (/[eE]/.test(s)) return `Amount in ${sc.unit} must not use exponent notation: write every digit, e.g. "${sc.example}".`;
  if (/[,，_ ]/.test(s)) return `Amount in ${sc.unit} must not contain thousands separators or spaces.`;
  const m = /^(\d+)(?:\.(\d+))?$/.exec(s);
  if (!m) return `Amount in ${sc.unit} is not a decimal number: expected digits with an optional '.' and decimals, e.g. "${sc.example}".`;
  if (m[2] !== undefined && m[2].length > sc.decimals)
    return `Amount in ${sc.unit} has more than ${sc.decimals} decimals: the smallest unit is 1 fen (0.01 元 = 0.000001 万元).`;
  if (m[1]!.length > sc.intDigits) return `Amount in ${sc.unit} has more than ${sc.intDigits} digits before the point.`;
  return null;
}

function toFen(s: string, sc: Scale): bigint {
  const p = problem(s, sc);
  if (p) throw new MoneyError(p);
  const [whole, fraction = ''] = s.split('.');
  // Scale up to fen: 万元 has 6 decimals = fen, yuan has 2 decimals = fen.
  return BigInt(whole!) * 10n ** BigInt(sc.decimals) + BigInt(fraction.padEnd(sc.decimals, '0') || '0');
}

function fromFen(fen: bigint, decimals: number): string {
  if (fen < 0n) throw new MoneyError('Amount must not be negative.');
  const unit = 10n ** BigInt(decimals);
  return `${fen / unit}.${String(fen % unit).padStart(decimals, '0')}`;
}

/** Why `s` is not a valid yuan amount, or null. */
const yuanProblem = (s: string): string | null => problem(s, YUAN);
/** Why `s` is not a valid 万元 amount (national format), or null. */
const wanProblem = (s: string): string | null => problem(s, WAN);

/** Yuan as a BigInt of fen; throws MoneyError on invalid input. */
export const yuanToFen = (s: string): bigint => toFen(s, YUAN);
/** Fen back to canonical yuan. */
export const fenToYuan = (fen: bigint): string => fromFen(fen, YUAN.decimals);

/** Canonical yuan: no leading zeros, exactly 2 decimals ("2000" -> "2000.00", "007.5" -> "7.50"). */
export const canonicalYuan = (s: string): string => fenToYuan(yuanToFen(s));

/** -1, 0 or 1, exactly (no float ever involved). */
export function compareYuan(a: string, b: string): -1 | 0 | 1 {
  const x = yuanToFen(a);
  const y = yuanToFen(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Yuan to 万元 for the national export, always 6 decimals (decimal(·,6)): "12345.67" -> "1.234567". */
export const yuanToWan = (s: string): string => fromFen(yuanToFen(s), WAN.decimals);

/** 万元 from a national-format import to canonical yuan: "1.234567" -> "12345.67"; more than 6 decimals is refused. */
export const wanToYuan = (s: string): string => fenToYuan(toFen(s, WAN));

/** Canonical 万元 (6 decimals). */
export const canonicalWan = (s: string): string => fromFen(toFen(s, WAN), WAN.decimals);

// The trailing regex never fires on its own (the refinement already rejects everything it rejects, and aborts);
// it is there so the OpenAPI document carries the pattern.
const YUAN_PATTERN = /^\d{1,12}(\.\d{1,2})?$/;
const WAN_PATTERN = /^\d{1,8}(\.\d{1,6})?$/;

/** The longest amount either pattern admits (12 + '.' + 2 for yuan, 8 + '.' + 6 for 万元): published as maxLength. */
const PATTERN_MAX_LENGTH = 15;

function amountSchema(check: (s: string) => string | null, pattern: RegExp) {
  return z
    .string()
    .superRefine((s, ctx) => {
      const p = check(s);
      if (p) ctx.addIssue({ code: 'custom', message: p, continue: false });
    })
    .regex(pattern)
    .max(PATTERN_MAX_LENGTH)
    .meta({ [PERSONAL_DATA_KEY]: 'number' satisfies PersonalDataPolicy });
}

/** Yuan as a decimal string, validated but as given; pair with canonicalYuan (or YuanAmountCanonical) before storing. */
export const YuanAmount = amountSchema(yuanProblem, YUAN_PATTERN).meta({ title: '金额(元)', example: '2000.00' });
/** Yuan, output canonicalized to 2 decimals. */
// overwrite, not transform: the request schema stays a string, so the OpenAPI document still shows its pattern.
export const YuanAmountCanonical = YuanAmount.overwrite(canonicalYuan);
/** 万元 as in the national format (decimal(·,6)). */
export const WanAmount = amountSchema(wanProblem, WAN_PATTERN).meta({ title: '金额(万元)', example: '1.234567' });
/**
 * A published yuan amount: always canonical (fenToYuan), so exactly 2 decimals. A decimal string, never a JSON
 * number, so that no client reads it into a binary float; the pattern tells generated clients so.
 */
export const PublishedYuan = z
  .string()
  .regex(/^\d{1,12}\.\d{2}$/)
  .max(PATTERN_MAX_LENGTH)
  .meta({ title: '金额(元)', description: 'Yuan as a decimal string with exactly 2 decimals.', example: '2000.00' });
