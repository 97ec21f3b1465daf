import { describe, expect, it } from 'vitest';
import { inspectors } from '../src/db/schema.js';
import { admin, useTestApp } from './support/app.js';
import { created, enrolInspector, expectRefused, ifMatch, listedIds, sorted } from './support/inspections.js';
import { createOfficer } from './support/officers.js';

const t = useTestApp();
const UNKNOWN = '0193a1b2-7c4d-7e5f-8a9b-0c1d2e3f4a5b';

const enrolment = (officerId: string, fields: Record<string, unknown> = {}) => ({ officerId, domains: ['食品安全'], available: true, ...fields });
const enrol = (officerId: string, headers = admin, fields: Record<string, unknown> = {}) => () => t.post('/v1/inspectors', enrolment(officerId, fields), headers);

describe('POST /v1/inspectors', () => {
  it("enrols an active officer of the key's own agency, publishing the officer's name and 执法证号", async () => {
    const agency = await t.createAgency();
    const key = await t.keyFor(agency.id);
    const officer = await createOfficer(t, agency.id, { name: '李检查' });
    const inspector = await created(t, '/v1/inspectors', enrolment(officer.id, { domains: ['食品安全', '特种设备'] }), key);
    expect(inspector).toMatchObject({
      version: 1,
      status: 'active',
      agencyId: agency.id,
      officerId: officer.id,
      name: '李检查',
      certificateNo: officer.certificateNo,
      domains: ['食品安全', '特种设备'],
      available: true,
      unavailableUntil: null,
    });
  });

  it('reads name and 执法证号 from the officer record, so a corrected officer shows through', async () => {
    const agency = await t.createAgency();
    const officer = await createOfficer(t, agency.id, { name: '王旧名' });
    const inspector = await created(t, '/v1/inspectors', enrolment(officer.id));
    const renamed = await t.patch(`/v1/officers/${officer.id}`, { name: '王新名' }, ifMatch('"v1"'));
    expect(renamed.status, JSON.stringify(renamed.body)).toBe(200);
    expect((await t.request(`/v1/inspectors/${inspector.id}`)).body).toMatchObject({ name: '王新名', certificateNo: officer.certificateNo, version: 1 });
  });

  it('changes its ETag when the officer record changes, so a conditional GET sees the new name', async () => {
    const agency = await t.createAgency();
    const officer = await createOfficer(t, agency.id, { name: '赵旧名' });
    const inspector = await created(t, '/v1/inspectors', enrolment(officer.id));
    const before = (await t.request(`/v1/inspectors/${inspector.id}`)).headers.get('ETag')!;
    expect((await t.request(`/v1/inspectors/${inspector.id}`, { headers: { 'If-None-Match': before } })).status).toBe(304);
    await t.patch(`/v1/officers/${officer.id}`, { name: '赵新名' }, ifMatch('"v1"'));
    const after = await t.request(`/v1/inspectors/${inspector.id}`, { headers: { 'If-None-Match': before } });
    expect(after.status).toBe(200);
    expect(after.body.name).toBe('赵新名');
    expect(after.headers.get('ETag')).not.toBe(before);
    const available = await t.patch(`/v1/inspectors/${inspector.id}`, { available: false }, ifMatch(after.headers.get('ETag')!));
    expect(available.body).toMatchObject({ version: 2, available: false });
  });

  it.each(['name', 'certificateNo', 'agencyId', 'idNumber', 'phone'])('refuses %s in the body (400 naming it): the officer record is the only source', async (field) => {
    const agency = await t.createAgency();
    const officer = await createOfficer(t, agency.id);
    await expectRefused(t, inspectors, enrol(officer.id, admin, { [field]: '张三' }), 400, [`/${field}`]);
  });

  it.each(['revoked', 'suspended'])('refuses a %s officer with a 422 naming /officerId, writing nothing', async (status) => {
    const agency = await t.createAgency();
    const officer = await createOfficer(t, agency.id, { status });
    await expectRefused(t, inspectors, enrol(officer.id), 422, ['/officerId']);
  });

  it.each([
    ['expired', { validFrom: '2020-01-01', validTo: '2025-12-31' }, 'expired on 2025-12-31'],
    ['not yet valid', { validFrom: '2099-01-01', validTo: '2099-12-31' }, 'valid only from 2099-01-01'],
  ])('refuses an officer whose 执法证 is %s with a 422 naming /officerId, writing nothing', async (_what, period, detail) => {
    const agency = await t.createAgency();
    const officer = await createOfficer(t, agency.id, period);
    const res = await expectRefused(t, inspectors, enrol(officer.id), 422, ['/officerId']);
    expect(res.body.errors[0].detail).toContain(detail);
  });

  it('refuses an unknown officer with a 422 naming /officerId', async () => {
    await expectRefused(t, inspectors, enrol(UNKNOWN), 422, ['/officerId']);
  });

  it("refuses another agency's officer (403) and writes nothing", async () => {
    const [agency, other] = [await t.createAgency(), await t.createAgency()];
    const officer = await createOfficer(t, other.id);
    await expectRefused(t, inspectors, enrol(officer.id, await t.keyFor(agency.id)), 403);
  });

  it.each([
    ['no domains', { domains: [] }, ['/domains']],
    ['available as a string', { available: 'yes' }, ['/available']],
    ['an impossible date', { unavailableUntil: '2026-02-30' }, ['/unavailableUntil']],
    ['an unknown status', { status: 'retired' }, ['/status']],
  ])('answers 400 for %s', async (_what, fields, expected) => {
    const agency = await t.createAgency();
    const officer = await createOfficer(t, agency.id);
    await expectRefused(t, inspectors, enrol(officer.id, admin, fields), 400, expected);
  });
});

describe('one active entry per officer', () => {
  it('answers 409 naming /officerId, and allows a new entry once the first is removed', async () => {
    const agency = await t.createAgency();
    const officer = await createOfficer(t, agency.id);
    const first = await created(t, '/v1/inspectors', enrolment(officer.id));
    await expectRefused(t, inspectors, enrol(officer.id), 409, ['/officerId']);
    const removed = await t.patch(`/v1/inspectors/${first.id}`, { status: 'removed' }, ifMatch('"v1"'));
    expect(removed.body).toMatchObject({ version: 2, status: 'removed' });
    const second = await created(t, '/v1/inspectors', enrolment(officer.id, { domains: ['特种设备'] }));
    expect(second).toMatchObject({ officerId: officer.id, status: 'active', version: 1 });
    await expectRefused(t, inspectors, () => t.patch(`/v1/inspectors/${first.id}`, { status: 'active' }, ifMatch('"v2"')), 409, ['/officerId']);
  });
});

describe('PATCH /v1/inspectors/{id}', () => {
  it('changes availability as a new version with its revision', async () => {
    const agency = await t.createAgency();
    const key = await t.keyFor(agency.id);
    const inspector = await enrolInspector(t, agency.id);
    const away = await t.patch(`/v1/inspectors/${inspector.id}`, { available: false, unavailableUntil: '2026-06-30' }, ifMatch('"v1"', key));
    expect(away.status, JSON.stringify(away.body)).toBe(200);
    expect(away.body).toMatchObject({ version: 2, available: false, unavailableUntil: '2026-06-30', name: inspector.name });
    const back = await t.patch(`/v1/inspectors/${inspector.id}`, { available: true, unavailableUntil: null }, ifMatch('"v2"', key));
    expect(back.body).toMatchObject({ version: 3, available: true, unavailableUntil: null });
    const revisions = (await t.request(`/v1/inspectors/${inspector.id}/revisions`)).body.items;
    expect(revisions.map((r: any) => [r.version, r.data.available, r.data.unavailableUntil])).toEqual([
      [1, true, null],
      [2, false, '2026-06-30'],
      [3, true, null],
    ]);
  });

  it.each([
    ['officerId', { officerId: UNKNOWN }],
    ['name', { name: '改名' }],
    ['certificateNo', { certificateNo: 'X-1' }],
    ['agencyId', { agencyId: UNKNOWN }],
  ])('refuses %s in a patch with a 400 naming it', async (field, patch) => {
    const agency = await t.createAgency();
    const inspector = await enrolInspector(t, agency.id);
    await expectRefused(t, inspectors, () => t.patch(`/v1/inspectors/${inspector.id}`, patch, ifMatch('"v1"')), 400, [`/${field}`]);
  });

  it("is refused (403) to another agency's key", async () => {
    const [agency, other] = [await t.createAgency(), await t.createAgency()];
    const inspector = await enrolInspector(t, agency.id);
    const key = await t.keyFor(other.id);
    await expectRefused(t, inspectors, () => t.patch(`/v1/inspectors/${inspector.id}`, { available: false }, ifMatch('"v1"', key)), 403);
  });
});

describe('GET /v1/inspectors', () => {
  it('filters by agency, 执法领域, availability and status', async () => {
    const [agency, other] = [await t.createAgency(), await t.createAgency()];
    const food = await enrolInspector(t, agency.id);
    const both = await enrolInspector(t, agency.id, { domains: ['特种设备', '食品安全'], available: false });
    const gone = await enrolInspector(t, agency.id, { domains: ['特种设备'] });
    await t.patch(`/v1/inspectors/${gone.id}`, { status: 'removed' }, ifMatch('"v1"'));
    const elsewhere = await enrolInspector(t, other.id);
    const ids = (query: string) => listedIds(t, `/v1/inspectors?agencyId=${agency.id}&${query}`).then(sorted);
    expect(await ids('')).toEqual(sorted([food.id, both.id, gone.id]));
    expect(await listedIds(t, `/v1/inspectors?agencyId=${other.id}`)).toEqual([elsewhere.id]);
    expect(await ids(`domain=${encodeURIComponent('特种设备')}`)).toEqual(sorted([both.id, gone.id]));
    expect(await ids(`domain=${encodeURIComponent('食品')}`)).toEqual([]);
    expect(await ids('available=false')).toEqual([both.id]);
    expect(await ids('available=true')).toEqual(sorted([food.id, gone.id]));
    expect(await ids('status=removed')).toEqual([gone.id]);
    expect(await ids('status=active&available=true')).toEqual([food.id]);
  });
});
