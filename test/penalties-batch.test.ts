import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { penalties } from '../src/db/schema.js';
import { useTestApp } from './support/app.js';
import { expectProblem, postWith, uniqueDecisionNumber, validPenalty, writeState } from './support/penalties.js';

const now = new Date('2026-11-27T02:00:00Z');
const t = useTestApp({ now: () => now });

const items = (n: number) => Array.from({ length: n }, () => validPenalty());
const rowsOfAgency = async (agencyId: string) => (await t.db.select({ id: penalties.id }).from(penalties).where(eq(penalties.agencyId, agencyId))).length;

async function keyed() {
  const agency = await t.createAgency();
  return { agency, key: await t.keyFor(agency.id) };
}

describe('batch publication of penalties (all or nothing)', () => {
  it('1,000 items with one bad at index 17: 400 naming only /items/17/..., nothing written', async () => {
    const { key } = await keyed();
    const list = items(1000);
    list[17] = { ...list[17], validUntil: '2026-01-01' };
    const before = await writeState(t);
    expectProblem(await t.post('/v1/penalties/batch', { items: list }, key), 400, ['/items/17/validUntil']);
    expect(await writeState(t)).toEqual(before);
  }, 120_000);

  it('a domain error (422) at one index among good ones names that item only', async () => {
    const { key } = await keyed();
    const list = items(30);
    list[17] = { ...list[17], claimedPublishedAt: '2026-11-21T02:00:00Z' };
    const before = await writeState(t);
    expectProblem(await t.post('/v1/penalties/batch', { items: list }, key), 422, ['/items/17/claimedPublishedAt']);
    expect(await writeState(t)).toEqual(before);
  });

  it('two bad items are both named', async () => {
    const { key } = await keyed();
    const list = items(5);
    list[1] = { ...list[1], fineAmount: undefined };
    list[4] = { ...list[4], penaltyTypes: ['99'] };
    expectProblem(await t.post('/v1/penalties/batch', { items: list }, key), 400, ['/items/1/fineAmount', '/items/4/penaltyTypes/0']);
  });

  it('ownership per item: the operator must name an existing agency for each; a key naming another agency is 403', async () => {
    const { agency, key } = await keyed();
    const other = await t.createAgency();
    const unknown = '0193a1b2-7c4d-7e5f-8a9b-0c1d2e3f4a5b';
    const before = await writeState(t);
    const missing = [validPenalty({ agencyId: agency.id }), validPenalty(), validPenalty({ agencyId: agency.id }), validPenalty()];
    expectProblem(await t.post('/v1/penalties/batch', { items: missing }), 422, ['/items/1/agencyId', '/items/3/agencyId']);
    const ghost = [validPenalty({ agencyId: agency.id }), validPenalty({ agencyId: unknown })];
    expectProblem(await t.post('/v1/penalties/batch', { items: ghost }), 422, ['/items/1/agencyId']);
    const foreign = [validPenalty(), validPenalty({ agencyId: other.id }), validPenalty({ agencyId: agency.id })];
    expectProblem(await t.post('/v1/penalties/batch', { items: foreign }, key), 403, ['/items/1/agencyId']);
    expect(await writeState(t)).toEqual(before);
  });

  it('1,001 items is a 400 on /items', async () => {
    const { key } = await keyed();
    const before = await writeState(t);
    expectProblem(await t.post('/v1/penalties/batch', { items: items(1001) }, key), 400, ['/items']);
    expect(await writeState(t)).toEqual(before);
  }, 120_000);

  it('a decision number repeated within the batch is a 409 naming the repeat', async () => {
    const { agency, key } = await keyed();
    const list = items(4);
    list[3] = { ...list[3], decisionNumber: list[1]!.decisionNumber };
    expectProblem(await t.post('/v1/penalties/batch', { items: list }, key), 409, ['/items/3/decisionNumber']);
    expect(await rowsOfAgency(agency.id)).toBe(0);
  });

  it('a decision number already published by the agency is a 409 naming the item', async () => {
    const { agency, key } = await keyed();
    const first = await t.post('/v1/penalties', validPenalty(), key);
    expect(first.status).toBe(201);
    const list = items(3);
    list[2] = { ...list[2], decisionNumber: first.body.decisionNumber };
    const before = await writeState(t);
    expectProblem(await t.post('/v1/penalties/batch', { items: list }, key), 409, ['/items/2/decisionNumber']);
    expect(await writeState(t)).toEqual(before);
    expect(await rowsOfAgency(agency.id)).toBe(1);
  });

  it('the same number at another agency is no conflict', async () => {
    const a = await keyed();
    const b = await keyed();
    const number = uniqueDecisionNumber();
    expect((await t.post('/v1/penalties', validPenalty({ decisionNumber: number }), a.key)).status).toBe(201);
    expect((await t.post('/v1/penalties/batch', { items: [validPenalty({ decisionNumber: number })] }, b.key)).status).toBe(201);
  });

  it('an Idempotency-Key retry gets the same answer and the rows are written once; another body is 422', async () => {
    const { agency, key } = await keyed();
    const body = { items: items(3) };
    const headers = { Authorization: key.Authorization, 'Idempotency-Key': 'batch-retry-1' };
    const first = await postWith(t, '/v1/penalties/batch', body, headers);
    expect(first.status).toBe(201);
    const state = await writeState(t);
    const retry = await postWith(t, '/v1/penalties/batch', body, headers);
    expect(retry.status).toBe(201);
    expect(retry.body).toEqual(first.body);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(await writeState(t)).toEqual(state);
    expect(await rowsOfAgency(agency.id)).toBe(3);
    const other = await postWith(t, '/v1/penalties/batch', { items: items(3) }, headers);
    expectProblem(other, 422, ['/Idempotency-Key']);
    expect(await writeState(t)).toEqual(state);
  });

  it('concurrent batches sharing a decision number: exactly one succeeds, the others are 409, never 500', async () => {
    const { agency, key } = await keyed();
    const shared = uniqueDecisionNumber();
    const answers = await Promise.all(
      Array.from({ length: 5 }, () => t.post('/v1/penalties/batch', { items: [validPenalty(), validPenalty({ decisionNumber: shared })] }, key)),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409, 409, 409, 409]);
    for (const a of answers.filter((x) => x.status === 409)) {
      // Found before writing: the item is named; lost at the unique index: the whole batch is refused.
      expect((a.body.errors ?? []).map((e: { pointer: string }) => e.pointer)).toEqual(a.body.errors ? ['/items/1/decisionNumber'] : []);
    }
    expect(await rowsOfAgency(agency.id)).toBe(2);
  });
});
