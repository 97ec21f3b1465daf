import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { licences } from '../src/db/schema.js';
import { admin, useTestApp } from './support/app.js';
import { validLicence } from './support/licences.js';
import { ADULT_ID, MINOR_ID, personParty } from './support/penalties.js';

const now = new Date('2026-11-27T02:00:00Z');
const t = useTestApp({ now: () => now });

describe('publishing a licence', () => {
  it("publishes a decision of the key's own agency with server-filled agency fields and the 7-working-day deadline", async () => {
    const agency = await t.createAgency();
    const key = await t.keyFor(agency.id);
    const res = await t.post('/v1/licences', validLicence(), key);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.headers.get('Location')).toBe(`/v1/licences/${res.body.id}`);
    expect(res.body).toMatchObject({
      status: 'published',
      version: 1,
      state: 'valid',
      category: '01',
      categoryDetail: null,
      licensingAgencyId: agency.id,
      licensingAgency: agency.name,
      licensingAgencyCreditCode: agency.creditCode,
      dataSource: agency.name,
      dataSourceCreditCode: agency.creditCode,
      // 2026-11-20 is a Friday: seven working days later is Tuesday 2026-12-01; published 11-27, on time.
      timeliness: { dueDate: '2026-12-01', late: false, workingDaysLate: 0, basis: 'server' },
    });
    const read = await t.request(`/v1/licences/${res.body.id}`);
    expect(read.status).toBe(200);
    expect(read.headers.get('ETag')).toBe('"v1"');
    expect(read.body).toEqual(res.body);
  });

  it('marks a decision published after its deadline as late', async () => {
    const agency = await t.createAgency();
    const res = await t.post('/v1/licences', validLicence({ agencyId: agency.id, decisionDate: '2026-11-12', validFrom: '2026-11-12' }), admin);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    // 2026-11-12 (Thu) + 7 working days = 2026-11-23 (Mon); 11-27 is 4 working days after it.
    expect(res.body.timeliness).toMatchObject({ dueDate: '2026-11-23', late: true, workingDaysLate: 4 });
  });

  it("refuses a key publishing another agency's decision with 403 naming /agencyId", async () => {
    const mine = await t.createAgency();
    const other = await t.createAgency();
    const key = await t.keyFor(mine.id);
    const res = await t.post('/v1/licences', validLicence({ agencyId: other.id }), key);
    expect(res.status).toBe(403);
    expect(res.body.errors).toEqual([expect.objectContaining({ pointer: '/agencyId' })]);
  });

  it("masks a natural person's ID number before storage and refuses a minor", async () => {
    const agency = await t.createAgency();
    const res = await t.post('/v1/licences', validLicence({ party: personParty(), agencyId: agency.id }), admin);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const masked = ADULT_ID.slice(0, 6) + '********' + ADULT_ID.slice(-4);
    expect(res.body.party.idNumber).toBe(masked);
    const [stored] = await t.db.select({ party: licences.party }).from(licences).where(eq(licences.id, res.body.id));
    expect(JSON.stringify(stored!.party)).not.toContain(ADULT_ID);
    expect(stored!.party).toMatchObject({ idNumber: masked });

    const minor = await t.post('/v1/licences', validLicence({ party: personParty({ idNumber: MINOR_ID }), agencyId: agency.id }), admin);
    expect(minor.status).toBe(422);
    expect(minor.body.errors.map((e: { pointer: string }) => e.pointer)).toContain('/party/idNumber');
  });

  it('refuses a decision dated after today (Beijing) with 422 /decisionDate', async () => {
    const agency = await t.createAgency();
    const key = await t.keyFor(agency.id);
    const res = await t.post('/v1/licences', validLicence({ decisionDate: '2026-11-28', validFrom: '2026-11-28' }), key);
    expect(res.status).toBe(422);
    expect(res.body.errors.map((e: { pointer: string }) => e.pointer)).toEqual(['/decisionDate']);
    expect((await t.post('/v1/licences', validLicence({ decisionDate: '2026-11-27', validFrom: '2026-11-27' }), key)).status).toBe(201);
  });

  it('requires categoryDetail exactly for 许可类别 其他', async () => {
    const agency = await t.createAgency();
    const key = await t.keyFor(agency.id);
    const missing = await t.post('/v1/licences', validLicence({ category: '06' }), key);
    expect(missing.status).toBe(400);
    expect(missing.body.errors.map((e: { pointer: string }) => e.pointer)).toEqual(['/categoryDetail']);
    const refused = await t.post('/v1/licences', validLicence({ category: '01', categoryDetail: '备案' }), key);
    expect(refused.status).toBe(400);
    expect(refused.body.errors.map((e: { pointer: string }) => e.pointer)).toEqual(['/categoryDetail']);
    const ok = await t.post('/v1/licences', validLicence({ category: '06', categoryDetail: '备案' }), key);
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
    expect(ok.body).toMatchObject({ category: '06', categoryDetail: '备案' });
  });

  it('keeps a given state and refuses a validity that ends before it starts', async () => {
    const agency = await t.createAgency();
    const key = await t.keyFor(agency.id);
    const invalid = await t.post('/v1/licences', validLicence({ state: 'invalid' }), key);
    expect(invalid.body.state).toBe('invalid');
    const bad = await t.post('/v1/licences', validLicence({ validTo: '2026-01-01' }), key);
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { pointer: string }) => e.pointer)).toEqual(['/validTo']);
  });
});
