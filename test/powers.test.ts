import { beforeAll, describe, expect, it } from 'vitest';
import { admin, useTestApp } from './support/app.js';
import { insertLegalFixtures, type LegalFixtures } from './support/legal-fixtures.js';
import { createPower, powerBody, writeState } from './support/powers.js';

const NOW = new Date('2025-03-01T02:00:00Z');
const t = useTestApp({ now: () => NOW });
let law: LegalFixtures;
beforeAll(async () => {
  law = await insertLegalFixtures(t);
});

describe('power-type code list', () => {
  it('publishes the ten 职权类型 with numeric and letter codes', async () => {
    const res = await t.request('/v1/code-lists/power-types');
    expect(res.status).toBe(200);
    expect(res.headers.get('etag')).toMatch(/^"[0-9a-f]{40}"$/);
    expect(res.body.items).toHaveLength(10);
    expect(res.body.items[0]).toEqual({ code: '01', name: '行政许可', letter: 'XK' });
    expect(res.body.items[1]).toEqual({ code: '02', name: '行政处罚', letter: 'CF' });
    expect(res.body.items.map((i: any) => i.letter)).toEqual(['XK', 'CF', 'QZ', 'ZS', 'GF', 'JC', 'QR', 'JL', 'CJ', 'QT']);
    expect(res.body.items[9]).toEqual({ code: '10', name: '其他行政权力', letter: 'QT' });
    const again = await t.request('/v1/code-lists/power-types', { headers: { 'If-None-Match': res.headers.get('etag')! } });
    expect(again.status).toBe(304);
  });

  it('lists the same codes in the spec for the type field', async () => {
    const spec = (await t.request('/openapi.json')).body;
    const type = spec.components.schemas.Power.properties.type;
    expect(type.enum).toEqual(['01', '02', '03', '04', '05', '06', '07', '08', '09', '10']);
    expect(type.title).toBe('职权类型');
  });
});

describe('creating a power item', () => {
  it('publishes it with its citations described, as version 1, in the change log', async () => {
    const agency = await t.createAgency({ name: '示例区交通运输局', regionCode: '440103', level: '县级' });
    const key = await t.keyFor(agency.id);
    const head = (await t.request('/v1/feed?limit=1')).body.head;
    const body = powerBody({
      code: '4401030010200001',
      subItems: [{ code: '440103001020000101', name: '未取得道路客运经营许可擅自从事道路客运经营' }],
      citations: [
        { legalBasisId: law.roadRegulation, articleNo: '63' },
        { legalBasisId: law.penaltyLaw, articleNo: '34', paragraph: 1 },
      ],
      reviewTransfer: false,
    });
    const res = await t.post('/v1/powers', body, key);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.headers.get('etag')).toMatch(/^"v1\.[0-9a-f]{8}"$/);
    expect(res.headers.get('location')).toBe(`/v1/powers/${res.body.id}`);
    expect(res.body).toEqual({
      id: expect.any(String),
      version: 1,
      status: 'active',
      agencyId: agency.id,
      code: '4401030010200001',
      name: body.name,
      type: '02',
      typeName: '行政处罚',
      subItems: body.subItems,
      citations: [
        { legalBasisId: law.roadRegulation, articleNo: '63', paragraph: null, item: null, title: '中华人民共和国道路运输条例', articleLabel: '第六十三条', citedOn: '2025-03-01', validityOnCitedDate: '现行有效', repealedOnCitedDate: false },
        { legalBasisId: law.penaltyLaw, articleNo: '34', paragraph: 1, item: null, title: '中华人民共和国行政处罚法', articleLabel: '第三十四条', citedOn: '2025-03-01', validityOnCitedDate: '现行有效', repealedOnCitedDate: false },
      ],
      responsibilities: body.responsibilities,
      accountability: body.accountability,
      reviewTransfer: false,
      createdAt: NOW.toISOString(),
      updatedAt: NOW.toISOString(),
    });
    const got = await t.request(`/v1/powers/${res.body.id}`);
    expect(got.status).toBe(200);
    expect(got.headers.get('etag')).toBe(res.headers.get('etag'));
    expect(got.body).toEqual(res.body);
    const feed = await t.request(`/v1/feed?after=${head}`);
    expect(feed.body.items).toEqual([expect.objectContaining({ type: 'power', id: res.body.id, version: 1, event: 'created', agencyId: agency.id, data: res.body })]);
    const revisions = await t.request(`/v1/powers/${res.body.id}/revisions`);
    expect(revisions.body.items).toEqual([expect.objectContaining({ version: 1, event: 'created', actor: { kind: 'key', keyId: key.id, agencyId: agency.id }, data: res.body })]);
  });

  it('flags a citation of a text repealed before the cited date', async () => {
    const power = await createPower(t, { agencyId: (await t.createAgency()).id, citations: [{ legalBasisId: law.repealedRule, articleNo: '12' }, { legalBasisId: law.roadRegulation }] });
    expect(power.citations).toEqual([
      expect.objectContaining({ legalBasisId: law.repealedRule, articleNo: '12', articleLabel: '第十二条', validityOnCitedDate: '已废止', repealedOnCitedDate: true }),
      expect.objectContaining({ legalBasisId: law.roadRegulation, articleNo: null, articleLabel: null, validityOnCitedDate: '现行有效', repealedOnCitedDate: false }),
    ]);
  });

  it('fills defaults: no sub-items, citations or accountability, not 审核转报', async () => {
    const agency = await t.createAgency();
    const res = await t.post('/v1/powers', { agencyId: agency.id, code: 'XK0001', name: '道路货运经营许可', type: '01' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ type: '01', typeName: '行政许可', subItems: [], citations: [], responsibilities: [], accountability: [], reviewTransfer: false, status: 'active' });
  });

  it('answers a retry with the same Idempotency-Key with the first answer, writing once', async () => {
    const agency = await t.createAgency();
    const headers = { ...(await t.keyFor(agency.id)), 'Idempotency-Key': 'power-retry-1' };
    const body = powerBody({ citations: [{ legalBasisId: law.penaltyLaw, articleNo: '39' }] });
    const first = await t.post('/v1/powers', body, headers);
    const before = await writeState(t);
    const retry = await t.post('/v1/powers', body, headers);
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(retry.body).toEqual(first.body);
    expect(await writeState(t)).toEqual(before);
  });

  it('lets the same 职权编码 be used by another agency', async () => {
    const [a, b] = [await t.createAgency(), await t.createAgency()];
    await createPower(t, { agencyId: a.id, code: 'SHARED-01' });
    const other = await createPower(t, { agencyId: b.id, code: 'SHARED-01' });
    expect(other.agencyId).toBe(b.id);
  });
});

describe('who may create a power item', () => {
  it("writes a key's item to its own agency, and refuses a key naming another agency (403, nothing written)", async () => {
    const [mine, other] = [await t.createAgency(), await t.createAgency()];
    const key = await t.keyFor(mine.id);
    const own = await t.post('/v1/powers', powerBody(), key);
    expect(own.body.agencyId).toBe(mine.id);
    const before = await writeState(t);
    const res = await t.post('/v1/powers', powerBody({ agencyId: other.id }), key);
    expect(res.status).toBe(403);
    expect(await writeState(t)).toEqual(before);
  });

  it('refuses a key without the publish scope (403)', async () => {
    const agency = await t.createAgency();
    const res = await t.post('/v1/powers', powerBody(), await t.keyFor(agency.id, ['admin']));
    expect(res.status).toBe(403);
    expect(res.body.detail).toMatch(/publish/);
  });

  it('needs the operator to name an existing agency (422 naming /agencyId)', async () => {
    const before = await writeState(t);
    for (const body of [powerBody(), powerBody({ agencyId: '0193a1b2-7c4d-7e5f-8a9b-0c1d2e3f4a5b' })]) {
      const res = await t.post('/v1/powers', body, admin);
      expect(res.status).toBe(422);
      expect(res.body.errors).toEqual([{ in: 'body', pointer: '/agencyId', detail: expect.any(String) }]);
    }
    expect(await writeState(t)).toEqual(before);
  });

});

describe('reading power items', () => {
  it('answers 304 to a matching If-None-Match, 404 for an unknown id and 400 for a malformed one', async () => {
    const power = await createPower(t, { agencyId: (await t.createAgency()).id });
    const etag = (await t.request(`/v1/powers/${power.id}`)).headers.get('etag')!;
    const res = await t.request(`/v1/powers/${power.id}`, { headers: { 'If-None-Match': etag } });
    expect(res.status).toBe(304);
    expect((await t.request('/v1/powers/0193a1b2-7c4d-7e5f-8a9b-0c1d2e3f4a5b')).status).toBe(404);
    const bad = await t.request('/v1/powers/nope');
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([{ in: 'path', pointer: '/id', detail: expect.any(String) }]);
    expect((await t.request('/v1/powers/0193a1b2-7c4d-7e5f-8a9b-0c1d2e3f4a5b/revisions')).status).toBe(404);
  });
});
