import { describe, expect, it } from 'vitest';
import { admin, useTestApp } from './support/app.js';
import { basisPayload, createBasis, feedHead } from './support/legal-bases.js';

const t = useTestApp({ now: () => new Date('2024-06-01T04:00:00Z') });
const missing = '0193a1b2-7c4d-7e5f-8a9b-0c1d2e3f4a5b';
const article = (fields: Record<string, unknown> = {}) => ({ no: '1', text: '条文。', ...fields });

/** Sends a bad request and checks: the status, exactly these pointers, and nothing written. */
async function refuses(send: () => Promise<any>, status: number, pointers: string[]) {
  const head = await feedHead(t);
  const count = (await t.request('/v1/legal-bases?limit=200')).body.items.length;
  const res = await send();
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  expect(res.headers.get('content-type')).toBe('application/problem+json');
  expect(res.body.errors.map((e: any) => e.pointer).sort()).toEqual([...pointers].sort());
  expect(await feedHead(t)).toBe(head);
  expect((await t.request('/v1/legal-bases?limit=200')).body.items.length).toBe(count);
}

describe('legal bases refuse bad input, naming the field, writing nothing', () => {
  it.each([
    ['an unknown level', { level: '司法解释' }, ['/level']],
    ['an impossible date', { promulgatedOn: '2021-02-30' }, ['/promulgatedOn']],
    ['a non-ISO date', { effectiveOn: '2021/07/15' }, ['/effectiveOn']],
    ['an effective date before promulgation', { promulgatedOn: '2021-01-22', effectiveOn: '2021-01-21' }, ['/effectiveOn']],
    ['a repeal date before the effective date', { effectiveOn: '2021-07-15', repealedOn: '2021-07-14' }, ['/repealedOn']],
    ['an oversize title', { title: '长'.repeat(201) }, ['/title']],
    ['a blank issuer', { issuer: '   ' }, ['/issuer']],
    ['too many topics', { topics: Array.from({ length: 51 }, (_, i) => `主题${i}`) }, ['/topics']],
    ['a non-http source', { sourceUrl: 'ftp://example.gov.cn/law' }, ['/sourceUrl']],
    ['U+0000 in the title', { title: '条例\u0000' }, ['/title']],
    ['unknown fields', { status: '现行有效', validity: '已废止' }, ['/status', '/validity']],
    ['an oversize article', { articles: [article({ text: '字'.repeat(20001) })] }, ['/articles/0/text']],
    ['a malformed article number', { articles: [article({ no: '039' }), article({ no: '第二条' })] }, ['/articles/0/no', '/articles/1/no']],
    ['duplicate article numbers (the second is named)', { articles: [article(), article({ no: '2' }), article({ no: '1' })] }, ['/articles/2/no']],
    ['an unknown article field', { articles: [article({ ordinal: 5 })] }, ['/articles/0/ordinal']],
    ['款 numbered out of order', { articles: [article({ paragraphs: [{ no: 1, text: '一' }, { no: 3, text: '三' }] })] }, ['/articles/0/paragraphs/1/no']],
    ['项 numbered out of order', { articles: [article({ paragraphs: [{ no: 1, text: '一', items: [{ no: 2, text: '二' }] }] })] }, ['/articles/0/paragraphs/0/items/0/no']],
  ])('400 for %s', async (_what, fields, pointers) => {
    await refuses(() => t.post('/v1/legal-bases', basisPayload(fields)), 400, pointers);
  });

  it('400 for missing required fields', async () => {
    await refuses(() => t.post('/v1/legal-bases', {}), 400, ['/title', '/level', '/issuer', '/promulgatedOn', '/effectiveOn']);
  });

  it('422 for an amendsId naming no text', async () => {
    await refuses(() => t.post('/v1/legal-bases', basisPayload({ amendsId: missing })), 422, ['/amendsId']);
  });

  it('403 for a key without the publish scope, 401 without a key', async () => {
    const agency = await t.createAgency();
    const key = await t.keyFor(agency.id, ['admin']);
    const head = await feedHead(t);
    expect((await t.post('/v1/legal-bases', basisPayload(), key)).status).toBe(403);
    expect((await t.post('/v1/legal-bases', basisPayload(), { Authorization: 'Bearer nope' })).status).toBe(401);
    expect(await feedHead(t)).toBe(head);
  });

  it('checks a merge patch against the whole text: a repeal before the stored effective date is named', async () => {
    const basis = await createBasis(t, { effectiveOn: '2020-03-01' });
    const patch = (body: unknown) => () => t.patch(`/v1/legal-bases/${basis.id}`, body, { ...admin, 'If-Match': '"v1"' });
    await refuses(patch({ repealedOn: '2020-02-01' }), 422, ['/repealedOn']);
    await refuses(patch({ amendsId: missing }), 422, ['/amendsId']);
    await refuses(patch({ title: null }), 400, ['/title']);
    await refuses(patch({ agencyId: missing, version: 5 }), 400, ['/agencyId', '/version']);
    await refuses(patch({ articles: [article(), article()] }), 400, ['/articles/1/no']);
    expect((await t.request(`/v1/legal-bases/${basis.id}`)).body.version).toBe(1);
  });

  it.each([
    ['level=司法解释', ['/level']],
    ['validity=失效', ['/validity']],
    ['limit=0', ['/limit']],
    ['limit=201', ['/limit']],
    [`q=${'路'.repeat(101)}`, ['/q']],
    ['agencyId=nope', ['/agencyId']],
    ['amendsId=1', ['/amendsId']],
    ['sort=title', ['/sort']],
    ['cursor=!!', ['/cursor']],
  ])('400 for the list query %s', async (query, pointers) => {
    const res = await t.request(`/v1/legal-bases?${query.replace(/\P{ASCII}+/gu, encodeURIComponent)}`);
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: any) => e.pointer)).toEqual(pointers);
  });

  it('400 for bad article-list queries', async () => {
    const basis = await createBasis(t);
    for (const [url, pointer] of [
      [`/v1/legal-bases/${basis.id}/articles?cursor=WyJ4Il0`, '/cursor'],
      [`/v1/legal-bases/${basis.id}/articles?page=2`, '/page'],
      [`/v1/articles?q=${'a'.repeat(101)}`, '/q'],
      ['/v1/articles?q=%20%20', '/q'],
    ] as const) {
      const res = await t.request(url);
      expect(res.status, url).toBe(400);
      expect(res.body.errors.map((e: any) => e.pointer)).toEqual([pointer]);
    }
  });
});
