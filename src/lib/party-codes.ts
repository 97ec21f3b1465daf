/**
 * Party identifier slots of the national 双公示 template (fields 2–4; docs/fields.md#individual-business-placeholder).
 *
 * A 个体工商户 without a 统一社会信用代码 enters the placeholder 17 zeros + "X" in 行政相对人代码_1, and
 * then 行政相对人代码_2 (工商注册号) is required. The placeholder is NOT a valid credit code (its mod-31
 * check character would be '0'), so callers test for it before running creditCodeProblem. It is
 * matched exactly: a lowercase 'x' is not the placeholder, as credit codes are upper-case only.
 *
 * 工商注册号 (市场主体注册号, 2007 rules, GS15-2006): 15 digits = 6-digit registration authority
 * (行政区划) code, 8-digit sequence, 1 check digit by ISO 7064 hybrid MOD 11,10 (GB/T 17710). The
 * algorithm was checked against published registration numbers and a property test (every single-digit
 * substitution is detected). Older 13-digit numbers (pre-2007) have no check digit and are refused as 'shape'.
 */
import { creditCodeProblem, type CreditCodeProblem } from './credit-code.js';

export const INDIVIDUAL_BUSINESS_PLACEHOLDER = '00000000000000000X';

export const PARTY_CATEGORIES = ['法人及非法人组织', '自然人', '个体工商户'] as const;
export type PartyCategory = (typeof PARTY_CATEGORIES)[number];

export function isIndividualBusinessPlaceholder(code1: string | null | undefined): boolean {
  return code1 === INDIVIDUAL_BUSINESS_PLACEHOLDER;
}

/** 工商注册号 (代码_2) is required exactly when a 个体工商户 gives the placeholder as 代码_1. */
export function registrationNumberRequired(category: PartyCategory, code1: string | null | undefined): boolean {
  return category === '个体工商户' && isIndividualBusinessPlaceholder(code1);
}

export type PartyCode1Problem = CreditCodeProblem | 'placeholder-not-individual-business';

export const partyCode1Messages: Record<'placeholder-not-individual-business', string> = {
  'placeholder-not-individual-business':
    'The placeholder 00000000000000000X in 行政相对人代码_1 is only for a 个体工商户 without a 统一社会信用代码.',
};

/**
 * Checks 行政相对人代码_1 for a party category: the placeholder is accepted only for 个体工商户
 * (pair it with registrationNumberRequired); anything else must be a valid 统一社会信用代码.
 */
export function partyCode1Problem(category: PartyCategory, code1: string): PartyCode1Problem | null {
  if (isIndividualBusinessPlaceholder(code1)) return category === '个体工商户' ? null : 'placeholder-not-individual-business';
  return creditCodeProblem(code1);
}

/**
 * ISO 7064 MOD 11,10 check digit for 14 digits, or null if the input is not 14 ASCII digits.
 * p starts at 10; per digit s = (p mod 11) + d, p = 2·(s mod 10, with 0 read as 10). A number is valid
 * when the final s ≡ 1 (mod 10), so the check digit is (11 − p mod 11) mod 10; p mod 11 is never 0.
 */
export function registrationNumberCheckDigit(first14: string): string | null {
  if (!/^\d{14}$/.test(first14)) return null;
  let p = 10;
  for (const ch of first14) {
    const s = (p % 11) + Number(ch);
    p = 2 * (s % 10 === 0 ? 10 : s % 10);
  }
  return String((11 - (p % 11)) % 10);
}

export type RegistrationNumberProblem = 'shape' | 'check-digit';

export const registrationNumberMessages: Record<RegistrationNumberProblem, string> = {
  shape: '工商注册号 must be 15 digits (6-digit registration authority code, 8-digit sequence, check digit).',
  'check-digit': '工商注册号 check digit (position 15, ISO 7064 MOD 11,10) does not match.',
};

/** Why a 工商注册号 is invalid, or null if it is a valid 15-digit registration number. */
export function registrationNumberProblem(value: string): RegistrationNumberProblem | null {
  if (!/^\d{15}$/.test(value)) return 'shape';
  if (registrationNumberCheckDigit(value.slice(0, 14)) !== value[14]) return 'check-digit';
  return null;
}

/** Completes 14 digits into a valid registration number; used by tests and seed data. */
export function completeRegistrationNumber(first14: string): string {
  const check = registrationNumberCheckDigit(first14);
  if (check === null) throw new Error('first14 must be 14 digits');
  return first14 + check;
}
