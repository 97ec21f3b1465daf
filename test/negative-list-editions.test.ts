import { describe, expect, it } from 'vitest';
import { negativeListEditions, negativeListItems } from '../src/db/schema.js';
import { admin, useTestApp } from './support/app.js';
import { expectRefused, ifMatch } from './support/inspections.js';
import { addItem, createEditionDraft, currentCode, measure, publishedEdition, shiftDate, validEdition, validNlItem } from './support/negative-list.js';

const t = useTestApp();

describe('editions: draft, publish, supersede', () => {
  it('publishes a draft as the current edition and supersedes the previous one in the same step', async () => {
    const { edition: older } = await publishedEdition(t);
    const draft = await createEditionDraft(t);
    expect(draft).toMatchObject({ status: 'draft', version: 1, publishedAt: null, effectiveTo: null });
    await addItem(t, draft.id);
    const res = await t.post(`/v1/negative-list/editions/${draft.code}/publish`, { supersedes: older.code }, admin);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ code: draft.code, status: 'current', version: 2 });
    const old = (await t.request(`/v1/negative-list/editions/${older.code}`)).body;
    expect(old).toMatchObject({ status: 'superseded', effectiveTo: shiftDate(draft.effectiveFrom, -1) });
    expect(old.supersededAt).toBe(res.body.publishedAt);
    expect(await currentCode(t)).toBe(draft.code);
  });

  it('puts both changes in the feed: superseded, then published', async () => {
    await publishedEdition(t);
    const before = (await t.request('/v1/feed?limit=200')).body.items.length;
    const { edition } = await publishedEdition(t);
    const events = (await t.request('/v1/feed?limit=200')).body.items.slice(before).filter((e: { type: string }) => e.type === 'negative_list_edition');
    expect(events.map((e: { event: string }) => e.event)).toEqual(['created', 'superseded', 'published']);
    expect(events[2].id).toBe(edition.id);
  });

  it('refuses a publication that does not name the current edition or names a stale one (409), writing nothing', async () => {
    const { edition: current } = await publishedEdition(t);
    const draft = await createEditionDraft(t);
    await addItem(t, draft.id);
    await expectRefused(t, negativeListEditions, () => t.post(`/v1/negative-list/editions/${draft.code}/publish`, {}, admin), 409, ['/supersedes']);
    const stale = await createEditionDraft(t);
    const res = await expectRefused(t, negativeListEditions, () => t.post(`/v1/negative-list/editions/${draft.code}/publish`, { supersedes: stale.code }, admin), 409);
    expect(res.body.detail).toContain(current.code);
  });

  it('refuses publishing an edition without items, or one taking effect no later than the current one', async () => {
    const { edition: current } = await publishedEdition(t);
    const empty = await createEditionDraft(t);
    await expectRefused(t, negativeListEditions, () => t.post(`/v1/negative-list/editions/${empty.code}/publish`, { supersedes: current.code }, admin), 422);
    const early = await createEditionDraft(t, { effectiveFrom: current.effectiveFrom });
    await addItem(t, early.id);
    await expectRefused(t, negativeListEditions, () => t.post(`/v1/negative-list/editions/${early.code}/publish`, { supersedes: current.code }, admin), 422, ['/supersedes']);
  });

  it('never changes a published edition or its items (409), and a second publication of it is a 409', async () => {
    const { edition, items } = await publishedEdition(t);
    await expectRefused(t, negativeListEditions, () => t.patch(`/v1/negative-list/editions/${edition.code}`, { title: '改名' }, ifMatch(`"v${edition.version}"`)), 409);
    await expectRefused(t, negativeListItems, () => t.post('/v1/negative-list/items', validNlItem(edition.id), admin), 409);
    await expectRefused(t, negativeListItems, () => t.patch(`/v1/negative-list/items/${items[0].id}`, { name: '改名' }, ifMatch('"v1"')), 409);
    await expectRefused(t, negativeListEditions, () => t.post(`/v1/negative-list/editions/${edition.code}/publish`, {}, admin), 409);
  });

  it('lets the operator edit a draft and its items, each change a new version', async () => {
    const draft = await createEditionDraft(t);
    const patched = await t.patch(`/v1/negative-list/editions/${draft.code}`, { title: '市场准入负面清单（征求意见稿）' }, ifMatch('"v1"'));
    expect(patched.status, JSON.stringify(patched.body)).toBe(200);
    expect(patched.body).toMatchObject({ version: 2, title: '市场准入负面清单（征求意见稿）' });
    const item = await addItem(t, draft.id);
    const changed = await t.patch(`/v1/negative-list/items/${item.id}`, { measures: [measure('改写后的措施'), measure('新增的措施', { starred: true })] }, ifMatch('"v1"'));
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    expect(changed.body.measures.map((m: { no: number; text: string; starred: boolean }) => [m.no, m.text, m.starred])).toEqual([
      [1, '改写后的措施', false],
      [2, '新增的措施', true],
    ]);
    const revisions = (await t.request(`/v1/negative-list/items/${item.id}/revisions`)).body.items;
    expect(revisions.map((r: { version: number }) => r.version)).toEqual([1, 2]);
  });

  it('is written by the operator only: an agency key gets 403 and nothing is written', async () => {
    const agency = await t.createAgency();
    const key = await t.keyFor(agency.id);
    await expectRefused(t, negativeListEditions, () => t.post('/v1/negative-list/editions', validEdition(), key), 403);
    const draft = await createEditionDraft(t);
    await expectRefused(t, negativeListItems, () => t.post('/v1/negative-list/items', validNlItem(draft.id), key), 403);
    await addItem(t, draft.id);
    await expectRefused(t, negativeListEditions, () => t.post(`/v1/negative-list/editions/${draft.code}/publish`, {}, key), 403);
  });
});

describe('editions: counts and reads', () => {
  it('counts items by category and measures by category, national and local', async () => {
    const draft = await createEditionDraft(t);
    await addItem(t, draft.id, { category: 'prohibited', itemNo: 1, measures: [measure('禁止一'), measure('禁止二')] });
    await addItem(t, draft.id, { category: 'permitted', measures: [measure('许可一'), measure('地方许可', { local: { regionCode: '440000', regionName: '广东省' } })] });
    const removed = await addItem(t, draft.id, { measures: [measure('将被删除')] });
    expect((await t.patch(`/v1/negative-list/items/${removed.id}`, { status: 'removed' }, ifMatch('"v1"'))).status).toBe(200);
    const res = await t.request(`/v1/negative-list/editions/${draft.id}`);
    expect(res.body.counts).toEqual({ items: { prohibited: 1, permitted: 1, total: 2 }, measures: { prohibited: 2, permitted: 2, national: 3, local: 1, total: 4 } });
    expect(res.headers.get('ETag')).toMatch(/^"v1\.[0-9a-f]{8}"$/);
  });

  it('lists an edition in the order of the official table and reads an item by 事项编码', async () => {
    const draft = await createEditionDraft(t);
    const b = await addItem(t, draft.id, { category: 'permitted', itemNo: 2, code: '200002' });
    const a = await addItem(t, draft.id, { category: 'permitted', itemNo: 1, code: '200001' });
    const p = await addItem(t, draft.id, { category: 'prohibited', itemNo: 1, code: '100004', name: '禁止违规开展金融相关经营活动' });
    const list = await t.request(`/v1/negative-list/editions/${draft.code}/items`);
    expect(list.status).toBe(200);
    expect(list.body.items.map((i: { id: string }) => i.id)).toEqual([p.id, a.id, b.id]);
    expect(list.body.edition.code).toBe(draft.code);
    const one = await t.request(`/v1/negative-list/editions/${draft.code}/items/100004`);
    expect(one.body).toMatchObject({ id: p.id, editionCode: draft.code, categoryName: '禁止准入类' });
    expect((await t.request(`/v1/negative-list/editions/${draft.code}/items/100009`)).status).toBe(404);
    expect((await t.request('/v1/negative-list/editions/no-such-edition/items')).status).toBe(404);
  });

  it('answers the edition in force on a date, and 422 naming asOf before the first edition', async () => {
    const { edition: first } = await publishedEdition(t);
    const { edition: second } = await publishedEdition(t);
    const on = async (date: string) => t.request(`/v1/negative-list/editions/in-force?asOf=${date}`);
    expect((await on(first.effectiveFrom)).body.code).toBe(first.code);
    expect((await on(shiftDate(second.effectiveFrom, -1))).body.code).toBe(first.code);
    expect((await on(second.effectiveFrom)).body.code).toBe(second.code);
    const before = await on('2001-01-01');
    expect(before.status).toBe(422);
    expect(before.body.errors).toEqual([expect.objectContaining({ in: 'query', pointer: '/asOf' })]);
  });
});

describe('bad input', () => {
  it('refuses a duplicate 事项编码 or 项目号 in one edition (409 naming the field), allowing the same code in another edition', async () => {
    const draft = await createEditionDraft(t);
    await addItem(t, draft.id, { code: '210001', itemNo: 1 });
    await expectRefused(t, negativeListItems, () => t.post('/v1/negative-list/items', validNlItem(draft.id, { code: '210001', itemNo: 2 }), admin), 409, ['/code']);
    await expectRefused(t, negativeListItems, () => t.post('/v1/negative-list/items', validNlItem(draft.id, { code: '210002', itemNo: 1 }), admin), 409, ['/itemNo']);
    const other = await createEditionDraft(t);
    await addItem(t, other.id, { code: '210001', itemNo: 1 });
  });

  it.each([
    ['a measure without text', { measures: [{ text: '   ' }] }, ['/measures/0/text']],
    ['no measures', { measures: [] }, ['/measures']],
    ['a 5-digit code', { code: '10004' }, ['/code']],
    ['an unknown category', { category: 'allowed' }, ['/category']],
    ['a bad local region', { measures: [measure('地方措施', { local: { regionCode: '44', regionName: '广东省' } })] }, ['/measures/0/local/regionCode']],
  ])('refuses %s (400 naming the field)', async (_what, fields, pointers) => {
    const draft = await createEditionDraft(t);
    await expectRefused(t, negativeListItems, () => t.post('/v1/negative-list/items', validNlItem(draft.id, fields), admin), 400, pointers);
  });

  it('refuses an item of an unknown edition (422) and a duplicate edition code (409)', async () => {
    await expectRefused(t, negativeListItems, () => t.post('/v1/negative-list/items', validNlItem('0193a1b2-7c4d-7e5f-8a9b-0c1d2e3f4a5b'), admin), 422, ['/editionId']);
    const draft = await createEditionDraft(t);
    await expectRefused(t, negativeListEditions, () => t.post('/v1/negative-list/editions', validEdition({ code: draft.code }), admin), 409, ['/code']);
  });

  it('refuses an edition taking effect before it was issued (422 naming effectiveFrom)', async () => {
    await expectRefused(t, negativeListEditions, () => t.post('/v1/negative-list/editions', validEdition({ releasedOn: '2099-01-02', effectiveFrom: '2099-01-01' }), admin), 422, ['/effectiveFrom']);
  });
});
