import { describe, expect, it } from 'vitest';
import { admin, useTestApp } from './support/app.js';
import { createOfficer, officerState, pointers, uniqueCertificate, validOfficer } from './support/officers.js';

const t = useTestApp();
const UNKNOWN_ID = '0193a1b2-7c4d-7e5f-8a9b-0c1d2e3f4a5b';
const asAdmin = (tag: string) => ({ ...admin, 'If-Match': tag });

describe('officer updates', () => {
  it('needs If-Match (428), applies a merge patch as version 2, then answers 412 to the stale ETag', async () => {
    const agency = await t.createAgency();
    const key = await t.keyFor(agency.id);
    const officer = await createOfficer(t, agency.id, {}, key);
    const before = await officerState(t);
    expect((await t.patch(`/v1/officers/${officer.id}`, { area: '示例区' }, key)).status).toBe(428);
    expect(await officerState(t)).toEqual(before);

    const res = await t.patch(`/v1/officers/${officer.id}`, { area: null, domains: ['道路运输', '城市客运'], validTo: '2029-12-31' }, { ...key, 'If-Match': '"v1"' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.headers.get('etag')).toBe('"v2"');
    expect(res.body).toEqual({ ...officer, version: 2, updatedAt: res.body.updatedAt, area: null, domains: ['道路运输', '城市客运'], validTo: '2029-12-31' });
    expect(await officerState(t)).toEqual({ officers: before.officers, head: before.head + 1 });

    const stale = await t.patch(`/v1/officers/${officer.id}`, { name: '迟到' }, { ...key, 'If-Match': '"v1"' });
    expect(stale.status).toBe(412);
    expect((await t.request(`/v1/officers/${officer.id}`)).body).toEqual(res.body);
  });

  it('makes no new version for a patch that changes nothing', async () => {
    const agency = await t.createAgency();
    const officer = await createOfficer(t, agency.id);
    const before = await officerState(t);
    for (const patch of [{}, { name: officer.name }, { domains: officer.domains, status: 'active' }]) {
      const res = await t.patch(`/v1/officers/${officer.id}`, patch, asAdmin('"v1"'));
      expect(res.status).toBe(200);
      expect(res.headers.get('etag')).toBe('"v1"');
      expect(res.body).toEqual(officer);
    }
    expect(await officerState(t)).toEqual(before);
  });

  it("refuses another agency's key (403) and a key without publish (403); the operator may edit", async () => {
    const agency = await t.createAgency();
    const other = await t.createAgency();
    const officer = await createOfficer(t, agency.id);
    const before = await officerState(t);
    const otherKey = await t.keyFor(other.id);
    const refused = await t.patch(`/v1/officers/${officer.id}`, { status: 'revoked' }, { ...otherKey, 'If-Match': '"v1"' });
    expect(refused.status).toBe(403);
    const adminOnly = await t.keyFor(agency.id, ['admin']);
    expect((await t.patch(`/v1/officers/${officer.id}`, { status: 'revoked' }, { ...adminOnly, 'If-Match': '"v1"' })).status).toBe(403);
    expect(await officerState(t)).toEqual(before);
    const byOperator = await t.patch(`/v1/officers/${officer.id}`, { status: 'suspended' }, asAdmin('"v1"'));
    expect(byOperator.body).toMatchObject({ version: 2, status: 'suspended' });
  });

  it('answers 404 for an unknown officer and 400 for a malformed id', async () => {
    expect((await t.patch(`/v1/officers/${UNKNOWN_ID}`, { name: '无' }, asAdmin('"v1"'))).status).toBe(404);
    expect(pointers((await t.patch('/v1/officers/x', { name: '无' }, asAdmin('"v1"'))).body)).toEqual(['path /id']);
  });
});

describe('certificate numbers across updates', () => {
  it('frees a number when its certificate is revoked, and refuses to reactivate the old one while it is taken', async () => {
    const agency = await t.createAgency();
    const no = uniqueCertificate();
    const old = await createOfficer(t, agency.id, { certificateNo: no, name: '张示例' });
    expect((await t.post('/v1/officers', validOfficer({ agencyId: agency.id, certificateNo: no }))).status).toBe(409);

    expect((await t.patch(`/v1/officers/${old.id}`, { status: 'revoked' }, asAdmin('"v1"'))).body.status).toBe('revoked');
    const successor = await createOfficer(t, agency.id, { certificateNo: no, name: '李测试' });
    expect(successor.status).toBe('active');

    const before = await officerState(t);
    const reactivate = await t.patch(`/v1/officers/${old.id}`, { status: 'active' }, asAdmin('"v2"'));
    expect(reactivate.status).toBe(409);
    expect(pointers(reactivate.body)).toEqual(['body /certificateNo']);
    expect(await officerState(t)).toEqual(before);
    expect((await t.request(`/v1/officers/${old.id}`)).body.status).toBe('revoked');
  });

  it('refuses renumbering to a number an active certificate holds (409), nothing written', async () => {
    const agency = await t.createAgency();
    const a = await createOfficer(t, agency.id);
    const b = await createOfficer(t, agency.id);
    const before = await officerState(t);
    const res = await t.patch(`/v1/officers/${b.id}`, { certificateNo: a.certificateNo }, asAdmin('"v1"'));
    expect(res.status).toBe(409);
    expect(pointers(res.body)).toEqual(['body /certificateNo']);
    expect(await officerState(t)).toEqual(before);
  });

  it('lets exactly one of several concurrent creates take a number; the others get 409, never 500', async () => {
    const agency = await t.createAgency();
    const no = uniqueCertificate();
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) => t.post('/v1/officers', validOfficer({ agencyId: agency.id, certificateNo: no, name: `并发${i}` }))),
    );
    const statuses = results.map((r) => r.status).sort();
    expect(statuses).toEqual([201, 409, 409, 409, 409, 409]);
    for (const r of results.filter((r) => r.status === 409)) expect(pointers(r.body)).toEqual(['body /certificateNo']);
    const listed = await t.request(`/v1/officers?agencyId=${agency.id}`);
    expect(listed.body.items).toHaveLength(1);
  });
});

describe('officer revisions', () => {
  it('keeps every version with who made it, and returns each as it was', async () => {
    const agency = await t.createAgency();
    const key = await t.keyFor(agency.id);
    const created = await createOfficer(t, agency.id, { status: 'active' }, key);
    const revoked = await t.patch(`/v1/officers/${created.id}`, { status: 'revoked' }, { ...key, 'If-Match': '"v1"' });
    const res = await t.request(`/v1/officers/${created.id}/revisions`);
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([
      { version: 1, event: 'created', at: created.createdAt, reason: null, actor: { kind: 'key', keyId: key.id, agencyId: agency.id }, data: created },
      { version: 2, event: 'updated', at: revoked.body.updatedAt, reason: null, actor: { kind: 'key', keyId: key.id, agencyId: agency.id }, data: revoked.body },
    ]);
    expect((await t.request(`/v1/officers/${created.id}/revisions/1`)).body.data).toEqual(created);
    expect((await t.request(`/v1/officers/${created.id}/revisions/3`)).status).toBe(404);
    expect((await t.request(`/v1/officers/${UNKNOWN_ID}/revisions`)).status).toBe(404);
  });
});
