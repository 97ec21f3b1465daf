/**
 * The ceiling: PostgreSQL's own pgbench running a scenario's SQL with prepared statements (`-M prepared`) at the
 * same 64 connections, with no HTTP, no JSON and no application in between. What the database can answer is
 * the most any server in front of it can; the report gives each server's share of it.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import postgres from 'postgres';
import type { Dataset } from './dataset.js';
import { CONNECTIONS } from './load.js';

/** A scenario's query as pgbench runs it: setup statements (run once) and a pgbench script. */
export interface PgbenchScript {
  setup: string[];
  script: string;
  /**
   * Values the script names as `:name` (pgbench -D): with -M prepared they are bound parameters, as the
   * servers send them, so PostgreSQL plans them alike (a literal would get a plan for that value alone).
   */
  defines?: Record<string, string>;
}

export interface PgbenchResult {
  tps: number;
  /** Latency percentiles in ms, from pgbench's per-transaction log. */
  p50: number;
  p99: number;
  transactions: number;
  failed: number;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? 0;

/** Runs `script` for `seconds` at 64 clients; `bin` is the folder of PostgreSQL's binaries. */
export async function runPgbench(bin: string, url: string, spec: PgbenchScript, seconds: number): Promise<PgbenchResult> {
  if (spec.setup.length) {
    const sql = postgres(url, { max: 1, onnotice: () => {} });
    try {
      for (const statement of spec.setup) await sql.unsafe(statement);
    } finally {
      await sql.end({ timeout: 5 });
    }
  }
  const dir = mkdtempSync(join(tmpdir(), 'gongshi-pgbench-'));
  try {
    const file = join(dir, 'script.sql');
    writeFileSync(file, spec.script);
    // -n: no vacuum of pgbench's own tables (there are none); -l: one log line per transaction, for percentiles.
    // The folder initdb really lives in (a PATH entry may hold only a link to initdb).
    const pgbench = join(dirname(realpathSync(join(bin, 'initdb'))), 'pgbench');
    const out = execFileSync(
      pgbench,
      [
        ...['-n', '-M', 'prepared', '-c', String(CONNECTIONS), '-j', '2', '-T', String(seconds), '-f', file, '-l', '--log-prefix', join(dir, 'tx')],
        ...Object.entries(spec.defines ?? {}).flatMap(([name, value]) => ['-D', `${name}=${value}`]),
        url,
      ],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const tps = Number(/tps = ([\d.]+) \(without initial connection time\)/.exec(out)?.[1] ?? Number.NaN);
    const transactions = Number(/number of transactions actually processed: (\d+)/.exec(out)?.[1] ?? 0);
    const failed = Number(/number of failed transactions: (\d+)/.exec(out)?.[1] ?? 0);
    // Log lines: client_id transaction_no time_us script_no time_epoch time_us_fraction.
    const latencies = readdirSync(dir)
      .filter((f) => f.startsWith('tx'))
      .flatMap((f) => readFileSync(join(dir, f), 'utf8').trim().split('\n'))
      .map((line) => Number(line.split(' ')[2]) / 1000)
      .filter((ms) => Number.isFinite(ms))
      .sort((a, b) => a - b);
    return { tps, p50: percentile(latencies, 50), p99: percentile(latencies, 99), transactions, failed };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A table of the ids a rotation uses, numbered from 1, so pgbench can pick one with `\set n random(1, N)`. */
function idTable(name: string, ids: string[]): string[] {
  const values = ids.map((id, i) => `(${i + 1}, '${id.replace(/[^0-9a-f-]/gi, '')}'::uuid)`).join(',');
  return [`DROP TABLE IF EXISTS ${name}`, `CREATE TABLE ${name} (n int PRIMARY KEY, id uuid NOT NULL)`, `INSERT INTO ${name} VALUES ${values}`, `ANALYZE ${name}`];
}

/** The pgbench form of a rotation over `ids`: `select` receives the SQL expression that yields the id. */
export function overIds(table: string, ids: string[], select: (id: string) => string): PgbenchScript {
  return { setup: idTable(table, ids), script: `\\set n random(1, ${ids.length})\n${select(`(SELECT id FROM ${table} WHERE n = :n)`)};\n` };
}

export type PgbenchPrepare = (data: Dataset) => PgbenchScript;
