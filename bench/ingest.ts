/**
 * Batch ingest: the same 100,000 generated decisions (a) COPYed by postgres.js into a fresh `penalties`
 * table, the raw-write baseline, then (b) after TRUNCATE, POSTed as 100 batches of 1,000 to the real app
 * (createApp over postgres.js, served in this process over HTTP), sampling this process's RSS every 100 ms.
 * The app's rows stay for the read scenarios.
 */
import { serve } from '@hono/node-server';
import { createWriteStream, createReadStream, rmSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import postgres from 'postgres';
import { createApp } from '../src/app.js';
import { expireDue } from '../src/domain/expiry.js';
import { sharedDb } from '../src/db/client.js';
import { openPostgres } from '../src/db/postgres.js';
import { decisionRules } from '../src/domain/decisions/rules.js';
import type { AgencyIdentity } from '../src/domain/decisions/decision-parts.js';
import { COPY_COLUMNS, copyLine } from './copy-rows.js';
import { BATCH_SIZE, INGEST_AGENCIES, penaltyBatch } from './dataset-penalties.js';
import { sampleRss } from './rss.js';
import { freePort, POOL_MAX } from './servers.js';

const ADMIN_TOKEN = 'bench-admin-token-0123456789';

export interface IngestFacts {
  rows: number;
  batches: number;
  agencies: number;
  /** COPY baseline: time of the COPY statement alone (rows prepared beforehand into a file). */
  copySeconds: number;
  copyPrepareSeconds: number;
  /** App: sum of the 100 request times (send to last response byte); wall includes building each body. */
  appSeconds: number;
  appWallSeconds: number;
  batchMs: { p50: number; max: number; first: number; last: number };
  rss: { before: number; after: number; peak: number; samples: number; atBatch: Record<number, number> };
  /** Rows on display at the end (publicity end date not passed) and the table's size with indexes. */
  displayed: number;
  tableBytes: number;
}

const MB = 2 ** 20;

async function agenciesFor(sql: postgres.Sql, ids: string[]): Promise<AgencyIdentity[]> {
  // Spread over the agency table so the batches cover several regions.
  const step = Math.max(1, Math.floor(ids.length / INGEST_AGENCIES));
  const chosen = ids.filter((_, i) => i % step === 0).slice(0, INGEST_AGENCIES);
  const rows = await sql<AgencyIdentity[]>`SELECT id, name, credit_code AS "creditCode", region_code AS "regionCode"
    FROM agencies WHERE id = ANY(${chosen}::uuid[]) ORDER BY id`;
  if (rows.length < chosen.length) throw new Error('ingest agencies missing from the data set');
  return rows;
}

/** Writes every COPY line to a file first, so the timed COPY measures PostgreSQL's write path only. */
async function copyBaseline(sql: postgres.Sql, agencies: AgencyIdentity[], batches: number) {
  const file = join(tmpdir(), `bench-penalties-${process.pid}.copy`);
  const rules = decisionRules({ bodyLimitBytes: 0 });
  const now = new Date();
  const prepared = performance.now();
  const out = createWriteStream(file);
  for (let k = 0; k < batches; k++) {
    const agency = agencies[k % agencies.length]!;
    const lines = penaltyBatch(k, agency).map((item) => copyLine(item, agency, rules, now));
    if (!out.write(lines.join(''))) await once(out, 'drain');
  }
  out.end();
  await once(out, 'close');
  const copyPrepareSeconds = (performance.now() - prepared) / 1000;
  try {
    const started = performance.now();
    await pipeline(createReadStream(file), await sql`COPY penalties (${sql(COPY_COLUMNS)}) FROM STDIN`.writable());
    const copySeconds = (performance.now() - started) / 1000;
    const [counted] = await sql<{ n: number }[]>`SELECT count(*)::int AS n FROM penalties`;
    const n = counted!.n;
    if (n !== batches * BATCH_SIZE) throw new Error(`COPY wrote ${n} rows, expected ${batches * BATCH_SIZE}`);
    return { copySeconds, copyPrepareSeconds };
  } finally {
    rmSync(file, { force: true });
  }
}

export async function ingestPenalties(url: string, agencyIds: string[], batches: number, log: (m: string) => void): Promise<IngestFacts> {
  const sql = postgres(url, { max: 1, onnotice: () => {}, connection: { application_name: 'bench-runner' } });
  const database = openPostgres(url, { max: POOL_MAX });
  const app = createApp({ db: sharedDb(database.db), config: { adminToken: ADMIN_TOKEN } });
  const port = await freePort();
  const server = serve({ fetch: app.fetch, port, hostname: '127.0.0.1' });
  const base = `http://127.0.0.1:${port}`;
  try {
    const agencies = await agenciesFor(sql, agencyIds);
    const copy = await copyBaseline(sql, agencies, batches);
    log(`COPY baseline: ${batches * BATCH_SIZE} rows in ${copy.copySeconds.toFixed(1)} s (prepared in ${copy.copyPrepareSeconds.toFixed(1)} s)`);
    await sql`TRUNCATE penalties`;
    await sql`VACUUM ANALYZE agencies`;

    const keys: string[] = [];
    for (const agency of agencies) {
      const res = await fetch(`${base}/v1/keys`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${ADMIN_TOKEN}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ agencyId: agency.id, name: 'bench ingest', scopes: ['publish'] }),
      });
      const body = (await res.json()) as { secret?: string };
      if (res.status !== 201 || !body.secret) throw new Error(`POST /v1/keys answered ${res.status}`);
      keys.push(body.secret);
    }

    const sampler = sampleRss();
    const times: number[] = [];
    const atBatch: Record<number, number> = {};
    const wall = performance.now();
    try {
      for (let k = 0; k < batches; k++) {
        const a = k % agencies.length;
        const body = JSON.stringify({ items: penaltyBatch(k, agencies[a]!) });
        const started = performance.now();
        const res = await fetch(`${base}/v1/penalties/batch`, {
          method: 'POST',
          headers: { Authorization: `Bearer ${keys[a]}`, 'Content-Type': 'application/json' },
          body,
        });
        const text = await res.text();
        times.push(performance.now() - started);
        if (res.status !== 201) throw new Error(`batch ${k} answered ${res.status}: ${text.slice(0, 600)}`);
        const rss = sampler.note();
        if ((k + 1) % 10 === 0) atBatch[k + 1] = rss;
        if ((k + 1) % 20 === 0) log(`ingest: ${k + 1} batches, ${Math.round(times[k]!)} ms for the last, RSS ${Math.round(rss)} MiB`);
      }
    } finally {
      sampler.stop();
    }
    const appWallSeconds = (performance.now() - wall) / 1000;
    const rss = sampler.stop();
    const rssAfter = process.memoryUsage().rss / MB;
    // What the server's first hourly sweep does: the decisions whose display has ended become `expired` now,
    // not while a server is being measured.
    const swept = performance.now();
    const expired = await expireDue(database.db, new Date());
    log(`expiry sweep: ${expired} decisions whose display ended, ${((performance.now() - swept) / 1000).toFixed(1)} s`);
    await sql`VACUUM ANALYZE penalties`;
    await sql`VACUUM ANALYZE revisions`;
    await sql`VACUUM ANALYZE changes`;
    const [counts] = await sql<{ rows: number; displayed: number; bytes: string }[]>`SELECT count(*)::int AS rows,
      count(*) FILTER (WHERE status = 'published' AND publicity_end_date >= (now() AT TIME ZONE 'Asia/Shanghai')::date)::int AS displayed,
      pg_total_relation_size('penalties')::text AS bytes FROM penalties`;
    const sorted = [...times].sort((x, y) => x - y);
    return {
      rows: counts!.rows,
      batches,
      agencies: agencies.length,
      ...copy,
      appSeconds: times.reduce((x, y) => x + y, 0) / 1000,
      appWallSeconds,
      batchMs: { p50: sorted[Math.floor(sorted.length / 2)]!, max: sorted[sorted.length - 1]!, first: times[0]!, last: times[times.length - 1]! },
      rss: { ...rss, after: rssAfter, atBatch },
      displayed: counts!.displayed,
      tableBytes: Number(counts!.bytes),
    };
  } finally {
    server.close();
    await database.close();
    await sql.end({ timeout: 5 });
  }
}
