import { describe, expect, it } from 'vitest';
import { useTestApp } from './support/app.js';
import { completeResidentId } from '../src/lib/resident-id.js';
import { ADULT_ID, expectProblem, penaltyAction, personParty, validPenalty, writeState } from './support/penalties.js';

const now = new Date('2026-11-27T02:00:00Z');
const t = useTestApp({ now: () => now });
const maskedAdult = ADULT_ID.slice(0, 6) + '********' + ADULT_ID.slice(-4);

async function published(fields: Record<string, unknown> = {}) {
  const agency = await t.createAgency();
  const key = await t.keyFor(agency.id);
  const res = await t.post('/v1/penalties', validPenalty(fields), key);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return { agency, key, penalty: res.body, etag: res.headers.get('ETag')! };
}

const correct = (id: string, changes: unknown, key: Record<string, string>, ifMatch: string | null = '"v1"') =>
  penaltyAction(t, id, 'corrections', { reason: '违法事实表述有误，予以更正。', changes }, key, ifMatch);

describe('correcting a published penalty (更正)', () => {
  it('publishes a new version with a new ETag; the reason is public in /revisions', async () => {
    const { key, penalty, etag } = await published();
    const res = await correct(penalty.id, { facts: '当事人于2026年9月销售超过保质期的食品。' }, key, etag);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ version: 2, facts: '当事人于2026年9月销售超过保质期的食品。', decisionNumber: penalty.decisionNumber });
    expect(res.headers.get('ETag')).not.toBe(etag);
    expect((await t.request(`/v1/penalties/${penalty.id}`)).headers.get('ETag')).toBe(res.headers.get('ETag'));
    const revs = await t.request(`/v1/penalties/${penalty.id}/revisions`);
    expect(revs.body.items.map((r: any) => [r.version, r.event, r.reason])).toEqual([
      [1, 'created', null],
      [2, 'corrected', '违法事实表述有误，予以更正。'],
    ]);
    expect(revs.body.items[1].data).toEqual(res.body);
  });

  it('correcting the party name keeps the stored masked ID number', async () => {
    const { key, penalty } = await published({ party: personParty() });
    const res = await correct(penalty.id, { party: { name: '王六' } }, key);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.party).toMatchObject({ name: '王六', idType: '01', idNumber: maskedAdult });
  });

  it('a new raw idNumber is checked and masked', async () => {
    const { key, penalty } = await published({ party: personParty() });
    const fresh = completeResidentId('44010619850615002');
    const res = await correct(penalty.id, { party: { idNumber: fresh } }, key);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.party.idNumber).toBe(fresh.slice(0, 6) + '********' + fresh.slice(-4));
  });

  it('changing idType without resending idNumber is 422 on /changes/party/idNumber', async () => {
    const { key, penalty } = await published({ party: personParty() });
    expectProblem(await correct(penalty.id, { party: { idType: '02' } }, key), 422, ['/changes/party/idNumber']);
    expect((await t.request(`/v1/penalties/${penalty.id}`)).body.version).toBe(1);
  });

  it("a decision number the agency already used is 409 on /changes/decisionNumber", async () => {
    const { key, penalty } = await published();
    const other = await t.post('/v1/penalties', validPenalty(), key);
    expectProblem(await correct(penalty.id, { decisionNumber: other.body.decisionNumber }, key), 409, ['/changes/decisionNumber']);
  });

  it('a decision date moved after today is 422 on /changes/decisionDate', async () => {
    const { key, penalty } = await published();
    expectProblem(await correct(penalty.id, { decisionDate: '2026-11-28' }, key), 422, ['/changes/decisionDate']);
    expect((await correct(penalty.id, { decisionDate: '2026-11-27' }, key)).status).toBe(200);
  });

  it('moving the decision date of a natural person needs the 身份证 number again (the age is judged on it)', async () => {
    const born = completeResidentId('11010520081120005'); // 18 on 2026-11-20
    const { key, penalty } = await published({ party: personParty({ idNumber: born }) });
    // Masked, the stored number no longer shows the birth date: without it the day-before minor would pass.
    expectProblem(await correct(penalty.id, { decisionDate: '2026-11-19' }, key), 422, ['/changes/party/idNumber']);
    expectProblem(await correct(penalty.id, { decisionDate: '2026-11-19', party: { idNumber: born } }, key), 422, ['/changes/party/idNumber']);
    const res = await correct(penalty.id, { decisionDate: '2026-11-21', party: { idNumber: born } }, key);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ decisionDate: '2026-11-21', party: { idNumber: born.slice(0, 6) + '********' + born.slice(-4) } });
  });

  it('a correction that changes nothing returns the same version and writes nothing', async () => {
    const { key, penalty, etag } = await published();
    const before = await writeState(t);
    const res = await correct(penalty.id, { facts: penalty.facts, fineAmount: '2000.00' }, key);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toEqual(penalty);
    expect(res.headers.get('ETag')).toBe(etag);
    expect(await writeState(t)).toEqual(before);
  });
});
