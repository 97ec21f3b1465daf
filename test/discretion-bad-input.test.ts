import { beforeAll, describe, expect, it } from 'vitest';
import { admin, useTestApp } from './support/app.js';
import { insertLegalFixtures, type LegalFixtures } from './support/legal-fixtures.js';
import { benchmarkBody, createPower, pointers, writeState } from './support/powers.js';

const t = useTestApp();
let law: LegalFixtures;
let powerId: string;
beforeAll(async () => {
  law = await insertLegalFixtures(t);
  powerId = (await createPower(t, { agencyId: (await t.createAgency()).id })).id;
});

const tier = (fields: Record<string, unknown>) => ({ tier: '一般', circumstances: '情节一般', penalty: '罚款', ...fields });

describe('a benchmark with invalid fields is refused (400) and nothing is written', () => {
  it.each([
    ['no tiers', { tiers: [] }, ['/tiers']],
    ['tiers missing', { tiers: undefined }, ['/tiers']],
    ['fine as a number', { tiers: [tier({ fineMin: 2000 })] }, ['/tiers/0/fineMin']],
    ['fine with three decimals', { tiers: [tier({ fineMax: '2000.005' })] }, ['/tiers/0/fineMax']],
    ['negative fine', { tiers: [tier({ fineMin: '-1' })] }, ['/tiers/0/fineMin']],
    ['fine in 万元 words', { tiers: [tier({ fineMin: '3万' })] }, ['/tiers/0/fineMin']],
    ['fine with a thousands separator', { tiers: [tier({ fineMax: '30,000' })] }, ['/tiers/0/fineMax']],
    ['fine in exponent form', { tiers: [tier({ fineMax: '1e5' })] }, ['/tiers/0/fineMax']],
    ['fine with 13 digits', { tiers: [tier({ fineMax: '1234567890123' })] }, ['/tiers/0/fineMax']],
    ['fine with a trailing dot', { tiers: [tier({ fineMin: '20.' })] }, ['/tiers/0/fineMin']],
    ['fineMin above fineMax', { tiers: [tier({ fineMin: '50000.01', fineMax: '50000' })] }, ['/tiers/0/fineMax']],
    ['fineMin above fineMax in the second tier', { tiers: [tier({}), tier({ tier: '严重', fineMin: '100000', fineMax: '99999.99' })] }, ['/tiers/1/fineMax']],
    ['duplicate tier names', { tiers: [tier({}), tier({})] }, ['/tiers/1/tier']],
    ['a tier without circumstances or penalty', { tiers: [{ tier: '轻微' }] }, ['/tiers/0/circumstances', '/tiers/0/penalty']],
    ['unknown field in a tier', { tiers: [tier({ fine: '100' })] }, ['/tiers/0/fine']],
    ['unknown fields', { powerId: 'x', partyName: '张三' }, ['/partyName', '/powerId']],
    ['blank violation', { violation: ' ' }, ['/violation']],
    ['unknown status', { status: 'deleted' }, ['/status']],
  ])('%s', async (_label, fields, expected) => {
    const before = await writeState(t);
    const res = await t.post(`/v1/powers/${powerId}/discretion-benchmarks`, benchmarkBody(fields));
    expect(res.status, JSON.stringify(res.body)).toBe(400);
    expect(pointers(res.body)).toEqual(expected);
    expect(await writeState(t)).toEqual(before);
  });

  it('accepts fineMin equal to fineMax and a tier without fines', async () => {
    const res = await t.post(`/v1/powers/${powerId}/discretion-benchmarks`, benchmarkBody({ tiers: [tier({ fineMin: '200', fineMax: '200.00' }), tier({ tier: '轻微' })] }));
    expect(res.status).toBe(201);
    expect(res.body.tiers.map((x: any) => [x.fineMin, x.fineMax])).toEqual([['200.00', '200.00'], [null, null]]);
  });
});

describe('a benchmark citing what does not exist is refused (422)', () => {
  it('names the missing article and writes nothing', async () => {
    const before = await writeState(t);
    const res = await t.post(
      `/v1/powers/${powerId}/discretion-benchmarks`,
      benchmarkBody({ citations: [{ legalBasisId: law.roadRegulation, articleNo: '63' }, { legalBasisId: law.roadRegulation, articleNo: '64' }] }),
    );
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([{ in: 'body', pointer: '/citations/1/articleNo', detail: 'This legal basis has no such article.' }]);
    expect(await writeState(t)).toEqual(before);
  });
});

describe('bad benchmark patches change nothing', () => {
  it.each([
    ['fineMin above fineMax', { tiers: [tier({ fineMin: '2', fineMax: '1' })] }, 400, ['/tiers/0/fineMax']],
    ['null tiers', { tiers: null }, 400, ['/tiers']],
    ['empty tiers', { tiers: [] }, 400, ['/tiers']],
    ['moving it to another power item', { powerId: '0193a1b2-7c4d-7e5f-8a9b-0c1d2e3f4a5b' }, 400, ['/powerId']],
    ['a missing article', { citations: [{ legalBasisId: 'LAW', articleNo: '1' }] }, 422, ['/citations/0/articleNo']],
    ['duplicate tier names', { tiers: [tier({}), tier({})] }, 422, ['/tiers/1/tier']],
  ])('%s', async (_label, patch, status, expected) => {
    const created = (await t.post(`/v1/powers/${powerId}/discretion-benchmarks`, benchmarkBody())).body;
    const body = JSON.parse(JSON.stringify(patch).replace('"LAW"', JSON.stringify(law.penaltyLaw)));
    const before = await writeState(t);
    const res = await t.patch(`/v1/discretion-benchmarks/${created.id}`, body, { ...admin, 'If-Match': '"v1"' });
    expect(res.status, JSON.stringify(res.body)).toBe(status);
    expect(pointers(res.body)).toEqual(expected);
    expect(await writeState(t)).toEqual(before);
    expect((await t.request(`/v1/discretion-benchmarks/${created.id}`)).body).toEqual(created);
  });
});
