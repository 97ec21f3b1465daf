import { describe, expect, it } from 'vitest';
import { citations } from '../src/db/schema.js';
import { admin, useTestApp } from './support/app.js';
import { createBasis, feedHead } from './support/legal-bases.js';

const t = useTestApp({ now: () => new Date('2024-06-01T04:00:00Z') });
const withTag = (tag: string, headers: Record<string, string> = admin) => ({ ...headers, 'If-Match': tag });
const etagOf = async (id: string) => (await t.request(`/v1/legal-bases/${id}`)).headers.get('etag')!;
const articleNos = async (id: string) => (await t.request(`/v1/legal-bases/${id}/articles`)).body.items.map((a: any) => a.no);

describe('legal basis updates', () => {
  it('needs If-Match: 428 without it, 412 for a stale version, nothing written', async () => {
    const basis = await createBasis(t);
    const head = await feedHead(t);
    expect((await t.patch(`/v1/legal-bases/${basis.id}`, { title: '无条件修改' })).status).toBe(428);
    expect((await t.patch(`/v1/legal-bases/${basis.id}`, { title: '错版本' }, withTag('"v2"'))).status).toBe(412);
    expect((await t.patch(`/v1/legal-bases/${basis.id}`, { title: '弱标签' }, withTag('W/"v1"'))).status).toBe(412);
    expect(await feedHead(t)).toBe(head);
    expect((await t.request(`/v1/legal-bases/${basis.id}`)).body).toEqual(basis);
  });

  it('replaces the whole article list as a new version; the old revision keeps the old articles', async () => {
    const basis = await createBasis(t);
    const tag = await etagOf(basis.id);
    const res = await t.patch(
      `/v1/legal-bases/${basis.id}`,
      { docNumber: '国务院令第1号', articles: [{ no: '1', text: '修改后的第一条。' }, { no: '1-1', text: '新增的第一条之一。' }] },
      withTag(tag),
    );
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ version: 2, docNumber: '国务院令第1号', articleCount: 2 });
    expect(res.headers.get('etag')).toMatch(/^"v2\./);
    expect(await articleNos(basis.id)).toEqual(['1', '1-1']);
    expect((await t.request(`/v1/legal-bases/${basis.id}/articles/2`)).status).toBe(404);

    const v1 = await t.request(`/v1/legal-bases/${basis.id}/revisions/1`);
    expect(v1.body.data.articles.map((a: any) => [a.no, a.text])).toEqual([
      ['1', '为了测试，制定本条例。'],
      ['2', '本条例自公布之日起施行。'],
    ]);
    const v2 = await t.request(`/v1/legal-bases/${basis.id}/revisions/2`);
    expect(v2.body.data.articles.map((a: any) => a.label)).toEqual(['第一条', '第一条之一']);
    expect(v2.body.event).toBe('updated');

    // Fields not in the patch keep their values; null clears an optional field; articles: null removes them all.
    const cleared = await t.patch(`/v1/legal-bases/${basis.id}`, { docNumber: null, articles: null }, withTag('"v2"'));
    expect(cleared.body).toMatchObject({ version: 3, docNumber: null, articleCount: 0, title: basis.title });
  });

  it('makes no new version for a patch that changes nothing', async () => {
    const basis = await createBasis(t);
    const head = await feedHead(t);
    for (const patch of [{}, { title: basis.title }, { articles: [{ no: '1', text: '为了测试，制定本条例。' }, { no: '2', text: '本条例自公布之日起施行。' }] }, { repealedOn: null }]) {
      const res = await t.patch(`/v1/legal-bases/${basis.id}`, patch, withTag('*'));
      expect(res.status, JSON.stringify(patch)).toBe(200);
      expect(res.body.version).toBe(1);
    }
    expect(await feedHead(t)).toBe(head);
  });

  it('lets an agency edit only the texts it published; the operator may edit any', async () => {
    const agency = await t.createAgency();
    const other = await t.createAgency();
    const key = await t.keyFor(agency.id);
    const otherKey = await t.keyFor(other.id);
    const own = await createBasis(t, { level: '行政规范性文件' }, key);
    const operators = await createBasis(t);
    const head = await feedHead(t);
    expect((await t.patch(`/v1/legal-bases/${own.id}`, { title: '他人修改' }, withTag('*', otherKey))).status).toBe(403);
    expect((await t.patch(`/v1/legal-bases/${operators.id}`, { title: '机关修改' }, withTag('*', key))).status).toBe(403);
    const noScope = await t.keyFor(agency.id, ['admin']);
    expect((await t.patch(`/v1/legal-bases/${own.id}`, { title: '无发布权限' }, withTag('*', noScope))).status).toBe(403);
    expect(await feedHead(t)).toBe(head);

    const mine = await t.patch(`/v1/legal-bases/${own.id}`, { title: '本机关修改的文件' }, withTag('"v1"', key));
    expect(mine.body).toMatchObject({ version: 2, title: '本机关修改的文件', agencyId: agency.id });
    const byOperator = await t.patch(`/v1/legal-bases/${own.id}`, { topics: ['运营商修改'] }, withTag('"v2"'));
    expect(byOperator.body).toMatchObject({ version: 3, agencyId: agency.id, topics: ['运营商修改'] });
    const revisions = (await t.request(`/v1/legal-bases/${own.id}/revisions`)).body.items;
    expect(revisions.map((r: any) => r.actor.kind)).toEqual(['key', 'key', 'admin']);
  });

  it('refuses to remove an article another record cites (409), and changes nothing', async () => {
    const basis = await createBasis(t);
    // A citing record's index row, as powers and procedures write it in their own transactions.
    await t.db.insert(citations).values({ recordType: 'power', recordId: '0193a1b2-7c4d-7e5f-8a9b-0c1d2e3f4a5b', legalBasisId: basis.id, articleNo: '2' });
    const head = await feedHead(t);
    const res = await t.patch(`/v1/legal-bases/${basis.id}`, { articles: [{ no: '1', text: '只剩第一条。' }] }, withTag('"v1"'));
    expect(res.status).toBe(409);
    expect(res.body.errors).toEqual([{ in: 'body', pointer: '/articles', detail: expect.stringContaining('2') }]);
    expect(await feedHead(t)).toBe(head);
    expect(await articleNos(basis.id)).toEqual(['1', '2']);
    const kept = await t.patch(`/v1/legal-bases/${basis.id}`, { articles: [{ no: '2', text: '第二条改写。' }] }, withTag('"v1"'));
    expect(kept.status).toBe(200);
  });

  it('answers 404 for an unknown text and 400 for a malformed id', async () => {
    expect((await t.patch('/v1/legal-bases/0193a1b2-7c4d-7e5f-8a9b-0c1d2e3f4a5b', { title: '无' }, withTag('*'))).status).toBe(404);
    const bad = await t.patch('/v1/legal-bases/nope', { title: '无' }, withTag('*'));
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([{ in: 'path', pointer: '/id', detail: expect.any(String) }]);
  });
});
