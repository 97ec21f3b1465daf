import { createHash } from 'node:crypto';
import { eq, sql, type SQL } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { apiKeys } from '../src/db/schema.js';
import { admin, json, useTestApp } from './support/app.js';

const t = useTestApp();
const UNKNOWN_ID = '0193a1b2-7c4d-7e5f-8a9b-0c1d2e3f4a5b';
const bearer = (secret: string) => ({ Authorization: `Bearer ${secret}` });
/** Rows of a raw query: PGlite answers { rows }, postgres.js an array. */
async function rows<T>(query: SQL): Promise<T[]> {
  const result = (await t.db.execute(query)) as unknown as { rows?: T[] } & T[];
  return result.rows ?? [...result];
}

describe('writer keys', () => {
  it('shows the secret once, and the secret works as a bearer key', async () => {
    const agency = await t.createAgency();
    const res = await t.post('/v1/keys', { agencyId: agency.id, name: '执法支队发布系统', scopes: ['admin', 'publish'] });
    expect(res.status).toBe(201);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const { secret, ...key } = res.body;
    expect(secret).toMatch(/^gs_[A-Za-z0-9_-]{43}$/);
    expect(key).toMatchObject({ agencyId: agency.id, name: '执法支队发布系统', scopes: ['admin', 'publish'], prefix: secret.slice(0, 10), revokedAt: null });

    const patched = await t.patch(`/v1/agencies/${agency.id}`, { name: '用新密钥改名局' }, { ...bearer(secret), 'If-Match': '"v1"' });
    expect(patched.status).toBe(200);
    const listed = await t.request(`/v1/keys?agencyId=${agency.id}`, { headers: admin });
    expect(listed.body.items).toEqual([key]);
  });

  it('defaults to the publish scope and issues a different secret each time', async () => {
    const agency = await t.createAgency();
    const a = await t.post('/v1/keys', { agencyId: agency.id, name: '甲' });
    const b = await t.post('/v1/keys', { agencyId: agency.id, name: '乙' });
    expect(a.body.scopes).toEqual(['publish']);
    expect(a.body.secret).not.toBe(b.body.secret);
    expect(a.body.id).not.toBe(b.body.id);
  });

  it('never returns a secret or its hash when listing', async () => {
    const agency = await t.createAgency();
    const created = (await t.post('/v1/keys', { agencyId: agency.id, name: '列表密钥', scopes: ['admin'] })).body;
    const [row] = await t.db.select().from(apiKeys).where(eq(apiKeys.id, created.id));
    for (const headers of [admin, bearer(created.secret)]) {
      const res = await t.request('/v1/keys', { headers });
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toBe('no-store');
      const text = JSON.stringify(res.body);
      expect(text).not.toContain(created.secret);
      expect(text).not.toContain(row!.secretHash);
      for (const item of res.body.items) expect(Object.keys(item).sort()).toEqual(['agencyId', 'createdAt', 'id', 'name', 'prefix', 'revokedAt', 'scopes']);
      expect(res.body.items.map((k: { id: string }) => k.id)).toContain(created.id);
    }
  });

  it('stores only the SHA-256 of the secret', async () => {
    const agency = await t.createAgency();
    const { secret, id } = (await t.post('/v1/keys', { agencyId: agency.id, name: '哈希密钥' })).body;
    const [row] = await t.db.select().from(apiKeys).where(eq(apiKeys.id, id));
    expect(row!.secretHash).toBe(createHash('sha256').update(secret).digest('hex'));
    const stored = JSON.stringify(row);
    expect(stored).not.toContain(secret);
    expect(stored).not.toContain(secret.slice(10)); // the part after the published prefix
  });

  it('stores the secret in no table at all, even when the key is created with an Idempotency-Key', async () => {
    const agency = await t.createAgency();
    const plain = (await t.post('/v1/keys', { agencyId: agency.id, name: '普通密钥' })).body.secret as string;
    const retried = await t.post('/v1/keys', { agencyId: agency.id, name: '重试密钥' }, { ...admin, 'Idempotency-Key': `key-${agency.id}` });
    expect(retried.status).toBe(201);
    const tables = await rows<{ table_name: string }>(sql`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`);
    const names = tables.map((r) => r.table_name);
    expect(names).toEqual(expect.arrayContaining(['agencies', 'api_keys', 'revisions', 'idempotency_keys']));
    for (const secret of [plain, retried.body.secret as string]) {
      for (const table of names) {
        const [found] = await rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM ${sql.identifier(table)} AS r WHERE strpos(r::text, ${secret}) > 0`);
        expect(found!.n, `${table} holds a key secret`).toBe(0);
      }
    }
  });

  it('cannot replay a key creation, since that would need the stored secret; the spec says so', async () => {
    const agency = await t.createAgency();
    const headers = { ...admin, 'Idempotency-Key': `again-${agency.id}` };
    const first = await t.post('/v1/keys', { agencyId: agency.id, name: '重发密钥' }, headers);
    const second = await t.post('/v1/keys', { agencyId: agency.id, name: '重发密钥' }, headers);
    expect(second.status).toBe(201);
    expect(second.headers.get('idempotent-replayed')).toBeNull();
    expect(second.body.id).not.toBe(first.body.id);
    const spec = (await t.request('/openapi.json')).body;
    const headerNames = (op: { parameters?: { name: string }[] }) => (op.parameters ?? []).map((p) => p.name);
    expect(headerNames(spec.paths['/v1/keys'].post)).not.toContain('Idempotency-Key');
    expect(headerNames(spec.paths['/v1/agencies'].post)).toContain('Idempotency-Key');
  });

  it('lets the operator list one agency\'s keys, and an admin key only its own agency\'s', async () => {
    const [a, b] = [await t.createAgency(), await t.createAgency()];
    const keyA = await t.keyFor(a.id, ['admin']);
    const keyB = await t.keyFor(b.id, ['admin']);
    const forA = await t.request(`/v1/keys?agencyId=${a.id}`, { headers: admin });
    expect(forA.body.items.map((k: { id: string }) => k.id)).toEqual([keyA.id]);
    const own = await t.request('/v1/keys', { headers: { Authorization: keyA.Authorization } });
    expect(own.body.items.map((k: { id: string }) => k.id)).toEqual([keyA.id]);
    const other = await t.request(`/v1/keys?agencyId=${b.id}`, { headers: { Authorization: keyA.Authorization } });
    expect(other.status).toBe(403);
    expect(JSON.stringify(other.body)).not.toContain(keyB.id);
  });

  it('revokes a key at once; revoking twice is harmless; the revoked key gets 401', async () => {
    const agency = await t.createAgency();
    const key = await t.keyFor(agency.id, ['admin']);
    expect((await t.request('/v1/keys', { headers: { Authorization: key.Authorization } })).status).toBe(200);
    const first = await t.request(`/v1/keys/${key.id}`, { method: 'DELETE', headers: admin });
    expect(first.status).toBe(200);
    expect(first.body.revokedAt).toEqual(expect.any(String));
    const second = await t.request(`/v1/keys/${key.id}`, { method: 'DELETE', headers: admin });
    expect(second.status).toBe(200);
    expect(second.body.revokedAt).toBe(first.body.revokedAt);
    const used = await t.request('/v1/keys', { headers: { Authorization: key.Authorization } });
    expect(used.status).toBe(401);
    expect(used.headers.get('www-authenticate')).toBe('Bearer');
    const patch = await t.patch(`/v1/agencies/${agency.id}`, { name: '吊销后改名局' }, { Authorization: key.Authorization, 'If-Match': '"v1"' });
    expect(patch.status).toBe(401);
    const listed = await t.request(`/v1/keys?agencyId=${agency.id}`, { headers: admin });
    expect(listed.body.items[0]).toMatchObject({ id: key.id, revokedAt: first.body.revokedAt });
  });

  it('answers 404 revoking an unknown key and 400 for a malformed key id', async () => {
    const unknown = await t.request(`/v1/keys/${UNKNOWN_ID}`, { method: 'DELETE', headers: admin });
    expect(unknown.status).toBe(404);
    const malformed = await t.request('/v1/keys/nope', { method: 'DELETE', headers: admin });
    expect(malformed.status).toBe(400);
    expect(malformed.body.errors).toEqual([{ in: 'path', pointer: '/id', detail: expect.any(String) }]);
  });

  it('answers 422 naming /agencyId for a key of an unknown agency, and stores nothing', async () => {
    const before = await t.db.select().from(apiKeys);
    const res = await t.post('/v1/keys', { agencyId: UNKNOWN_ID, name: '孤儿密钥' });
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([{ in: 'body', pointer: '/agencyId', detail: expect.any(String) }]);
    expect(await t.db.select().from(apiKeys)).toHaveLength(before.length);
  });

  it.each([
    ['garbage', 'Bearer not-a-key'],
    ['an empty bearer', 'Bearer '],
    ['another scheme', `Basic ${Buffer.from('admin:admin').toString('base64')}`],
    ['the token without a scheme', admin.Authorization.replace('Bearer ', '')],
    ['an overlong token', `Bearer ${'x'.repeat(600)}`],
  ])('answers 401 to %s', async (_what, authorization) => {
    const res = await t.request('/v1/keys', { headers: { ...json, Authorization: authorization } });
    expect(res.status).toBe(401);
    expect(res.body.type).toBe('https://gongshi.dev/problems/unauthenticated');
  });
});
