import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { completeCreditCode, creditCodeCheckChar, creditCodeProblem, orgCodeCheckChar } from '../src/lib/credit-code.js';
import { spec } from './support/spec-check.js';

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** Real, published 统一社会信用代码 (enterprise registrations with 市场监管, category 1). */
const REAL_CODES = ['91330100716105852F', '9144030071526726XG', '914403001922038216', '91110000802100433B', '91350100M000100Y43'];

describe('统一社会信用代码 (GB 32100-2015)', () => {
  it.each(REAL_CODES)('accepts the published code %s', (code) => {
    expect(creditCodeProblem(code)).toBeNull();
    expect(creditCodeCheckChar(code.slice(0, 17))).toBe(code[17]);
    expect(orgCodeCheckChar(code.slice(8, 16))).toBe(code[16]);
    expect(completeCreditCode(code.slice(0, 16))).toBe(code);
  });

  it.each([
    ['91330100716105852G', 'check-digit', 'last character changed'],
    ['91330100716105852E', 'check-digit', 'last character changed'],
    ['9144030071526726X1', 'check-digit', 'last character changed'],
    ['91330100716105862F', 'check-digit', 'a body digit changed'],
    ['81330100716105852F', 'check-digit', 'registration department changed'],
    ['91350100m000100y43', 'shape', 'lowercase letters'],
    ['9144030071526726xg', 'shape', 'lowercase check characters'],
    ['91350100I000100Y43', 'shape', 'letter I is never used'],
    ['91350100O000100Y43', 'shape', 'letter O is never used'],
    ['91350100Z000100Y43', 'shape', 'letter Z is never used'],
    ['91350100S000100Y43', 'shape', 'letter S is never used'],
    ['91350100V000100Y43', 'shape', 'letter V is never used'],
    ['9133010071610585F', 'shape', '17 characters'],
    ['91330100716105852FF', 'shape', '19 characters'],
    ['', 'shape', 'empty'],
    [' 91330100716105852F', 'shape', 'leading space'],
    ['91330100716105852F ', 'shape', 'trailing space'],
    ['913301007161058５2F', 'shape', 'full-width digit'],
    ['913A0100716105852F', 'shape', 'letter in the region code'],
    ['91330100716105862G', 'org-code-check-digit', 'org-code body changed, mod-31 recomputed'],
  ])('rejects %s (%s: %s)', (code, problem) => {
    expect(creditCodeProblem(code)).toBe(problem);
  });

  it('builds the org-code-check-digit case above correctly', () => {
    // Guards the table: position 16 was changed and position 18 recomputed, so only GB 11714 (position 17) fails.
    expect(creditCodeCheckChar('91330100716105862')).toBe('G');
    expect(orgCodeCheckChar('71610586')).not.toBe('2');
  });

  it('rejects a prefix outside the alphabet', () => {
    expect(creditCodeCheckChar('91330100I16105852')).toBeNull();
    expect(() => completeCreditCode('91330100I1610585')).toThrow();
  });

  it('publishes only valid credit codes as examples in the OpenAPI document', () => {
    const examples: unknown[] = [];
    JSON.stringify(spec, (_key, value: unknown) => {
      if (value && typeof value === 'object' && (value as { title?: string }).title === '统一社会信用代码') {
        examples.push((value as { example?: unknown }).example);
      }
      return value;
    });
    expect(examples.length).toBeGreaterThan(0);
    for (const example of examples) expect(creditCodeProblem(String(example)), String(example)).toBeNull();
  });
});

const symbol = fc.constantFrom(...ALPHABET);
const digit = fc.constantFrom(...'0123456789');
/** Any 16-character prefix the standard allows: 2 code characters, 6 region digits, 8 org-code characters. */
const prefix16 = fc
  .tuple(fc.array(symbol, { minLength: 2, maxLength: 2 }), fc.array(digit, { minLength: 6, maxLength: 6 }), fc.array(symbol, { minLength: 8, maxLength: 8 }))
  .map(([a, b, c]) => [...a, ...b, ...c].join(''));
/** Replacement characters: the alphabet, the forbidden letters, lowercase, punctuation and CJK. */
const anyChar = fc.constantFrom(...(ALPHABET + 'IOZSVabcxyz -_.#中'));

describe('credit-code properties', () => {
  it('completes every valid 16-character prefix into a code the validator accepts', () => {
    fc.assert(
      fc.property(prefix16, (prefix) => {
        const code = completeCreditCode(prefix);
        expect(code).toHaveLength(18);
        expect(code.startsWith(prefix)).toBe(true);
        expect(creditCodeProblem(code)).toBeNull();
      }),
      { numRuns: 2000 },
    );
  });

  it('detects every single-character change of a valid code', () => {
    fc.assert(
      fc.property(prefix16, fc.integer({ min: 0, max: 17 }), anyChar, (prefix, position, replacement) => {
        const code = completeCreditCode(prefix);
        fc.pre(code[position] !== replacement);
        const changed = code.slice(0, position) + replacement + code.slice(position + 1);
        expect(creditCodeProblem(changed)).not.toBeNull();
      }),
      { numRuns: 5000 },
    );
  });
});
