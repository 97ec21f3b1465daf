import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/client.js';
import { openPostgres } from '../../src/db/postgres.js';
import { prepared } from '../../src/db/prepared.js';
import { forRequest } from '../../src/db/request-handle.js';
import { useTestApp } from '../support/app.js';

// A statement prepared with planEachRun (the pages of decision lists) runs on sessions that never keep a generic
// plan; the others (reads by id) on sessions that may. The statement reports the setting of the session it ran on.

const t = useTestApp();

const planCacheMode = (db: Db, planEachRun: boolean) =>
  prepared(
    db,
    `plan_cache_mode_${planEachRun}`,
    (d) =>
      d
        .select({ mode: sql<string>`current_setting('plan_cache_mode')` })
        .from(sql`(SELECT 1 AS one) AS t`)
        // A parameter, as every list page has: postgres.js sends a statement without any by the simple protocol.
        .where(sql`one = ${sql.placeholder('one')}`)
        .prepare(`plan_cache_mode_${planEachRun}`),
    { planEachRun },
  ).execute({ one: 1 });

/** The session's named statements that ask for plan_cache_mode (a pool of one session). */
const heldStatements = (db: Db) =>
  db.select({ n: sql<number>`count(*)::int` }).from(sql`pg_prepared_statements`).where(sql`statement LIKE '%plan_cache_mode%'`);

describe('statements planned with each run (PostgreSQL)', () => {
  it('run on a session that forces custom plans, on the shared handle and on a request handle', async () => {
    const request = forRequest(t.db, new AbortController().signal);
    expect(request).not.toBe(t.db);
    for (const db of [t.db, request]) {
      // Past the five runs after which PostgreSQL may switch a statement to its generic plan.
      for (let i = 0; i < 6; i++) expect(await planCacheMode(db, true)).toEqual([{ mode: 'force_custom_plan' }]);
      expect(await planCacheMode(db, false)).toEqual([{ mode: 'auto' }]);
    }
  });


  it('through a pooler whose sessions do not keep their settings (Workers), run unnamed on the one pool', async () => {
    const pooled = openPostgres(t.database.url!, { max: 1, sessionSettingsHold: false });
    try {
      // Unnamed: postgres.js sends the statement with each run, so the plan cache never holds it.
      for (let i = 0; i < 6; i++) expect(await planCacheMode(pooled.db, true)).toEqual([{ mode: 'auto' }]);
      expect(await heldStatements(pooled.db)).toEqual([{ n: 0 }]);
      await planCacheMode(pooled.db, false);
      expect(await heldStatements(pooled.db)).toEqual([{ n: 1 }]);
    } finally {
      await pooled.close();
    }
  });
});
