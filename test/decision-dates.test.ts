import { stringify } from 'csv-stringify/sync';
import { describe, expect, it } from 'vitest';
import { importIntoDatabase } from '../src/import/submit.js';
import { validAction } from './support/actions.js';
import { admin, useTestApp, testClock } from './support/app.js';
import { validLicence } from './support/licences.js';
import { expectProblem, postWith, validPenalty } from './support/penalties.js';
import { AGENCY, LEGACY_HEADERS, LEGACY_ROWS } from './fixtures/import/data.js';

// Decisions are accepted from 2015-01-01 (the legacy 2015–2018 files) to today; each test sets the clock.
const clock = testClock('2026-11-27T02:00:00Z');
const t = useTestApp({ now: () => clock.now });

/** A legacy-format CSV: the second fixture row (a 自然人, 警告) with these numbers and dates. */
function legacyFile(rows: { number: string; date: string }[]): Uint8Array {
  const cells = rows.map(({ number, date }) => {
    const row: Record<string, string> = { ...LEGACY_ROWS[1]!, 行政处罚决定书文号: number, 处罚决定日期: date };
    return LEGACY_HEADERS.map((h) => row[h] ?? '');
  });
  return new TextEncoder().encode(stringify([LEGACY_HEADERS, ...cells]));
}

async function publish(path: string, item: Record<string, unknown>) {
  const agency = await t.createAgency();
  const res = await t.post(path, { ...item, agencyId: agency.id });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.timeliness;
}

describe('decisions from 2015 on get exact due dates on the official calendar', () => {
  it('a penalty of Mon 2015-01-05 is due Wed 01-14 (6–9, 12–14 Jan); published Tue 01-20 it is 4 working days late (15, 16, 19, 20)', async () => {
    clock.now = new Date('2015-01-20T02:00:00Z');
    expect(await publish('/v1/penalties', validPenalty({ decisionDate: '2015-01-05', validUntil: '2016-01-05' }))).toMatchObject({
      dueDate: '2015-01-14',
      late: true,
      workingDaysLate: 4,
      calendarProvisional: false,
    });
  });

  it('a licence of Wed 2015-09-30 is due Thu 10-15 (国庆 1–7 Oct; 8, 9, Sat 10 make-up, 12–15): on time on Mon 10-12', async () => {
    clock.now = new Date('2015-10-12T02:00:00Z');
    const item = validLicence({ decisionDate: '2015-09-30', validFrom: '2015-09-30', validTo: '2020-09-29' });
    expect(await publish('/v1/licences', item)).toMatchObject({ dueDate: '2015-10-15', late: false, workingDaysLate: 0, calendarProvisional: false });
  });

  it('an inspection of Fri 2018-09-28 is due Wed 10-31 (20 working days: Sat 29, Sun 30 Sep make-up, 8–12, 15–19, 22–26, 29–31 Oct); 2 days late on Fri 11-02', async () => {
    clock.now = new Date('2018-11-02T02:00:00Z');
    expect(await publish('/v1/enforcement-actions', validAction({ actionDate: '2018-09-28' }))).toMatchObject({
      dueDate: '2018-10-31',
      late: true,
      workingDaysLate: 2,
      calendarProvisional: false,
    });
  });

  it('a legacy-format row of Fri 2018-09-28 imports with due date Fri 10-12; imported Tue 10-16 it is 2 working days late (15, 16)', async () => {
    clock.now = new Date('2018-10-16T02:00:00Z');
    const agency = await t.createAgency({ creditCode: AGENCY });
    const file = legacyFile([{ number: '示工商处字〔2018〕88号', date: '2018/9/28' }]);
    const result = await importIntoDatabase(t.db, { agencyId: agency.id, kind: 'penalties', file, now: () => clock.now });
    expect(result).toMatchObject({ format: 'legacy', total: 1, imported: 1, rejected: [] });
    const listed = await t.request(`/v1/penalties?agencyId=${agency.id}`);
    expect(listed.body.items).toHaveLength(1);
    expect(listed.body.items[0]).toMatchObject({ decisionDate: '2018-09-28', timeliness: { dueDate: '2018-10-12', late: true, workingDaysLate: 2, calendarProvisional: false } });
  });

  it('a 2015 decision published in 2029, whose years 2027–2029 have no calendar data here, is counted provisionally instead of failing', async () => {
    clock.now = new Date('2029-06-01T02:00:00Z');
    expect(await publish('/v1/penalties', validPenalty({ decisionDate: '2015-01-05', validUntil: '2016-01-05' }))).toMatchObject({
      dueDate: '2015-01-14',
      late: true,
      calendarProvisional: true,
    });
  });
});

describe('a decision date outside 2015-01-01 .. today is refused naming the field', () => {
  it('on creation, in a batch, for every kind: 2014 and year 0000 are 400, a future date 422', async () => {
    const agencyId = (await t.createAgency()).id;
    const early = await t.post('/v1/penalties', validPenalty({ agencyId, decisionDate: '2014-12-31', validUntil: '2015-12-31' }));
    expectProblem(early, 400, ['/decisionDate']);
    expect(early.body.errors[0].detail).toMatch(/on or after 2015-01-01/);
    expectProblem(await t.post('/v1/penalties', validPenalty({ agencyId, decisionDate: '0000-01-01' })), 400, ['/decisionDate']);
    expectProblem(await t.post('/v1/penalties', validPenalty({ agencyId, decisionDate: '9999-12-31', validUntil: '9999-12-31' })), 422, ['/decisionDate']);
    const batch = await t.post('/v1/licences/batch', { items: [validLicence({ agencyId }), validLicence({ agencyId, decisionDate: '2014-06-30', validFrom: '2014-06-30' })] });
    expectProblem(batch, 400, ['/items/1/decisionDate']);
    expectProblem(await t.post('/v1/enforcement-actions', validAction({ agencyId, actionDate: '2014-06-30' })), 400, ['/actionDate']);
  });

  it('on correction', async () => {
    const agencyId = (await t.createAgency()).id;
    const created = await t.post('/v1/penalties', validPenalty({ agencyId }));
    expect(created.status).toBe(201);
    const corrected = await postWith(t, `/v1/penalties/${created.body.id}/corrections`, { reason: '更正决定日期。', changes: { decisionDate: '2014-11-20' } }, { ...admin, 'If-Match': '"v1"' });
    expectProblem(corrected, 400, ['/changes/decisionDate']);
  });

  it('on import: the row is rejected naming the column, the others are imported', async () => {
    clock.now = new Date('2018-10-16T02:00:00Z');
    const agency = await t.createAgency();
    const file = legacyFile([
      { number: '示工商处字〔2014〕1号', date: '2014-12-31' },
      { number: '示工商处字〔2015〕1号', date: '2015-01-01' },
    ]);
    const result = await importIntoDatabase(t.db, { agencyId: agency.id, agencyCreditCode: AGENCY, kind: 'penalties', file, now: () => clock.now });
    expect(result).toMatchObject({ total: 2, imported: 1, rejectedRows: 1 });
    expect(result.rejected).toEqual([{ rowNumber: 2, column: '处罚决定日期', reason: expect.stringMatching(/on or after 2015-01-01/) }]);
  });
});
