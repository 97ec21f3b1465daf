import { beforeAll, describe, expect, it } from 'vitest';
import { admin, useTestApp, testClock } from './support/app.js';
import { insertLegalFixtures, type LegalFixtures } from './support/legal-fixtures.js';
import { createPower, pointers, writeState } from './support/powers.js';

const clock = testClock('2025-03-01T02:00:00Z');
const t = useTestApp({ now: () => clock.now });
const ifMatch = (tag: string, headers: Record<string, string> = admin) => ({ ...headers, 'If-Match': tag });
let law: LegalFixtures;
beforeAll(async () => {
  law = await insertLegalFixtures(t);
});

async function newPower(fields: Record<string, unknown> = {}) {
  const agency = await t.createAgency();
  const key = await t.keyFor(agency.id);
  const power = await createPower(t, { citations: [{ legalBasisId: law.roadRegulation, articleNo: '63' }], ...fields }, key);
  return { agency, key, power };
}

describe('editing a power item is a new version with its revision kept', () => {
  it('applies a merge patch as version 2; revisions/1 returns the item as it was; both are in the change log', async () => {
    const { key, power } = await newPower({ accountability: ['对符合立案标准的案件不及时立案的'] });
    const head = (await t.request('/v1/feed?limit=1')).body.head;
    clock.now = new Date('2025-03-02T02:00:00Z');
    const patch = { name: '对未取得道路运输经营许可擅自从事道路运输经营的处罚', citations: [{ legalBasisId: law.penaltyLaw, articleNo: '39' }], reviewTransfer: true };
    const res = await t.patch(`/v1/powers/${power.id}`, patch, ifMatch('"v1"', key));
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.headers.get('etag')).toMatch(/^"v2\.[0-9a-f]{8}"$/);
    expect(res.body).toEqual({
      ...power,
      ...patch,
      version: 2,
      updatedAt: '2025-03-02T02:00:00.000Z',
      citations: [expect.objectContaining({ legalBasisId: law.penaltyLaw, articleNo: '39', articleLabel: '第三十九条', citedOn: '2025-03-02' })],
    });
    const v1 = await t.request(`/v1/powers/${power.id}/revisions/1`);
    expect(v1.status).toBe(200);
    expect(v1.body).toMatchObject({ version: 1, event: 'created', data: power });
    const v2 = await t.request(`/v1/powers/${power.id}/revisions/2`);
    expect(v2.body).toMatchObject({ version: 2, event: 'updated', data: res.body });
    expect((await t.request(`/v1/powers/${power.id}/revisions/3`)).status).toBe(404);
    const feed = await t.request(`/v1/feed?after=${head}`);
    expect(feed.body.items.map((e: any) => [e.type, e.id, e.version, e.event])).toEqual([['power', power.id, 2, 'updated']]);
  });

  it('moves the citation index with the item: the legalBasisId filter follows the new citations', async () => {
    const { power, agency } = await newPower();
    const byBasis = async (id: string) => (await t.request(`/v1/powers?agencyId=${agency.id}&legalBasisId=${id}`)).body.items.map((p: any) => p.id);
    expect(await byBasis(law.roadRegulation)).toEqual([power.id]);
    await t.patch(`/v1/powers/${power.id}`, { citations: [{ legalBasisId: law.penaltyLaw, articleNo: '34' }] }, ifMatch('"v1"'));
    expect(await byBasis(law.roadRegulation)).toEqual([]);
    expect(await byBasis(law.penaltyLaw)).toEqual([power.id]);
    await t.patch(`/v1/powers/${power.id}`, { citations: null }, ifMatch('"v2"'));
    expect(await byBasis(law.penaltyLaw)).toEqual([]);
  });

  it('clears arrays sent as null, replaces arrays as a whole and keeps absent fields', async () => {
    const { power } = await newPower({ subItems: [{ code: 'S1', name: '子项一' }], responsibilities: ['立案', '决定'] });
    const res = await t.patch(`/v1/powers/${power.id}`, { subItems: null, responsibilities: ['送达'], accountability: null }, ifMatch('"v1"'));
    expect(res.body).toMatchObject({ version: 2, subItems: [], responsibilities: ['送达'], accountability: [], name: power.name, code: power.code, citations: power.citations });
  });

  it('cancels an item through its status, keeping it readable with its history', async () => {
    const { power } = await newPower();
    const res = await t.patch(`/v1/powers/${power.id}`, { status: 'cancelled' }, ifMatch('"v1"'));
    expect(res.body).toMatchObject({ version: 2, status: 'cancelled' });
    expect((await t.request(`/v1/powers/${power.id}/revisions`)).body.items.map((r: any) => r.data.status)).toEqual(['active', 'cancelled']);
  });

  it('makes no new version for a patch that changes nothing', async () => {
    const { power, key } = await newPower();
    const before = await writeState(t);
    for (const patch of [{}, { name: power.name }, { citations: [{ legalBasisId: law.roadRegulation, articleNo: '63' }], subItems: null }]) {
      const res = await t.patch(`/v1/powers/${power.id}`, patch, ifMatch('"v1"', key));
      expect(res.status).toBe(200);
      expect(res.headers.get('etag')).toMatch(/^"v1\.[0-9a-f]{8}"$/);
      expect(res.body.version).toBe(1);
    }
    expect(await writeState(t)).toEqual(before);
  });
});

describe('who may edit, and preconditions', () => {
  it('answers 404 for an unknown item', async () => {
    expect((await t.patch('/v1/powers/0193a1b2-7c4d-7e5f-8a9b-0c1d2e3f4a5b', { name: '无' }, ifMatch('"v1"'))).status).toBe(404);
  });
});

describe('bad patches change nothing', () => {
  it.each([
    ['the agency', { agencyId: '0193a1b2-7c4d-7e5f-8a9b-0c1d2e3f4a5b' }, 400, ['/agencyId']],
    ['an unknown type', { type: '00' }, 400, ['/type']],
    ['null for a required field', { name: null }, 400, ['/name']],
    ['an unknown field', { typeName: '行政许可' }, 400, ['/typeName']],
    ['a missing article', { citations: [{ legalBasisId: 'LAW', articleNo: '1000' }] }, 422, ['/citations/0/articleNo']],
    ['duplicate sub-item codes', { subItems: [{ code: 'A', name: '甲' }, { code: 'A', name: '乙' }] }, 422, ['/subItems/1/code']],
  ])('%s', async (_label, patch, status, expected) => {
    const { power, key } = await newPower();
    const body = JSON.parse(JSON.stringify(patch).replace('"LAW"', JSON.stringify(law.penaltyLaw)));
    const before = await writeState(t);
    const res = await t.patch(`/v1/powers/${power.id}`, body, ifMatch('"v1"', key));
    expect(res.status, JSON.stringify(res.body)).toBe(status);
    expect(pointers(res.body)).toEqual(expected);
    expect(await writeState(t)).toEqual(before);
  });

  it('answers 409 naming /code when renumbering onto a code the agency already uses', async () => {
    const { power, agency, key } = await newPower({ code: 'REN-0001' });
    await createPower(t, { code: 'REN-0002' }, key);
    const before = await writeState(t);
    const res = await t.patch(`/v1/powers/${power.id}`, { code: 'REN-0002' }, ifMatch('"v1"', key));
    expect(res.status).toBe(409);
    expect(pointers(res.body)).toEqual(['/code']);
    expect(await writeState(t)).toEqual(before);
    expect((await t.request(`/v1/powers?agencyId=${agency.id}`)).body.items.map((p: any) => p.code).sort()).toEqual(['REN-0001', 'REN-0002']);
  });
});
