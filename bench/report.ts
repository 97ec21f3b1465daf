import { formatTargets } from './report-targets.js';
import type { DutiesFacts } from './dataset-duties.js';
import type { PgbenchResult } from './pgbench.js';
import type { Measurement } from './load.js';
import type { Scenario } from './scenarios.js';

/** Our layers may cost at most this share of the bare handler's throughput (the target). */
const TARGET_OVERHEAD = 0.15;

export interface ScenarioResult {
  scenario: Scenario;
  ours: Measurement;
  bare: Measurement;
  /** The hand-written Fastify + pg service on the bare handler's queries (bench/fastify-server.ts), where they match ours. */
  fastify?: Measurement;
  /** Platformatic DB's generated REST API on the same rows (bench/platformatic.ts), where it has the read. */
  platformatic?: Measurement;
  /** pgbench on the scenario's SQL (bench/pgbench.ts): the ceiling. */
  pgbench?: PgbenchResult;
  /** 1-minute load average when the pair started and when it ended (the machine is shared). */
  load?: { before: number; after: number };
}

export interface RunFacts {
  date: string;
  commit: string;
  node: string;
  cpus: string;
  memory: string;
  postgres: string;
  rows: number;
  connections: number;
  poolMax: number;
  seconds: number;
  warmupSeconds: number;
  /** Duration and warm-up of the search scenarios (BENCH_SEARCH_SECONDS). */
  searchSeconds: number;
  searchWarmupSeconds: number;
  /** The search data set, when a search scenario ran. */
  duties?: DutiesFacts;
}

const num = (n: number, digits = 0) => n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
/** Throughput: whole numbers, but a slow search's 0.4 req/s must not read as 0. */
const rps = (n: number) => (n > 0 && n < 10 ? num(n, 1) : num(n));

/**
 * Overhead = throughput lost against the bare handler: 1 − ours/bare. A comparison scenario (`versus`,
 * e.g. search against a plain ILIKE) answers a different query on the bare side, so no target applies.
 */
export function verdict(r: ScenarioResult): { ratio: number; overhead: number; label: string; comparison: boolean } {
  const ratio = r.bare.requestsPerSec > 0 ? r.ours.requestsPerSec / r.bare.requestsPerSec : 0;
  const overhead = 1 - ratio;
  const comparison = r.scenario.versus !== undefined;
  const errors = r.ours.errors || r.bare.errors;
  const label = comparison
    ? `n/a (vs ${r.scenario.versus})${errors ? ', with errors' : ''}`
    : errors
      ? 'INVALID (errors)'
      : overhead <= TARGET_OVERHEAD
        ? 'PASS'
        : 'FAIL';
  return { ratio, overhead, label, comparison };
}

const bareName = (r: ScenarioResult) => (r.scenario.versus ? `${r.scenario.versus} (bare hono + postgres.js)` : 'bare hono + postgres.js');

function matchNote(duties: DutiesFacts | undefined, r: ScenarioResult): string {
  const m = r.scenario.search && duties?.matches.find((x) => x.table === r.scenario.search!.table && x.q === r.scenario.search!.q);
  return m ? `${num(m.rows)} of ${num(m.of)} (${pct(m.rows / m.of)})` : 'n/a';
}

/** Errors with what they were: statuses other than the expected one, and timeouts. */
function errorsOf(m: Measurement): string {
  if (!m.errors) return '0';
  const parts = Object.entries(m.statuses).map(([s, n]) => `${s}×${n}`);
  if (m.timeouts) parts.push(`timeout×${m.timeouts}`);
  return `${num(m.errors)} (${parts.join(', ')})`;
}

/** Latency of answered requests; with none answered there is no percentile to show. */
const latency = (m: Measurement, ms: number) => (m.total ? num(ms, 1) : 'none answered');

function row(server: string, m: Measurement): string {
  // Work on requests that timed out is in the CPU time but not in the count: no per-request figure then.
  const cpu = m.cpuUsPerRequest === null || !m.total || m.timeouts ? 'n/a' : num(m.cpuUsPerRequest);
  return `| ${server} | ${rps(m.requestsPerSec)} | ${latency(m, m.p50)} | ${latency(m, m.p99)} | ${cpu} | ${errorsOf(m)} |`;
}

/** Exported for the other comparison sections (bench/report-negative-list.ts). */
export { errorsOf, latency, num, rps };

export function formatReport(facts: RunFacts, results: ScenarioResult[]): string {
  const lines = [
    `# Benchmark ${facts.date}`,
    '',
    `- commit ${facts.commit}; Node ${facts.node}; ${facts.cpus}; ${facts.memory}`,
    `- ${facts.postgres} (throwaway cluster, fsync off) with ${num(facts.rows)} agencies; every server on the same machine, one at a time, pool ${facts.poolMax}, same Node flags`,
    `- autocannon, ${facts.connections} connections, ${facts.seconds} s per measurement after a ${facts.warmupSeconds} s warm-up on a fresh server process; ours, bare and (where the queries match) Fastify + pg run back to back per scenario`,
    `- server CPU µs/req = the server process's user + system time over the measurement / responses (the load tool and PostgreSQL share the CPUs, so it isolates the server's own cost)`,
    `- overhead = 1 − ours/bare req/s; target ≤ ${pct(TARGET_OVERHEAD)} for the foundation scenarios only; the comparison scenarios (search beside a plain ILIKE, the negative list beside a plain tsquery lookup) have no target; errors = any status other than the expected one, plus socket errors`,
  ];
  if (facts.duties) {
    const d = facts.duties;
    lines.push(
      `- search data set (bench/dataset-duties.ts, fixed seed): ${num(d.articles)} articles of ${num(d.bases)} legal bases, ${num(d.powers)} power items held by the agencies above; search scenarios run ${facts.searchSeconds} s after a ${facts.searchWarmupSeconds} s warm-up`,
    );
  }
  if (results.length) {
    lines.push(
      '',
      '| scenario | gongshi req/s | bare req/s | ours/bare | overhead | target | server CPU/req ours ÷ bare |',
      '| --- | ---: | ---: | ---: | ---: | --- | ---: |',
    );
  }
  for (const r of results) {
    const v = verdict(r);
    const cpu = r.ours.cpuUsPerRequest && r.bare.cpuUsPerRequest && !r.ours.timeouts && !r.bare.timeouts ? `${(r.ours.cpuUsPerRequest / r.bare.cpuUsPerRequest).toFixed(1)}×` : 'n/a';
    const overhead = v.comparison ? '—' : pct(v.overhead);
    lines.push(`| ${r.scenario.name} | ${rps(r.ours.requestsPerSec)} | ${rps(r.bare.requestsPerSec)} | ${v.ratio.toFixed(2)} | ${overhead} | ${v.label} | ${cpu} |`);
  }
  const againstFastify = results.filter((r) => r.fastify);
  if (againstFastify.length) {
    lines.push(
      '',
      '## Against what users would pick instead: Fastify 5 + pg, Platformatic DB',
      '',
      "bench/fastify-server.ts: the same queries and columns as the bare handler, named (prepared) statements, Fastify's default serializer. bench/platformatic.ts: Platformatic DB 2.61.0's generated REST API over the same tables (its own SQL). Targets (issue 13): ours ≥ 1.0× Fastify with a p99 no worse, and ≥ 1.5× Platformatic.",
      '',
      '| scenario | gongshi req/s | Fastify + pg req/s | ours/Fastify | gongshi p99 ms | Fastify p99 ms | Platformatic req/s | ours/Platformatic | Fastify target | Platformatic target |',
      '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |',
    );
    for (const r of againstFastify) {
      const f = r.fastify!;
      const p = r.platformatic;
      const ratio = r.ours.requestsPerSec / f.requestsPerSec;
      const fastifyMet = ratio >= 1 && r.ours.p99 <= f.p99 && !r.ours.errors && !f.errors;
      const pRatio = p ? r.ours.requestsPerSec / p.requestsPerSec : null;
      const pMet = p ? (pRatio! >= 1.5 && !r.ours.errors ? 'PASS' : 'FAIL') : 'n/a';
      lines.push(
        `| ${r.scenario.name} | ${rps(r.ours.requestsPerSec)} | ${rps(f.requestsPerSec)} | ${ratio.toFixed(2)} | ${latency(r.ours, r.ours.p99)} | ${latency(f, f.p99)} | ${p ? rps(p.requestsPerSec) : 'n/a'} | ${pRatio === null ? 'n/a' : pRatio.toFixed(2)} | ${fastifyMet ? 'PASS' : 'FAIL'} | ${pMet} |`,
      );
    }
  }
  const againstCeiling = results.filter((r) => r.pgbench);
  if (againstCeiling.length) {
    lines.push(
      '',
      '## The ceiling: pgbench with prepared statements',
      '',
      `pgbench -M prepared, ${facts.connections} clients, the scenario's SQL as the baselines send it (a rotation of ids is a numbered table pgbench picks from), no HTTP or JSON. Each server's share of it:`,
      '',
      '| scenario | pgbench tps | p50 ms | p99 ms | gongshi ÷ pgbench | bare ÷ pgbench | Fastify + pg ÷ pgbench | Platformatic ÷ pgbench |',
      '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    );
    for (const r of againstCeiling) {
      const c = r.pgbench!;
      const share = (m: Measurement | undefined) => (m ? (m.requestsPerSec / c.tps).toFixed(2) : 'n/a');
      lines.push(`| ${r.scenario.name} | ${rps(c.tps)} | ${c.p50.toFixed(1)} | ${c.p99.toFixed(1)} | ${share(r.ours)} | ${share(r.bare)} | ${share(r.fastify)} | ${share(r.platformatic)} |`);
    }
  }
  lines.push(...formatTargets(results));
  const comparisons = results.filter((r) => r.scenario.search);
  if (comparisons.length) {
    lines.push(
      '',
      '## Search: ours vs plain ILIKE',
      '',
      'Ours ranks word and substring matches over the whole table and joins the text titles; the baseline is an unranked `ILIKE` in a fixed order, so it is a yardstick, not a target.',
      'Rows matched = rows whose raw text (articles) or name (powers) contains the query, i.e. what the ILIKE filters.',
      '',
      '| scenario | q | rows matched | ours req/s | ours p50 ms | ours p99 ms | ours errors | ILIKE req/s | ILIKE p50 ms | ILIKE p99 ms | ILIKE errors | ours/ILIKE |',
      '| --- | --- | ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: | --- | ---: |',
    );
    for (const r of comparisons) {
      const { ours, bare } = r;
      lines.push(
        `| ${r.scenario.name} | ${r.scenario.search?.q ?? ''} | ${matchNote(facts.duties, r)} | ${rps(ours.requestsPerSec)} | ${latency(ours, ours.p50)} | ${latency(ours, ours.p99)} | ${errorsOf(ours)} | ${rps(bare.requestsPerSec)} | ${latency(bare, bare.p50)} | ${latency(bare, bare.p99)} | ${errorsOf(bare)} | ${verdict(r).ratio.toFixed(2)} |`,
      );
    }
  }
  for (const r of results) {
    lines.push('', `## ${r.scenario.name}`, '', `${r.scenario.description}; expected status ${r.scenario.expectStatus}.`, '');
    lines.push('| server | req/s | p50 ms | p99 ms | server CPU µs/req | errors |', '| --- | ---: | ---: | ---: | ---: | --- |');
    lines.push(row('gongshi', r.ours), row(bareName(r), r.bare));
    if (r.fastify) lines.push(row('fastify + pg', r.fastify));
    if (r.platformatic) lines.push(row('platformatic db', r.platformatic));
  }
  return lines.join('\n') + '\n';
}
