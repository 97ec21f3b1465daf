import { describe, expect, it } from 'vitest';
import { admin, useTestApp } from './support/app.js';
import { pointers } from './support/officers.js';
import { procedureState, validProcedure } from './support/procedures.js';

const t = useTestApp();
const UNKNOWN_ID = '0193a1b2-7c4d-7e5f-8a9b-0c1d2e3f4a5b';
const path = (agencyId: string, type = '') => `/v1/agencies/${agencyId}/procedures${type ? '/' + type : ''}`;

describe('publishing procedures and remedy channels', () => {
  it("lets an agency's publish key publish a procedure, readable by anyone", async () => {
    const agency = await t.createAgency();
    const key = await t.keyFor(agency.id);
    const before = await procedureState(t);
    const body = validProcedure();
    const res = await t.post(path(agency.id), body, key);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.headers.get('location')).toBe(path(agency.id, '02'));
    expect(res.headers.get('etag')).toBe('"v1"');
    expect(res.body).toEqual({
      ...body,
      id: expect.any(String),
      version: 1,
      status: 'active',
      agencyId: agency.id,
      powerTypeName: '行政处罚',
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    const read = await t.request(path(agency.id, '02'));
    expect(read.status).toBe(200);
    expect(read.headers.get('etag')).toBe('"v1"');
    expect(read.body).toEqual(res.body);
    expect((await t.request(path(agency.id, '02'), { headers: { 'If-None-Match': '"v1"' } })).status).toBe(304);
    expect(await procedureState(t)).toEqual({ procedures: before.procedures + 1, head: before.head + 1 });
    const feed = await t.request(`/v1/feed?after=${before.head}`);
    expect(feed.body.items).toMatchObject([{ type: 'procedure', id: res.body.id, event: 'created', agencyId: agency.id, data: res.body }]);
  });

  it("lists an agency's procedures in 职权类型 order, and only that agency's", async () => {
    const agency = await t.createAgency();
    const other = await t.createAgency();
    expect((await t.request(path(agency.id))).body).toEqual({ items: [] });
    const penalty = await t.post(path(agency.id), validProcedure({ powerType: '02' }));
    const licence = await t.post(path(agency.id), validProcedure({ powerType: '01' }));
    await t.post(path(other.id), validProcedure({ powerType: '03' }));
    const res = await t.request(path(agency.id));
    expect(res.status).toBe(200);
    expect(res.headers.get('etag')).toMatch(/^"/);
    expect(res.body.items).toEqual([licence.body, penalty.body]);
    expect(res.body.items.map((p: { powerTypeName: string }) => p.powerTypeName)).toEqual(['行政许可', '行政处罚']);
  });

  it('answers 404 for an unknown agency or a type it does not publish, 400 for an unknown type', async () => {
    const agency = await t.createAgency();
    expect((await t.request(path(UNKNOWN_ID))).status).toBe(404);
    expect((await t.request(path(agency.id, '05'))).status).toBe(404);
    const before = await procedureState(t);
    expect((await t.post(path(UNKNOWN_ID), validProcedure())).status).toBe(404);
    expect(await procedureState(t)).toEqual(before);
    for (const type of ['11', '2', 'CF', '00']) {
      const res = await t.request(path(agency.id, type));
      expect(res.status, type).toBe(400);
      expect(pointers(res.body)).toEqual(['path /powerType']);
    }
    expect(pointers((await t.request('/v1/agencies/nope/procedures')).body)).toEqual(['path /id']);
  });

  it('refuses a second procedure for the same agency and type (409 /powerType), nothing written', async () => {
    const agency = await t.createAgency();
    const other = await t.createAgency();
    expect((await t.post(path(agency.id), validProcedure())).status).toBe(201);
    const before = await procedureState(t);
    const res = await t.post(path(agency.id), validProcedure({ serviceGuide: '另一份指南' }));
    expect(res.status).toBe(409);
    expect(pointers(res.body)).toEqual(['body /powerType']);
    expect(await procedureState(t)).toEqual(before);
    expect((await t.post(path(other.id), validProcedure())).status).toBe(201);
  });

  it("refuses another agency's key (403), a key without publish (403) and no key (401)", async () => {
    const agency = await t.createAgency();
    const other = await t.createAgency();
    await t.post(path(agency.id), validProcedure());
    const before = await procedureState(t);
    const otherKey = await t.keyFor(other.id);
    expect((await t.post(path(agency.id), validProcedure({ powerType: '01' }), otherKey)).status).toBe(403);
    expect((await t.patch(path(agency.id, '02'), { serviceGuide: '篡改' }, { ...otherKey, 'If-Match': '"v1"' })).status).toBe(403);
    const adminOnly = await t.keyFor(agency.id, ['admin']);
    expect((await t.post(path(agency.id), validProcedure({ powerType: '01' }), adminOnly)).status).toBe(403);
    expect((await t.post(path(agency.id), validProcedure({ powerType: '01' }), {})).status).toBe(401);
    expect(await procedureState(t)).toEqual(before);
    expect((await t.request(path(agency.id, '02'))).body.version).toBe(1);
  });
});

describe('updating procedures', () => {
  it('applies a merge patch as a new version: steps replaced, remedy objects merged member by member', async () => {
    const agency = await t.createAgency();
    const key = await t.keyFor(agency.id);
    const created = (await t.post(path(agency.id), validProcedure({ reconsideration: { body: '示例市人民政府', deadlineDays: 60, note: '旧说明' } }))).body;
    expect((await t.patch(path(agency.id, '02'), { serviceGuide: '新指南' }, key)).status).toBe(428);
    const steps = [{ name: '受理' }, { name: '决定', timeLimit: { value: 20, unit: '工作日' } }];
    const res = await t.patch(
      path(agency.id, '02'),
      { steps, reconsideration: { deadlineDays: 90, note: null }, complaint: { phone: null, url: 'https://ts.example.gov.cn/' } },
      { ...key, 'If-Match': '"v1"' },
    );
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.headers.get('etag')).toBe('"v2"');
    expect(res.body).toEqual({
      ...created,
      version: 2,
      updatedAt: res.body.updatedAt,
      steps,
      reconsideration: { body: '示例市人民政府', deadlineDays: 90 },
      complaint: { channel: created.complaint.channel, url: 'https://ts.example.gov.cn/' },
    });
    const stale = await t.patch(path(agency.id, '02'), { serviceGuide: '迟到' }, { ...admin, 'If-Match': '"v1"' });
    expect(stale.status).toBe(412);

    const revisions = await t.request(`${path(agency.id, '02')}/revisions`);
    expect(revisions.status).toBe(200);
    expect(revisions.body.items.map((r: { version: number; event: string }) => [r.version, r.event])).toEqual([[1, 'created'], [2, 'updated']]);
    expect(revisions.body.items[1].actor).toEqual({ kind: 'key', keyId: key.id, agencyId: agency.id });
    expect((await t.request(`${path(agency.id, '02')}/revisions/1`)).body.data).toEqual(created);
    expect((await t.request(`${path(agency.id, '02')}/revisions/2`)).body.data).toEqual(res.body);
    expect((await t.request(`${path(agency.id, '02')}/revisions/3`)).status).toBe(404);
    expect((await t.request(`${path(agency.id, '05')}/revisions`)).status).toBe(404);
  });

  it('makes no new version for a patch that changes nothing, and lets the operator mark it inactive', async () => {
    const agency = await t.createAgency();
    const created = (await t.post(path(agency.id), validProcedure())).body;
    const before = await procedureState(t);
    for (const patch of [{}, { serviceGuide: created.serviceGuide }, { litigation: { deadlineMonths: 6 } }]) {
      const res = await t.patch(path(agency.id, '02'), patch, { ...admin, 'If-Match': '"v1"' });
      expect(res.status).toBe(200);
      expect(res.body).toEqual(created);
    }
    expect(await procedureState(t)).toEqual(before);
    const inactive = await t.patch(path(agency.id, '02'), { status: 'inactive' }, { ...admin, 'If-Match': '"v1"' });
    expect(inactive.body).toMatchObject({ version: 2, status: 'inactive' });
  });

  it('answers 404 when patching a type the agency does not publish', async () => {
    const agency = await t.createAgency();
    expect((await t.patch(path(agency.id, '04'), { serviceGuide: '无' }, { ...admin, 'If-Match': '"v1"' })).status).toBe(404);
  });
});
