import { describe, expect, it } from 'vitest';
import { admin, useTestApp, testClock } from './support/app.js';
import { ifMatch, validCampaign } from './support/actions.js';

const clock = testClock('2026-11-27T02:00:00Z');
const t = useTestApp({ now: () => clock.now });

describe('campaigns', () => {
  it("creates a campaign led by the key's own agency, with participants, readable and revisioned", async () => {
    const lead = await t.createAgency({ name: '示例市市场监督管理局' });
    const other = await t.createAgency();
    const key = await t.keyFor(lead.id);
    const res = await t.post('/v1/campaigns', validCampaign({ participatingAgencyIds: [other.id] }), key);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.headers.get('Location')).toBe(`/v1/campaigns/${res.body.id}`);
    expect(res.body).toMatchObject({ status: 'active', leadAgencyId: lead.id, leadAgency: '示例市市场监督管理局', participatingAgencyIds: [other.id], description: null, version: 1 });
    const read = await t.request(`/v1/campaigns/${res.body.id}`);
    expect(read.body).toEqual(res.body);
    const revs = await t.request(`/v1/campaigns/${res.body.id}/revisions`);
    expect(revs.body.items.map((r: any) => r.event)).toEqual(['created']);
  });

  it('refuses a key naming another lead agency (403) and the operator without one (422)', async () => {
    const lead = await t.createAgency();
    const other = await t.createAgency();
    const key = await t.keyFor(lead.id);
    expect((await t.post('/v1/campaigns', validCampaign({ leadAgencyId: other.id }), key)).status).toBe(403);
    const res = await t.post('/v1/campaigns', validCampaign(), admin);
    expect(res.status).toBe(422);
    expect(res.body.errors.map((e: any) => e.pointer)).toEqual(['/leadAgencyId']);
    const named = await t.post('/v1/campaigns', validCampaign({ leadAgencyId: other.id }), admin);
    expect(named.status, JSON.stringify(named.body)).toBe(201);
    expect(named.body.leadAgencyId).toBe(other.id);
  });

  it('names each unknown participating agency by its pointer', async () => {
    const lead = await t.createAgency();
    const other = await t.createAgency();
    const key = await t.keyFor(lead.id);
    const ghost = '0193a1b2-7c4d-7e5f-8a9b-0c1d2e3f4a5b';
    const res = await t.post('/v1/campaigns', validCampaign({ participatingAgencyIds: [other.id, ghost] }), key);
    expect(res.status).toBe(422);
    expect(res.body.errors.map((e: any) => e.pointer)).toEqual(['/participatingAgencyIds/1']);
    const bad = await t.post('/v1/campaigns', validCampaign({ startDate: '2026-05-01', endDate: '2026-04-01' }), key);
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: any) => e.pointer)).toEqual(['/endDate']);
  });

  it('derives closed after the end date; the ETag changes with it', async () => {
    clock.now = new Date('2026-06-30T15:00:00Z'); // 2026-06-30 23:00 in Beijing: still the last day
    const lead = await t.createAgency();
    const created = await t.post('/v1/campaigns', validCampaign({ endDate: '2026-06-30' }), await t.keyFor(lead.id));
    const first = await t.request(`/v1/campaigns/${created.body.id}`);
    expect(first.body.status).toBe('active');
    clock.now = new Date('2026-06-30T16:00:00Z'); // 2026-07-01 in Beijing
    const etag = first.headers.get('ETag')!;
    const second = await t.request(`/v1/campaigns/${created.body.id}`, { headers: { 'If-None-Match': etag } });
    expect(second.status).toBe(200);
    expect(second.body.status).toBe('closed');
  });

  it('patches by the lead agency only, against If-Match, as a new version', async () => {
    const lead = await t.createAgency();
    const other = await t.createAgency();
    const key = await t.keyFor(lead.id);
    const created = await t.post('/v1/campaigns', validCampaign({ description: '范围说明' }), key);
    const url = `/v1/campaigns/${created.body.id}`;
    expect((await t.patch(url, { name: '新名称' }, key)).status).toBe(428);
    expect((await t.patch(url, { name: '新名称' }, ifMatch(key, '"v9"'))).status).toBe(412);
    expect((await t.patch(url, { name: '新名称' }, ifMatch(await t.keyFor(other.id), '"v1"'))).status).toBe(403);
    expect((await t.patch(url, { leadAgencyId: other.id }, ifMatch(key, '"v1"'))).status).toBe(403);
    const bad = await t.patch(url, { endDate: '2026-01-01' }, ifMatch(key, '"v1"'));
    expect(bad.status).toBe(422);
    expect(bad.body.errors.map((e: any) => e.pointer)).toEqual(['/endDate']);
    const unknown = await t.patch(url, { participatingAgencyIds: [other.id, lead.id, '0193a1b2-7c4d-7e5f-8a9b-0c1d2e3f4a5b'] }, ifMatch(key, '"v1"'));
    expect(unknown.status).toBe(422);
    expect(unknown.body.errors.map((e: any) => e.pointer)).toEqual(['/participatingAgencyIds/2']);
    const res = await t.patch(url, { name: '新名称', description: null, participatingAgencyIds: [other.id] }, ifMatch(key, '"v1"'));
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ version: 2, name: '新名称', description: null, participatingAgencyIds: [other.id] });
    const revs = await t.request(`${url}/revisions`);
    expect(revs.body.items.map((r: any) => [r.version, r.event, r.data.name])).toEqual([
      [1, 'created', created.body.name],
      [2, 'updated', '新名称'],
    ]);
    const handed = await t.patch(url, { leadAgencyId: other.id }, ifMatch(admin, '"v2"'));
    expect(handed.body).toMatchObject({ version: 3, leadAgencyId: other.id });
  });

  it('lists by lead agency and by a date within the period, with a cursor bound to its filters', async () => {
    const lead = await t.createAgency();
    const key = await t.keyFor(lead.id);
    const spring = await t.post('/v1/campaigns', validCampaign({ name: '春季', startDate: '2026-03-01', endDate: '2026-05-31' }), key);
    const summer = await t.post('/v1/campaigns', validCampaign({ name: '夏季', startDate: '2026-06-01', endDate: '2026-08-31' }), key);
    const all = await t.request(`/v1/campaigns?leadAgencyId=${lead.id}`);
    expect(all.body.items.map((c: any) => c.id)).toEqual([spring.body.id, summer.body.id]);
    const june = await t.request(`/v1/campaigns?leadAgencyId=${lead.id}&activeOn=2026-06-01`);
    expect(june.body.items.map((c: any) => c.name)).toEqual(['夏季']);
    const edge = await t.request(`/v1/campaigns?leadAgencyId=${lead.id}&activeOn=2026-05-31`);
    expect(edge.body.items.map((c: any) => c.name)).toEqual(['春季']);
    const first = await t.request(`/v1/campaigns?leadAgencyId=${lead.id}&limit=1`);
    expect(first.body.next).toEqual(expect.any(String));
    expect(first.headers.get('Link')).toContain('rel="next"');
    const second = await t.request(`/v1/campaigns?leadAgencyId=${lead.id}&limit=1&cursor=${first.body.next}`);
    expect(second.body.items.map((c: any) => c.id)).toEqual([summer.body.id]);
    expect(second.body.next).toBeNull();
    const replayed = await t.request(`/v1/campaigns?activeOn=2026-06-01&limit=1&cursor=${first.body.next}`);
    expect(replayed.status).toBe(400);
    expect((await t.request('/v1/campaigns?activeOn=June')).status).toBe(400);
  });
});
