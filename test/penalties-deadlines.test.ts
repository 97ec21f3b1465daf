import { describe, expect, it } from 'vitest';
import { admin, useTestApp, testClock } from './support/app.js';
import { validPenalty } from './support/penalties.js';

const clock = testClock('2026-11-27T02:00:00Z');
const t = useTestApp({ now: () => clock.now });

async function publishAt(at: string, fields: Record<string, unknown>, as: 'key' | 'operator' = 'key') {
  clock.now = new Date(at);
  const agency = await t.createAgency();
  const headers = as === 'key' ? await t.keyFor(agency.id) : admin;
  const res = await t.post('/v1/penalties', validPenalty(as === 'operator' ? { agencyId: agency.id, ...fields } : fields), headers);
  expect(res.status, JSON.stringify(res.body) + JSON.stringify(t.logs)).toBe(201);
  return res.body.timeliness;
}

describe('the 7-working-day publication deadline', () => {
  it('on time: decided Fri 2026-11-20, due Tue 12-01 (23–27, 30, 1 Dec), published 11-27', async () => {
    expect(await publishAt('2026-11-27T02:00:00Z', { decisionDate: '2026-11-20' })).toEqual({
      dueDate: '2026-12-01',
      publishedAt: '2026-11-27T02:00:00.000Z',
      claimedPublishedAt: null,
      basis: 'server',
      late: false,
      workingDaysLate: 0,
      calendarProvisional: false,
    });
  });

  it('the due day is judged in Beijing time: 23:00 on 12-01 is on time, 00:00 on 12-02 is one day late', async () => {
    expect(await publishAt('2026-12-01T15:00:00Z', { decisionDate: '2026-11-20' })).toMatchObject({ dueDate: '2026-12-01', late: false, workingDaysLate: 0 });
    expect(await publishAt('2026-12-01T16:00:00Z', { decisionDate: '2026-11-20' })).toMatchObject({ dueDate: '2026-12-01', late: true, workingDaysLate: 1 });
  });

  it('late over 国庆 2026: decided 09-25 (a holiday), due 10-12, published 10-20 is 6 working days late', async () => {
    // Working days after 09-25: 09-28, 09-29, 09-30 (10-01..07 off), 10-08, 10-09, Sat 10-10 (调休 workday), Mon 10-12.
    // Late days up to and including 10-20: 10-13, 14, 15, 16, 19, 20.
    expect(await publishAt('2026-10-20T02:00:00Z', { decisionDate: '2026-09-25', validUntil: '2027-09-25' })).toEqual({
      dueDate: '2026-10-12',
      publishedAt: '2026-10-20T02:00:00.000Z',
      claimedPublishedAt: null,
      basis: 'server',
      late: true,
      workingDaysLate: 6,
      calendarProvisional: false,
    });
  });

  it("the operator's claimed publication date is the basis: on time when claimed on 10-09, though published in November", async () => {
    const timeliness = await publishAt(
      '2026-11-27T02:00:00Z',
      { decisionDate: '2026-09-25', validUntil: '2027-09-25', claimedPublishedAt: '2026-10-09T02:00:00Z' },
      'operator',
    );
    expect(timeliness).toEqual({
      dueDate: '2026-10-12',
      publishedAt: '2026-11-27T02:00:00.000Z',
      claimedPublishedAt: '2026-10-09T02:00:00.000Z',
      basis: 'claimed',
      late: false,
      workingDaysLate: 0,
      calendarProvisional: false,
    });
  });

  it('a claimed date after the due date is late by the working days to it (10-13, 10-14)', async () => {
    const timeliness = await publishAt(
      '2026-11-27T02:00:00Z',
      { decisionDate: '2026-09-25', validUntil: '2027-09-25', claimedPublishedAt: '2026-10-14T02:00:00Z' },
      'operator',
    );
    expect(timeliness).toMatchObject({ basis: 'claimed', dueDate: '2026-10-12', late: true, workingDaysLate: 2 });
  });

  it('a due date in 2027 (no official calendar yet) counts weekends only and is marked provisional', async () => {
    // Mon 2026-12-28: 29, 30, 31, Fri 2027-01-01 (a holiday in practice, unknown here), 01-04, 05, 06.
    expect(await publishAt('2026-12-28T02:00:00Z', { decisionDate: '2026-12-28', validUntil: '2027-12-28' })).toEqual({
      dueDate: '2027-01-06',
      publishedAt: '2026-12-28T02:00:00.000Z',
      claimedPublishedAt: null,
      basis: 'server',
      late: false,
      workingDaysLate: 0,
      calendarProvisional: true,
    });
  });
});
