import type { Measurement } from './load.js';
import type { Scenario } from './scenarios.js';

/** Our layers may cost at most this share of the bare handler's throughput (the issue's target). */
export const TARGET_OVERHEAD = 0.15;

export interface ScenarioResult {
  scenario: Scenario;
  ours: Measurement;
  bare: Measurement;
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
}

const num = (n: number, digits = 0) => n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const pct = (x: number) => `${(x * 100).toFixed(1)} %`;

/** Overhead = throughput lost against the bare handler: 1 − ours/bare. */
export function verdict(r: ScenarioResult): { ratio: number; overhead: number; label: string } {
  const ratio = r.bare.requestsPerSec > 0 ? r.ours.requestsPerSec / r.bare.requestsPerSec : 0;
  const overhead = 1 - ratio;
  const label = r.ours.errors || r.bare.errors ? 'INVALID (errors)' : overhead <= TARGET_OVERHEAD ? 'PASS' : 'FAIL';
  return { ratio, overhead, label };
}

function row(server: string, m: Measurement): string {
  const errors = m.errors ? `${num(m.errors)} (${Object.entries(m.statuses).map(([s, n]) => `${s}×${n}`).join(', ')})` : '0';
  const cpu = m.cpuUsPerRequest === null ? 'n/a' : num(m.cpuUsPerRequest);
  return `| ${server} | ${num(m.requestsPerSec)} | ${num(m.p50, 1)} | ${num(m.p99, 1)} | ${cpu} | ${errors} |`;
}

export function formatReport(facts: RunFacts, results: ScenarioResult[]): string {
  const lines = [
    `# Benchmark ${facts.date}`,
    '',
    `- commit ${facts.commit}; Node ${facts.node}; ${facts.cpus}; ${facts.memory}`,
    `- ${facts.postgres} (throwaway cluster, fsync off) with ${num(facts.rows)} agencies; both servers on the same machine, one at a time, pool ${facts.poolMax}, same Node flags`,
    `- autocannon, ${facts.connections} connections, ${facts.seconds} s per measurement after a ${facts.warmupSeconds} s warm-up on a fresh server process; ours and bare run back to back per scenario`,
    `- server CPU µs/req = the server process's user + system time over the measurement / responses (the load tool and PostgreSQL share the CPUs, so it isolates the server's own cost)`,
    `- overhead = 1 − ours/bare req/s; target ≤ ${pct(TARGET_OVERHEAD)}; errors = any status other than the expected one, plus socket errors`,
    '',
    '| scenario | gongshi req/s | bare req/s | ours/bare | overhead | target | server CPU/req ours ÷ bare |',
    '| --- | ---: | ---: | ---: | ---: | --- | ---: |',
  ];
  for (const r of results) {
    const v = verdict(r);
    const cpu = r.ours.cpuUsPerRequest && r.bare.cpuUsPerRequest ? `${(r.ours.cpuUsPerRequest / r.bare.cpuUsPerRequest).toFixed(1)}×` : 'n/a';
    lines.push(`| ${r.scenario.name} | ${num(r.ours.requestsPerSec)} | ${num(r.bare.requestsPerSec)} | ${v.ratio.toFixed(2)} | ${pct(v.overhead)} | ${v.label} | ${cpu} |`);
  }
  for (const r of results) {
    lines.push('', `## ${r.scenario.name}`, '', `${r.scenario.description}; expected status ${r.scenario.expectStatus}.`, '');
    lines.push('| server | req/s | p50 ms | p99 ms | server CPU µs/req | errors |', '| --- | ---: | ---: | ---: | ---: | --- |');
    lines.push(row('gongshi', r.ours), row('bare hono + postgres.js', r.bare));
  }
  return lines.join('\n') + '\n';
}
