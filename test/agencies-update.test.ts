import { describe, expect, it } from 'vitest';
import { admin, uniqueCreditCode, useTestApp } from './support/app.js';

const t = useTestApp();
const ifMatch = (tag: string) => ({ ...admin, 'If-Match': tag });

async function feedHead(): Promise<number> {
  return (await t.request('/v1/feed')).body.head;
}

describe('agency updates need If-Match', () => {
  it('applies a patch against the current ETag as version 2, then answers 412 to the stale ETag', async () => {
    const created = await t.createAgency({ name: '原名局' });
    const res = await t.patch(`/v1/agencies/${created.id}`, { name: '新名局' }, ifMatch('"v1"'));
    expect(res.status).toBe(200);
    expect(res.headers.get('etag')).toBe('"v2"');
    expect(res.body).toMatchObject({ id: created.id, version: 2, name: '新名局', creditCode: created.creditCode, createdAt: created.createdAt });
    expect(Date.parse(res.body.updatedAt)).toBeGreaterThanOrEqual(Date.parse(created.updatedAt));

    const head = await feedHead();
    const stale = await t.patch(`/v1/agencies/${created.id}`, { name: '迟到的修改局' }, ifMatch('"v1"'));
    expect(stale.status).toBe(412);
    expect(stale.body.type).toBe('https://gongshi.dev/problems/precondition-failed');
    const current = await t.request(`/v1/agencies/${created.id}`);
    expect(current.headers.get('etag')).toBe('"v2"');
    expect(current.body).toEqual(res.body);
    expect(await feedHead()).toBe(head);
  });

  it.each(['W/"v1"', '"v2"', '"1"', 'v1', ''])('answers 412 (or 428 when empty) to If-Match %j', async (tag) => {
    const created = await t.createAgency();
    const res = await t.request(`/v1/agencies/${created.id}`, {
      method: 'PATCH',
      headers: { ...admin, 'Content-Type': 'application/merge-patch+json', 'If-Match': tag },
      body: JSON.stringify({ name: '不该生效局' }),
    });
    expect(res.status).toBe(tag === '' ? 428 : 412);
    expect((await t.request(`/v1/agencies/${created.id}`)).body.version).toBe(1);
  });

  it('accepts If-Match: * and a list that names the current version', async () => {
    const created = await t.createAgency();
    const star = await t.patch(`/v1/agencies/${created.id}`, { name: '星号修改局' }, ifMatch('*'));
    expect(star.body.version).toBe(2);
    const list = await t.patch(`/v1/agencies/${created.id}`, { name: '列表修改局' }, ifMatch('"v1", "v2"'));
    expect(list.body).toMatchObject({ version: 3, name: '列表修改局' });
  });

  it('makes no new version for a patch that changes nothing', async () => {
    const created = await t.createAgency({ domains: ['市场监管'], contact: { phone: '020-1234567' } });
    const head = await feedHead();
    for (const patch of [{}, { name: created.name }, { domains: ['市场监管'], contact: { phone: '020-1234567' } }, { website: null }]) {
      const res = await t.patch(`/v1/agencies/${created.id}`, patch, ifMatch('"v1"'));
      expect(res.status, JSON.stringify(patch)).toBe(200);
      expect(res.headers.get('etag')).toBe('"v1"');
      expect(res.body).toEqual(created);
    }
    expect(await feedHead()).toBe(head);
    expect((await t.request(`/v1/agencies/${created.id}/revisions`)).body.items).toHaveLength(1);
  });

  it('answers 404 for an unknown agency and 400 for a malformed id', async () => {
    const unknown = await t.patch('/v1/agencies/0193a1b2-7c4d-7e5f-8a9b-0c1d2e3f4a5b', { name: '无此局' }, ifMatch('"v1"'));
    expect(unknown.status).toBe(404);
    const malformed = await t.patch('/v1/agencies/nope', { name: '无此局' }, ifMatch('"v1"'));
    expect(malformed.status).toBe(400);
    expect(malformed.body.errors).toEqual([{ in: 'path', pointer: '/id', detail: expect.any(String) }]);
  });
});

describe('merge-patch semantics (RFC 7396)', () => {
  it('replaces the fields present, keeps the absent ones and clears optional fields sent as null', async () => {
    const parent = await t.createAgency({ level: '省级', regionCode: '440000' });
    const created = await t.createAgency({
      parentId: parent.id,
      domains: ['交通运输'],
      contact: { phone: '020-7654321', address: '示例路2号' },
      website: 'https://example.gov.cn/',
    });
    const res = await t.patch(`/v1/agencies/${created.id}`, { parentId: null, contact: null, website: null, domains: null, level: '县级' }, ifMatch('"v1"'));
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      ...created,
      version: 2,
      updatedAt: res.body.updatedAt,
      parentId: null,
      contact: null,
      website: null,
      domains: [],
      level: '县级',
    });
  });

  it('merges a nested object member by member instead of replacing it', async () => {
    const created = await t.createAgency({ contact: { phone: '020-7654321', address: '示例路2号' } });
    const res = await t.patch(`/v1/agencies/${created.id}`, { contact: { address: '示例路3号', hours: '工作日' } }, ifMatch('"v1"'));
    expect(res.status).toBe(200);
    expect(res.body.contact).toEqual({ phone: '020-7654321', address: '示例路3号', hours: '工作日' });
  });

  it('replaces arrays as a whole', async () => {
    const created = await t.createAgency({ domains: ['交通运输', '道路运输'] });
    const res = await t.patch(`/v1/agencies/${created.id}`, { domains: ['水路运输'] }, ifMatch('"v1"'));
    expect(res.body.domains).toEqual(['水路运输']);
  });

  it.each(['name', 'creditCode', 'regionCode', 'level', 'kind', 'status'])('refuses null for %s, which has no empty state (400, nothing changed)', async (field) => {
    const created = await t.createAgency();
    const res = await t.patch(`/v1/agencies/${created.id}`, { [field]: null }, ifMatch('"v1"'));
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { pointer: string }) => e.pointer)).toEqual([`/${field}`]);
    expect((await t.request(`/v1/agencies/${created.id}`)).body).toEqual(created);
  });
});

describe('统一社会信用代码 stays unique', () => {
  it('answers 409 naming /creditCode to a create that reuses a code, and writes nothing', async () => {
    const first = await t.createAgency();
    const head = await feedHead();
    const res = await t.post('/v1/agencies', { name: '重复代码局', creditCode: first.creditCode, regionCode: '440100', level: '市级', kind: '法定' });
    expect(res.status).toBe(409);
    expect(res.body.errors).toEqual([{ in: 'body', pointer: '/creditCode', detail: expect.any(String) }]);
    expect(await feedHead()).toBe(head);
    const named = await t.request(`/v1/agencies?q=${encodeURIComponent('重复代码局')}`);
    expect(named.body.items).toEqual([]);
  });

  it('answers 409 to a patch that takes another agency\'s code, and keeps the version', async () => {
    const first = await t.createAgency();
    const second = await t.createAgency();
    const head = await feedHead();
    const res = await t.patch(`/v1/agencies/${second.id}`, { creditCode: first.creditCode }, ifMatch('"v1"'));
    expect(res.status).toBe(409);
    expect(res.body.errors[0].pointer).toBe('/creditCode');
    expect((await t.request(`/v1/agencies/${second.id}`)).body).toEqual(second);
    expect(await feedHead()).toBe(head);
    const own = await t.patch(`/v1/agencies/${second.id}`, { creditCode: uniqueCreditCode() }, ifMatch('"v1"'));
    expect(own.status).toBe(200);
  });
});
