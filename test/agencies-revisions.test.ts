import { describe, expect, it } from 'vitest';
import { admin, useTestApp } from './support/app.js';

const t = useTestApp();
const UNKNOWN_ID = '0193a1b2-7c4d-7e5f-8a9b-0c1d2e3f4a5b';

describe('agency revisions', () => {
  it('lists every version with who made it and the record as it was', async () => {
    const created = await t.createAgency({ name: '修订前局' });
    const key = await t.keyFor(created.id, ['admin']);
    const byAdmin = await t.patch(`/v1/agencies/${created.id}`, { name: '管理员修订局' }, { ...admin, 'If-Match': '"v1"' });
    const byKey = await t.patch(`/v1/agencies/${created.id}`, { name: '本机关修订局' }, { Authorization: key.Authorization, 'If-Match': '"v2"' });
    expect(byKey.status).toBe(200);

    const res = await t.request(`/v1/agencies/${created.id}/revisions`);
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([
      { version: 1, event: 'created', at: created.createdAt, reason: null, actor: { kind: 'admin', keyId: null, agencyId: null }, data: created },
      { version: 2, event: 'updated', at: byAdmin.body.updatedAt, reason: null, actor: { kind: 'admin', keyId: null, agencyId: null }, data: byAdmin.body },
      {
        version: 3,
        event: 'updated',
        at: byKey.body.updatedAt,
        reason: null,
        actor: { kind: 'key', keyId: key.id, agencyId: created.id },
        data: byKey.body,
      },
    ]);
  });

  it('returns one old version exactly as it was published', async () => {
    const created = await t.createAgency({ name: '旧版本局', domains: ['旧领域'] });
    const updated = await t.patch(`/v1/agencies/${created.id}`, { name: '新版本局', domains: null }, { ...admin, 'If-Match': '"v1"' });
    const v1 = await t.request(`/v1/agencies/${created.id}/revisions/1`);
    expect(v1.status).toBe(200);
    expect(v1.body).toMatchObject({ version: 1, event: 'created', data: created });
    const v2 = await t.request(`/v1/agencies/${created.id}/revisions/2`);
    expect(v2.body).toMatchObject({ version: 2, event: 'updated', data: updated.body });
    expect(v2.body.data).toMatchObject({ name: '新版本局', domains: [] });
    const current = await t.request(`/v1/agencies/${created.id}`);
    expect(current.body).toEqual(v2.body.data);
  });

  it('records nothing for a refused or empty change', async () => {
    const created = await t.createAgency();
    await t.patch(`/v1/agencies/${created.id}`, { name: created.name }, { ...admin, 'If-Match': '"v1"' });
    await t.patch(`/v1/agencies/${created.id}`, { name: '' }, { ...admin, 'If-Match': '"v1"' });
    await t.patch(`/v1/agencies/${created.id}`, { name: '过期的修改' }, { ...admin, 'If-Match': '"v9"' });
    const res = await t.request(`/v1/agencies/${created.id}/revisions`);
    expect(res.body.items.map((r: { version: number }) => r.version)).toEqual([1]);
  });

  it('answers 404 for a version that does not exist and for an unknown agency', async () => {
    const created = await t.createAgency();
    for (const path of [`/v1/agencies/${created.id}/revisions/2`, `/v1/agencies/${UNKNOWN_ID}/revisions/1`, `/v1/agencies/${UNKNOWN_ID}/revisions`]) {
      const res = await t.request(path);
      expect(res.status, path).toBe(404);
      expect(res.body.type).toBe('https://gongshi.dev/problems/not-found');
    }
  });

  it.each([
    ['0', '/version'],
    ['-1', '/version'],
    ['1.5', '/version'],
    ['abc', '/version'],
    ['1000001', '/version'],
  ])('answers 400 for version %s', async (version, pointer) => {
    const created = await t.createAgency();
    const res = await t.request(`/v1/agencies/${created.id}/revisions/${version}`);
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([{ in: 'path', pointer, detail: expect.any(String) }]);
  });

  it('answers 400 naming /id for a malformed agency id', async () => {
    for (const path of ['/v1/agencies/nope/revisions', '/v1/agencies/nope/revisions/1']) {
      const res = await t.request(path);
      expect(res.status, path).toBe(400);
      expect(res.body.errors).toEqual([{ in: 'path', pointer: '/id', detail: expect.any(String) }]);
    }
  });
});
