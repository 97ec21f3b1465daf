import { describe, expect, it } from 'vitest';
import { useTestApp } from './support/app.js';
import { licencesOfAgency, licenceWriteState, validLicence } from './support/licences.js';
import { expectProblem, MINOR_ID, personParty, postWith, uniqueDecisionNumber } from './support/penalties.js';

const now = new Date('2026-11-27T02:00:00Z');
const t = useTestApp({ now: () => now });

const items = (n: number) => Array.from({ length: n }, () => validLicence());

async function keyed() {
  const agency = await t.createAgency();
  return { agency, key: await t.keyFor(agency.id) };
}

describe('batch publication of licences (all or nothing)', () => {
  it('publishes every item in request order with server-filled agency fields, answering one receipt per item', async () => {
    const { agency, key } = await keyed();
    const list = items(3);
    const res = await t.post('/v1/licences/batch', { items: list }, key);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.items.map((i: { decisionNumber: string }) => i.decisionNumber)).toEqual(list.map((i) => i.decisionNumber));
    expect(res.body.items[0]).toMatchObject({ version: 1, location: `/v1/licences/${res.body.items[0].id}`, timeliness: { dueDate: '2026-12-01', late: false } });
    const read = await t.request(res.body.items[2].location);
    expect(read.body).toMatchObject({ licensingAgencyId: agency.id, dataSource: agency.name, decisionNumber: list[2]!.decisionNumber });
    expect(await licencesOfAgency(t, agency.id)).toBe(3);
  });

  it('one bad item among many (schema rule): 400 naming only that item, nothing written', async () => {
    const { agency, key } = await keyed();
    const list = items(200);
    list[17] = { ...list[17], category: '06' };
    const before = await licenceWriteState(t);
    expectProblem(await t.post('/v1/licences/batch', { items: list }, key), 400, ['/items/17/categoryDetail']);
    expect(await licenceWriteState(t)).toEqual(before);
    expect(await licencesOfAgency(t, agency.id)).toBe(0);
  }, 60_000);

  it('one bad item among many (domain rule, a minor): 422 naming only that item, nothing written', async () => {
    const { agency, key } = await keyed();
    const list = items(20);
    list[5] = { ...list[5], party: personParty({ idNumber: MINOR_ID }) };
    const before = await licenceWriteState(t);
    expectProblem(await t.post('/v1/licences/batch', { items: list }, key), 422, ['/items/5/party/idNumber']);
    expect(await licenceWriteState(t)).toEqual(before);
    expect(await licencesOfAgency(t, agency.id)).toBe(0);
  });

  it("an item naming another agency is a 403 naming that item's /agencyId", async () => {
    const { agency, key } = await keyed();
    const other = await t.createAgency();
    const list = items(3);
    list[2] = { ...list[2], agencyId: other.id };
    expectProblem(await t.post('/v1/licences/batch', { items: list }, key), 403, ['/items/2/agencyId']);
    expect(await licencesOfAgency(t, agency.id)).toBe(0);
  });

  it('1,001 items is a 400 on /items', async () => {
    const { key } = await keyed();
    expectProblem(await t.post('/v1/licences/batch', { items: items(1001) }, key), 400, ['/items']);
  }, 60_000);

  it('a decision number repeated within the batch is a 409 naming the repeat', async () => {
    const { agency, key } = await keyed();
    const list = items(4);
    list[3] = { ...list[3], decisionNumber: list[1]!.decisionNumber };
    expectProblem(await t.post('/v1/licences/batch', { items: list }, key), 409, ['/items/3/decisionNumber']);
    expect(await licencesOfAgency(t, agency.id)).toBe(0);
  });

  it('a decision number the agency already published is a 409, single or in a batch', async () => {
    const { agency, key } = await keyed();
    const first = await t.post('/v1/licences', validLicence(), key);
    expect(first.status).toBe(201);
    expectProblem(await t.post('/v1/licences', validLicence({ decisionNumber: first.body.decisionNumber }), key), 409, ['/decisionNumber']);
    const list = items(3);
    list[2] = { ...list[2], decisionNumber: first.body.decisionNumber };
    const before = await licenceWriteState(t);
    expectProblem(await t.post('/v1/licences/batch', { items: list }, key), 409, ['/items/2/decisionNumber']);
    expect(await licenceWriteState(t)).toEqual(before);
    expect(await licencesOfAgency(t, agency.id)).toBe(1);
  });

  it('the same number at another agency is no conflict', async () => {
    const a = await keyed();
    const b = await keyed();
    const number = uniqueDecisionNumber('示市监许');
    expect((await t.post('/v1/licences', validLicence({ decisionNumber: number }), a.key)).status).toBe(201);
    expect((await t.post('/v1/licences/batch', { items: [validLicence({ decisionNumber: number })] }, b.key)).status).toBe(201);
  });

  it('an Idempotency-Key retry gets the first answer and writes once', async () => {
    const { agency, key } = await keyed();
    const body = { items: items(3) };
    const headers = { Authorization: key.Authorization, 'Idempotency-Key': 'licence-batch-retry-1' };
    const first = await postWith(t, '/v1/licences/batch', body, headers);
    expect(first.status).toBe(201);
    const state = await licenceWriteState(t);
    const retry = await postWith(t, '/v1/licences/batch', body, headers);
    expect(retry.status).toBe(201);
    expect(retry.body).toEqual(first.body);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(await licenceWriteState(t)).toEqual(state);
    expect(await licencesOfAgency(t, agency.id)).toBe(3);
  });
});
