import { describe, expect, it } from 'vitest';
import { admin, useTestApp, testClock } from './support/app.js';
import { ADULT_ID, personParty, validPenalty } from './support/penalties.js';

const clock = testClock('2026-11-27T02:00:00Z');
const t = useTestApp({ now: () => clock.now });

describe('publishing a penalty', () => {
  it('publishes a decision of the key\'s own agency with server-filled agency fields, deadline and publicity', async () => {
    const agency = await t.createAgency();
    const key = await t.keyFor(agency.id);
    const res = await t.post('/v1/penalties', validPenalty(), key);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({
      status: 'published',
      decidingAgencyId: agency.id,
      decidingAgency: agency.name,
      decidingAgencyCreditCode: agency.creditCode,
      dataSource: agency.name,
      fineAmount: '2000.00',
      publicityEndDate: '2027-11-20',
      publicity: { regime: 'credit', severity: '一般', ruleId: 'credit-general', earliestTerminationDate: '2027-02-20' },
      timeliness: { dueDate: '2026-12-01', late: false, workingDaysLate: 0, basis: 'server' },
    });
    const read = await t.request(`/v1/penalties/${res.body.id}`);
    expect(read.body).toEqual(res.body);
  });

  it('masks a natural person\'s ID number before storage', async () => {
    const agency = await t.createAgency();
    const res = await t.post('/v1/penalties', validPenalty({ party: personParty(), agencyId: agency.id }), admin);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.party.idNumber).toBe(ADULT_ID.slice(0, 6) + '********' + ADULT_ID.slice(-4));
  });

  it('withdraws a decision into a notice and redacts its earlier versions', async () => {
    const agency = await t.createAgency();
    const key = await t.keyFor(agency.id);
    const created = await t.post('/v1/penalties', validPenalty(), key);
    const res = await t.request(`/v1/penalties/${created.body.id}/withdrawal`, {
      method: 'POST',
      headers: { ...key, 'Content-Type': 'application/json', 'If-Match': '"v1"' },
      body: JSON.stringify({ reasonCategory: 'revoked', explanation: '经行政复议决定撤销。', eventDate: '2026-11-23' }),
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ status: 'withdrawn', withdrawal: { dueDate: '2026-11-26', late: true, workingDaysLate: 1 } });
    expect(res.body.party).toBeUndefined();
    const revs = await t.request(`/v1/penalties/${created.body.id}/revisions`);
    expect(revs.body.items[0].data).toMatchObject({ redacted: true });
  });
});

describe('batch receipts', () => {
  it('answers a batch with one receipt per item, in request order, each leading to its record', async () => {
    const agency = await t.createAgency();
    const key = await t.keyFor(agency.id);
    const items = [validPenalty({ decisionDate: '2026-11-20' }), validPenalty({ decisionDate: '2026-11-02' })];
    const res = await t.post('/v1/penalties/batch', { items }, key);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.items.map((r: any) => r.decisionNumber)).toEqual(items.map((i) => i.decisionNumber));
    expect(res.body.items.map((r: any) => [r.timeliness.dueDate, r.timeliness.late])).toEqual([
      ['2026-12-01', false],
      ['2026-11-11', true],
    ]);
    for (const receipt of res.body.items) {
      const read = await t.request(receipt.location);
      expect(read.body).toMatchObject({ id: receipt.id, version: receipt.version, timeliness: receipt.timeliness });
    }
  });
});
