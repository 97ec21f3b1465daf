import { describe, expect, it } from 'vitest';
import { admin, useTestApp, testClock } from './support/app.js';
import { ifMatch, uniqueDocumentNumber, validAction } from './support/actions.js';
import { ADULT_ID } from './support/penalties.js';

const clock = testClock('2026-11-27T02:00:00Z');
const t = useTestApp({ now: () => clock.now });
const pointers = (body: any) => body.errors.map((e: any) => e.pointer);
const GHOST = '0193a1b2-7c4d-7e5f-8a9b-0c1d2e3f4a5b';

async function countFor(agencyId: string, status = 'published') {
  return (await t.request(`/v1/enforcement-actions?agencyId=${agencyId}&status=${status}&limit=200`)).body.items.length;
}

describe('batch publication', () => {
  it('publishes up to 1,000 actions all-or-nothing, naming every bad item', async () => {
    const agency = await t.createAgency();
    const key = await t.keyFor(agency.id);
    const numbered = uniqueDocumentNumber();
    const ok = await t.post('/v1/enforcement-actions/batch', { items: [validAction(), validAction({ actionType: '03', documentNumber: numbered }), validAction()] }, key);
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
    // One receipt per item, in request order, naming the 执法文书号; the records are read from their locations.
    expect(ok.body.items.map((r: any) => r.decisionNumber)).toEqual([null, numbered, null]);
    const records = await Promise.all(ok.body.items.map(async (r: any) => (await t.request(r.location)).body));
    expect(records.map((a: any) => a.actionType)).toEqual(['06', '03', '06']);
    expect(records.map((a: any) => a.id)).toEqual(ok.body.items.map((r: any) => r.id));
    expect(await countFor(agency.id)).toBe(3);

    const invalid = await t.post('/v1/enforcement-actions/batch', { items: [validAction(), validAction(), validAction({ target: { category: '01' } })] }, key);
    expect(invalid.status).toBe(400);
    expect(pointers(invalid.body)).toEqual(['/items/2/target/name']);
    const unknown = await t.post(
      '/v1/enforcement-actions/batch',
      { items: [validAction(), validAction({ tags: ['专项整治'], campaignId: GHOST }), validAction({ tags: ['联合执法'], joint: { reference: 'R', agencyIds: [agency.id, GHOST] } })] },
      key,
    );
    expect(unknown.status).toBe(422);
    expect(pointers(unknown.body)).toEqual(['/items/1/campaignId', '/items/2/joint/agencyIds/1']);
    const number = uniqueDocumentNumber();
    const twice = await t.post('/v1/enforcement-actions/batch', { items: [validAction({ documentNumber: number }), validAction({ documentNumber: number })] }, key);
    expect(twice.status).toBe(409);
    expect(pointers(twice.body)).toEqual(['/items/1/documentNumber']);
    expect(await countFor(agency.id)).toBe(3);

    const tooMany = await t.post('/v1/enforcement-actions/batch', { items: Array.from({ length: 1001 }, () => validAction()) }, key);
    expect(tooMany.status).toBe(400);
    expect(pointers(tooMany.body)).toEqual(['/items']);
    const full = await t.post('/v1/enforcement-actions/batch', { items: Array.from({ length: 1000 }, () => validAction()) }, key);
    expect(full.status).toBe(201);
    expect(full.body.items).toHaveLength(1000);
  }, 120_000);
});

describe('batch retries', () => {
  it('answers a retried batch with the same Idempotency-Key from the first answer, publishing nothing twice', async () => {
    const agency = await t.createAgency();
    const headers = { ...(await t.keyFor(agency.id)), 'Idempotency-Key': 'actions-batch-1' };
    const body = { items: [validAction(), validAction({ actionType: '03' })] };
    const first = await t.post('/v1/enforcement-actions/batch', body, headers);
    const retry = await t.post('/v1/enforcement-actions/batch', body, headers);
    expect(first.status).toBe(201);
    expect(retry.status).toBe(201);
    expect(retry.body.items.map((a: any) => a.id)).toEqual(first.body.items.map((a: any) => a.id));
    expect(await countFor(agency.id)).toBe(2);
  });
});

describe('corrections', () => {
  it('publishes a merge patch as a new version with its reason, re-checking the merged action', async () => {
    const agency = await t.createAgency();
    const key = await t.keyFor(agency.id);
    const taken = uniqueDocumentNumber();
    await t.post('/v1/enforcement-actions', validAction({ documentNumber: taken }), key);
    const created = await t.post('/v1/enforcement-actions', validAction({ documentNumber: uniqueDocumentNumber() }), key);
    const url = `/v1/enforcement-actions/${created.body.id}/corrections`;
    const fix = { reason: '执法结论录入错误。', changes: { conclusion: '责令限期整改。', actionDate: '2026-10-09' } };
    expect((await t.post(url, fix, key)).status).toBe(428);
    expect((await t.post(url, fix, ifMatch(key, '"v2"'))).status).toBe(412);
    expect((await t.post(url, fix, ifMatch(await t.keyFor((await t.createAgency()).id), '"v1"'))).status).toBe(403);
    const withId = await t.post(url, { reason: 'x', changes: { target: { idNumber: ADULT_ID } } }, ifMatch(key, '"v1"'));
    expect(withId.status).toBe(400);
    expect(pointers(withId.body)).toEqual(['/changes/target/idNumber']);
    const clash = await t.post(url, { reason: 'x', changes: { documentNumber: taken } }, ifMatch(key, '"v1"'));
    expect(clash.status).toBe(409);
    expect(pointers(clash.body)).toEqual(['/changes/documentNumber']);
    const person = await t.post(url, { reason: 'x', changes: { target: { category: '02' } } }, ifMatch(key, '"v1"'));
    expect(person.status).toBe(422);
    expect(pointers(person.body)).toEqual(['/changes/target/creditCode']);

    const future = await t.post(url, { reason: 'x', changes: { actionDate: '2026-12-01' } }, ifMatch(key, '"v1"'));
    expect(future.status).toBe(422);
    expect(pointers(future.body)).toEqual(['/changes/actionDate']);
    const res = await t.post(url, fix, ifMatch(key, '"v1"'));
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    // 2026-10-09 + 20 working days: 10-10 (a make-up Saturday), 10-12..16, 19..23, 26..30, 11-02..05; published 11-27.
    expect(res.body).toMatchObject({ version: 2, conclusion: '责令限期整改。', actionDate: '2026-10-09', timeliness: { dueDate: '2026-11-05', late: true } });
    const noDocument = await t.post(url, { reason: '文书号误填。', changes: { documentNumber: null } }, ifMatch(key, '"v2"'));
    expect(noDocument.body).toMatchObject({ version: 3, documentNumber: null });
    const revs = await t.request(`/v1/enforcement-actions/${created.body.id}/revisions`);
    expect(revs.body.items.map((r: any) => [r.version, r.event, r.reason])).toEqual([
      [1, 'created', null],
      [2, 'corrected', '执法结论录入错误。'],
      [3, 'corrected', '文书号误填。'],
    ]);
  });
});

describe('withdrawal', () => {
  it('turns the action into a notice, redacts earlier versions and tracks the 3-working-day deadline', async () => {
    const agency = await t.createAgency();
    const key = await t.keyFor(agency.id);
    const number = uniqueDocumentNumber();
    const created = await t.post('/v1/enforcement-actions', validAction({ documentNumber: number }), key);
    const url = `/v1/enforcement-actions/${created.body.id}`;
    const body = { reasonCategory: 'revoked', explanation: '经行政复议决定撤销。', eventDate: '2026-11-23' };
    expect((await t.post(`${url}/withdrawal`, { ...body, eventDate: '2026-11-19' }, ifMatch(key, '"v1"'))).status).toBe(422);
    expect((await t.post(`${url}/withdrawal`, { ...body, replacedBy: GHOST }, ifMatch(key, '"v1"'))).status).toBe(422);
    const res = await t.post(`${url}/withdrawal`, body, ifMatch(key, '"v1"'));
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({
      status: 'withdrawn',
      version: 2,
      decisionNumber: number,
      agencyId: agency.id,
      decisionDate: '2026-11-20',
      withdrawal: { reasonCategory: 'revoked', dueDate: '2026-11-26', late: true, workingDaysLate: 1 },
    });
    expect(res.body.target).toBeUndefined();
    expect((await t.request(url)).body).toEqual(res.body);
    const revs = await t.request(`${url}/revisions`);
    expect(revs.body.items[0].data).toMatchObject({ redacted: true });
    expect(revs.body.items[1].data).toMatchObject({ status: 'withdrawn' });
    expect(JSON.stringify(revs.body)).not.toContain(created.body.target.name);
    expect(await countFor(agency.id)).toBe(0);
    expect(await countFor(agency.id, 'withdrawn')).toBe(1);
    // The notice is not to be found again by its target or its words.
    const scope = `/v1/enforcement-actions?agencyId=${agency.id}&status=withdrawn`;
    const byTarget = await t.request(`${scope}&target=${created.body.target.creditCode}`);
    expect(byTarget.status).toBe(400);
    expect(pointers(byTarget.body)).toEqual(['/target']);
    expect(pointers((await t.request(`${scope}&q=${encodeURIComponent('检查')}`)).body)).toEqual(['/q']);
    expect((await t.post(`${url}/withdrawal`, body, ifMatch(key, '"v2"'))).status).toBe(409);
    expect((await t.post(`${url}/corrections`, { reason: 'x', changes: { conclusion: 'y' } }, ifMatch(admin, '"v2"'))).status).toBe(409);
  });
});
