import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { preparePartyForStorage } from '../src/domain/penalty-party.js';
import { Problem } from '../src/errors.js';
import { DEFAULT_MASKING_RULE, maskingRuleSchema } from '../src/lib/masking.js';
import { completeResidentId, residentIdCheckChar } from '../src/lib/resident-id.js';
import { PenaltyParty, PenaltyPartyPublic } from '../src/schemas/penalty-party.js';

const ADULT_ID = completeResidentId('11010519900307002');
const MINOR_ID = completeResidentId('11010520100101003'); // born 2010-01-01
const person = (idNumber: string, idType = '01') => PenaltyParty.parse({ name: '王五', category: '02', idType, idNumber });

/** The problem thrown by fn, for asserting status and pointers. */
function problemOf(fn: () => unknown): Problem {
  try {
    fn();
  } catch (e) {
    if (e instanceof Problem) return e;
    throw e;
  }
  throw new Error('expected a Problem');
}

describe('preparePartyForStorage', () => {
  it('masks a 自然人 身份证 with the default rule (first 6, last 4) and fills absent slots with null', () => {
    const stored = preparePartyForStorage(person(ADULT_ID), DEFAULT_MASKING_RULE, '2024-03-15');
    expect(stored.idNumber).toBe(`110105********${ADULT_ID.slice(14)}`);
    expect(stored).toMatchObject({ name: '王五', category: '02', idType: '01', creditCode: null, legalRepresentativeIdNumber: null });
    expect(PenaltyPartyPublic.parse(stored)).toEqual(stored);
  });

  it("masks a legal representative's number and the normalized form of a lowercase x", () => {
    const seventeen = Array.from({ length: 1000 }, (_, i) => `11010519800101${String(i).padStart(3, '0')}`).find((s) => residentIdCheckChar(s) === 'X')!;
    const party = PenaltyParty.parse({
      name: '示例公司', category: '01', creditCode: '91440101778899002K', legalRepresentative: '张三',
      legalRepresentativeIdType: '01', legalRepresentativeIdNumber: `${seventeen}x`,
    });
    const stored = preparePartyForStorage(party, DEFAULT_MASKING_RULE, '2024-03-15');
    expect(stored.legalRepresentativeIdNumber).toBe(`${seventeen.slice(0, 6)}********${seventeen.slice(14)}X`);
    expect(stored.idNumber).toBeNull();
  });

  it('masks a short document entirely (a passport keeps nothing)', () => {
    expect(preparePartyForStorage(person('E12345678', '02'), DEFAULT_MASKING_RULE, '2024-03-15').idNumber).toBe('*********');
  });

  it('applies the configured rule', () => {
    const rule = maskingRuleSchema.parse({ keepStart: 3, keepEnd: 1, mask: '#' });
    expect(preparePartyForStorage(person(ADULT_ID), rule, '2024-03-15').idNumber).toBe(`110${'#'.repeat(14)}${ADULT_ID[17]}`);
  });

  it('refuses a minor at the decision date with 422 at /party/idNumber, without echoing the number', () => {
    const p = problemOf(() => preparePartyForStorage(person(MINOR_ID), DEFAULT_MASKING_RULE, '2024-03-15'));
    expect(p.status).toBe(422);
    expect(p.errors).toEqual([{ in: 'body', pointer: '/party/idNumber', detail: expect.stringContaining('minor') }]);
    expect(JSON.stringify(p.body())).not.toContain(MINOR_ID.slice(6, 14));
  });

  it('treats the 18th birthday as adult and the day before as minor', () => {
    expect(preparePartyForStorage(person(MINOR_ID), DEFAULT_MASKING_RULE, '2028-01-01').idNumber).toMatch(/^110105\*{8}/);
    expect(problemOf(() => preparePartyForStorage(person(MINOR_ID), DEFAULT_MASKING_RULE, '2027-12-31')).status).toBe(422);
  });

  it('uses the caller pointer prefix (batch items)', () => {
    const p = problemOf(() => preparePartyForStorage(person(MINOR_ID), DEFAULT_MASKING_RULE, '2024-03-15', '/items/17/party'));
    expect(p.errors?.map((e) => e.pointer)).toEqual(['/items/17/party/idNumber']);
  });

  it('refuses a decision dated before the birth date in the number (422, not a crash)', () => {
    const p = problemOf(() => preparePartyForStorage(person(MINOR_ID), DEFAULT_MASKING_RULE, '2009-06-01'));
    expect(p.status).toBe(422);
    expect(p.errors?.[0]?.pointer).toBe('/party/idNumber');
  });

  it('refuses an invalid 身份证 when called without schema validation (the importer path)', () => {
    const raw = { name: '王五', category: '02', idType: '01', idNumber: '110105199003070020' } as const;
    const bad = raw.idNumber.slice(0, 17) + (ADULT_ID[17] === '0' ? '1' : '0');
    const p = problemOf(() => preparePartyForStorage({ ...raw, idNumber: bad }, DEFAULT_MASKING_RULE, '2024-03-15'));
    expect(p.errors?.[0]?.pointer).toBe('/party/idNumber');
  });
});

const birthDate = fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2006-03-14T00:00:00Z'), noInvalidDate: true });
const address = fc.constantFrom('110105', '440103', '310115', '650102', '810000');
const sequence = fc.integer({ min: 0, max: 999 }).map((n) => String(n).padStart(3, '0'));
const residentId = fc.tuple(address, birthDate, sequence).map(([a, d, s]) => completeResidentId(a + d.toISOString().slice(0, 10).replaceAll('-', '') + s));

describe('masking properties', () => {
  it('the default rule never stores the birth date and sequence digits (positions 7–14)', () => {
    fc.assert(
      fc.property(residentId, (id) => {
        const stored = preparePartyForStorage(person(id), DEFAULT_MASKING_RULE, '2024-03-15');
        expect(stored.idNumber!.slice(6, 14)).toBe('********');
        expect(JSON.stringify(stored)).not.toContain(id.slice(6, 14));
      }),
    );
  });

  it('no configurable rule ever stores the raw number', () => {
    const rule = fc.record({ keepStart: fc.integer({ min: 0, max: 18 }), keepEnd: fc.integer({ min: 0, max: 18 }), mask: fc.constantFrom('*', '#', '×') });
    fc.assert(
      fc.property(residentId, rule, (id, r) => {
        const stored = preparePartyForStorage(person(id), maskingRuleSchema.parse(r), '2024-03-15');
        expect(JSON.stringify(stored)).not.toContain(id);
      }),
    );
  });
});
