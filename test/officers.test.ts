import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { admin, useTestApp } from './support/app.js';
import { createOfficer, officerState, pointers, rowsOf, uniqueCertificate, validOfficer } from './support/officers.js';

const t = useTestApp();
const UNKNOWN_ID = '0193a1b2-7c4d-7e5f-8a9b-0c1d2e3f4a5b';
const PUBLIC_FIELDS = ['agencyId', 'area', 'certificateNo', 'createdAt', 'domains', 'id', 'name', 'status', 'updatedAt', 'validFrom', 'validTo', 'version'];

describe('creating and reading officers', () => {
  it('lets a publish key add an officer of its own agency and publishes exactly the public fields', async () => {
    const agency = await t.createAgency();
    const key = await t.keyFor(agency.id);
    const before = await officerState(t);
    const body = validOfficer({ name: '李测试', domains: ['道路运输', '水路运输'] });
    const res = await t.post('/v1/officers', body, key);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.headers.get('etag')).toBe('"v1"');
    expect(res.headers.get('location')).toBe(`/v1/officers/${res.body.id}`);
    expect(Object.keys(res.body).sort()).toEqual(PUBLIC_FIELDS);
    expect(res.body).toMatchObject({ ...body, agencyId: agency.id, status: 'active', version: 1 });

    const read = await t.request(`/v1/officers/${res.body.id}`);
    expect(read.status).toBe(200);
    expect(read.headers.get('etag')).toBe('"v1"');
    expect(read.body).toEqual(res.body);
    expect((await t.request(`/v1/officers/${res.body.id}`, { headers: { 'If-None-Match': '"v1"' } })).status).toBe(304);
    expect(await officerState(t)).toEqual({ officers: before.officers + 1, head: before.head + 1 });
    const feed = await t.request(`/v1/feed?after=${before.head}&type=officer`);
    expect(feed.body.items).toMatchObject([{ type: 'officer', id: res.body.id, version: 1, event: 'created', agencyId: agency.id, data: res.body }]);
  });

  it('publishes a missing area as null and accepts a 1-day certificate', async () => {
    const agency = await t.createAgency();
    const { area: _area, ...body } = validOfficer({ validFrom: '2025-03-01', validTo: '2025-03-01' });
    const res = await t.post('/v1/officers', { ...body, agencyId: agency.id });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ area: null, validFrom: '2025-03-01', validTo: '2025-03-01' });
  });

  it('makes the operator name the agency (422), refuses an unknown one (422) and writes nothing', async () => {
    const before = await officerState(t);
    const none = await t.post('/v1/officers', validOfficer());
    expect(none.status).toBe(422);
    expect(pointers(none.body)).toEqual(['body /agencyId']);
    const unknown = await t.post('/v1/officers', validOfficer({ agencyId: UNKNOWN_ID }));
    expect(unknown.status).toBe(422);
    expect(pointers(unknown.body)).toEqual(['body /agencyId']);
    expect(await officerState(t)).toEqual(before);
  });

  it("refuses a key writing for another agency (403), a key without publish (403) and no key (401)", async () => {
    const own = await t.createAgency();
    const other = await t.createAgency();
    const before = await officerState(t);
    const key = await t.keyFor(own.id);
    expect((await t.post('/v1/officers', validOfficer({ agencyId: other.id }), key)).status).toBe(403);
    const adminOnly = await t.keyFor(own.id, ['admin']);
    expect((await t.post('/v1/officers', validOfficer(), adminOnly)).status).toBe(403);
    expect((await t.post('/v1/officers', validOfficer(), {})).status).toBe(401);
    expect((await officerState(t)).officers).toBe(before.officers);
  });

  it('answers 404 for an unknown officer and 400 for a malformed id', async () => {
    expect((await t.request(`/v1/officers/${UNKNOWN_ID}`)).status).toBe(404);
    const bad = await t.request('/v1/officers/nope');
    expect(bad.status).toBe(400);
    expect(pointers(bad.body)).toEqual(['path /id']);
  });
});

describe('personal data is never accepted or stored', () => {
  const personal = { idNumber: '110101199003074514', phone: '13800138000', photo: 'https://example.com/p.jpg', address: '示例路1号', birthDate: '1990-03-07', gender: '男' };

  /** Tables whose rows mention a value anywhere: officers, revisions (feed data), remembered answers. */
  const traces = async (value: string) =>
    (
      await rowsOf<{ t: string }>(t, sql`
        SELECT 'officers' AS t FROM officers o WHERE row_to_json(o)::text LIKE ${'%' + value + '%'}
        UNION ALL SELECT 'revisions' FROM revisions r WHERE r.data::text LIKE ${'%' + value + '%'}
        UNION ALL SELECT 'idempotency_keys' FROM idempotency_keys k WHERE row_to_json(k)::text LIKE ${'%' + value + '%'}`)
    ).map((r) => r.t);

  it('refuses a payload with personal fields with a 400 naming each one, and writes nothing anywhere', async () => {
    const agency = await t.createAgency();
    // Positive control: an accepted officer's values are found where the refused ones must not be.
    const accepted = await t.post('/v1/officers', validOfficer({ agencyId: agency.id }), { ...admin, 'Idempotency-Key': 'officer-ok' });
    expect(await traces(accepted.body.certificateNo)).toEqual(['officers', 'revisions', 'idempotency_keys']);
    const before = await officerState(t);
    const res = await t.post('/v1/officers', validOfficer({ agencyId: agency.id, ...personal }), { ...admin, 'Idempotency-Key': 'officer-personal' });
    expect(res.status).toBe(400);
    expect(pointers(res.body)).toEqual(Object.keys(personal).map((k) => `body /${k}`).sort());
    expect(await officerState(t)).toEqual(before);
    for (const value of Object.values(personal)) expect(await traces(value), value).toEqual([]);
  });

  it('refuses personal fields in a patch too, leaving the officer at version 1', async () => {
    const agency = await t.createAgency();
    const officer = await createOfficer(t, agency.id);
    const res = await t.patch(`/v1/officers/${officer.id}`, { phone: '13800138000', name: '李测试' }, { Authorization: (await t.keyFor(agency.id)).Authorization, 'If-Match': '"v1"' });
    expect(res.status).toBe(400);
    expect(pointers(res.body)).toEqual(['body /phone']);
    expect((await t.request(`/v1/officers/${officer.id}`)).body).toEqual(officer);
  });

  it('has no column that could hold personal data', async () => {
    const rows = await rowsOf<{ column_name: string }>(t, sql`SELECT column_name FROM information_schema.columns WHERE table_name = 'officers' ORDER BY column_name`);
    const names = rows.map((r) => r.column_name);
    expect(names).toEqual(
      ['agency_id', 'area', 'certificate_no', 'created_at', 'domains', 'id', 'name', 'search_text', 'search_vector', 'status', 'updated_at', 'valid_from', 'valid_to', 'version'],
    );
  });
});

describe('certificate numbers', () => {
  it('refuses a second active certificate with the same number (409 /certificateNo), nothing written', async () => {
    const agency = await t.createAgency();
    const other = await t.createAgency();
    const first = await createOfficer(t, agency.id);
    const before = await officerState(t);
    const res = await t.post('/v1/officers', validOfficer({ agencyId: other.id, certificateNo: first.certificateNo, name: '王样例' }));
    expect(res.status).toBe(409);
    expect(pointers(res.body)).toEqual(['body /certificateNo']);
    expect(await officerState(t)).toEqual(before);
  });

  it('lets inactive certificates share a number with each other and with one active certificate', async () => {
    const agency = await t.createAgency();
    const no = uniqueCertificate();
    await createOfficer(t, agency.id, { certificateNo: no, status: 'revoked' });
    await createOfficer(t, agency.id, { certificateNo: no, status: 'suspended' });
    const active = await createOfficer(t, agency.id, { certificateNo: no });
    expect(active.status).toBe('active');
  });

  it.each([
    ['G44010012345'],
    ['粤交执-440100/0001'],
    ['1'],
    ['A'.repeat(40)],
  ])('accepts %s', async (no) => {
    const agency = await t.createAgency();
    const res = await t.post('/v1/officers', validOfficer({ agencyId: agency.id, certificateNo: no }));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.certificateNo).toBe(no);
  });
});
