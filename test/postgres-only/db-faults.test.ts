import postgres from 'postgres';
import { describe, expect, it } from 'vitest';
import { admin, json, uniqueCreditCode, useTestApp, type TestContext, type TestResponse } from '../support/app.js';
import { privateCluster } from '../support/private-cluster.js';

// This file stops and restarts its own PostgreSQL cluster, which the app reaches through a TCP proxy that
// hangs up on it while the database is down (postgres.js alone would reconnect forever). Small bounds keep
// the waits short: two pooled connections, a 200 ms wait for a free one, a 2 s statement_timeout.
const cluster = privateCluster({ max: 2, connectTimeoutMs: 2000, poolTimeoutMs: 200, statementTimeoutMs: 2000 }, { proxy: 'hang-up' });
const t = useTestApp({ open: () => cluster.open() });

function expect503(res: TestResponse, slug: 'database-unavailable' | 'database-timeout') {
  expect(res.status, JSON.stringify(res.body)).toBe(503);
  expect(res.headers.get('content-type')).toBe('application/problem+json');
  expect(res.headers.get('retry-after')).toMatch(/^[1-9][0-9]*$/);
  expect(res.body).toMatchObject({ type: `https://gongshi.dev/problems/${slug}`, status: 503 });
}

/** The log names the failure (code) but carries no SQL text and none of the queries' parameter values. */
function expectCleanLog(ctx: TestContext, values: string[]) {
  const logged = JSON.stringify(ctx.logs);
  expect(logged).not.toMatch(/select |insert into|update "|delete from|params:|failed query/i);
  const errors = ctx.logs.map((l) => String(l.fields?.error ?? '')).join('\n');
  for (const value of values) expect(errors).not.toContain(value);
}

const newAgency = () => ({ name: '停机测试局', creditCode: uniqueCreditCode(), regionCode: '440100', level: '市级', kind: '法定' });

describe('database faults (PostgreSQL)', () => {
  it('while PostgreSQL is down every request answers 503 with Retry-After, and the first request after it is back answers 200', async () => {
    const agency = await t.createAgency();
    const key = await t.keyFor(agency.id, ['admin']);
    t.logs.length = 0;
    cluster.server.halt('fast');
    try {
      expect503(await t.request(`/v1/agencies/${agency.id}`), 'database-unavailable');
      expect503(await t.request('/v1/agencies'), 'database-unavailable');
      expect503(await t.post('/v1/agencies', newAgency()), 'database-unavailable');
      expect503(await t.patch(`/v1/agencies/${agency.id}`, { name: '改名局' }, { Authorization: key.Authorization, 'If-Match': '"v1"' }), 'database-unavailable');
      expect503(await t.request('/v1/keys', { headers: { Authorization: key.Authorization } }), 'database-unavailable');
      // Many failed connection attempts in a row: postgres.js would by now wait up to 20 s before the next.
      for (let i = 0; i < 15; i++) expect503(await t.request('/v1/agencies'), 'database-unavailable');
    } finally {
      cluster.server.start();
    }
    expect((await t.request(`/v1/agencies/${agency.id}`)).status).toBe(200);

    const warnings = t.logs.filter((l) => l.level === 'warn' && l.message === 'Database unavailable');
    expect(warnings).toHaveLength(20);
    expect(warnings[0]!.fields).toMatchObject({ method: 'GET', path: `/v1/agencies/${agency.id}`, error: expect.stringMatching(/^database unavailable \(/) });
    expect(t.logs.filter((l) => l.level === 'error')).toEqual([]);
    expectCleanLog(t, [agency.id, key.Authorization.slice('Bearer '.length)]);
  }, 10_000); // a hang guard: postgres.js used to wait 10-20 s before reconnecting after so many failures

  it('a pooled connection that outlived a restart is dropped and the read retried: the first GET after it answers 200', async () => {
    const agency = await t.createAgency();
    expect((await t.request(`/v1/agencies/${agency.id}`)).status).toBe(200); // the pool holds a live connection
    // Stop and start while this process is blocked, so it has not yet seen its connections close.
    cluster.server.halt('fast');
    cluster.server.start();
    const res = await t.request(`/v1/agencies/${agency.id}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.id).toBe(agency.id);
  });

  it('the first write after a restart is applied: its BEGIN found the connection broken, so nothing of it had run and it is retried', async () => {
    expect((await t.request('/v1/agencies')).status).toBe(200);
    cluster.server.halt('immediate');
    cluster.server.start();
    const created = await t.post('/v1/agencies', newAgency());
    expect(created.status, JSON.stringify(created.body)).toBe(201);
  });

  it('a write whose connection breaks mid-transaction is not retried (503); repeated with its Idempotency-Key it is applied once', async () => {
    const body = newAgency();
    const headers = { ...json, ...admin, 'Idempotency-Key': `broken-${body.creditCode}` };
    const post = () => t.request('/v1/agencies', { method: 'POST', headers, body: JSON.stringify(body) });
    let first!: TestResponse;
    await withTableLocked('agencies', async (sql) => {
      const pending = post();
      // The POST's transaction waits for the lock; end its session as a restart would.
      for (let ended = 0; ended === 0; ) {
        const rows = await sql`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'gongshi' AND wait_event_type = 'Lock'`;
        ended = rows.length;
      }
      first = await pending;
    });
    expect503(first, 'database-unavailable');
    const again = await post();
    expect(again.status, JSON.stringify(again.body)).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBeNull(); // the first attempt left nothing to replay
    const listed = await t.request('/v1/agencies?regionCode=440100&limit=200');
    expect(listed.body.items.filter((a: { creditCode: string }) => a.creditCode === body.creditCode)).toHaveLength(1);
  });

  it('a read blocked past statement_timeout (a table locked by another session) answers 503 database-timeout', async () => {
    const agency = await t.createAgency();
    t.logs.length = 0;
    await withTableLocked('agencies', async () => {
      expect503(await t.request(`/v1/agencies/${agency.id}`), 'database-timeout');
    });
    expect((await t.request(`/v1/agencies/${agency.id}`)).status).toBe(200);
    const warnings = t.logs.filter((l) => l.level === 'warn');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ message: 'Database timeout', fields: { error: 'database timeout (57014)' } });
    expectCleanLog(t, [agency.id]);
  });

  it('when every pooled connection stays busy, a further request stops waiting after the pool timeout: 503 database-unavailable', async () => {
    const agency = await t.createAgency();
    await withTableLocked('agencies', async () => {
      // Two reads take both pooled connections and block on the lock until statement_timeout (2 s);
      // the third waits for a connection, and gives up after the pool timeout (200 ms).
      const blocked = [t.request(`/v1/agencies/${agency.id}`), t.request(`/v1/agencies/${agency.id}`)];
      const third = await t.request(`/v1/agencies/${agency.id}`);
      expect503(third, 'database-unavailable');
      for (const res of await Promise.all(blocked)) expect503(res, 'database-timeout');
    });
    expect((await t.request(`/v1/agencies/${agency.id}`)).status).toBe(200);
  });
});

/**
 * Runs `during` while another session holds an ACCESS EXCLUSIVE lock on `table` (every read of it waits);
 * `during` gets a third session, to watch or end the waiting ones.
 */
async function withTableLocked(table: string, during: (sql: postgres.Sql) => Promise<void>): Promise<void> {
  const holder = postgres(t.database.url!, { max: 1, onnotice: () => {} });
  const watcher = postgres(t.database.url!, { max: 1, onnotice: () => {} });
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  let locked!: () => void;
  const isLocked = new Promise<void>((r) => (locked = r));
  const tx = holder.begin(async (tx) => {
    await tx.unsafe(`LOCK TABLE ${table} IN ACCESS EXCLUSIVE MODE`);
    locked();
    await held;
  });
  try {
    await Promise.race([isLocked, tx]);
    await during(watcher);
  } finally {
    release();
    await tx;
    await Promise.all([holder.end(), watcher.end()]);
  }
}
