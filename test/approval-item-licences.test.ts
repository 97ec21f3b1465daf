/**
 * Licence decisions naming their approval item (谁审批谁公示): only an active item of the licensing agency
 * itself; the item's page lists the agency's decisions under it and counts them with the 公示时效 notions.
 */
import { describe, expect, it } from 'vitest';
import { admin, useTestApp, type TestResponse } from './support/app.js';
import { validApprovalItem } from './support/approval-items.js';
import { created, ifMatch, sorted, walkPages } from './support/inspections.js';
import { licenceWriteState, validLicence } from './support/licences.js';
import { expectProblem, postWith } from './support/penalties.js';

// Friday 2026-11-27, 10:00 in Beijing: decisions of the weeks before are on time or late by known working days.
const t = useTestApp({ now: () => new Date('2026-11-27T02:00:00Z') });
const UNKNOWN = '0193a1b2-7c4d-7e5f-8a9b-0c1d2e3f4a5b';

async function agencyWithItem() {
  const agency = await t.createAgency({ name: '示例市市场监督管理局' });
  const key = await t.keyFor(agency.id);
  const item = await created(t, '/v1/approval-items', validApprovalItem(), key);
  return { agency, key, item };
}

const publish = (fields: Record<string, unknown>, headers: Record<string, string>) => created(t, '/v1/licences', validLicence(fields), headers);

/** A licence write refused with `status` naming exactly `pointers`, writing nothing. */
async function expectRefusedLicence(send: () => Promise<TestResponse>, status: number, pointers: string[]) {
  const before = await licenceWriteState(t);
  const res = await send();
  expectProblem(res, status, pointers);
  expect(await licenceWriteState(t)).toEqual(before);
  return res;
}

const withdraw = (id: string, eventDate: string, key: Record<string, string>, version = 1) =>
  postWith(t, `/v1/licences/${id}/withdrawal`, { reasonCategory: 'revoked', explanation: '经行政复议决定撤销该许可。', eventDate }, { Authorization: key.Authorization!, 'If-Match': `"v${version}"` });
const correct = (id: string, changes: Record<string, unknown>, key: Record<string, string>, version = 1) =>
  postWith(t, `/v1/licences/${id}/corrections`, { reason: '更正行政许可事项。', changes }, { Authorization: key.Authorization!, 'If-Match': `"v${version}"` });

describe('a licence naming its approval item', () => {
  it('is published with approvalItemId, kept in its revision and the feed, and found by /v1/licences?approvalItemId', async () => {
    const { key, item } = await agencyWithItem();
    const licence = await publish({ approvalItemId: item.id }, key);
    expect(licence.approvalItemId).toBe(item.id);
    expect((await t.request(`/v1/licences/${licence.id}`)).body).toEqual(licence);
    expect((await t.request(`/v1/licences/${licence.id}/revisions`)).body.items[0].data.approvalItemId).toBe(item.id);
    const listed = await t.request(`/v1/licences?approvalItemId=${item.id}`);
    expect(listed.body.items.map((l: any) => l.id)).toEqual([licence.id]);
    expect((await publish({}, key)).approvalItemId).toBeNull();
  });

  it("refuses an item of another agency with 422 naming /approvalItemId, and writes nothing — even for the operator", async () => {
    const { item } = await agencyWithItem();
    const other = await t.createAgency();
    const otherKey = await t.keyFor(other.id);
    const res = await expectRefusedLicence(() => t.post('/v1/licences', validLicence({ approvalItemId: item.id }), otherKey), 422, ['/approvalItemId']);
    expect(res.body.errors[0].detail).toMatch(/belongs to another agency/);
    await expectRefusedLicence(() => t.post('/v1/licences', validLicence({ agencyId: other.id, approvalItemId: item.id }), admin), 422, ['/approvalItemId']);
  });

  it('refuses an unknown item and a cancelled one (422), and a malformed id (400)', async () => {
    const { key, item } = await agencyWithItem();
    await expectRefusedLicence(() => t.post('/v1/licences', validLicence({ approvalItemId: UNKNOWN }), key), 422, ['/approvalItemId']);
    await t.patch(`/v1/approval-items/${item.id}`, { status: 'cancelled' }, ifMatch('"v1"', key));
    const res = await expectRefusedLicence(() => t.post('/v1/licences', validLicence({ approvalItemId: item.id }), key), 422, ['/approvalItemId']);
    expect(res.body.errors[0].detail).toMatch(/cancelled/);
    await expectRefusedLicence(() => t.post('/v1/licences', validLicence({ approvalItemId: 'spjy' }), key), 400, ['/approvalItemId']);
  });

  it('names the refused item of a batch by its pointer, and writes none of the batch', async () => {
    const { key, item } = await agencyWithItem();
    const foreign = (await agencyWithItem()).item;
    const items = [validLicence({ approvalItemId: item.id }), validLicence({ approvalItemId: foreign.id }), validLicence({ approvalItemId: UNKNOWN })];
    await expectRefusedLicence(() => t.post('/v1/licences/batch', { items }, key), 422, ['/items/1/approvalItemId', '/items/2/approvalItemId']);
  });

  it('is checked again by a correction that changes it; one that keeps it still passes after the item is cancelled; null unlinks', async () => {
    const { key, item } = await agencyWithItem();
    const foreign = (await agencyWithItem()).item;
    const licence = await publish({ approvalItemId: item.id }, key);
    await expectRefusedLicence(() => correct(licence.id, { approvalItemId: foreign.id }, key), 422, ['/changes/approvalItemId']);
    await t.patch(`/v1/approval-items/${item.id}`, { status: 'cancelled' }, ifMatch('"v1"', key));
    const kept = await correct(licence.id, { content: '准予食品经营许可，经营项目：预包装食品销售、散装食品销售。' }, key);
    expect(kept.status, JSON.stringify(kept.body)).toBe(200);
    expect(kept.body).toMatchObject({ version: 2, approvalItemId: item.id });
    const unlinked = await correct(licence.id, { approvalItemId: null }, key, 2);
    expect(unlinked.body).toMatchObject({ version: 3, approvalItemId: null });
    await expectRefusedLicence(() => correct(licence.id, { approvalItemId: item.id }, key, 3), 422, ['/changes/approvalItemId']);
  });
});

describe('GET /v1/approval-items/{id}/licences', () => {
  it("lists the agency's decisions naming the item, keyset-paged, with their timeliness; withdrawn ones as notices", async () => {
    const { key, item } = await agencyWithItem();
    const other = await created(t, '/v1/approval-items', validApprovalItem({ name: '食品生产许可' }), key);
    const mine = [await publish({ approvalItemId: item.id }, key), await publish({ approvalItemId: item.id, decisionDate: '2026-11-12', validFrom: '2026-11-12' }, key)];
    const gone = await publish({ approvalItemId: item.id }, key);
    await publish({ approvalItemId: other.id }, key);
    await publish({}, key);
    expect((await withdraw(gone.id, '2026-11-25', key)).status).toBe(200);
    const pages = await walkPages(t, `/v1/approval-items/${item.id}/licences?limit=1`);
    expect(pages.ids).toEqual(sorted(mine.map((l) => l.id)));
    expect(pages.sizes).toEqual([1, 1]);
    const page = (await t.request(`/v1/approval-items/${item.id}/licences`)).body;
    expect(page.items.map((l: any) => [l.approvalItemId, l.timeliness.late])).toEqual(expect.arrayContaining([[item.id, false], [item.id, true]]));
    expect(page.items).toHaveLength(2);
    const late = (await t.request(`/v1/approval-items/${item.id}/licences?late=true`)).body.items;
    expect(late.map((l: any) => l.id)).toEqual([mine[1].id]);
    const notices = (await t.request(`/v1/approval-items/${item.id}/licences?status=withdrawn`)).body.items;
    expect(notices.map((n: any) => [n.id, n.status])).toEqual([[gone.id, 'withdrawn']]);
    expect(notices[0].content).toBeUndefined();
  });

  it('answers 404 for an unknown item and 400 naming a bad filter', async () => {
    const res = await t.request(`/v1/approval-items/${UNKNOWN}/licences`);
    expect(res.status).toBe(404);
    const { item } = await agencyWithItem();
    for (const query of ['status=expired', 'late=maybe', 'decidedFrom=2026-13-01']) {
      const bad = await t.request(`/v1/approval-items/${item.id}/licences?${query}`);
      expect(bad.status, query).toBe(400);
      expect(bad.body.errors.map((e: any) => `${e.in} ${e.pointer}`)).toEqual([`query /${query.split('=')[0]}`]);
    }
  });
});

describe('GET /v1/approval-items/{id}/licences/counts', () => {
  it('counts by status and state, on time and late, and withdrawals, with known figures — as /v1/compliance counts them', async () => {
    const { agency, key, item } = await agencyWithItem();
    // Due 7 working days after the decision: 11-20 → 12-01 (on time); 11-12 → 11-23 (4 working days late on 11-27);
    // 11-10 → 11-19 (6 late: 20, 23, 24, 25, 26, 27); 11-25 → 12-04 (on time).
    const onTime = await publish({ approvalItemId: item.id }, key);
    const late4 = await publish({ approvalItemId: item.id, decisionDate: '2026-11-12', validFrom: '2026-11-12' }, key);
    await publish({ approvalItemId: item.id, decisionDate: '2026-11-10', validFrom: '2026-11-10' }, key);
    await publish({ approvalItemId: item.id, decisionDate: '2026-11-25', validFrom: '2026-11-25', state: 'invalid' }, key);
    // Withdrawn 3 working days after the revoking event: 11-25 → 11-30 (on time); 11-20 → 11-25 (late on 11-27).
    expect((await withdraw(onTime.id, '2026-11-25', key)).status).toBe(200);
    expect((await withdraw(late4.id, '2026-11-20', key)).status).toBe(200);

    const counts = await t.request(`/v1/approval-items/${item.id}/licences/counts`);
    expect(counts.status).toBe(200);
    expect(counts.body).toEqual({
      approvalItemId: item.id,
      agencyId: agency.id,
      decidedFrom: null,
      decidedTo: null,
      total: 4,
      byStatus: { published: 2, withdrawn: 2 },
      byState: { valid: 1, invalid: 1 },
      onTime: 2,
      late: 2,
      averageWorkingDaysLate: '5.0',
      withdrawals: { total: 2, onTime: 1, late: 1 },
    });
    const report = (await t.request(`/v1/compliance?from=2026-01-01&to=2026-12-31&agencyId=${agency.id}`)).body.items;
    expect(report).toEqual([expect.objectContaining({ kind: 'licence', published: 4, onTime: 2, late: 2, averageWorkingDaysLate: '5.0', withdrawals: counts.body.withdrawals })]);

    const period = (await t.request(`/v1/approval-items/${item.id}/licences/counts?decidedFrom=2026-11-12&decidedTo=2026-11-20`)).body;
    expect(period).toMatchObject({ decidedFrom: '2026-11-12', decidedTo: '2026-11-20', total: 2, byStatus: { published: 0, withdrawn: 2 }, onTime: 1, late: 1, averageWorkingDaysLate: '4.0' });
  });

  it('counts nothing for an item without decisions, 404 for an unknown one, 400 for a reversed period', async () => {
    const { item } = await agencyWithItem();
    const empty = (await t.request(`/v1/approval-items/${item.id}/licences/counts`)).body;
    expect(empty).toMatchObject({ total: 0, onTime: 0, late: 0, averageWorkingDaysLate: null, withdrawals: { total: 0, onTime: 0, late: 0 } });
    expect((await t.request(`/v1/approval-items/${UNKNOWN}/licences/counts`)).status).toBe(404);
    const reversed = await t.request(`/v1/approval-items/${item.id}/licences/counts?decidedFrom=2026-11-20&decidedTo=2026-11-12`);
    expect(reversed.status).toBe(400);
    expect(reversed.body.errors.map((e: any) => e.pointer)).toEqual(['/decidedTo']);
  });
});
