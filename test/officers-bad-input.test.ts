import { describe, expect, it } from 'vitest';
import { admin, useTestApp } from './support/app.js';
import { createOfficer, officerState, pointers, validOfficer } from './support/officers.js';

const t = useTestApp();

/** Invalid officer fields: [what, fields merged into a valid body, pointers the problem must name]. */
const invalidFields: [string, Record<string, unknown>, string[]][] = [
  ['validTo before validFrom', { validFrom: '2025-01-02', validTo: '2025-01-01' }, ['/validTo']],
  ['a date that does not exist', { validTo: '2025-02-30' }, ['/validTo']],
  ['a date with a time', { validFrom: '2025-01-01T00:00:00Z' }, ['/validFrom']],
  ['an unknown status', { status: 'expired' }, ['/status']],
  ['a status in Chinese', { status: '有效' }, ['/status']],
  ['a name of 51 characters', { name: '张'.repeat(51) }, ['/name']],
  ['an empty name', { name: ' ' }, ['/name']],
  ['a name with U+0000', { name: '张\u0000示例' }, ['/name']],
  ['a certificate number of 41 characters', { certificateNo: 'A'.repeat(41) }, ['/certificateNo']],
  ['an empty certificate number', { certificateNo: '' }, ['/certificateNo']],
  ['a certificate number with a space', { certificateNo: '示例 001' }, ['/certificateNo']],
  ['a certificate number with SQL', { certificateNo: "1' OR '1'='1" }, ['/certificateNo']],
  ['a certificate number as a number', { certificateNo: 44010000001 }, ['/certificateNo']],
  ['no domains', { domains: [] }, ['/domains']],
  ['domains as a string', { domains: '道路运输' }, ['/domains']],
  ['a domain of 51 characters', { domains: ['运'.repeat(51)] }, ['/domains/0']],
  ['21 domains', { domains: Array.from({ length: 21 }, (_, i) => `领域${i}`) }, ['/domains']],
  ['an area of 201 characters', { area: '区'.repeat(201) }, ['/area']],
  ['agencyId not a uuid', { agencyId: 'city' }, ['/agencyId']],
  ['record metadata', { id: '0193a1b2-7c4d-7e5f-8a9b-0c1d2e3f4a5b', version: 3 }, ['/id', '/version']],
  ['several bad fields at once', { name: '', status: 'x', phone: '13800138000' }, ['/name', '/phone', '/status']],
];

describe('bad input to POST /v1/officers', () => {
  it.each(invalidFields)('answers 400 for %s, naming each field, and writes nothing', async (_what, fields, expected) => {
    const agency = await t.createAgency();
    const before = await officerState(t);
    const res = await t.post('/v1/officers', validOfficer({ agencyId: agency.id, ...fields }));
    expect(res.status, JSON.stringify(res.body)).toBe(400);
    expect(pointers(res.body)).toEqual(expected.map((p) => `body ${p}`).sort());
    expect(await officerState(t)).toEqual(before);
  });

  it.each(['name', 'certificateNo', 'domains', 'validFrom', 'validTo'])('answers 400 naming the missing field %s', async (field) => {
    const agency = await t.createAgency();
    const before = await officerState(t);
    const body = validOfficer({ agencyId: agency.id });
    delete body[field];
    const res = await t.post('/v1/officers', body);
    expect(res.status).toBe(400);
    expect(pointers(res.body)).toEqual([`body /${field}`]);
    expect(await officerState(t)).toEqual(before);
  });

  it('accepts the longest allowed values', async () => {
    const agency = await t.createAgency();
    const res = await t.post('/v1/officers', validOfficer({ agencyId: agency.id, name: '张'.repeat(50), area: '区'.repeat(200), domains: ['运'.repeat(50)] }));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
  });
});

describe('bad input to PATCH /v1/officers/{id}', () => {
  const patchable = invalidFields.filter(([, fields]) => !('agencyId' in fields));

  it.each(patchable)('answers 400 for %s, and the officer keeps version 1', async (_what, fields, expected) => {
    const agency = await t.createAgency();
    const officer = await createOfficer(t, agency.id);
    const before = await officerState(t);
    const res = await t.patch(`/v1/officers/${officer.id}`, fields, { ...admin, 'If-Match': '"v1"' });
    expect(res.status, JSON.stringify(res.body)).toBe(400);
    expect(pointers(res.body)).toEqual(expected.map((p) => `body ${p}`).sort());
    expect(await officerState(t)).toEqual(before);
    expect((await t.request(`/v1/officers/${officer.id}`)).body).toEqual(officer);
  });

  it.each(['name', 'certificateNo', 'domains', 'validFrom', 'validTo', 'status'])('refuses null for %s, which has no empty state', async (field) => {
    const agency = await t.createAgency();
    const officer = await createOfficer(t, agency.id);
    const res = await t.patch(`/v1/officers/${officer.id}`, { [field]: null }, { ...admin, 'If-Match': '"v1"' });
    expect(res.status).toBe(400);
    expect(pointers(res.body)).toEqual([`body /${field}`]);
  });

  it('refuses moving an officer to another agency (agencyId is not patchable)', async () => {
    const agency = await t.createAgency();
    const other = await t.createAgency();
    const officer = await createOfficer(t, agency.id);
    const res = await t.patch(`/v1/officers/${officer.id}`, { agencyId: other.id }, { ...admin, 'If-Match': '"v1"' });
    expect(res.status).toBe(400);
    expect(pointers(res.body)).toEqual(['body /agencyId']);
  });

  it('answers 422 /validTo when only the new validTo falls before the stored validFrom', async () => {
    const agency = await t.createAgency();
    const officer = await createOfficer(t, agency.id, { validFrom: '2024-06-01', validTo: '2026-06-01' });
    const before = await officerState(t);
    const res = await t.patch(`/v1/officers/${officer.id}`, { validTo: '2024-05-31' }, { ...admin, 'If-Match': '"v1"' });
    expect(res.status).toBe(422);
    expect(pointers(res.body)).toEqual(['body /validTo']);
    expect(await officerState(t)).toEqual(before);
  });
});
