import { describe, expect, it } from 'vitest';
import { admin, useTestApp } from './support/app.js';
import { createBasis, feedHead } from './support/legal-bases.js';

// Today is 2024-06-01 in Beijing (2024-05-31T16:00Z is already June 1st there).
const t = useTestApp({ now: () => new Date('2024-05-31T16:00:00Z') });
const get = (id: string, headers: Record<string, string> = {}) => t.request(`/v1/legal-bases/${id}`, { headers });

describe('amendment lineage', () => {
  it('an amending text links to the old one; the old one shows 已修改 and amendedBy once the new one is in effect', async () => {
    const topic = '修改链测试';
    const old = await createBasis(t, { topics: [topic], promulgatedOn: '2016-02-06', effectiveOn: '2016-02-06' });
    const before = await get(old.id);
    expect(before.body).toMatchObject({ validity: '现行有效', amendedBy: [] });
    const oldTag = before.headers.get('etag')!;

    const head = await feedHead(t);
    const amended = await createBasis(t, { topics: [topic], amendsId: old.id, promulgatedOn: '2024-05-01', effectiveOn: '2024-06-01' });
    expect(amended).toMatchObject({ amendsId: old.id, amendedBy: [], validity: '现行有效' });
    expect(await feedHead(t)).toBe(head + 1);

    const after = await get(old.id);
    expect(after.body).toMatchObject({ version: 1, validity: '已修改', amendedBy: [amended.id] });
    // The derived change is visible to conditional GETs, though the old text's version did not change.
    expect(after.headers.get('etag')).not.toBe(oldTag);
    expect((await get(old.id, { 'If-None-Match': oldTag })).status).toBe(200);
    expect((await get(old.id, { 'If-None-Match': after.headers.get('etag')! })).status).toBe(304);

    const byAmends = await t.request(`/v1/legal-bases?amendsId=${old.id}`);
    expect(byAmends.body.items.map((b: any) => b.id)).toEqual([amended.id]);
    const enc = encodeURIComponent;
    const modified = await t.request(`/v1/legal-bases?topic=${enc(topic)}&validity=${enc('已修改')}`);
    expect(modified.body.items.map((b: any) => b.id)).toEqual([old.id]);
    const current = await t.request(`/v1/legal-bases?topic=${enc(topic)}&validity=${enc('现行有效')}`);
    expect(current.body.items.map((b: any) => b.id)).toEqual([amended.id]);

    const feed = await t.request('/v1/feed?type=legal_basis&limit=1000');
    const ids = feed.body.items.map((e: any) => e.id);
    expect(ids).toContain(old.id);
    expect(ids).toContain(amended.id);
    expect(feed.body.items.find((e: any) => e.id === amended.id).data.amendsId).toBe(old.id);

    // The old text can still be edited with the ETag it now has (If-Match compares the version).
    const edit = await t.patch(`/v1/legal-bases/${old.id}`, { sourceUrl: 'https://flk.example.gov.cn/old' }, { ...admin, 'If-Match': after.headers.get('etag')! });
    expect(edit.status).toBe(200);
    expect(edit.body).toMatchObject({ version: 2, validity: '已修改', amendedBy: [amended.id] });
  });

  it('a future amendment leaves the old text 现行有效 until it takes effect', async () => {
    const topic = '未来修改';
    const old = await createBasis(t, { topics: [topic] });
    const future = await createBasis(t, { topics: [topic], amendsId: old.id, promulgatedOn: '2024-05-20', effectiveOn: '2024-06-02' });
    expect(future.validity).toBe('尚未生效');
    expect((await get(old.id)).body).toMatchObject({ validity: '现行有效', amendedBy: [future.id] });
    const enc = encodeURIComponent;
    const pending = await t.request(`/v1/legal-bases?topic=${enc(topic)}&validity=${enc('尚未生效')}`);
    expect(pending.body.items.map((b: any) => b.id)).toEqual([future.id]);
    const repealed = await createBasis(t, { topics: [topic], repealedOn: '2024-05-31' });
    const gone = await t.request(`/v1/legal-bases?topic=${enc(topic)}&validity=${enc('已废止')}`);
    expect(gone.body.items.map((b: any) => b.id)).toEqual([repealed.id]);
  });

  it('lists every text that amends one, earliest in effect first', async () => {
    const old = await createBasis(t);
    const second = await createBasis(t, { amendsId: old.id, promulgatedOn: '2023-01-01', effectiveOn: '2023-01-01' });
    const first = await createBasis(t, { amendsId: old.id, promulgatedOn: '2022-01-01', effectiveOn: '2022-01-01' });
    expect((await get(old.id)).body.amendedBy).toEqual([first.id, second.id]);
  });

  it('refuses a lineage that loops, a text amending itself, or an amendment in effect before the text it amends', async () => {
    const a = await createBasis(t);
    const b = await createBasis(t, { amendsId: a.id, effectiveOn: '2021-01-01', promulgatedOn: '2021-01-01' });
    const c = await createBasis(t, { amendsId: b.id, effectiveOn: '2022-01-01', promulgatedOn: '2022-01-01' });
    const head = await feedHead(t);
    const loop = await t.patch(`/v1/legal-bases/${a.id}`, { amendsId: c.id, effectiveOn: '2023-01-01', promulgatedOn: '2023-01-01' }, { ...admin, 'If-Match': '*' });
    expect(loop.status).toBe(422);
    expect(loop.body.errors).toEqual([{ in: 'body', pointer: '/amendsId', detail: expect.stringContaining('loop') }]);
    const self = await t.patch(`/v1/legal-bases/${a.id}`, { amendsId: a.id }, { ...admin, 'If-Match': '*' });
    expect(self.status).toBe(422);
    expect(self.body.errors[0].pointer).toBe('/amendsId');
    const early = await t.post('/v1/legal-bases', { title: '提前生效的修改', level: '行政法规', issuer: '国务院', promulgatedOn: '2019-01-01', effectiveOn: '2019-01-01', amendsId: b.id }, admin);
    expect(early.status).toBe(422);
    expect(early.body.errors).toEqual([{ in: 'body', pointer: '/effectiveOn', detail: expect.stringContaining('2021-01-01') }]);
    expect(await feedHead(t)).toBe(head);
    expect((await get(a.id)).body).toMatchObject({ version: 1, amendsId: null });
  });
});
