/**
 * `npm run bench`: throwaway PostgreSQL, deterministic data, then each server alone under the same load.
 * Env: BENCH_EXPLAIN (set: query plans of the penalty reads and the negative-list queries in the report), BENCH_SECONDS (per measurement, default 10), BENCH_SEARCH_SECONDS (search scenarios, default
 * BENCH_SECONDS), BENCH_ROWS (default 10000), BENCH_SCENARIOS (comma list), BENCH_PENALTY_BATCHES (batches of
 * 1,000 for the penalty ingest, default 100), BENCH_ENTITY_ROWS (rows of the directory import, `entity-import` in
 * BENCH_SCENARIOS, default 1,000,000), BENCH_DRAW_ENTITIES (directory of the draw benchmark, `draw` in
 * BENCH_SCENARIOS, default 1,000,000), BENCH_STATEMENT_TIMEOUT_MS (of the draw's steps, default 5000 as the
 * server's), BENCH_EXPORT_ROWS (penalties of the bulk-export and feed benchmark, `export` in BENCH_SCENARIOS,
 * default 1,000,000; only when named), BENCH_SOAK_SECONDS (`soak` in BENCH_SCENARIOS, default 600; only when
 * named). A second run on the same day appends to that day's report.
 */
import { execFileSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { migratePostgres } from '../src/db/migrate-postgres.js';
import { RANDOM_PAGE_COST } from '../src/db/postgres.js';
import { findPostgresBin, startThrowawayPostgres, type ThrowawayPostgres } from '../test/support/throwaway-postgres.js';
import { loadDataset, type Dataset } from './dataset.js';
import { loadDuties } from './dataset-duties.js';
import { loadTasks } from './dataset-tasks.js';
import { CONNECTIONS, measure, type Measurement } from './load.js';
import { explainPenaltyReads } from './explain.js';
import { explainNegativeList } from './explain-negative-list.js';
import { loadNegativeList } from './load-negative-list.js';
import { formatNegativeList } from './report-negative-list.js';
import { benchDiff, formatDiff, NEGATIVE_LIST_DIFF } from './diff.js';
import { benchDraw, DRAW } from './draw.js';
import { benchEntityImport, ENTITY_IMPORT, type EntityImportFacts } from './entity-import.js';
import { ingestPenalties } from './ingest.js';
import { runPgbench } from './pgbench.js';
import { loadExportDataset } from './dataset-export.js';
import { benchExport, EXPORT } from './export.js';
import { benchSoak, SOAK } from './soak.js';
import { formatSoak } from './report-soak.js';
import { formatExport } from './report-export.js';
import { formatDraw } from './report-draw.js';
import { formatEntityImport } from './report-entity-import.js';
import { formatIngest } from './report-ingest.js';
import { penaltyReads } from './scenarios-penalties.js';
import { formatReport, verdict, type RunFacts, type ScenarioResult } from './report.js';
import { scenarios, type Prepare, type Scenario } from './scenarios.js';
import { PLATFORMATIC } from './platformatic.js';
import { BARE, FASTIFY, OURS, POOL_MAX, ROOT, startServer, type ServerDef } from './servers.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const SEARCH_SECONDS = Number(process.env.BENCH_SEARCH_SECONDS ?? SECONDS);
const warmupFor = (seconds: number) => Math.max(1, Math.min(3, Math.round(seconds / 3)));
const WARMUP = warmupFor(SECONDS);
const ROWS = Number(process.env.BENCH_ROWS ?? 10_000);
const ONLY = process.env.BENCH_SCENARIOS?.split(',').map((s) => s.trim());
const PENALTY_BATCHES = Number(process.env.BENCH_PENALTY_BATCHES ?? 100);
const ENTITY_ROWS = Number(process.env.BENCH_ENTITY_ROWS ?? 1_000_000);
/** The directory import is no HTTP scenario: it runs after them when selected (or when nothing is). */
const ENTITY_IMPORT_SELECTED = !ONLY || ONLY.includes(ENTITY_IMPORT);
/** Nor is the draw benchmark; it runs last, as its million-entity directory stays in the database. */
const DRAW_SELECTED = !ONLY || ONLY.includes(DRAW);
/**
 * Nor is the bulk export, and it runs only when named: its million penalties take about 2 GB on disk and
 * are copied into the log, where they would change what the other scenarios read.
 */
const EXPORT_SELECTED = ONLY?.includes(EXPORT) ?? false;
const EXPORT_ROWS = Number(process.env.BENCH_EXPORT_ROWS ?? 1_000_000);
/** Nor is the soak, which runs only when named: ten minutes by default (BENCH_SOAK_SECONDS). */
const SOAK_SELECTED = ONLY?.includes(SOAK) ?? false;
/** Nor is the diff of two editions: it runs in process, no server involved. */
const DIFF_SELECTED = !ONLY || ONLY.includes(NEGATIVE_LIST_DIFF);

const log = (message: string) => console.error(`[bench] ${message}`);

/**
 * Waits until no query of either server is running, cancelling what is: a slow endpoint leaves requests
 * queued in the server's pool after autocannon stops (and PostgreSQL finishes a query whose client has
 * gone), which would otherwise run on into the next measurement. Only the servers' own sessions, on the
 * throwaway cluster, are touched.
 */
async function drain(url: string): Promise<void> {
  const sql = postgres(url, { max: 1, onnotice: () => {}, connection: { application_name: 'bench-runner' } });
  try {
    const deadline = Date.now() + 60_000;
    for (let quiet = 0; quiet < 3 && Date.now() < deadline; ) {
      const busy = await sql`SELECT pg_cancel_backend(pid) FROM pg_stat_activity
        WHERE application_name IN ('gongshi', 'bench-bare', 'bench-fastify') AND state = 'active' AND pid <> pg_backend_pid()`;
      quiet = busy.length ? 0 : quiet + 1;
      await new Promise((r) => setTimeout(r, 100));
    }
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/** One measurement on a freshly started server that has the CPUs to itself (bar the load tool and PostgreSQL). */
async function drive(def: ServerDef, prepare: Prepare, url: string, data: Dataset, scenario: Scenario): Promise<Measurement> {
  const server = await startServer(def, url, def.agencyPath ? def.agencyPath(data.ids[0]!) : `/v1/agencies/${data.ids[0]}`);
  try {
    const targets = await prepare(server.base, data);
    const seconds = scenario.duties ? SEARCH_SECONDS : SECONDS;
    await measure(server.base, targets, scenario.expectStatus, warmupFor(seconds));
    await drain(url);
    const cpuBefore = server.cpuMs();
    const m = await measure(server.base, targets, scenario.expectStatus, seconds);
    const cpuAfter = server.cpuMs();
    if (cpuBefore !== null && cpuAfter !== null && m.total) m.cpuUsPerRequest = ((cpuAfter - cpuBefore) * 1000) / m.total;
    if (m.errors && server.stderr()) log(`${scenario.name} on ${def.name}: server log (tail):\n${server.stderr().slice(-1500)}`);
    log(`${scenario.name} on ${def.name}: ${Math.round(m.requestsPerSec)} req/s, p50 ${m.p50} ms, p99 ${m.p99} ms, ${m.total} answered, ${m.errors} errors (${m.timeouts} timeouts)`);
    return m;
  } finally {
    await server.stop();
    await drain(url);
  }
}

async function postgresVersion(url: string): Promise<string> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const [row] = await sql<{ server_version: string }[]>`SHOW server_version`;
    return `PostgreSQL ${row!.server_version}`;
  } finally {
    await sql.end({ timeout: 5 });
  }
}

function commit(): string {
  try {
    const sha = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT }).toString().trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'src'], { cwd: ROOT }).toString().trim();
    return dirty ? `${sha} with uncommitted src/ changes` : sha;
  } catch {
    return 'unknown';
  }
}

/**
 * Our server asks for SSD planner costs per session (src/db/postgres.ts RANDOM_PAGE_COST); set on the database,
 * every server and pgbench plan with the same costs, so no side wins by a setting.
 */
async function sameCostsForAll(url: string): Promise<void> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await sql.unsafe(`DO $$ BEGIN EXECUTE format('ALTER DATABASE %I SET random_page_cost = ${RANDOM_PAGE_COST}', current_database()); END $$`);
  } finally {
    await sql.end({ timeout: 5 });
  }
}

async function main(pg: ThrowawayPostgres, bin: string): Promise<void> {
  const list = scenarios.filter((s) => !ONLY || ONLY.includes(s.name));
  if (!list.length && !ENTITY_IMPORT_SELECTED && !DRAW_SELECTED && !DIFF_SELECTED && !EXPORT_SELECTED && !SOAK_SELECTED) throw new Error(`no scenario matches BENCH_SCENARIOS=${process.env.BENCH_SCENARIOS}`);
  await migratePostgres(pg.url);
  await sameCostsForAll(pg.url);
  const data = await loadDataset(pg.url, ROWS);
  log(`loaded ${data.ids.length} agencies`);
  const searches = list.flatMap((s) => (s.search ? [s.search] : []));
  if (list.some((s) => s.duties)) {
    const started = Date.now();
    data.duties = await loadDuties(
      pg.url,
      data.ids,
      { articles: searches.filter((s) => s.table === 'legal_articles').map((s) => s.q), powers: searches.filter((s) => s.table === 'powers').map((s) => s.q) },
      log,
    );
    const { bases, articles, powers } = data.duties;
    log(`loaded ${articles} articles of ${bases} legal bases and ${powers} power items in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  let plans: string[] = [];
  if (list.some((s) => s.penalties)) {
    const ingest = await ingestPenalties(pg.url, data.ids, PENALTY_BATCHES, log);
    log(`ingest: app ${Math.round(ingest.rows / ingest.appSeconds)} rows/s, COPY ${Math.round(ingest.rows / ingest.copySeconds)} rows/s`);
    data.penalties = await penaltyReads(pg.url, ingest);
    if (process.env.BENCH_EXPLAIN) plans = await explainPenaltyReads(pg.url, data.penalties);
  }
  let negativeListPlans: string[] = [];
  if (list.some((s) => s.tasks)) {
    data.tasks = await loadTasks(pg.url, data.ids);
    log(`created ${data.tasks.length} inspection tasks`);
  }
  if (list.some((s) => s.negativeList)) {
    data.negativeList = await loadNegativeList(pg.url, log);
    if (process.env.BENCH_EXPLAIN) negativeListPlans = await explainNegativeList(pg.url);
  }
  const loadBefore = loadavg()[0]!.toFixed(2);
  // Each pair runs back to back, so drift on a shared machine hits both sides of a ratio alike.
  const results: ScenarioResult[] = [];
  for (const scenario of list) {
    const before = loadavg()[0]!;
    const ours = await drive(OURS, scenario.ours, pg.url, data, scenario);
    const bare = await drive(BARE, scenario.bare, pg.url, data, scenario);
    // The hand-written Fastify + pg service runs the bare handler's queries: only where those are the same as ours.
    const fastify = scenario.versus ? undefined : await drive(FASTIFY, scenario.bare, pg.url, data, scenario);
    const platformatic = scenario.platformatic ? await drive(PLATFORMATIC, scenario.platformatic, pg.url, data, scenario) : undefined;
    const pgbench = scenario.pgbench ? await runPgbench(bin, pg.url, scenario.pgbench(data), scenario.duties ? SEARCH_SECONDS : SECONDS) : undefined;
    if (pgbench) log(`${scenario.name} on pgbench: ${Math.round(pgbench.tps)} tps, p50 ${pgbench.p50.toFixed(1)} ms, p99 ${pgbench.p99.toFixed(1)} ms`);
    results.push({ scenario, ours, bare, fastify, platformatic, pgbench, load: { before, after: loadavg()[0]! } });
  }
  let entityImport: EntityImportFacts | undefined;
  if (ENTITY_IMPORT_SELECTED) {
    entityImport = await benchEntityImport(pg.url, data.ids[0]!, ENTITY_ROWS, log);
    log(`entity import: ${Math.round(entityImport.rows / entityImport.importSeconds)} rows/s, COPY ${Math.round(entityImport.rows / entityImport.copySeconds)} rows/s`);
  }
  const draw = DRAW_SELECTED ? await benchDraw(pg.url, log) : undefined;
  // After every other scenario: its copies stay in the change log.
  const bulkExport = EXPORT_SELECTED ? await benchExport(pg.url, await loadExportDataset(pg.url, data.ids, EXPORT_ROWS, log), log) : undefined;
  const soak = SOAK_SELECTED ? await benchSoak(pg.url, data, log) : undefined;
  const diff = DIFF_SELECTED ? benchDiff() : undefined;
  if (diff) log(`diff of two editions: ${diff.ours.median.toFixed(2)} ms median, plain compare ${diff.plain.median.toFixed(3)} ms`);

  const cpu = cpus();
  const facts: RunFacts = {
    date: new Date().toISOString().slice(0, 10),
    commit: commit(),
    node: process.version,
    cpus: `${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown CPU'}`,
    memory: `${Math.round(totalmem() / 2 ** 30)} GiB RAM; 1-min load average ${loadBefore} before the first measurement`,
    postgres: await postgresVersion(pg.url),
    rows: data.ids.length,
    connections: CONNECTIONS,
    poolMax: POOL_MAX,
    seconds: SECONDS,
    warmupSeconds: WARMUP,
    searchSeconds: SEARCH_SECONDS,
    searchWarmupSeconds: warmupFor(SEARCH_SECONDS),
    duties: data.duties,
  };
  const report =
    formatReport(facts, results) +
    (data.penalties ? [...formatIngest(data.penalties), ...plans].join('\n') + '\n' : '') +
    (data.negativeList ? [...formatNegativeList(data.negativeList, results), ...negativeListPlans].join('\n') + '\n' : '') +
    (entityImport ? formatEntityImport(entityImport).join('\n') + '\n' : '') +
    (draw ? formatDraw(draw).join('\n') + '\n' : '') +
    (diff ? formatDiff(diff).join('\n') + '\n' : '') +
    (bulkExport ? formatExport(bulkExport).join('\n') + '\n' : '') +
    (soak ? formatSoak(soak).join('\n') + '\n' : '');
  const dir = join(ROOT, 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${facts.date}.md`);
  const names = [...list.map((s) => s.name), ...(entityImport ? [ENTITY_IMPORT] : []), ...(draw ? [DRAW] : []), ...(diff ? [NEGATIVE_LIST_DIFF] : []), ...(bulkExport ? [EXPORT] : []), ...(soak ? [SOAK] : [])];
  // Keep the day's earlier runs: a later run (often another selection of scenarios) is appended.
  if (existsSync(file)) appendFileSync(file, '\n' + report.replace(/^# Benchmark (\S+)/, `# Benchmark $1, later run (${names.join(', ')})`)); else writeFileSync(file, report);
  console.log(report);
  log(`wrote ${file}`);
  for (const r of results) if (verdict(r).label !== 'PASS' && !verdict(r).label.startsWith('n/a')) log(`${r.scenario.name}: ${verdict(r).label} (a report, not a failure)`);
}

const bin = findPostgresBin();
if (!bin) throw new Error('PostgreSQL binaries not found (initdb on PATH or /usr/lib/postgresql/<v>/bin)');
const pg = await startThrowawayPostgres(bin);
// Ctrl-C must not leave a cluster running; the server children get the same signal from the terminal.
process.once('SIGINT', () => {
  pg.stop();
  process.exit(130);
});
try {
  await main(pg, bin);
} catch (err) {
  process.exitCode = 1;
  console.error(err);
} finally {
  pg.stop();
}
