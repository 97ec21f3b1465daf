import { count } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { agencies, apiKeys } from '../src/db/schema.js';
import { admin, uniqueCreditCode, useTestApp } from './support/app.js';

const t = useTestApp();
const ID = '0193a1b2-7c4d-7e5f-8a9b-0c1d2e3f4a5b';

async function state() {
  const [a] = await t.db.select({ n: count() }).from(agencies);
  const [k] = await t.db.select({ n: count() }).from(apiKeys);
  return { agencies: a!.n, keys: k!.n, head: (await t.request('/v1/feed')).body.head as number };
}
/** The distinct fields a problem names (zod may report two things wrong with one field). */
const pointers = (body: { errors?: { in: string; pointer: string }[] }) => [...new Set((body.errors ?? []).map((e) => `${e.in} ${e.pointer}`))].sort();

describe('bad query parameters', () => {
  it.each([
    ['/v1/agencies?limit=abc', ['/limit']],
    ['/v1/agencies?limit=0', ['/limit']],
    ['/v1/agencies?limit=201', ['/limit']],
    ['/v1/agencies?regionCode=44', ['/regionCode']],
    ['/v1/agencies?regionCode=44010x', ['/regionCode']],
    ['/v1/agencies?level=国家级', ['/level']],
    ['/v1/agencies?parentId=nope', ['/parentId']],
    ['/v1/agencies?status=deleted', ['/status']],
    ['/v1/agencies?q=', ['/q']],
    ['/v1/agencies?q=%20%20', ['/q']],
    [`/v1/agencies?q=${'局'.repeat(101)}`, ['/q']],
    ['/v1/agencies?q=%00', ['/q']],
    ['/v1/agencies?q=a%00b', ['/q']],
    ['/v1/agencies?sort=name', ['/sort']],
    ['/v1/agencies?offset=20&page=2', ['/offset', '/page']],
    ['/v1/feed?after=-1', ['/after']],
    ['/v1/feed?after=abc', ['/after']],
    ['/v1/feed?after=1e3', ['/after']],
    ['/v1/feed?after=1234567890123456', ['/after']],
    ['/v1/feed?limit=0', ['/limit']],
    ['/v1/feed?limit=1001', ['/limit']],
    ['/v1/feed?type=inspection', ['/type']],
    ['/v1/feed?cursor=1', ['/cursor']],
  ])('GET %s answers 400 naming %j', async (path, expected) => {
    const res = await t.request(path);
    expect(res.status, JSON.stringify(res.body)).toBe(400);
    expect(pointers(res.body)).toEqual(expected.map((p) => `query ${p}`).sort());
  });

  it.each([
    [`/v1/keys?agencyId=nope`, ['/agencyId']],
    [`/v1/keys?agency=${ID}`, ['/agency']],
  ])('GET %s answers 400 naming %j', async (path, expected) => {
    const res = await t.request(path, { headers: admin });
    expect(res.status).toBe(400);
    expect(pointers(res.body)).toEqual(expected.map((p) => `query ${p}`));
  });

  it('treats SQL in a query parameter as text', async () => {
    const agency = await t.createAgency({ regionCode: '810100' });
    const res = await t.request(`/v1/agencies?q=${encodeURIComponent("' OR 1=1; DROP TABLE agencies; --")}`);
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([]);
    expect((await t.request('/v1/agencies?regionCode=810000')).body.items.map((a: { id: string }) => a.id)).toEqual([agency.id]);
  });
});

describe('bad path ids', () => {
  it.each([
    ['GET', '/v1/agencies/nope', ['/id']],
    ['GET', `/v1/agencies/${ID}x`, ['/id']],
    ['GET', '/v1/agencies/nope/revisions', ['/id']],
    ['GET', '/v1/agencies/nope/revisions/x', ['/id', '/version']],
    ['GET', `/v1/agencies/${ID}/revisions/0`, ['/version']],
    ['DELETE', '/v1/keys/nope', ['/id']],
    ['DELETE', `/v1/keys/${encodeURIComponent("1' OR '1'='1")}`, ['/id']],
  ])('%s %s answers 400 naming %j', async (method, path, expected) => {
    const res = await t.request(path, { method, headers: admin });
    expect(res.status).toBe(400);
    expect(pointers(res.body)).toEqual(expected.map((p) => `path ${p}`).sort());
  });

  it('PATCH with a bad id answers 400 and writes nothing', async () => {
    const before = await state();
    const res = await t.patch('/v1/agencies/nope', { name: '无' }, { ...admin, 'If-Match': '"v1"' });
    expect(res.status).toBe(400);
    expect(pointers(res.body)).toEqual(['path /id']);
    expect(await state()).toEqual(before);
  });
});

describe('bad input to POST /v1/keys', () => {
  it.each([
    ['a missing agencyId', { agencyId: undefined }, ['/agencyId']],
    ['an agencyId that is not a uuid', { agencyId: 'agency-1' }, ['/agencyId']],
    ['a missing name', { name: undefined }, ['/name']],
    ['an empty name', { name: '' }, ['/name']],
    ['a name of 101 characters', { name: 'k'.repeat(101) }, ['/name']],
    ['a name with U+0000', { name: 'k\u0000' }, ['/name']],
    ['an unknown scope', { scopes: ['root'] }, ['/scopes/0']],
    ['no scopes', { scopes: [] }, ['/scopes']],
    ['three scopes', { scopes: ['admin', 'publish', 'admin'] }, ['/scopes']],
    ['scopes as a string', { scopes: 'admin' }, ['/scopes']],
    ['a secret chosen by the caller', { secret: 'gs_mine' }, ['/secret']],
    ['unknown fields', { secretHash: 'x', revokedAt: null }, ['/revokedAt', '/secretHash']],
  ])('answers 400 for %s, naming the field, and stores no key', async (_what, fields, expected) => {
    const agency = await t.createAgency();
    const before = await state();
    const res = await t.post('/v1/keys', { agencyId: agency.id, name: '测试密钥', ...fields });
    expect(res.status, JSON.stringify(res.body)).toBe(400);
    expect(pointers(res.body)).toEqual(expected.map((p) => `body ${p}`).sort());
    expect(await state()).toEqual(before);
  });

  it('stores a hostile key name verbatim', async () => {
    const agency = await t.createAgency();
    const name = "<b>x</b>'); DELETE FROM api_keys;--";
    const res = await t.post('/v1/keys', { agencyId: agency.id, name });
    expect(res.status).toBe(201);
    expect(res.body.name).toBe(name);
    const listed = await t.request(`/v1/keys?agencyId=${agency.id}`, { headers: admin });
    expect(listed.body.items.map((k: { name: string }) => k.name)).toEqual([name]);
  });
});

describe('URL and email fields', () => {
  it.each([
    { website: 'https://a\u0000b.gov.cn/' },
    { website: 'https://' + 'a'.repeat(2048) + '.cn/' },
    { contact: { email: 'a\u0000b@example.gov.cn' } },
  ])('refuses %j with a 400, never a 500', async (fields) => {
    const before = await state();
    const res = await t.post('/v1/agencies', { name: '网址局', creditCode: uniqueCreditCode(), regionCode: '440100', level: '市级', kind: '法定', ...fields });
    expect(res.status).toBe(400);
    expect(await state()).toEqual(before);
  });
});
