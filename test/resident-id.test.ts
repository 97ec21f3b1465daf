import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ageOn,
  birthDateOf,
  completeResidentId,
  isMinorOn,
  normalizeResidentId,
  residentIdCheckChar,
  residentIdMessages,
  residentIdProblem,
  todayInChina,
} from '../src/lib/resident-id.js';

const TODAY = '2026-06-01';
/** GB 11643-1999's own examples (Beijing 朝阳 1949, Guangdong 1880). */
const STANDARD_EXAMPLES = ['11010519491231002X', '440524188001010014'];
/** Synthetic: address code + birth date + sequence, check character computed. */
const id = (address: string, birth: string, seq = '123') => completeResidentId(address + birth + seq);

describe('居民身份证号码 (GB 11643-1999)', () => {
  it.each(STANDARD_EXAMPLES)('accepts the standard example %s', (n) => {
    expect(residentIdProblem(n, TODAY)).toBeNull();
    expect(residentIdCheckChar(n.slice(0, 17))).toBe(n[17]);
  });

  it.each([
    ['310104', '19800101'], ['440305', '20000229'], ['650102', '19991231'], ['810000', '19750615'], ['830000', '19900301'],
  ])('accepts synthetic numbers (%s, %s)', (address, birth) => {
    expect(residentIdProblem(id(address, birth), TODAY)).toBeNull();
  });

  it('accepts a lowercase x check character and normalizes it to X', () => {
    expect(residentIdProblem('11010519491231002x', TODAY)).toBeNull();
    expect(normalizeResidentId('11010519491231002x')).toBe('11010519491231002X');
    expect(normalizeResidentId('440524188001010014')).toBe('440524188001010014');
    expect(birthDateOf('11010519491231002x')).toBe('1949-12-31');
  });

  const valid = id('110105', '19900515');
  const wrongCheck = valid.slice(0, 17) + (valid[17] === '0' ? '1' : '0');
  it.each([
    [wrongCheck, 'check-digit', 'check character changed'],
    ['110105194912310021', 'check-digit', 'X replaced by a digit'],
    ['110105194912310120', 'check-digit', 'sequence digit changed'],
    [`${'110105200002300011'.slice(0, 17)}${residentIdCheckChar('11010520000230001')}`, 'birth-date', '30 February'],
    [id('110105', '20010229'), 'birth-date', '29 February in a common year'],
    [id('110105', '19901301'), 'birth-date', 'month 13'],
    [id('110105', '19900100'), 'birth-date', 'day 0'],
    [id('110105', '20260602'), 'birth-date', 'the day after today'],
    [id('110105', '20991231'), 'birth-date', 'far future'],
    [id('110105', '17991231'), 'birth-date', 'before 1800'],
    [id('000000', '19900101'), 'address-code', 'address code 00'],
    [id('990101', '19900101'), 'address-code', 'province 99'],
    [id('160101', '19900101'), 'address-code', 'province 16 does not exist'],
    ['110105491231002', 'legacy-15', '15-digit first-generation number'],
    ['11010519491231002', 'shape', '17 characters'],
    ['11010519491231002XX', 'shape', '19 characters'],
    ['', 'shape', 'empty'],
    [' 11010519491231002X', 'shape', 'leading space'],
    ['11010519491231002X ', 'shape', 'trailing space'],
    ['1101051949123100X2', 'shape', 'X not in the last position'],
    ['11010519491231002Y', 'shape', 'check letter other than X'],
    ['A1010519491231002X', 'shape', 'letter in the address code'],
    ['110105１9491231002X', 'shape', 'full-width digit'],
  ])('rejects %s (%s: %s)', (n, problem) => {
    expect(residentIdProblem(n, TODAY)).toBe(problem);
  });

  it('accepts a birth date of today itself', () => {
    expect(residentIdProblem(id('110105', '20260601'), TODAY)).toBeNull();
  });

  it('messages never contain the number and cover every problem', () => {
    for (const m of Object.values(residentIdMessages)) expect(m).not.toMatch(/\d{6}/);
    expect(Object.keys(residentIdMessages).sort()).toEqual(['address-code', 'birth-date', 'check-digit', 'legacy-15', 'shape']);
  });

  it('todayInChina uses UTC+8', () => {
    expect(todayInChina(new Date('2026-05-31T16:00:00Z'))).toBe('2026-06-01');
    expect(todayInChina(new Date('2026-05-31T15:59:59Z'))).toBe('2026-05-31');
  });
});

describe('age and minors', () => {
  const born = id('110105', '20080510');
  const leapling = id('310104', '20080229');

  it.each([
    [born, '2026-05-10', 18, false, 'exactly 18 on the decision date'],
    [born, '2026-05-09', 17, true, 'one day before the 18th birthday'],
    [born, '2026-12-31', 18, false, 'later that year'],
    [born, '2008-05-10', 0, true, 'the birth date itself'],
    [leapling, '2026-02-28', 17, true, '29 Feb birthday: 28 Feb of a common year is still before it'],
    [leapling, '2026-03-01', 18, false, '29 Feb birthday: 1 Mar of a common year is the birthday'],
    [leapling, '2028-02-28', 19, false, 'leap year, day before'],
    [leapling, '2028-02-29', 20, false, 'leap year, the birthday'],
    ['11010519491231002X', '2026-01-01', 76, false, 'standard example'],
    ['11010519491231002x', '1967-12-30', 17, true, 'lowercase x, day before 18th birthday'],
  ])('%#: age on %s', (n, date, age, minor) => {
    expect(ageOn(n, date)).toBe(age);
    expect(isMinorOn(n, date)).toBe(minor);
  });

  it('throws for a date before birth, an impossible date or an ID without a birth date', () => {
    expect(() => ageOn(born, '2008-05-09')).toThrow(RangeError);
    expect(() => ageOn(born, '2026-02-30')).toThrow(RangeError);
    expect(() => ageOn(born, '20260510')).toThrow(RangeError);
    expect(() => ageOn('110105491231002', '2026-01-01')).toThrow(RangeError);
    expect(() => isMinorOn('abc', '2026-01-01')).toThrow(RangeError);
  });

  it('birthDateOf reads positions 7–14 and ignores the check character', () => {
    expect(birthDateOf('440524188001010014')).toBe('1880-01-01');
    expect(birthDateOf('440524188001010015')).toBe('1880-01-01');
    expect(birthDateOf('440524188002300014')).toBeNull();
    expect(birthDateOf('440524188001010')).toBeNull();
  });
});

const PROVINCES = ['11', '12', '13', '31', '32', '44', '46', '50', '51', '65', '71', '81', '82', '83'];
const arbFirst17 = fc
  .record({
    province: fc.constantFrom(...PROVINCES),
    rest: fc.integer({ min: 0, max: 9999 }),
    birth: fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2026-05-31T00:00:00Z'), noInvalidDate: true }),
    seq: fc.integer({ min: 0, max: 999 }),
  })
  .map(({ province, rest, birth, seq }) =>
    province + String(rest).padStart(4, '0') + birth.toISOString().slice(0, 10).replaceAll('-', '') + String(seq).padStart(3, '0'),
  );

describe('properties', () => {
  it('a computed check character always validates', () => {
    fc.assert(fc.property(arbFirst17, (first17) => residentIdProblem(completeResidentId(first17), TODAY) === null));
  });

  it('changing any one character invalidates', () => {
    fc.assert(
      fc.property(arbFirst17, fc.integer({ min: 0, max: 17 }), fc.integer({ min: 1, max: 10 }), (first17, pos, shift) => {
        const n = completeResidentId(first17);
        const alphabet = pos === 17 ? '0123456789X' : '0123456789';
        const i = alphabet.indexOf(n[pos]!);
        const changed = alphabet[(i + shift) % alphabet.length]!;
        fc.pre(changed !== n[pos]);
        return residentIdProblem(n.slice(0, pos) + changed + n.slice(pos + 1), TODAY) !== null;
      }),
    );
  });

  it('age agrees with the birth date read back, and the 18th birthday is the first adult day', () => {
    fc.assert(
      fc.property(arbFirst17, (first17) => {
        const n = completeResidentId(first17);
        const birth = birthDateOf(n)!;
        const y = Number(birth.slice(0, 4)) + 18;
        const birthday = birth.slice(5) === '02-29' ? `${y}-03-01` : `${y}${birth.slice(4)}`;
        const dayBefore = new Date(Date.parse(`${birthday}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
        return !isMinorOn(n, birthday) && isMinorOn(n, dayBefore) && ageOn(n, birth) === 0;
      }),
    );
  });
});
