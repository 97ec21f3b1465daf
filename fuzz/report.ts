import type { Problem } from './checks.js';
import type { Outcome } from './send.js';

/** One distinct failure: its first request and how often it came back. */
export interface Finding {
  problem: Problem;
  index: number;
  outcome: Outcome;
  count: number;
  /** The smallest failing request fast-check shrank it to, when shrinking reproduced it. */
  shrunk?: Outcome;
}

export class Stats {
  readonly started = performance.now();
  requests = 0;
  /** Requests answered only when resent after a dropped keep-alive connection (shown, not failed). */
  readonly redelivered: string[] = [];
  readonly byOperation = new Map<string, Map<string, number>>();
  readonly byKind = new Map<string, number>();
  readonly findings = new Map<string, Finding>();

  record(op: string, index: number, outcome: Outcome, problems: Problem[]) {
    this.requests++;
    if (outcome.redelivered) this.redelivered.push(`${op}: ${outcome.redelivered}`);
    const statuses = this.byOperation.get(op) ?? new Map<string, number>();
    const status = outcome.error ? 'no answer' : String(outcome.status);
    statuses.set(status, (statuses.get(status) ?? 0) + 1);
    this.byOperation.set(op, statuses);
    for (const kind of new Set(problems.map((p) => p.kind))) this.byKind.set(kind, (this.byKind.get(kind) ?? 0) + 1);
    for (const problem of problems) {
      const known = this.findings.get(problem.signature);
      if (known) known.count++;
      else this.findings.set(problem.signature, { problem, index, outcome, count: 1 });
    }
  }

  seconds = () => (performance.now() - this.started) / 1000;
}

const preview = (bytes: Uint8Array | undefined) => {
  if (!bytes) return '(none)';
  const text = new TextDecoder().decode(bytes);
  return `${bytes.length} bytes: ${JSON.stringify(text.length > 600 ? `${text.slice(0, 600)}…` : text)}`;
};

/** A request and its answer, as a reader would retype them. */
export function describeExchange(o: Outcome): string {
  const headers = Object.entries(o.sent.headers).map(([k, v]) => `    ${k}: ${k === 'Authorization' ? `<${o.sent.authLabel}>` : JSON.stringify(v)}`);
  const answer = o.error ? `no answer: ${o.error}` : `${o.status} ${o.text.slice(0, 400)}`;
  return [`    ${o.sent.method} ${o.sent.url}`, ...headers, `    body ${preview(o.sent.body)}`, `    => ${answer}`].join('\n');
}

export function printFinding(f: Finding, seed: number) {
  console.log(`\nFAIL [${f.problem.kind}] ${f.problem.signature}`);
  console.log(`  ${f.problem.detail.slice(0, 600)}`);
  console.log(`  seen ${f.count}×; first at request #${f.index}; replay it alone: npm run fuzz -- --seed ${seed} --replay ${f.index} (with the one before: --replay ${Math.max(0, f.index - 1)}-${f.index})`);
  console.log(f.shrunk ? `  shrunk reproduction:\n${describeExchange(f.shrunk)}` : `  reproduction:\n${describeExchange(f.outcome)}`);
}

export function printSummary(stats: Stats, logFindings: string[], logLines: number, crash: string | null) {
  console.log('\nrequests per operation and status:');
  for (const [op, statuses] of [...stats.byOperation].sort(([a], [b]) => a.localeCompare(b))) {
    console.log(`  ${op.padEnd(64)} ${[...statuses].sort().map(([s, n]) => `${s}×${n}`).join(' ')}`);
  }
  const n = (kind: string) => stats.byKind.get(kind) ?? 0;
  console.log(`\nrequests: ${stats.requests} in ${stats.seconds().toFixed(1)} s (${(stats.requests / stats.seconds()).toFixed(0)} requests/s)`);
  console.log(`5xx: ${n('5xx')}; spec mismatches: ${n('spec')}; responses with raw ID numbers: ${n('raw-id')}; no answer: ${n('connection')}`);
  if (stats.redelivered.length) console.log(`resent after a dropped connection and then answered: ${stats.redelivered.length} (${stats.redelivered.slice(0, 3).join('; ')})`);
  console.log(`server log: ${logLines} lines, ${logFindings.length} with raw ID numbers or SQL${crash ? `; CRASH: ${crash}` : ''}`);
  for (const line of logFindings.slice(0, 10)) console.log(`  log: ${line}`);
  console.log(`distinct findings: ${stats.findings.size}`);
}
