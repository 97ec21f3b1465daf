import { beforeAll, describe, expect, it } from 'vitest';
import { admin, useTestApp, testClock } from './support/app.js';
import { insertLegalFixtures, type LegalFixtures } from './support/legal-fixtures.js';
import { benchmarkBody, createPower } from './support/powers.js';

/*
 * A power item or benchmark publishes its citations as they stand on the day of the read (validity,
 * titles), so its ETag carries a digest of them beside the version: a conditional GET sees a cited text
 * being repealed, or the cited date moving, although the record itself keeps its version.
 */
const clock = testClock('2025-03-01T02:00:00Z');
const t = useTestApp({ now: () => clock.now });
let law: LegalFixtures;
beforeAll(async () => {
  law = await insertLegalFixtures(t);
});

const get = (path: string, etag?: string) => t.request(path, etag ? { headers: { 'If-None-Match': etag } } : {});

describe('ETags of records that cite legal texts', () => {
  it('change when a cited text is repealed, while the version stays', async () => {
    const agencyId = (await t.createAgency()).id;
    const power = await createPower(t, { agencyId, citations: [{ legalBasisId: law.roadRegulation, articleNo: '63' }] });
    const benchmark = (await t.post(`/v1/powers/${power.id}/discretion-benchmarks`, benchmarkBody({ citations: [{ legalBasisId: law.roadRegulation, articleNo: '63' }] }))).body;
    const paths = [`/v1/powers/${power.id}`, `/v1/discretion-benchmarks/${benchmark.id}`];
    const before = await Promise.all(paths.map(async (p) => (await get(p)).headers.get('etag')!));
    for (const [i, p] of paths.entries()) expect((await get(p, before[i])).status).toBe(304);

    const basis = await get(`/v1/legal-bases/${law.roadRegulation}`);
    const repeal = await t.patch(`/v1/legal-bases/${law.roadRegulation}`, { repealedOn: '2025-02-01' }, { ...admin, 'If-Match': basis.headers.get('etag')! });
    expect(repeal.status, JSON.stringify(repeal.body)).toBe(200);

    for (const [i, p] of paths.entries()) {
      const res = await get(p, before[i]);
      expect(res.status, p).toBe(200);
      expect(res.body.version).toBe(1);
      expect(res.body.citations[0]).toMatchObject({ validityOnCitedDate: '已废止', repealedOnCitedDate: true });
      expect(res.headers.get('etag')).toMatch(/^"v1\.[0-9a-f]{8}"$/);
      expect(res.headers.get('etag')).not.toBe(before[i]);
      expect((await get(p, res.headers.get('etag')!)).status).toBe(304);
    }
  });

  it('change with the cited date, and If-Match accepts any ETag of the current version', async () => {
    const power = await createPower(t, { agencyId: (await t.createAgency()).id, citations: [{ legalBasisId: law.penaltyLaw, articleNo: '34' }] });
    const today = (await get(`/v1/powers/${power.id}`)).headers.get('etag')!;
    clock.now = new Date('2025-03-02T02:00:00Z');
    const tomorrow = await get(`/v1/powers/${power.id}`, today);
    expect(tomorrow.status).toBe(200);
    expect(tomorrow.body.citations[0].citedOn).toBe('2025-03-02');
    const res = await t.patch(`/v1/powers/${power.id}`, { name: '按昨天的标签修改' }, { ...admin, 'If-Match': today });
    expect(res.status).toBe(200);
    expect(res.body.version).toBe(2);
    expect((await t.patch(`/v1/powers/${power.id}`, { name: '过期' }, { ...admin, 'If-Match': today })).status).toBe(412);
    expect((await t.patch(`/v1/powers/${power.id}`, { name: '第三版' }, { ...admin, 'If-Match': res.headers.get('etag')! })).body.version).toBe(3);
  });
});
