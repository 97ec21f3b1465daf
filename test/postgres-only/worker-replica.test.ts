import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { sharedDb } from '../../src/db/client.js';
import { ADMIN_TOKEN, admin, json, uniqueCreditCode } from '../support/app.js';
import { openTestDatabase, type TestDatabase } from '../support/db.js';
import { frozenReplicaOf } from '../support/replica-copy.js';
import { startBuiltWorker, type BuiltWorker } from '../support/worker.js';

// The built worker in workerd with two Hyperdrive bindings: HYPERDRIVE on the primary, HYPERDRIVE_REPLICA on
// a copy taken once and never updated, so every answer shows which database served it.

const agencyBody = (name: string) => ({ name, creditCode: uniqueCreditCode(), regionCode: '440100', level: '市级', kind: '法定' });

describe('built worker with a read replica (HYPERDRIVE_REPLICA)', () => {
  let primary: TestDatabase;
  let copy: Awaited<ReturnType<typeof frozenReplicaOf>> | undefined;
  let worker: BuiltWorker;
  let copied: string;
  let after: string;

  beforeAll(async () => {
    primary = await openTestDatabase();
    const app = createApp({ db: sharedDb(primary.db), config: { adminToken: ADMIN_TOKEN } });
    const res = await app.request('/v1/agencies', { method: 'POST', headers: { ...json, ...admin }, body: JSON.stringify(agencyBody('复制前的局')) });
    expect(res.status).toBe(201);
    copied = ((await res.json()) as { id: string }).id;
    copy = await frozenReplicaOf(primary.url!);
    worker = await startBuiltWorker(primary.url!, { ADMIN_TOKEN, LOG_LEVEL: 'error' }, { replicaUrl: copy.url });
    const created = await worker.request('/v1/agencies', { method: 'POST', headers: { ...json, ...admin }, body: JSON.stringify(agencyBody('复制后的局')) });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    after = created.body.id;
  }, 120_000);

  afterAll(async () => {
    await worker?.dispose();
    await copy?.drop();
    await primary?.close();
  }, 60_000);

  it('answers anonymous reads from the replica, reads with a key and the feed from the primary', async () => {
    expect((await worker.request(`/v1/agencies/${copied}`)).body).toMatchObject({ id: copied, name: '复制前的局' });
    // Written after the copy: the replica has never seen it; a reader with a key reads the primary.
    expect((await worker.request(`/v1/agencies/${after}`)).status).toBe(404);
    const withKey = await worker.request(`/v1/agencies/${after}`, { headers: admin });
    expect(withKey.status).toBe(200);
    expect(withKey.body).toMatchObject({ id: after, name: '复制后的局' });
    const feed = await worker.request('/v1/feed?limit=100');
    expect(feed.status).toBe(200);
    expect(feed.body.items.map((e: { id: string }) => e.id)).toEqual(expect.arrayContaining([copied, after]));
  });
});
