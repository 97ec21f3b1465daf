import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { createApp, type App } from '../../src/app.js';
import { sharedDb, type Db } from '../../src/db/client.js';
import { openPostgres } from '../../src/db/postgres.js';
import { agencies } from '../../src/db/schema.js';
import { parseEnv } from '../../src/env.js';
import { ADMIN_TOKEN, admin, json, uniqueCreditCode } from '../support/app.js';
import { openTestDatabase, type TestDatabase } from '../support/db.js';
import { frozenReplicaOf } from '../support/replica-copy.js';
import { validPenalty } from '../support/penalties.js';
import { startNodeServer } from '../support/node-server.js';

// A primary and a read replica as two URLs. The replica is a copy of the primary's database taken once,
// never updated: a replica infinitely behind, so every answer shows which of the two served it.

let primary: TestDatabase;
let replica: { db: Db; close(): Promise<void> };
let copy: Awaited<ReturnType<typeof frozenReplicaOf>> | undefined;
let app: App;
let before: { id: string };
let penalty: { id: string; version: number; publicityEndDate: string };

const agencyBody = (name: string) => ({ name, creditCode: uniqueCreditCode(), regionCode: '440100', level: '市级', kind: '法定' });

async function call(path: string, init: RequestInit = {}) {
  const res = await app.request(path, init);
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text && /^application\/(problem\+)?json/.test(res.headers.get('Content-Type') ?? '') ? JSON.parse(text) : text };
}
const post = (path: string, body: unknown) => call(path, { method: 'POST', headers: { ...json, ...admin }, body: JSON.stringify(body) });

beforeAll(async () => {
  primary = await openTestDatabase();
  const primaryApp = createApp({ db: sharedDb(primary.db), config: { adminToken: ADMIN_TOKEN } });
  const created = await primaryApp.request('/v1/agencies', { method: 'POST', headers: { ...json, ...admin }, body: JSON.stringify(agencyBody('复制前的局')) });
  before = (await created.json()) as { id: string };
  const asOperator = (path: string, body: unknown) => primaryApp.request(path, { method: 'POST', headers: { ...json, ...admin }, body: JSON.stringify(body) });
  const key = (await (await asOperator('/v1/keys', { agencyId: before.id, name: 'replica test', scopes: ['publish'] })).json()) as { secret: string };
  const posted = await primaryApp.request('/v1/penalties', { method: 'POST', headers: { ...json, Authorization: `Bearer ${key.secret}` }, body: JSON.stringify(validPenalty()) });
  penalty = (await posted.json()) as typeof penalty;

  copy = await frozenReplicaOf(primary.url!);
  replica = openPostgres(copy.url, { readOnly: true, connectTimeoutMs: 30_000, poolTimeoutMs: 30_000 });
  app = createApp({ db: sharedDb(primary.db, replica.db), config: { adminToken: ADMIN_TOKEN } });
}, 60_000);

afterAll(async () => {
  await replica?.close();
  await copy?.drop();
  await primary?.close();
});

describe('a read replica (DATABASE_REPLICA_URL)', () => {
  it('answers anonymous reads; a record written since is not there until the replica catches up', async () => {
    const after = await post('/v1/agencies', agencyBody('复制后的局'));
    expect(after.status, JSON.stringify(after.body)).toBe(201);
    expect((await call(`/v1/agencies/${before.id}`)).status).toBe(200);
    expect((await call(`/v1/agencies/${after.body.id}`)).status).toBe(404);
    const listed = (await call('/v1/agencies?limit=100')).body.items.map((a: { id: string }) => a.id);
    expect(listed).toContain(before.id);
    expect(listed).not.toContain(after.body.id);
  });

  it('sends writes, and reads with a key, to the primary: a writer reads its own writes at once', async () => {
    const written = await post('/v1/agencies', agencyBody('刚写入的局'));
    expect(written.status).toBe(201);
    const read = await call(`/v1/agencies/${written.body.id}`, { headers: admin });
    expect(read.status).toBe(200);
    expect(read.body.name).toBe('刚写入的局');
    const listed = (await call('/v1/agencies?limit=100', { headers: admin })).body.items.map((a: { id: string }) => a.id);
    expect(listed).toContain(written.body.id);
  });

  it('reads the feed and the exports from the primary, so their positions never go back', async () => {
    const written = await post('/v1/agencies', agencyBody('订阅可见的局'));
    const feed = await call('/v1/feed?limit=1000');
    expect(feed.body.items.map((e: { id: string }) => e.id)).toContain(written.body.id);
    const manifest = await call('/v1/exports');
    expect(manifest.body.position).toBe(feed.body.head);
    const exported = await call('/v1/exports/agencies.ndjson');
    expect(exported.status).toBe(200);
    expect(exported.body).toContain(written.body.id);
  });

  it('expires a penalty past its publicity period on sight through the primary, though the replica served the read', async () => {
    // A clock a day after the period ends, before the hourly sweep has run.
    const dayAfter = new Date(Date.parse(`${penalty.publicityEndDate}T12:00:00+08:00`) + 86_400_000);
    const later = createApp({ db: sharedDb(primary.db, replica.db), config: { adminToken: ADMIN_TOKEN }, now: () => dayAfter });
    const read = await later.request(`/v1/penalties/${penalty.id}`);
    expect(read.status).toBe(200);
    const body = (await read.json()) as { status: string; version: number };
    expect(body).toMatchObject({ status: 'expired', version: penalty.version + 1 });
    // Written on the primary (the feed shows the expiry); the replica, never updated here, still has version 1.
    const feed = await call('/v1/feed?limit=1000');
    expect(feed.body.items.filter((e: { id: string }) => e.id === penalty.id).map((e: { event: string }) => e.event)).toEqual(['created', 'expired']);
  });

  it('opens the replica read-only, so a write that reached it by mistake would fail rather than fork the data', async () => {
    await expect(replica.db.update(agencies).set({ name: '不应写入' })).rejects.toMatchObject({ cause: { code: '25006' } });
  });

  it('is opened by the Node server from DATABASE_REPLICA_URL, as its own read-only pool that anonymous reads use', async () => {
    // Both URLs name the primary's database here: the sessions' application_name tells the pools apart.
    const server = await startNodeServer({ PATH: process.env.PATH ?? '', DATABASE_URL: primary.url!, DATABASE_REPLICA_URL: primary.url!, SEED_DEMO: 'false', LOG_LEVEL: 'error' });
    try {
      expect((await fetch(`${server.base}/v1/agencies/${before.id}`)).status).toBe(200);
      const superuser = postgres(inject('pgUrl'), { max: 1, onnotice: () => {} });
      const sessions = await superuser<{ name: string }[]>`SELECT application_name AS name
        FROM pg_stat_activity WHERE datname = ${new URL(primary.url!).pathname.slice(1)} AND application_name LIKE 'gongshi%'`;
      await superuser.end();
      expect(sessions.map((s) => s.name)).toContain('gongshi-replica');
    } finally {
      await server.stop();
    }
  });

  it('needs its primary: DATABASE_REPLICA_URL alone is a configuration error', () => {
    expect(() => parseEnv({ DATABASE_REPLICA_URL: 'postgres://replica.example/gongshi' })).toThrow(/DATABASE_REPLICA_URL: needs DATABASE_URL/);
    expect(parseEnv({ DATABASE_URL: 'postgres://primary.example/g', DATABASE_REPLICA_URL: 'postgres://replica.example/g' }).DATABASE_REPLICA_URL).toBe('postgres://replica.example/g');
  });
});
