import { describe, expect, it } from 'vitest';
import { admin, uniqueCreditCode, useTestApp } from './support/app.js';

const t = useTestApp();
// 谁执法谁公示: a key acts for its own agency only, and only within its scopes.

async function feedHead(): Promise<number> {
  return (await t.request('/v1/feed')).body.head;
}

describe('what a key may do', () => {
  it('an admin key may change its own agency but gets 403 on another', async () => {
    const [a, b] = [await t.createAgency(), await t.createAgency()];
    const keyA = await t.keyFor(a.id, ['admin']);
    const own = await t.patch(`/v1/agencies/${a.id}`, { name: '本机关改名局' }, { Authorization: keyA.Authorization, 'If-Match': '"v1"' });
    expect(own.status).toBe(200);
    const head = await feedHead();
    const other = await t.patch(`/v1/agencies/${b.id}`, { name: '越权改名局' }, { Authorization: keyA.Authorization, 'If-Match': '"v1"' });
    expect(other.status).toBe(403);
    expect(other.body.type).toBe('https://gongshi.dev/problems/forbidden');
    expect((await t.request(`/v1/agencies/${b.id}`)).body).toEqual(b);
    expect(await feedHead()).toBe(head);
  });

  it("an agency's key edits its profile but not its identity or place in the hierarchy (403 naming each field)", async () => {
    const [parent, a] = [await t.createAgency(), await t.createAgency()];
    const keyA = await t.keyFor(a.id, ['admin']);
    const headers = { Authorization: keyA.Authorization, 'If-Match': '"v1"' };
    const head = await feedHead();
    const identity = await t.patch(`/v1/agencies/${a.id}`, { creditCode: uniqueCreditCode(), parentId: parent.id, status: 'abolished', website: 'https://x.example.gov.cn' }, headers);
    expect(identity.status).toBe(403);
    expect(identity.body.errors.map((e: any) => e.pointer).sort()).toEqual(['/creditCode', '/parentId', '/status']);
    expect((await t.request(`/v1/agencies/${a.id}`)).body).toEqual(a);
    expect(await feedHead()).toBe(head);
    const profile = await t.patch(`/v1/agencies/${a.id}`, { name: '本机关更名局', website: 'https://x.example.gov.cn', domains: ['市场监管'] }, headers);
    expect(profile.status, JSON.stringify(profile.body)).toBe(200);
    const byOperator = await t.patch(`/v1/agencies/${a.id}`, { parentId: parent.id }, { ...admin, 'If-Match': '"v2"' });
    expect(byOperator.status).toBe(200);
    expect(byOperator.body.parentId).toBe(parent.id);
  });

  it('an admin key may create keys for its own agency but gets 403 for another', async () => {
    const [a, b] = [await t.createAgency(), await t.createAgency()];
    const keyA = await t.keyFor(a.id, ['admin']);
    const own = await t.post('/v1/keys', { agencyId: a.id, name: '本机关新密钥' }, { Authorization: keyA.Authorization });
    expect(own.status).toBe(201);
    expect(own.body.agencyId).toBe(a.id);
    const other = await t.post('/v1/keys', { agencyId: b.id, name: '越权密钥', scopes: ['admin'] }, { Authorization: keyA.Authorization });
    expect(other.status).toBe(403);
    expect(other.body.secret).toBeUndefined();
    const keysOfB = await t.request(`/v1/keys?agencyId=${b.id}`, { headers: admin });
    expect(keysOfB.body.items).toEqual([]);
  });

  it('an admin key gets 403 revoking another agency\'s key, which keeps working', async () => {
    const [a, b] = [await t.createAgency(), await t.createAgency()];
    const keyA = await t.keyFor(a.id, ['admin']);
    const keyB = await t.keyFor(b.id, ['admin']);
    const res = await t.request(`/v1/keys/${keyB.id}`, { method: 'DELETE', headers: { Authorization: keyA.Authorization } });
    expect(res.status).toBe(403);
    expect((await t.request('/v1/keys', { headers: { Authorization: keyB.Authorization } })).status).toBe(200);
    const own = await t.request(`/v1/keys/${keyA.id}`, { method: 'DELETE', headers: { Authorization: keyA.Authorization } });
    expect(own.status).toBe(200);
  });

  it('a publish-only key gets 403 changing its own agency or managing keys: it lacks the admin scope', async () => {
    const agency = await t.createAgency();
    const key = await t.keyFor(agency.id, ['publish']);
    const patch = await t.patch(`/v1/agencies/${agency.id}`, { name: '无权改名局' }, { Authorization: key.Authorization, 'If-Match': '"v1"' });
    expect(patch.status).toBe(403);
    expect(patch.body.detail).toContain('admin');
    expect((await t.request(`/v1/agencies/${agency.id}`)).body.version).toBe(1);
    const create = await t.post('/v1/keys', { agencyId: agency.id, name: '自我提权', scopes: ['admin'] }, { Authorization: key.Authorization });
    expect(create.status).toBe(403);
    const list = await t.request('/v1/keys', { headers: { Authorization: key.Authorization } });
    expect(list.status).toBe(403);
    const revoke = await t.request(`/v1/keys/${key.id}`, { method: 'DELETE', headers: { Authorization: key.Authorization } });
    expect(revoke.status).toBe(403);
  });

  it.each([[['admin']], [['publish']], [['admin', 'publish']]])('a key with scopes %j may not create agencies (403, nothing written)', async (scopes) => {
    const agency = await t.createAgency();
    const key = await t.keyFor(agency.id, scopes);
    const head = await feedHead();
    const res = await t.post(
      '/v1/agencies',
      { name: '密钥新建局', creditCode: uniqueCreditCode(), regionCode: '440100', level: '市级', kind: '法定' },
      { Authorization: key.Authorization },
    );
    expect(res.status).toBe(403);
    expect(await feedHead()).toBe(head);
  });
});
