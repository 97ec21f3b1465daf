import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { openPostgres } from '../../src/db/postgres.js';
import { appendChanges } from '../../src/domain/records.js';
import { newId } from '../../src/lib/ids.js';
import { useTestApp } from '../support/app.js';
import { rowsOf } from '../support/penalties.js';

const t = useTestApp();

/** Polls the feed from `after` to its head, checking every page continues exactly where the last ended. */
async function drain(after: number, gaps: string[]): Promise<number> {
  for (;;) {
    const res = await t.request(`/v1/feed?after=${after}&limit=50`);
    const positions: number[] = res.body.items.map((e: any) => e.position);
    positions.forEach((p, i) => {
      if (p !== after + i + 1) gaps.push(`after ${after} got ${positions.join(',')}`);
    });
    const next = Number(res.body.next);
    if (next === after) return after;
    after = next;
  }
}

describe('change feed under concurrency (PostgreSQL)', () => {
  it('a reader that has seen position N never later finds a new row at or below N', async () => {
    const gaps: string[] = [];
    const start = (await t.request('/v1/feed?limit=1')).body.head as number;
    let cursor = start;
    let writing = true;
    const writers = Promise.all(
      Array.from({ length: 8 }, async () => {
        for (let i = 0; i < 12; i++) await t.createAgency({ name: `并发测试局${i}` });
      }),
    ).finally(() => (writing = false));
    const reader = (async () => {
      while (writing) cursor = await drain(cursor, gaps);
      cursor = await drain(cursor, gaps);
    })();
    await Promise.all([writers, reader]);
    expect(gaps).toEqual([]);
    expect(cursor).toBe(start + 8 * 12);
  }, 120_000);

  it('a transaction holding a position blocks later writers until it commits, so commit order is position order', async () => {
    // Two independent connections to this file's database, driving the domain function directly.
    const a = openPostgres(t.database.url!, { max: 1 });
    const b = openPostgres(t.database.url!, { max: 1 });
    try {
      const now = new Date();
      // The feed checks each entry against its type's schema: the probes are agencies as published.
      const template = await t.createAgency();
      const change = (id: string) => ({ type: 'agency' as const, id, version: 1, event: 'created' as const, agencyId: null, data: { ...template, id } });
      let releaseA!: () => void;
      const holdA = new Promise<void>((r) => (releaseA = r));
      const startHead = (await t.request('/v1/feed?limit=1')).body.head as number;

      let aAppended!: () => void;
      const aReady = new Promise<void>((r) => (aAppended = r));
      let aPid = 0;
      const txA = a.db.transaction(async (tx) => {
        await appendChanges(tx, { kind: 'admin' }, now, [change(newId())]);
        // postgres.js answers a raw query with the rows themselves.
        [{ pid: aPid }] = (await tx.execute(sql`select pg_backend_pid() as pid`)) as unknown as [{ pid: number }];
        aAppended();
        await holdA; // A has its position but has not committed yet
      });
      await aReady;

      let bDone = false;
      const txB = b.db
        .transaction(async (tx) => appendChanges(tx, { kind: 'admin' }, now, [change(newId())]))
        .then(() => (bDone = true));
      // B waits for A's clock lock: seen in the server's own lock graph, not guessed from a pause.
      const blockedByA = async () => (await rowsOf<{ n: number }>(t, sql`select count(*)::int as n from pg_stat_activity where ${aPid}::int = any(pg_blocking_pids(pid))`))[0]!.n;
      await expect.poll(blockedByA, { timeout: 10_000 }).toBe(1);
      expect(bDone).toBe(false);

      // While A is uncommitted, readers see neither A's nor B's position.
      const during = await t.request(`/v1/feed?after=${startHead}`);
      expect(during.body).toMatchObject({ items: [], head: startHead });

      releaseA();
      await txA;
      await txB;
      const after = await t.request(`/v1/feed?after=${startHead}`);
      expect(after.body.items.map((e: any) => e.position)).toEqual([startHead + 1, startHead + 2]);
      expect(after.body.items[0].data.id).not.toBe(after.body.items[1].data.id);
    } finally {
      await a.close();
      await b.close();
    }
  }, 60_000);
});
