import { describe, expect, it } from 'vitest';
import { useTestApp, testClock } from './support/app.js';
import { expectProblem, feedOf, penaltyAction, validPenalty } from './support/penalties.js';

const clock = testClock('2026-11-27T02:00:00Z');
const t = useTestApp({ now: () => clock.now });

async function published(fields: Record<string, unknown> = {}) {
  clock.now = new Date('2026-11-27T02:00:00Z');
  const agency = await t.createAgency();
  const key = await t.keyFor(agency.id);
  const res = await t.post('/v1/penalties', validPenalty(fields), key);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return { agency, key, penalty: res.body };
}
const withdrawal = { reasonCategory: 'revoked', explanation: '经行政诉讼判决撤销。', eventDate: '2026-11-26' };
const creditConditions = { regime: 'credit', obligationsPerformed: true, creditCommitment: true, otherConditionsMet: true };
const fix = { reason: '更正文字。', changes: { content: '罚款人民币2000元整。' } };

describe('who may change a penalty, and when', () => {
  it('a withdrawn decision cannot be corrected or repaired (409)', async () => {
    const { key, penalty } = await published();
    expect((await penaltyAction(t, penalty.id, 'withdrawal', withdrawal, key)).status).toBe(200);
    expect((await penaltyAction(t, penalty.id, 'corrections', fix, key, '"v2"')).status).toBe(409);
    clock.now = new Date('2027-03-01T02:00:00Z');
    expect((await penaltyAction(t, penalty.id, 'credit-repair', { conditions: creditConditions, explanation: '已修复。' }, key, '"v2"')).status).toBe(409);
  });

  it('the deciding agency cannot be changed by a correction (400 /changes/agencyId)', async () => {
    const { key, penalty } = await published();
    const other = await t.createAgency();
    expectProblem(await penaltyAction(t, penalty.id, 'corrections', { reason: '改机关。', changes: { agencyId: other.id } }, key), 400, ['/changes/agencyId']);
  });

  it('a merged record that breaks a cross-field rule is named under /changes (422)', async () => {
    const { key, penalty } = await published();
    expectProblem(await penaltyAction(t, penalty.id, 'corrections', { reason: '删金额。', changes: { fineAmount: null } }, key), 422, ['/changes/fineAmount']);
  });

  it('after its publicity end date a decision can no longer be corrected (409) nor repaired: it is expired', async () => {
    const { key, penalty } = await published({ publicityEndDate: '2027-02-20' });
    clock.now = new Date('2027-02-22T02:00:00Z');
    const res = await penaltyAction(t, penalty.id, 'corrections', fix, key);
    expect(res.status, JSON.stringify(res.body)).toBe(409);
    const repair = await penaltyAction(t, penalty.id, 'credit-repair', { conditions: creditConditions, explanation: '已修复。' }, key);
    expect(repair.status, JSON.stringify(repair.body)).toBe(409);
    expect((await feedOf(t, penalty.id)).map((e) => e.event)).not.toContain('corrected');
    expect((await t.request(`/v1/penalties/${penalty.id}`)).body).toMatchObject({ status: 'expired', version: 2 });
  });

  it('an expired decision can still be withdrawn (its notice then says why)', async () => {
    const { key, penalty } = await published({ publicityEndDate: '2027-02-20' });
    clock.now = new Date('2027-02-22T02:00:00Z');
    expect((await t.request(`/v1/penalties/${penalty.id}`)).body.status).toBe('expired');
    const res = await penaltyAction(t, penalty.id, 'withdrawal', { ...withdrawal, eventDate: '2027-02-22' }, key, '"v2"');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ status: 'withdrawn', version: 3, withdrawal: { eventDate: '2027-02-22' } });
    expect((await feedOf(t, penalty.id)).map((e) => e.event)).toEqual(['created', 'expired', 'withdrawn']);
  });

  it('concurrent reads past the end date expire the decision once', async () => {
    const { penalty } = await published({ publicityEndDate: '2027-02-20' });
    clock.now = new Date('2027-02-21T02:00:00Z');
    const reads = await Promise.all(Array.from({ length: 5 }, () => t.request(`/v1/penalties/${penalty.id}`)));
    expect(reads.map((r) => [r.status, r.body.status, r.body.version])).toEqual(Array(5).fill([200, 'expired', 2]));
    expect((await feedOf(t, penalty.id)).map((e) => e.event)).toEqual(['created', 'expired']);
  });

  it('concurrent corrections against the same version: one 200, the rest 412', async () => {
    const { key, penalty } = await published();
    const answers = await Promise.all(
      ['一', '二', '三'].map((n) => penaltyAction(t, penalty.id, 'corrections', { reason: `更正${n}。`, changes: { content: `罚款人民币2000元（${n}）。` } }, key)),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([200, 412, 412]);
    expect((await feedOf(t, penalty.id)).map((e) => e.version)).toEqual([1, 2]);
  });
});
