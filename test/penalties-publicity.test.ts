import { describe, expect, it } from 'vitest';
import { useTestApp, testClock } from './support/app.js';
import { expectProblem, feedOf, validPenalty, writeState } from './support/penalties.js';

const clock = testClock('2026-11-27T02:00:00Z');
const t = useTestApp({ now: () => clock.now });

async function publish(fields: Record<string, unknown>) {
  clock.now = new Date('2026-11-27T02:00:00Z');
  const agency = await t.createAgency();
  const key = await t.keyFor(agency.id);
  const res = await t.post('/v1/penalties', validPenalty(fields), key);
  return { agency, key, res };
}
const listedIds = async (query: string) => (await t.request(`/v1/penalties?${query}`)).body.items.map((p: any) => p.id);
const licenceFields = { penaltyTypes: ['05'], fineAmount: undefined, licenceRevoked: '食品经营许可证 JY14401010000001' };

describe('publicity period and expiry', () => {
  it('leaves the default list the day after publicityEndDate, answers the expired notice, and logs a system expiry', async () => {
    // 一般 (credit): at least 3 months from the 11-20 decision, so 2027-02-20 is the earliest end.
    const { agency, res } = await publish({ publicityEndDate: '2027-02-20' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.publicity).toMatchObject({ endDate: '2027-02-20', overridden: true, ruleId: 'credit-general' });
    const id = res.body.id;
    clock.now = new Date('2027-02-20T15:59:00Z'); // 23:59 on the last day, Beijing
    expect(await listedIds(`agencyId=${agency.id}`)).toEqual([id]);
    clock.now = new Date('2027-02-20T16:00:00Z'); // 00:00 on 02-21
    expect(await listedIds(`agencyId=${agency.id}`)).toEqual([]);
    const read = await t.request(`/v1/penalties/${id}`);
    expect(read.body).toMatchObject({ id, version: 2, status: 'expired', publicityEndDate: '2027-02-20', endedAt: '2027-02-20T16:00:00.000Z', withdrawal: null, repair: null });
    expect(read.body.party).toBeUndefined();
    expect((await feedOf(t, id)).map((e) => [e.event, e.data.status ?? 'redacted'])).toEqual([
      ['created', 'redacted'],
      ['expired', 'expired'],
    ]);
    const revs = await t.request(`/v1/penalties/${id}/revisions`);
    expect(revs.body.items[1]).toMatchObject({ event: 'expired', actor: { kind: 'system', keyId: null, agencyId: null }, reason: '公示期满 (2027-02-20)' });
    expect(await listedIds(`agencyId=${agency.id}&status=expired`)).toEqual([id]);
  });

  it('accepts an override within the rule range and names the range when outside (422 /publicityEndDate)', async () => {
    expect((await publish({ publicityEndDate: '2027-05-20' })).res.body.publicity).toMatchObject({ endDate: '2027-05-20', overridden: true });
    for (const outside of ['2027-02-19', '2027-11-21']) {
      const before = await writeState(t);
      const { res } = await publish({ publicityEndDate: outside });
      expectProblem(res, 422, ['/publicityEndDate']);
      expect(res.body.errors[0].detail).toContain('2027-02-20 to 2027-11-20');
      expect(await writeState(t)).toMatchObject({ penalties: before.penalties });
    }
  });

  it('轻微 is not published without publicityEndDate (422 /publicity); with one within 3 months it is', async () => {
    expectProblem((await publish({ publicity: { severity: '轻微' } })).res, 422, ['/publicity']);
    const ok = await publish({ publicity: { severity: '轻微' }, publicityEndDate: '2027-02-20' });
    expect(ok.res.status).toBe(201);
    expect(ok.res.body.publicity).toMatchObject({ ruleId: 'credit-minor', severity: '轻微', endDate: '2027-02-20' });
  });

  it('samr regime with 吊销 (05): 3 years from publication, early termination excluded', async () => {
    const { res } = await publish({ ...licenceFields, publicity: { regime: 'samr' } });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.publicity).toEqual({
      ruleId: 'samr-other',
      regime: 'samr',
      severity: null,
      endDate: '2029-11-27',
      overridden: false,
      earliestTerminationDate: '2029-11-27',
      earlyTerminationExcluded: true,
    });
  });
});

const creditConditions = { regime: 'credit', obligationsPerformed: true, creditCommitment: true, otherConditionsMet: true };
const repair = (id: string, key: Record<string, string>, conditions: unknown) =>
  t.request(`/v1/penalties/${id}/credit-repair`, {
    method: 'POST',
    headers: { Authorization: key.Authorization!, 'Content-Type': 'application/json', 'If-Match': '"v1"' },
    body: JSON.stringify({ conditions, explanation: '当事人已履行罚款义务并作出信用承诺。' }),
  });

describe('credit repair (提前停止公示)', () => {
  it('is refused before earliestTerminationDate (422 /conditions)', async () => {
    const { key, res } = await publish({});
    clock.now = new Date('2027-02-19T02:00:00Z');
    expectProblem(await repair(res.body.id, key, creditConditions), 422, ['/conditions']);
  });

  it('is refused for excluded types (422 /conditions) and under the wrong regime (422 /conditions/regime)', async () => {
    const samr = await publish({ ...licenceFields, publicity: { regime: 'samr' } });
    clock.now = new Date('2029-11-27T02:00:00Z'); // the last day on display: only the exclusion refuses it
    const conditions = { regime: 'samr', obligationsPerformed: true, harmEliminated: true, noFurtherPenalty: true, notListed: true };
    expectProblem(await repair(samr.res.body.id, samr.key, conditions), 422, ['/conditions']);
    const credit = await publish({});
    clock.now = new Date('2027-03-01T02:00:00Z');
    expectProblem(await repair(credit.res.body.id, credit.key, conditions), 422, ['/conditions/regime']);
  });

  it('a false attestation is a 400', async () => {
    const { key, res } = await publish({});
    clock.now = new Date('2027-03-01T02:00:00Z');
    const answer = await repair(res.body.id, key, { ...creditConditions, creditCommitment: false });
    expectProblem(answer, 400, ['/conditions/creditCommitment']);
    expect((await t.request(`/v1/penalties/${res.body.id}`)).body.status).toBe('published');
  });

  it('ends display: the repaired notice, a repaired feed event, off the default list, on status=repaired', async () => {
    const { agency, key, res } = await publish({});
    clock.now = new Date('2027-02-20T02:00:00Z');
    const answer = await repair(res.body.id, key, creditConditions);
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    expect(answer.body).toMatchObject({
      status: 'repaired',
      version: 2,
      repair: {
        terminatedAt: '2027-02-20T02:00:00.000Z',
        regime: 'credit',
        conditions: ['obligationsPerformed', 'creditCommitment', 'otherConditionsMet'],
        explanation: '当事人已履行罚款义务并作出信用承诺。',
      },
    });
    expect(answer.body.party).toBeUndefined();
    expect((await feedOf(t, res.body.id)).map((e) => e.event)).toEqual(['created', 'repaired']);
    expect(await listedIds(`agencyId=${agency.id}`)).toEqual([]);
    expect(await listedIds(`agencyId=${agency.id}&status=repaired`)).toEqual([res.body.id]);
  });
});
