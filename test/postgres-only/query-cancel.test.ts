import postgres from 'postgres';
import { afterEach, describe, expect, it } from 'vitest';
import { useTestApp } from '../support/app.js';
import { startNodeServer } from '../support/node-server.js';

// A read whose client goes away is cancelled on the server. The read is made to wait on a lock another session
// holds, so it is certainly still running (in pg_stat_activity, waiting) when its client aborts.

const t = useTestApp();
let locker: postgres.Sql | undefined;

afterEach(async () => {
  await locker?.end({ timeout: 0 });
  locker = undefined;
});

/** The API's own sessions waiting on a lock in this file's database. */
async function waitingReads(sql: postgres.Sql, database: string): Promise<number> {
  const [row] = await sql<{ n: number }[]>`SELECT count(*)::int AS n FROM pg_stat_activity
    WHERE datname = ${database} AND application_name = 'gongshi' AND wait_event_type = 'Lock' AND state = 'active'`;
  return row!.n;
}

/** Polls `check` every 50 ms for up to `ms`. */
async function until(check: () => Promise<boolean>, what: string, ms = 10_000): Promise<void> {
  for (let i = 0; i < ms / 50; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** Holds an exclusive lock on `table` in a session of its own until the test ends. */
async function holdLock(table: string): Promise<postgres.Sql> {
  locker = postgres(t.database.url!, { max: 2, onnotice: () => {} });
  const held = new Promise<void>((locked) => {
    void locker!
      .begin(async (tx) => {
        await tx.unsafe(`LOCK TABLE ${table} IN ACCESS EXCLUSIVE MODE`);
        locked();
        await new Promise(() => {}); // held until the session ends (afterEach)
      })
      .catch(() => {});
  });
  await held;
  return locker;
}

describe('a read abandoned by its client', () => {
  it('is cancelled in PostgreSQL at once, not left running until it ends', async () => {
    const database = new URL(t.database.url!).pathname.slice(1);
    const sql = await holdLock('agencies');
    const client = new AbortController();
    const answer = t.app.request(new Request('http://gongshi.test/v1/agencies', { signal: client.signal }));
    await until(async () => (await waitingReads(sql, database)) === 1, 'the read to wait on the lock');
    client.abort();
    // Still locked: only a cancel ends the wait.
    await until(async () => (await waitingReads(sql, database)) === 0, 'the read to be cancelled');
    const res = await answer;
    expect(res.status).toBe(503);
    expect(t.logs.filter((l) => l.level === 'warn' || l.level === 'error')).toEqual([]);
    expect(t.logs.map((l) => l.message)).toContain('request abandoned by its client');
  });

  it('is cancelled when a client of the Node server closes its connection', async () => {
    const database = new URL(t.database.url!).pathname.slice(1);
    const server = await startNodeServer({ PATH: process.env.PATH ?? '', DATABASE_URL: t.database.url!, MIGRATE: 'false', SEED_DEMO: 'false', LOG_LEVEL: 'info' });
    try {
      const sql = await holdLock('officers');
      const client = new AbortController();
      const answer = fetch(`${server.base}/v1/officers`, { signal: client.signal }).catch((err: unknown) => err);
      await until(async () => (await waitingReads(sql, database)) === 1, 'the read to wait on the lock');
      client.abort();
      // Well within the server's statement_timeout (5 s), which would end the wait without a cancel.
      await until(async () => (await waitingReads(sql, database)) === 0, 'the read to be cancelled', 2000);
      expect(await answer).toBeInstanceOf(Error);
      await until(async () => server.stderr.includes('request abandoned by its client'), 'the log line');
      // The server lives on: the cancel request's connection, which PostgreSQL closes without a word, is not a fault.
      expect((await fetch(`${server.base}/v1/code-lists`)).status).toBe(200);
    } finally {
      await server.stop();
    }
  });

  it('a read whose client stays is not cancelled: it waits for the lock and answers', async () => {
    const database = new URL(t.database.url!).pathname.slice(1);
    const sql = await holdLock('agencies');
    const answer = t.app.request('/v1/agencies');
    await until(async () => (await waitingReads(sql, database)) === 1, 'the read to wait on the lock');
    await new Promise((r) => setTimeout(r, 300));
    expect(await waitingReads(sql, database)).toBe(1);
    await sql.end({ timeout: 0 }); // ends the locking session, releasing the lock
    locker = undefined;
    expect((await answer).status).toBe(200);
  });
});
