import { describe, expect, it } from 'vitest';
import { useTestApp } from './support/app.js';
import { basisPayload, createBasis, feedHead } from './support/legal-bases.js';

// Fixed clock: 2024-06-01 in Beijing, so validity is deterministic.
const t = useTestApp({ now: () => new Date('2024-06-01T04:00:00Z') });

describe('legal bases: create and read', () => {
  it('creates a text with its articles as the operator (agencyId null) and reads it back', async () => {
    const head = await feedHead(t);
    const res = await t.post(
      '/v1/legal-bases',
      basisPayload({
        title: '中华人民共和国测试法',
        level: '法律',
        issuer: '全国人民代表大会常务委员会',
        docNumber: '中华人民共和国主席令第一号',
        sourceUrl: 'https://flk.example.gov.cn/1',
        articles: [
          { no: '39-1', text: '插入的条文。' },
          { no: '39', chapter: '第五章 决定', text: '行政处罚的实施机关、立案依据、实施程序和救济渠道等信息应当公示。' },
          { no: '9', text: '行政处罚的种类：\n（一）警告、通报批评；', paragraphs: [{ no: 1, text: '行政处罚的种类：', items: [{ no: 1, text: '警告、通报批评；' }] }] },
        ],
      }),
    );
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const body = res.body;
    expect(res.headers.get('location')).toBe(`/v1/legal-bases/${body.id}`);
    expect(res.headers.get('etag')).toMatch(/^"v1\.[0-9a-f]{8}"$/);
    expect(body).toMatchObject({
      version: 1,
      agencyId: null,
      title: '中华人民共和国测试法',
      level: '法律',
      docNumber: '中华人民共和国主席令第一号',
      repealedOn: null,
      amendsId: null,
      amendedBy: [],
      validity: '现行有效',
      articleCount: 3,
      topics: ['测试'],
    });
    expect(body).not.toHaveProperty('articles');
    expect(await feedHead(t)).toBe(head + 1);

    const got = await t.request(`/v1/legal-bases/${body.id}`);
    expect(got.status).toBe(200);
    expect(got.body).toEqual(body);
    expect(got.headers.get('etag')).toBe(res.headers.get('etag'));
    const again = await t.request(`/v1/legal-bases/${body.id}`, { headers: { 'If-None-Match': got.headers.get('etag')! } });
    expect(again.status).toBe(304);

    const articles = await t.request(`/v1/legal-bases/${body.id}/articles`);
    expect(articles.status).toBe(200);
    expect(articles.body.items.map((a: any) => [a.no, a.label])).toEqual([
      ['9', '第九条'],
      ['39', '第三十九条'],
      ['39-1', '第三十九条之一'],
    ]);
    expect(articles.body.items[0].paragraphs).toEqual([{ no: 1, text: '行政处罚的种类：', items: [{ no: 1, text: '警告、通报批评；' }] }]);
    expect(articles.body.items[1]).toEqual({
      legalBasisId: body.id,
      no: '39',
      label: '第三十九条',
      chapter: '第五章 决定',
      text: '行政处罚的实施机关、立案依据、实施程序和救济渠道等信息应当公示。',
      paragraphs: null,
    });
    const one = await t.request(`/v1/legal-bases/${body.id}/articles/39-1`);
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject({ no: '39-1', label: '第三十九条之一', text: '插入的条文。' });
  });

  it('a key with the publish scope adds texts for its own agency; a key without it is refused', async () => {
    const agency = await t.createAgency();
    const key = await t.keyFor(agency.id, ['publish']);
    const created = await createBasis(t, { level: '行政规范性文件', issuer: agency.name }, key);
    expect(created.agencyId).toBe(agency.id);
    const listed = await t.request(`/v1/legal-bases?agencyId=${agency.id}`);
    expect(listed.body.items.map((b: any) => b.id)).toEqual([created.id]);

    const adminOnly = await t.keyFor(agency.id, ['admin']);
    const head = await feedHead(t);
    const refused = await t.post('/v1/legal-bases', basisPayload(), adminOnly);
    expect(refused.status).toBe(403);
    expect(await feedHead(t)).toBe(head);
    expect((await t.post('/v1/legal-bases', basisPayload(), {})).status).toBe(401);
  });

  it('filters by level, issuer and topic, and pages by id with a cursor and a Link header', async () => {
    const topic = '筛选测试';
    const a = await createBasis(t, { topics: [topic, '甲'], level: '部门规章', issuer: '交通运输部' });
    const b = await createBasis(t, { topics: [topic], level: '部门规章', issuer: '交通运输部' });
    const c = await createBasis(t, { topics: [topic], level: '地方性法规', issuer: '示例省人民代表大会常务委员会' });
    const ids = async (query: string) => (await t.request(`/v1/legal-bases?topic=${encodeURIComponent(topic)}&${query}`)).body.items.map((x: any) => x.id);
    expect(await ids('')).toEqual([a.id, b.id, c.id]);
    expect(await ids(`level=${encodeURIComponent('部门规章')}`)).toEqual([a.id, b.id]);
    expect(await ids(`issuer=${encodeURIComponent('示例省人民代表大会常务委员会')}`)).toEqual([c.id]);
    expect((await t.request(`/v1/legal-bases?topic=${encodeURIComponent('甲')}`)).body.items.map((x: any) => x.id)).toEqual([a.id]);
    const first = await t.request(`/v1/legal-bases?topic=${encodeURIComponent(topic)}&limit=2`);
    expect(first.body.items.map((x: any) => x.id)).toEqual([a.id, b.id]);
    expect(first.body.items[0]).not.toHaveProperty('articles');
    expect(first.body.items[0].articleCount).toBe(2);
    const link = first.headers.get('link')!;
    expect(link).toContain(`cursor=${first.body.next}`);
    const second = await t.request(link.match(/<([^>]+)>/)![1]!);
    expect(second.body).toMatchObject({ items: [expect.objectContaining({ id: c.id })], next: null });
    expect(second.headers.get('link')).toBeNull();
  });

  it('derives validity from the dates: 尚未生效, 现行有效, 已废止', async () => {
    const future = await createBasis(t, { promulgatedOn: '2024-05-01', effectiveOn: '2024-07-01' });
    const inForce = await createBasis(t, { effectiveOn: '2024-06-01', promulgatedOn: '2024-06-01' });
    const repealed = await createBasis(t, { repealedOn: '2024-06-01' });
    const later = await createBasis(t, { repealedOn: '2024-06-02' });
    expect([future, inForce, repealed, later].map((b) => b.validity)).toEqual(['尚未生效', '现行有效', '已废止', '现行有效']);
  });

  it('answers 404 for an unknown text or article and 400 for a malformed id or article number', async () => {
    const basis = await createBasis(t);
    const unknown = '0193a1b2-7c4d-7e5f-8a9b-0c1d2e3f4a5b';
    expect((await t.request(`/v1/legal-bases/${unknown}`)).status).toBe(404);
    expect((await t.request(`/v1/legal-bases/${unknown}/articles`)).status).toBe(404);
    expect((await t.request(`/v1/legal-bases/${unknown}/articles/1`)).status).toBe(404);
    expect((await t.request(`/v1/legal-bases/${basis.id}/articles/3`)).status).toBe(404);
    expect((await t.request('/v1/legal-bases/nope')).status).toBe(400);
    for (const no of ['039', '0', '三十九', '39-0', '39-']) {
      const res = await t.request(`/v1/legal-bases/${basis.id}/articles/${encodeURIComponent(no)}`);
      expect(res.status, no).toBe(400);
      expect(res.body.errors).toEqual([{ in: 'path', pointer: '/no', detail: expect.any(String) }]);
    }
  });

  it('keeps the revision snapshot with its articles, and puts the text in the change feed', async () => {
    const basis = await createBasis(t);
    const rev = await t.request(`/v1/legal-bases/${basis.id}/revisions/1`);
    expect(rev.status).toBe(200);
    expect(rev.body.actor).toEqual({ kind: 'admin', keyId: null, agencyId: null });
    expect(rev.body.data).toMatchObject({ id: basis.id, title: basis.title });
    expect(rev.body.data.articles.map((a: any) => a.no)).toEqual(['1', '2']);
    const feed = await t.request('/v1/feed?type=legal_basis&limit=1000');
    expect(feed.body.items.some((e: any) => e.id === basis.id && e.type === 'legal_basis' && e.event === 'created')).toBe(true);
  });
});
