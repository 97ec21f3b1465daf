import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { canonicalYuan, compareYuan, wanToYuan, yuanToFen, yuanToWan, YuanAmount, WanAmount, canonicalWan } from '../src/lib/money.js';

const issue = (s: unknown) => YuanAmount.safeParse(s).error?.issues.map((i) => i.message);
const fenArb = fc.bigInt({ min: 0n, max: 10n ** 14n - 1n }); // 12 integer digits + 2 decimals
const toYuan = (f: bigint) => `${f / 100n}.${String(f % 100n).padStart(2, '0')}`;

describe('money', () => {
  it.each([
    ['2000', '2000.00'],
    ['2000.5', '2000.50'],
    ['007.05', '7.05'],
    ['0', '0.00'],
    ['999999999999.99', '999999999999.99'],
  ])('canonicalizes %s to %s', (input, out) => {
    expect(YuanAmount.safeParse(input).success).toBe(true);
    expect(canonicalYuan(input)).toBe(out);
  });

  it.each([
    ['', /empty/],
    ['-1', /negative/],
    ['+1', /'\+'/],
    ['1e5', /exponent/],
    ['1E5', /exponent/],
    ['30,000', /separators/],
    ['1.234', /more than 2 decimals/],
    ['1234567890123', /more than 12 digits/],
    [' 1', /spaces/],
    ['20.', /not a decimal number/],
    ['.5', /not a decimal number/],
    ['3万', /not a decimal number/],
    ['NaN', /not a decimal number/],
    ['1'.repeat(1000), /too long/],
  ])('refuses %j naming the problem', (input, message) => {
    const msgs = issue(input);
    expect(msgs).toHaveLength(1);
    expect(msgs![0]).toMatch(message);
    expect(() => canonicalYuan(input)).toThrow(message);
  });

  it('refuses a number', () => expect(YuanAmount.safeParse(2000).success).toBe(false));

  it('converts between yuan and 万元 exactly', () => {
    expect(yuanToWan('12345.67')).toBe('1.234567');
    expect(wanToYuan('1.234567')).toBe('12345.67');
    expect(yuanToWan('2000')).toBe('0.200000');
    expect(wanToYuan('0.2')).toBe('2000.00');
    expect(wanToYuan('0.000001')).toBe('0.01');
    expect(yuanToWan('999999999999.99')).toBe('99999999.999999');
    // 0.1 + 0.2 style float traps do not exist here.
    expect(wanToYuan('0.300000')).toBe('3000.00');
  });

  it.each([
    ['1.2345678', /more than 6 decimals/],
    ['-0.1', /negative/],
    ['1e-6', /exponent/],
    ['123456789', /more than 8 digits/],
  ])('refuses 万元 %j', (input, message) => {
    expect(() => wanToYuan(input)).toThrow(message);
    expect(WanAmount.safeParse(input).error?.issues[0]?.message).toMatch(message);
  });

  it('compares exactly', () => {
    expect(compareYuan('2000', '2000.00')).toBe(0);
    expect(compareYuan('99.99', '100')).toBe(-1);
    expect(compareYuan('0.10', '0.09')).toBe(1);
  });

  it('property: wanToYuan ∘ yuanToWan is canonicalization, and yuanToWan ∘ wanToYuan is identity on canonical 万元', () => {
    fc.assert(
      fc.property(fenArb, (f) => {
        const yuan = toYuan(f);
        const wan = yuanToWan(yuan);
        expect(wanToYuan(wan)).toBe(canonicalYuan(yuan));
        expect(yuanToWan(wanToYuan(wan))).toBe(wan);
        expect(canonicalWan(wan)).toBe(wan);
      }),
    );
  });

  it('property: canonical form is idempotent and keeps the value', () => {
    const loose = fc.tuple(fc.bigInt({ min: 0n, max: 10n ** 10n }), fc.constantFrom('', '.', '.0'), fc.nat(9)).map(([w, sep, d]) => `${w}${sep === '.' ? `.${d}` : sep === '.0' ? `.0${d}` : ''}`);
    fc.assert(
      fc.property(loose, (s) => {
        const c = canonicalYuan(s);
        expect(canonicalYuan(c)).toBe(c);
        expect(yuanToFen(c)).toBe(yuanToFen(s));
        expect(c).toMatch(/^(0|[1-9]\d*)\.\d{2}$/);
      }),
    );
  });

  it('property: ordering agrees with BigInt comparison of fen', () => {
    fc.assert(
      fc.property(fenArb, fenArb, (a, b) => {
        expect(compareYuan(toYuan(a), toYuan(b))).toBe(a < b ? -1 : a > b ? 1 : 0);
      }),
    );
  });
});
