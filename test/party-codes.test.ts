import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { creditCodeProblem } from '../src/lib/credit-code.js';
import {
  INDIVIDUAL_BUSINESS_PLACEHOLDER,
  completeRegistrationNumber,
  isIndividualBusinessPlaceholder,
  partyCode1Problem,
  registrationNumberCheckDigit,
  registrationNumberProblem,
  registrationNumberRequired,
  type PartyCategory,
} from '../src/lib/party-codes.js';

/**
 * Independent oracle: ISO 7064 MOD 11,10 verification as usually written for 工商注册号 — run all 15
 * digits through the recurrence, valid iff the last s ≡ 1 (mod 10).
 */
function oracleValid(n: string): boolean {
  let p = 10;
  let s = 0;
  for (const ch of n) {
    s = (p % 11) + Number(ch);
    p = ((s % 10) || 10) * 2;
  }
  return s % 10 === 1;
}

/** Registration numbers recalled from published business licences (Shenzhen, Beijing, Hangzhou). Each passing
 * by chance has odds 1 in 10, so four passes is the evidence that the algorithm is the right one. */
const PUBLISHED = ['440301103448669', '110108012660422', '330100400015575', '440301103097413'];

describe('个体工商户 placeholder (national 行政处罚 field #3, docs/fields.md#individual-business-placeholder)', () => {
  it('is 17 zeros and X, and is not itself a valid credit code', () => {
    expect(INDIVIDUAL_BUSINESS_PLACEHOLDER).toBe(`${'0'.repeat(17)}X`);
    expect(creditCodeProblem(INDIVIDUAL_BUSINESS_PLACEHOLDER)).toBe('check-digit');
  });

  it.each<[PartyCategory, string | null | undefined, boolean]>([
    ['个体工商户', INDIVIDUAL_BUSINESS_PLACEHOLDER, true],
    ['个体工商户', '92330100MA2H4B5N7R', false],
    ['个体工商户', '00000000000000000x', false],
    ['个体工商户', '000000000000000000', false],
    ['个体工商户', undefined, false],
    ['法人及非法人组织', INDIVIDUAL_BUSINESS_PLACEHOLDER, false],
    ['自然人', INDIVIDUAL_BUSINESS_PLACEHOLDER, false],
    ['自然人', null, false],
  ])('%s with 代码_1 %s: 工商注册号 required = %s', (category, code1, required) => {
    expect(registrationNumberRequired(category, code1)).toBe(required);
  });

  it.each<[PartyCategory, string, string | null]>([
    ['个体工商户', INDIVIDUAL_BUSINESS_PLACEHOLDER, null],
    ['法人及非法人组织', INDIVIDUAL_BUSINESS_PLACEHOLDER, 'placeholder-not-individual-business'],
    ['自然人', INDIVIDUAL_BUSINESS_PLACEHOLDER, 'placeholder-not-individual-business'],
    ['法人及非法人组织', '91330100716105852F', null],
    ['个体工商户', '91330100716105852F', null],
    ['个体工商户', '91330100716105852G', 'check-digit'],
    ['个体工商户', '00000000000000000x', 'shape'],
  ])('代码_1 for %s: %s → %s', (category, code1, problem) => {
    expect(partyCode1Problem(category, code1)).toBe(problem);
  });

  it('recognises only the exact placeholder', () => {
    expect(isIndividualBusinessPlaceholder(INDIVIDUAL_BUSINESS_PLACEHOLDER)).toBe(true);
    expect(isIndividualBusinessPlaceholder(` ${INDIVIDUAL_BUSINESS_PLACEHOLDER}`)).toBe(false);
    expect(isIndividualBusinessPlaceholder(null)).toBe(false);
  });
});

describe('工商注册号 (15 digits, ISO 7064 MOD 11,10)', () => {
  it.each(PUBLISHED)('accepts %s', (n) => {
    expect(registrationNumberProblem(n)).toBeNull();
    expect(oracleValid(n)).toBe(true);
    expect(registrationNumberCheckDigit(n.slice(0, 14))).toBe(n[14]);
  });

  it.each([
    ['440301103448660', 'check-digit', 'check digit changed'],
    ['440301103448679', 'check-digit', 'sequence digit changed'],
    ['440301103484669', 'check-digit', 'adjacent digits swapped'],
    ['44030110344866', 'shape', '14 digits'],
    ['4403011034486690', 'shape', '16 digits'],
    ['4403011034486', 'shape', '13-digit pre-2007 number'],
    ['44030110344866X', 'shape', 'letter'],
    [' 440301103448669', 'shape', 'leading space'],
    ['44030110344866９', 'shape', 'full-width digit'],
    ['', 'shape', 'empty'],
  ])('rejects %s (%s: %s)', (n, problem) => {
    expect(registrationNumberProblem(n)).toBe(problem);
  });

  it('completes synthetic prefixes, e.g. a 个体工商户 sequence (7th digit 6–9)', () => {
    const n = completeRegistrationNumber('33010660012345');
    expect(registrationNumberProblem(n)).toBeNull();
    expect(() => completeRegistrationNumber('3301066001234')).toThrow();
    expect(registrationNumberCheckDigit('3301066001234A')).toBeNull();
  });
});

const arbFirst14 = fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 14, maxLength: 14 }).map((d) => d.join(''));

describe('properties', () => {
  it('a computed check digit always validates, and agrees with the oracle', () => {
    fc.assert(
      fc.property(arbFirst14, (first14) => {
        const n = completeRegistrationNumber(first14);
        return registrationNumberProblem(n) === null && oracleValid(n);
      }),
    );
  });

  it('exactly one of the ten check digits is valid for any prefix', () => {
    fc.assert(
      fc.property(arbFirst14, (first14) => [...'0123456789'].filter((c) => oracleValid(first14 + c)).length === 1),
    );
  });

  it('changing any one digit invalidates', () => {
    fc.assert(
      fc.property(arbFirst14, fc.integer({ min: 0, max: 14 }), fc.integer({ min: 1, max: 9 }), (first14, pos, shift) => {
        const n = completeRegistrationNumber(first14);
        const changed = String((Number(n[pos]) + shift) % 10);
        return registrationNumberProblem(n.slice(0, pos) + changed + n.slice(pos + 1)) === 'check-digit';
      }),
    );
  });
});
