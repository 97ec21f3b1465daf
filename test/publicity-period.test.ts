import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import bundled from '../src/data/publicity-rules.json' with { type: 'json' };
import { addMonths, computePublicityPeriod, loadPublicityRules, validateOverride, SEVERITIES, type PenaltyForPublicity } from '../src/lib/publicity-period.js';

const D = '2026-04-15';
const credit = (severity: (typeof SEVERITIES)[number], types = ['02']): PenaltyForPublicity => ({ regime: 'credit', decisionDate: D, types, severity });
const samr = (types: string[], extra: Partial<PenaltyForPublicity> = {}): PenaltyForPublicity => ({ regime: 'samr', decisionDate: D, types, ...extra });

describe('addMonths', () => {
  it.each([
    ['2024-01-31', 1, '2024-02-29'],
    ['2023-01-31', 1, '2023-02-28'],
    ['2024-02-29', 12, '2025-02-28'],
    ['2024-03-31', 1, '2024-04-30'],
    ['2024-11-15', 3, '2025-02-15'],
    ['2024-05-10', 0, '2024-05-10'],
    ['2024-12-31', 36, '2027-12-31'],
  ])('%s + %i months = %s (clamped to the month end)', (d, n, out) => expect(addMonths(d, n)).toBe(out));
  it('refuses impossible dates', () => expect(() => addMonths('2023-02-29', 1)).toThrow(/real YYYY-MM-DD/));
});

describe('publicity periods with the bundled rules', () => {
  it.each([
    // [case, input, ruleId, publish, defaultEnd, minEnd, maxEnd, excluded]
    ['令36 轻微: not published, ≤3 months if deemed necessary', credit('轻微'), 'credit-minor', false, D, D, '2026-07-15', false],
    ['令36 一般: 3 months to 1 year', credit('一般'), 'credit-general', true, '2027-04-15', '2026-07-15', '2027-04-15', false],
    ['令36 严重: 1 to 3 years', credit('严重', ['02', '04']), 'credit-serious', true, '2029-04-15', '2027-04-15', '2029-04-15', false],
    ['45号 warning only: not published', samr(['01']), 'samr-warning-only', false, D, D, D, false],
    ['45号 通报批评: 3 months', samr(['08']), 'samr-low', true, '2026-07-15', '2026-07-15', '2026-07-15', false],
    ['45号 low fine: 3 months', samr(['02'], { lowAmountFine: true }), 'samr-low', true, '2026-07-15', '2026-07-15', '2026-07-15', false],
    ['45号 ordinary fine: 3 years', samr(['02']), 'samr-other', true, '2029-04-15', '2029-04-15', '2029-04-15', false],
    ['45号 low fine + confiscation: 3 years', samr(['02', '03'], { lowAmountFine: true }), 'samr-other', true, '2029-04-15', '2029-04-15', '2029-04-15', false],
    ['45号 吊销许可证: excluded', samr(['02', '05']), 'samr-other', true, '2029-04-15', '2029-04-15', '2029-04-15', true],
    ['45号 from publication', samr(['02'], { publishedOn: '2026-04-20' }), 'samr-other', true, '2029-04-20', '2029-04-20', '2029-04-20', false],
    ['45号 限制从业 for 5 years: actual period', samr(['13'], { restrictionEndDate: '2031-04-14' }), 'samr-other', true, '2031-04-14', '2031-04-14', '2031-04-14', true],
    ['45号 限制从业 for 1 year: 3 years', samr(['13'], { restrictionEndDate: '2027-04-14' }), 'samr-other', true, '2029-04-15', '2029-04-15', '2029-04-15', true],
  ] as const)('%s', (_, input, ruleId, publish, defaultEnd, minEnd, maxEnd, excluded) => {
    const p = computePublicityPeriod(input);
    expect({ ruleId: p.ruleId, publish: p.publish, defaultEnd: p.defaultEnd, minEnd: p.minEnd, maxEnd: p.maxEnd, excluded: p.earlyTerminationExcluded }).toEqual({
      ruleId, publish, defaultEnd, minEnd, maxEnd, excluded,
    });
  });

  it.each(['04', '05', '10', '12', '13'])('45号 excludes early stop for type %s', (t) => {
    expect(computePublicityPeriod(samr([t])).excludingTypes).toEqual([t]);
  });

  it.each([
    [{ ...credit('一般'), severity: undefined }, /needs a severity/],
    [samr([]), /At least one penalty type/],
    [samr(['15']), /Unknown penalty type "15"/],
    [samr(['02'], { decisionDate: '2026-02-30' }), /decisionDate .* not a real/],
    [samr(['13'], { restrictionEndDate: '2026-01-01' }), /restrictionEndDate .* before the decision date/],
    [{ ...samr(['02']), regime: 'other' as never }, /Unknown regime/],
  ])('refuses bad input %#', (input, message) => expect(() => computePublicityPeriod(input)).toThrow(message));
});

describe('overrides', () => {
  const general = computePublicityPeriod(credit('一般'));
  it('accepts the bounds and a date between them', () => {
    for (const d of ['2026-07-15', '2026-12-01', '2027-04-15']) expect(validateOverride(d, general)).toBe(d);
  });
  it.each([['2026-07-14'], ['2027-04-16'], ['2026-13-01']])('refuses %s with the allowed range', (d) => {
    expect(() => validateOverride(d, general)).toThrow(/2026-07-15 to 2027-04-15|not a real/);
  });
  it('lets a 轻微 record be published for at most 3 months', () => {
    const minor = computePublicityPeriod(credit('轻微'));
    expect(validateOverride('2026-07-15', minor)).toBe('2026-07-15');
    expect(() => validateOverride('2026-07-16', minor)).toThrow(/outside the allowed range/);
  });
});

describe('rule table loading', () => {
  it('accepts the bundled table', () => expect(() => loadPublicityRules(bundled)).not.toThrow());
  it('refuses min above max and unknown codes, naming them', () => {
    const bad = structuredClone(bundled) as any;
    bad.regimes.credit.tiers[1].minMonths = 24;
    bad.regimes.samr.excludedTypes.push('99');
    expect(() => loadPublicityRules(bad)).toThrow(/regimes\.credit\.tiers\.1: months must satisfy.*unknown penalty type 99/s);
  });
});

describe('properties', () => {
  const date = fc.date({ min: new Date('2000-01-01'), max: new Date('2090-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
  const typeCode = fc.integer({ min: 1, max: 14 }).map((n) => String(n).padStart(2, '0'));
  const input = fc.record({
    regime: fc.constantFrom('credit' as const, 'samr' as const),
    decisionDate: date,
    types: fc.uniqueArray(typeCode, { minLength: 1, maxLength: 4 }),
    severity: fc.constantFrom(...SEVERITIES),
    lowAmountFine: fc.boolean(),
    extraDays: fc.nat(4000),
  });

  it('start ≤ min ≤ max, decision ≤ default ≤ max, and overrides hold exactly within [min, max]', () => {
    fc.assert(
      fc.property(input, date, ({ extraDays, ...p }, other) => {
        const restrictionEndDate = new Date(Date.parse(p.decisionDate) + extraDays * 86_400_000).toISOString().slice(0, 10);
        const r = computePublicityPeriod({ ...p, restrictionEndDate });
        expect(r.defaultEnd >= p.decisionDate).toBe(true);
        expect(r.start <= r.minEnd && r.minEnd <= r.maxEnd && r.defaultEnd <= r.maxEnd).toBe(true);
        if (r.earlyTerminationExcluded) expect(r.minEnd).toBe(r.maxEnd);
        const inside = other >= r.minEnd && other <= r.maxEnd;
        if (inside) expect(validateOverride(other, r)).toBe(other);
        else expect(() => validateOverride(other, r)).toThrow(/outside the allowed range/);
        expect(validateOverride(r.maxEnd, r)).toBe(r.maxEnd);
      }),
    );
  });

  it('addMonths never goes backwards and lands in the right month', () => {
    fc.assert(
      fc.property(date, fc.nat(600), (d, n) => {
        const out = addMonths(d, n);
        expect(out >= d).toBe(true);
        const months = (+out.slice(0, 4) - +d.slice(0, 4)) * 12 + (+out.slice(5, 7) - +d.slice(5, 7));
        expect(months).toBe(n);
      }),
    );
  });
});
