import { describe, expect, it } from 'vitest';
import { REDACTED } from '../src/domain/records.js';
import { useTestApp, testClock } from './support/app.js';
import { expectProblem, feedOf, penaltyAction, validPenalty, writeState } from './support/penalties.js';

const clock = testClock('2026-11-27T02:00:00Z');
const t = useTestApp({ now: () => clock.now });

async function published(fields: Record<string, unknown> = {}) {
  const agency = await t.createAgency();
  const key = await t.keyFor(agency.id);
  const res = await t.post('/v1/penalties', validPenalty(fields), key);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return { agency, key, penalty: res.body };
}

const withdrawal = (fields: Record<string, unknown> = {}) => ({ reasonCategory: 'revoked', explanation: '经行政复议决定撤销。', eventDate: '2026-11-25', ...fields });

describe('withdrawing a penalty (撤回)', () => {
  it('leaves a notice without party or facts; feed and revisions show only the notice from then on', async () => {
    const { agency, key, penalty } = await published();
    const corrected = await penaltyAction(t, penalty.id, 'corrections', { reason: '更正文字。', changes: { content: '罚款人民币2000元整。' } }, key);
    expect(corrected.status).toBe(200);
    clock.now = new Date('2026-11-27T03:00:00Z');
    const res = await penaltyAction(t, penalty.id, 'withdrawal', withdrawal(), key, '"v2"');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toEqual({
      id: penalty.id,
      version: 3,
      createdAt: '2026-11-27T02:00:00.000Z',
      updatedAt: '2026-11-27T03:00:00.000Z',
      status: 'withdrawn',
      decisionNumber: penalty.decisionNumber,
      agencyId: agency.id,
      agency: agency.name,
      decisionDate: '2026-11-20',
      endedAt: '2026-11-27T03:00:00.000Z',
      publicityEndDate: penalty.publicityEndDate,
      // 3 working days after Wed 11-25: 26, 27, Mon 30; withdrawn 11-27 is on time.
      withdrawal: {
        reasonCategory: 'revoked',
        reasonCategoryName: '撤销',
        explanation: '经行政复议决定撤销。',
        eventDate: '2026-11-25',
        withdrawnAt: '2026-11-27T03:00:00.000Z',
        dueDate: '2026-11-30',
        late: false,
        workingDaysLate: 0,
        replacedBy: null,
      },
      repair: null,
    });
    expect((await t.request(`/v1/penalties/${penalty.id}`)).body).toEqual(res.body);
    const feed = await feedOf(t, penalty.id);
    expect(feed).toEqual([
      { event: 'created', version: 1, data: REDACTED },
      { event: 'corrected', version: 2, data: REDACTED },
      { event: 'withdrawn', version: 3, data: res.body },
    ]);
    const revs = await t.request(`/v1/penalties/${penalty.id}/revisions`);
    expect(revs.body.items.map((r: any) => [r.event, r.data])).toEqual([
      ['created', REDACTED],
      ['corrected', REDACTED],
      ['withdrawn', res.body],
    ]);
    expect(revs.body.items[2].reason).toBe('经行政复议决定撤销。');
    expect(JSON.stringify(revs.body)).not.toContain(penalty.facts);
  });

  it('is late when done after 3 working days: event 09-30, due Sat 10-10 (国庆 skipped), withdrawn Mon 10-12 is 1 day late', async () => {
    clock.now = new Date('2026-09-28T02:00:00Z');
    const { key, penalty } = await published({ decisionDate: '2026-09-25', validUntil: '2027-09-25' });
    clock.now = new Date('2026-10-12T02:00:00Z');
    const res = await penaltyAction(t, penalty.id, 'withdrawal', withdrawal({ eventDate: '2026-09-30' }), key);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.withdrawal).toMatchObject({ eventDate: '2026-09-30', dueDate: '2026-10-10', late: true, workingDaysLate: 1 });
  });

  it('an eventDate in the future (Beijing) is 422 on /eventDate', async () => {
    const { key, penalty } = await published();
    const before = await writeState(t);
    expectProblem(await penaltyAction(t, penalty.id, 'withdrawal', withdrawal({ eventDate: '2026-11-28' }), key), 422, ['/eventDate']);
    expect(await writeState(t)).toEqual(before);
  });

  it('a second withdrawal is 409', async () => {
    const { key, penalty } = await published();
    expect((await penaltyAction(t, penalty.id, 'withdrawal', withdrawal(), key)).status).toBe(200);
    const before = await writeState(t);
    expect((await penaltyAction(t, penalty.id, 'withdrawal', withdrawal(), key, '"v2"')).status).toBe(409);
    expect(await writeState(t)).toEqual(before);
  });

  it('replacedBy must name an existing penalty (422 /replacedBy); an existing one is linked', async () => {
    const { key, penalty } = await published();
    const unknown = '0193a1b2-7c4d-7e5f-8a9b-0c1d2e3f4a5b';
    expectProblem(await penaltyAction(t, penalty.id, 'withdrawal', withdrawal({ reasonCategory: 'changed', replacedBy: unknown }), key), 422, ['/replacedBy']);
    const replacement = await t.post('/v1/penalties', validPenalty(), key);
    const res = await penaltyAction(t, penalty.id, 'withdrawal', withdrawal({ reasonCategory: 'changed', replacedBy: replacement.body.id }), key);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.withdrawal).toMatchObject({ reasonCategory: 'changed', replacedBy: replacement.body.id });
  });
});
