import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migratePostgres } from '../../src/db/migrate-postgres.js';
import { ADMIN_TOKEN } from '../support/app.js';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy.js';
import { findPostgresBin, startThrowawayPostgres, type ThrowawayPostgres } from '../support/throwaway-postgres.js';
import { startBuiltWorker, type BuiltWorker } from '../support/worker.js';

// The built worker in workerd, over Hyperdrive, on a PostgreSQL cluster of this file's own, which it stops.
// Between Miniflare's Hyperdrive emulation and the cluster sits a TCP proxy that keeps a connection open
// without a word while the database is down: that is what the emulation itself does, except that it also
// throws an unhandled ECONNREFUSED in this process. The worker's connect timeout ends the wait.
let cluster: ThrowawayPostgres;
let proxy: TcpProxy;
let worker: BuiltWorker;

beforeAll(async () => {
  const bin = findPostgresBin();
  if (!bin) throw new Error('PostgreSQL binaries not found');
  cluster = await startThrowawayPostgres(bin);
  await migratePostgres(cluster.url);
  proxy = await startTcpProxy(cluster.url, 'hold');
  worker = await startBuiltWorker(proxy.url, { ADMIN_TOKEN, LOG_LEVEL: 'warn', DB_CONNECT_TIMEOUT_MS: '1000' });
}, 120_000);

afterAll(async () => {
  await worker?.dispose();
  await proxy?.close();
  cluster?.stop();
}, 60_000);

describe('built worker when PostgreSQL is down', () => {
  it('answers 503 problem+json with Retry-After while the database is down, and 200 once it is back', async () => {
    expect((await worker.request('/v1/agencies')).status).toBe(200);
    cluster.halt('fast');
    try {
      for (const path of ['/v1/agencies', '/v1/feed']) {
        const res = await worker.request(path);
        expect(res.status, JSON.stringify(res.body)).toBe(503);
        expect(res.headers.get('retry-after')).toMatch(/^[1-9][0-9]*$/);
        expect(res.body).toMatchObject({ type: 'https://gongshi.dev/problems/database-unavailable', status: 503 });
      }
    } finally {
      cluster.start();
    }
    expect((await worker.request('/v1/agencies')).status).toBe(200);
    expect(worker.output).toContain('"message":"Database unavailable"');
    expect(worker.output).not.toMatch(/"level":"error"|Uncaught|select |params:|failed query/i);
  });
});
