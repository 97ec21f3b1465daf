/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters, the last a mod-31 check character over a
 * 31-symbol alphabet without I, O, Z, S, V. Positions 9-17 are the GB 11714 organisation code,
 * whose own check character (position 17) is mod 11. See docs/fields.md#credit-code.
 */
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];
const SHAPE = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

/** The check character for the first 17 characters, or null if one of them is outside the alphabet. */
export function creditCodeCheckChar(first17: string): string | null {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = ALPHABET.indexOf(first17[i] ?? '');
    if (v < 0) return null;
    sum += v * WEIGHTS[i]!;
  }
  return ALPHABET[(31 - (sum % 31)) % 31]!;
}

/** GB 11714 check character for an 8-character organisation-code body. */
export function orgCodeCheckChar(body8: string): string | null {
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const ch = body8[i] ?? '';
    const v = /[0-9]/.test(ch) ? Number(ch) : /[A-Z]/.test(ch) ? ch.charCodeAt(0) - 55 : -1;
    if (v < 0) return null;
    sum += v * ORG_WEIGHTS[i]!;
  }
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

export type CreditCodeProblem = 'shape' | 'check-digit' | 'org-code-check-digit';

/** Why a code is invalid, or null if it is a valid 统一社会信用代码. */
export function creditCodeProblem(code: string): CreditCodeProblem | null {
  if (!SHAPE.test(code)) return 'shape';
  if (creditCodeCheckChar(code.slice(0, 17)) !== code[17]) return 'check-digit';
  if (orgCodeCheckChar(code.slice(8, 16)) !== code[16]) return 'org-code-check-digit';
  return null;
}

export const creditCodeMessages: Record<CreditCodeProblem, string> = {
  shape: '统一社会信用代码 must be 18 characters: 2 code characters, 6 digits, 10 characters without I, O, Z, S, V.',
  'check-digit': '统一社会信用代码 check character (position 18, GB 32100 mod 31) does not match.',
  'org-code-check-digit': '组织机构代码 check character (position 17, GB 11714 mod 11) does not match.',
};

/** Completes a 16-character prefix (registration dept, category, region, org-code body) into a valid code. */
export function completeCreditCode(prefix16: string): string {
  const org = orgCodeCheckChar(prefix16.slice(8, 16));
  if (org === null) throw new Error('invalid organisation code body');
  const first17 = prefix16 + org;
  const check = creditCodeCheckChar(first17);
  if (check === null) throw new Error('invalid credit code prefix');
  return first17 + check;
}

/** A code that passes both GB 32100 check characters. */
export const isCreditCode = (code: string): boolean => creditCodeProblem(code) === null;
