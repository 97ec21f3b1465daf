import { describe, expect, it } from 'vitest';
import { admin, uniqueCreditCode, useTestApp, testClock } from './support/app.js';
import { uniqueDocumentNumber, validAction } from './support/actions.js';
import { ADULT_ID } from './support/penalties.js';

const clock = testClock('2026-11-27T02:00:00Z');
const t = useTestApp({ now: () => clock.now });
const pointers = (body: any) => body.errors.map((e: any) => e.pointer);

describe('publishing an enforcement action', () => {
  it("publishes an action of the key's own agency with server-filled agency fields and a 20-working-day deadline", async () => {
    const agency = await t.createAgency({ name: '示例市市场监督管理局' });
    const key = await t.keyFor(agency.id);
    const res = await t.post('/v1/enforcement-actions', validAction({ facts: '现场检查后厨。' }), key);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.headers.get('Location')).toBe(`/v1/enforcement-actions/${res.body.id}`);
    expect(res.headers.get('ETag')).toBe('"v1"');
    expect(res.body).toMatchObject({
      status: 'published',
      actionType: '06',
      actionDate: '2026-11-20',
      agencyId: agency.id,
      agency: '示例市市场监督管理局',
      agencyCreditCode: agency.creditCode,
      documentNumber: null,
      facts: '现场检查后厨。',
      tags: [],
      joint: null,
      campaignId: null,
      timeliness: { dueDate: '2026-12-18', late: false, workingDaysLate: 0, basis: 'server', calendarProvisional: false },
    });
    const read = await t.request(`/v1/enforcement-actions/${res.body.id}`);
    expect(read.body).toEqual(res.body);
    expect(read.headers.get('ETag')).toBe('"v1"');
  });

  it('counts 20 working days across the 2026 National Day holiday: due 2026-10-29', async () => {
    // 2026-09-25 is itself a holiday (中秋). Working days after it: 9-28, 9-29, 9-30 (3); 10-1..10-7 off;
    // 10-8, 10-9, 10-10 (a make-up Saturday) (6); 10-12..16 (11); 10-19..23 (16); 10-26..29 (20).
    const agency = await t.createAgency();
    const key = await t.keyFor(agency.id);
    clock.now = new Date('2026-10-29T15:59:00Z'); // 23:59 on 2026-10-29 in Beijing: the last day
    const onTime = await t.post('/v1/enforcement-actions', validAction({ actionDate: '2026-09-25' }), key);
    expect(onTime.body.timeliness).toMatchObject({ dueDate: '2026-10-29', late: false, workingDaysLate: 0 });
    clock.now = new Date('2026-11-02T01:00:00Z'); // Monday 2026-11-02: 10-30 and 11-02 late
    const late = await t.post('/v1/enforcement-actions', validAction({ actionDate: '2026-09-25' }), key);
    expect(late.body.timeliness).toMatchObject({ dueDate: '2026-10-29', late: true, workingDaysLate: 2 });
    clock.now = new Date('2026-11-27T02:00:00Z');
    const lateList = await t.request(`/v1/enforcement-actions?agencyId=${agency.id}&late=true`);
    expect(lateList.body.items.map((a: any) => a.id)).toEqual([late.body.id]);
    const onTimeList = await t.request(`/v1/enforcement-actions?agencyId=${agency.id}&late=false`);
    expect(onTimeList.body.items.map((a: any) => a.id)).toEqual([onTime.body.id]);
  });

  it('refuses an ID number for a target, a credit code for a natural person, and penalty or licence types', async () => {
    const agency = await t.createAgency();
    const key = await t.keyFor(agency.id);
    const withId = await t.post('/v1/enforcement-actions', validAction({ target: { name: '王五', category: '02', idNumber: ADULT_ID } }), key);
    expect(withId.status).toBe(400);
    expect(pointers(withId.body)).toEqual(['/target/idNumber']);
    expect(JSON.stringify(withId.body)).not.toContain(ADULT_ID);
    const personCode = await t.post('/v1/enforcement-actions', validAction({ target: { name: '王五', category: '02', creditCode: uniqueCreditCode() } }), key);
    expect(pointers(personCode.body)).toEqual(['/target/creditCode']);
    const penalty = await t.post('/v1/enforcement-actions', validAction({ actionType: '02' }), key);
    expect(penalty.status).toBe(400);
    expect(pointers(penalty.body)).toEqual(['/actionType']);
    clock.now = new Date('2026-11-27T02:00:00Z');
    const future = await t.post('/v1/enforcement-actions', validAction({ actionDate: '2026-11-28' }), key);
    expect(future.status).toBe(422);
    expect(pointers(future.body)).toEqual(['/actionDate']);
    clock.now = new Date('2026-11-27T16:30:00Z'); // already 2026-11-28 in Beijing
    expect((await t.post('/v1/enforcement-actions', validAction({ actionDate: '2026-11-28' }), key)).status).toBe(201);
    clock.now = new Date('2026-11-27T02:00:00Z');
    const person = await t.post('/v1/enforcement-actions', validAction({ target: { name: '王五', category: '02' } }), key);
    expect(person.status).toBe(201);
    expect(person.body.target).toEqual({ name: '王五', category: '02', categoryName: '自然人', creditCode: null });
  });

  it('enforces 谁执法谁公示: a key naming another agency is 403, the operator must name one', async () => {
    const agency = await t.createAgency();
    const other = await t.createAgency();
    const key = await t.keyFor(agency.id);
    const foreign = await t.post('/v1/enforcement-actions', validAction({ agencyId: other.id }), key);
    expect(foreign.status).toBe(403);
    expect(pointers(foreign.body)).toEqual(['/agencyId']);
    expect((await t.post('/v1/enforcement-actions', validAction(), admin)).status).toBe(422);
    const byOperator = await t.post('/v1/enforcement-actions', validAction({ agencyId: other.id }), admin);
    expect(byOperator.body.agencyId).toBe(other.id);
    expect((await t.request('/v1/enforcement-actions/0193a1b2-7c4d-7e5f-8a9b-0c1d2e3f4a5b')).status).toBe(404);
  });

  it('keeps an 执法文书号 unique per agency (409 naming the field), optional and free for other agencies', async () => {
    const agency = await t.createAgency();
    const other = await t.createAgency();
    const key = await t.keyFor(agency.id);
    const number = uniqueDocumentNumber();
    expect((await t.post('/v1/enforcement-actions', validAction({ documentNumber: number }), key)).status).toBe(201);
    const again = await t.post('/v1/enforcement-actions', validAction({ documentNumber: number }), key);
    expect(again.status).toBe(409);
    expect(pointers(again.body)).toEqual(['/documentNumber']);
    expect((await t.post('/v1/enforcement-actions', validAction({ documentNumber: number }), await t.keyFor(other.id))).status).toBe(201);
    expect((await t.post('/v1/enforcement-actions', validAction(), key)).status).toBe(201);
    expect((await t.post('/v1/enforcement-actions', validAction(), key)).status).toBe(201);
  });
});

describe('listing enforcement actions', () => {
  it('filters by type, target, action date, region and text, and pages with a cursor bound to its filters', async () => {
    const agency = await t.createAgency({ regionCode: '440300' });
    const key = await t.keyFor(agency.id);
    const code = uniqueCreditCode();
    const post = async (fields: Record<string, unknown>) => (await t.post('/v1/enforcement-actions', validAction(fields), key)).body;
    const inspection = await post({ target: { name: '示例市某某餐饮有限公司', category: '01', creditCode: code }, actionDate: '2026-11-02', conclusion: '后厨卫生不合格，责令整改。' });
    const seizure = await post({ actionType: '03', target: { name: '示例市某某物流有限公司', category: '01' }, actionDate: '2026-11-16', conclusion: '查封冷库一处。' });
    const third = await post({ actionDate: '2026-11-18' });
    const ids = async (query: string) => (await t.request(`/v1/enforcement-actions?agencyId=${agency.id}&${query}`)).body.items.map((a: any) => a.id);
    expect(await ids('actionType=03')).toEqual([seizure.id]);
    expect(await ids(`target=${code}`)).toEqual([inspection.id]);
    expect(await ids(`target=${encodeURIComponent('物流')}`)).toEqual([seizure.id]);
    expect(await ids('decidedFrom=2026-11-10&decidedTo=2026-11-16')).toEqual([seizure.id]);
    expect(await ids(`q=${encodeURIComponent('冷库')}`)).toEqual([seizure.id]);
    expect((await t.request(`/v1/enforcement-actions?regionCode=440300&agencyId=${agency.id}`)).body.items).toHaveLength(3);
    expect((await t.request(`/v1/enforcement-actions?regionCode=440100&agencyId=${agency.id}`)).body.items).toHaveLength(0);

    const first = await t.request(`/v1/enforcement-actions?agencyId=${agency.id}&limit=2`);
    expect(first.body.items).toHaveLength(2);
    expect(first.headers.get('Link')).toContain('rel="next"');
    const rest = await t.request(`/v1/enforcement-actions?agencyId=${agency.id}&limit=2&cursor=${first.body.next}`);
    expect([...first.body.items, ...rest.body.items].map((a: any) => a.id).sort()).toEqual([inspection.id, seizure.id, third.id].sort());
    expect(rest.body.next).toBeNull();
    const replayed = await t.request(`/v1/enforcement-actions?agencyId=${agency.id}&actionType=06&limit=2&cursor=${first.body.next}`);
    expect(replayed.status).toBe(400);
    expect(pointers(replayed.body)).toEqual(['/cursor']);
    const backwards = await t.request('/v1/enforcement-actions?decidedFrom=2026-11-10&decidedTo=2026-11-01');
    expect(pointers(backwards.body)).toEqual(['/decidedTo']);
    expect((await t.request('/v1/enforcement-actions?status=expired')).status).toBe(400);
  });
});
