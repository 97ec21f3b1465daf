import { beforeAll, describe, expect, it } from 'vitest';
import { admin, useTestApp } from './support/app.js';
import { insertLegalFixtures, type LegalFixtures } from './support/legal-fixtures.js';
import { benchmarkBody, createPower, writeState } from './support/powers.js';

const NOW = new Date('2025-03-01T02:00:00Z');
const t = useTestApp({ now: () => NOW });
let law: LegalFixtures;
beforeAll(async () => {
  law = await insertLegalFixtures(t);
});

async function powerWithKey() {
  const agency = await t.createAgency();
  const key = await t.keyFor(agency.id);
  const power = await createPower(t, { citations: [{ legalBasisId: law.roadRegulation, articleNo: '63' }] }, key);
  return { agency, key, power };
}

const TIERS = [
  { tier: '轻微', circumstances: '首次被查处，经营时间不足3日且没有违法所得，及时停止经营', penalty: '责令停止经营，处3万元罚款', fineMin: '30000', fineMax: '30000' },
  { tier: '一般', circumstances: '没有违法所得或者违法所得不足2万元', penalty: '责令停止经营，处3万元以上6万元以下的罚款', fineMin: '30000.5', fineMax: '60000.00' },
  { tier: '严重', circumstances: '违法所得2万元以上', penalty: '责令停止经营，没收违法所得，处违法所得2倍以上10倍以下的罚款', note: '罚款以违法所得计算' },
];

describe('publishing a discretion benchmark (裁量基准)', () => {
  it('creates it for the power item, with amounts as two-decimal yuan and citations described', async () => {
    const { agency, key, power } = await powerWithKey();
    const head = (await t.request('/v1/feed?limit=1')).body.head;
    const res = await t.post(
      `/v1/powers/${power.id}/discretion-benchmarks`,
      benchmarkBody({ tiers: TIERS, citations: [{ legalBasisId: law.roadRegulation, articleNo: '63' }, { legalBasisId: law.penaltyLaw, articleNo: '34' }] }),
      key,
    );
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.headers.get('etag')).toMatch(/^"v1\.[0-9a-f]{8}"$/);
    expect(res.headers.get('location')).toBe(`/v1/discretion-benchmarks/${res.body.id}`);
    expect(res.body).toEqual({
      id: expect.any(String),
      version: 1,
      status: 'active',
      powerId: power.id,
      agencyId: agency.id,
      violation: '未取得道路运输经营许可，擅自从事道路运输经营',
      citations: [
        expect.objectContaining({ legalBasisId: law.roadRegulation, articleLabel: '第六十三条', citedOn: '2025-03-01', repealedOnCitedDate: false }),
        expect.objectContaining({ legalBasisId: law.penaltyLaw, articleLabel: '第三十四条', repealedOnCitedDate: false }),
      ],
      tiers: [
        { ...TIERS[0], fineMin: '30000.00', fineMax: '30000.00', note: null },
        { ...TIERS[1], fineMin: '30000.50', fineMax: '60000.00', note: null },
        { ...TIERS[2], fineMin: null, fineMax: null },
      ],
      createdAt: NOW.toISOString(),
      updatedAt: NOW.toISOString(),
    });
    const got = await t.request(`/v1/discretion-benchmarks/${res.body.id}`);
    expect(got.headers.get('etag')).toMatch(/^"v1\.[0-9a-f]{8}"$/);
    expect(got.body).toEqual(res.body);
    const listed = await t.request(`/v1/powers/${power.id}/discretion-benchmarks`);
    expect(listed.body).toEqual({ items: [res.body], next: null });
    const feed = await t.request(`/v1/feed?after=${head}`);
    expect(feed.body.items).toEqual([expect.objectContaining({ type: 'discretion_benchmark', id: res.body.id, version: 1, event: 'created', agencyId: agency.id, data: res.body })]);
  });

  it('flags a citation of a repealed text', async () => {
    const { key, power } = await powerWithKey();
    const res = await t.post(`/v1/powers/${power.id}/discretion-benchmarks`, benchmarkBody({ citations: [{ legalBasisId: law.repealedRule, articleNo: '12' }] }), key);
    expect(res.body.citations).toEqual([expect.objectContaining({ validityOnCitedDate: '已废止', repealedOnCitedDate: true })]);
  });

  it("refuses another agency's key (403) and an unknown power item (404), writing nothing", async () => {
    const { power } = await powerWithKey();
    const other = await t.keyFor((await t.createAgency()).id);
    const before = await writeState(t);
    expect((await t.post(`/v1/powers/${power.id}/discretion-benchmarks`, benchmarkBody(), other)).status).toBe(403);
    expect((await t.post('/v1/powers/0193a1b2-7c4d-7e5f-8a9b-0c1d2e3f4a5b/discretion-benchmarks', benchmarkBody(), admin)).status).toBe(404);
    expect(await writeState(t)).toEqual(before);
    expect((await t.request('/v1/powers/0193a1b2-7c4d-7e5f-8a9b-0c1d2e3f4a5b/discretion-benchmarks')).status).toBe(404);
    expect((await t.request('/v1/discretion-benchmarks/0193a1b2-7c4d-7e5f-8a9b-0c1d2e3f4a5b')).status).toBe(404);
  });

  it('lists only this item’s benchmarks, paged by keyset', async () => {
    const { key, power } = await powerWithKey();
    const { key: otherKey, power: otherPower } = await powerWithKey();
    const mine = [];
    for (const violation of ['违法行为一', '违法行为二', '违法行为三']) {
      mine.push((await t.post(`/v1/powers/${power.id}/discretion-benchmarks`, benchmarkBody({ violation }), key)).body.id);
    }
    await t.post(`/v1/powers/${otherPower.id}/discretion-benchmarks`, benchmarkBody(), otherKey);
    const first = await t.request(`/v1/powers/${power.id}/discretion-benchmarks?limit=2`);
    expect(first.body.items.map((b: any) => b.id)).toEqual(mine.slice(0, 2));
    expect(first.headers.get('link')).toBe(`</v1/powers/${power.id}/discretion-benchmarks?limit=2&cursor=${first.body.next}>; rel="next"`);
    const second = await t.request(`/v1/powers/${power.id}/discretion-benchmarks?limit=2&cursor=${first.body.next}`);
    expect(second.body).toEqual({ items: [expect.objectContaining({ id: mine[2], violation: '违法行为三' })], next: null });
    expect((await t.request(`/v1/powers/${power.id}/discretion-benchmarks?cursor=nope`)).status).toBe(400);
  });
});

describe('editing a discretion benchmark', () => {
  it('is a new version with its revision kept; the tier list replaces as a whole', async () => {
    const { key, power } = await powerWithKey();
    const created = (await t.post(`/v1/powers/${power.id}/discretion-benchmarks`, benchmarkBody({ tiers: TIERS }), key)).body;
    const res = await t.patch(`/v1/discretion-benchmarks/${created.id}`, { tiers: [TIERS[1]], citations: [{ legalBasisId: law.penaltyLaw, articleNo: '34' }] }, { ...key, 'If-Match': '"v1"' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.headers.get('etag')).toMatch(/^"v2\.[0-9a-f]{8}"$/);
    expect(res.body.tiers).toEqual([{ ...TIERS[1], fineMin: '30000.50', fineMax: '60000.00', note: null }]);
    expect(res.body.violation).toBe(created.violation);
    const v1 = await t.request(`/v1/discretion-benchmarks/${created.id}/revisions/1`);
    expect(v1.body).toMatchObject({ version: 1, event: 'created', data: created });
    const revisions = await t.request(`/v1/discretion-benchmarks/${created.id}/revisions`);
    expect(revisions.body.items.map((r: any) => [r.version, r.event])).toEqual([[1, 'created'], [2, 'updated']]);
  });

  it('makes no new version when amounts change only in form ("2000" = "2000.00")', async () => {
    const { key, power } = await powerWithKey();
    const created = (await t.post(`/v1/powers/${power.id}/discretion-benchmarks`, benchmarkBody({ tiers: [TIERS[0]] }), key)).body;
    const res = await t.patch(`/v1/discretion-benchmarks/${created.id}`, { tiers: [{ ...TIERS[0], fineMin: '30000.00', fineMax: '30000.0' }] }, { ...key, 'If-Match': '"v1"' });
    expect(res.status).toBe(200);
    expect(res.headers.get('etag')).toMatch(/^"v1\.[0-9a-f]{8}"$/);
  });

  it("refuses another agency's key (403), a stale ETag (412) and a missing If-Match (428)", async () => {
    const { key, power } = await powerWithKey();
    const created = (await t.post(`/v1/powers/${power.id}/discretion-benchmarks`, benchmarkBody(), key)).body;
    const other = await t.keyFor((await t.createAgency()).id);
    const before = await writeState(t);
    expect((await t.patch(`/v1/discretion-benchmarks/${created.id}`, { violation: '越权' }, { ...other, 'If-Match': '"v1"' })).status).toBe(403);
    expect((await t.patch(`/v1/discretion-benchmarks/${created.id}`, { violation: '过期' }, { ...key, 'If-Match': '"v9"' })).status).toBe(412);
    expect((await t.patch(`/v1/discretion-benchmarks/${created.id}`, { violation: '无条件' }, key)).status).toBe(428);
    expect(await writeState(t)).toEqual(before);
  });
});
