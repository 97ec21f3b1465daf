import fc from 'fast-check';
import { checkOutcome, type Problem } from './checks.js';
import { describeExchange, printFinding, type Finding, Stats } from './report.js';
import { requestArb, type FuzzRequest, type RequestContext } from './request.js';
import { smallerVariants } from './shrink.js';
import { learnFrom, resolve, send, type Outcome, type World } from './send.js';
import type { SpecCheck } from './spec-check.js';
import type { ServedSpec } from './spec.js';

export interface RunLimits {
  seed: number;
  requests?: number;
  seconds?: number;
  /** Time given to shrinking each distinct failure, and how many are shrunk. */
  shrinkSeconds: number;
  shrinkCount: number;
}

const BATCH = 500;

/**
 * Runs generated requests one after another and records every problem. Requests come from fast-check with a
 * fixed seed: request #k of a seed is always the same, so any one can be replayed (and shrunk) on its own.
 */
export class Fuzzer {
  readonly stats = new Stats();
  private readonly arbitrary: fc.Arbitrary<FuzzRequest>;

  constructor(
    spec: ServedSpec,
    ctx: RequestContext,
    private readonly world: World,
    private readonly specCheck: SpecCheck,
    private readonly crashed: () => string | null,
  ) {
    // Writes weigh more: they reach the most code.
    const ops = spec.operations.map((op) => ({ arbitrary: requestArb(op, ctx), weight: op.method === 'GET' ? 2 : 3 }));
    this.arbitrary = fc.oneof(...ops);
  }

  private async exchange(req: FuzzRequest): Promise<{ outcome: Outcome; problems: Problem[] }> {
    const outcome = await send(await resolve(req, this.world), this.world);
    learnFrom(req.template, outcome, this.world);
    const problems = checkOutcome(outcome, req.op, this.specCheck);
    const crash = this.crashed();
    if (crash) problems.push({ kind: 'crash', signature: `crash ${req.op}`, detail: crash });
    return { outcome, problems };
  }

  private requestsAt(seed: number, start: number, count: number): FuzzRequest[] {
    // fast-check's path replay: request #k of a seed is generated without generating the ones before it.
    const property = fc.asyncProperty(this.arbitrary, async () => true);
    return (fc.sample(property, { seed, path: String(start), numRuns: count }) as [FuzzRequest][]).map(([r]) => r);
  }

  private stopped = false;
  /** Ends the run after the request in flight (Ctrl-C): the summary and findings are still printed. */
  stop() {
    this.stopped = true;
  }

  async run(limits: RunLimits, onProgress: (stats: Stats) => void): Promise<void> {
    const deadline = limits.seconds ? performance.now() + limits.seconds * 1000 : Infinity;
    const total = limits.requests ?? Infinity;
    for (let start = 0; start < total && performance.now() < deadline; start += BATCH) {
      const batch = this.requestsAt(limits.seed, start, Math.min(BATCH, total - start));
      for (const [offset, req] of batch.entries()) {
        if (performance.now() >= deadline || this.stopped) return;
        const { outcome, problems } = await this.exchange(req);
        const known = this.stats.findings.size;
        this.stats.record(req.op, start + offset, outcome, problems);
        for (const f of [...this.stats.findings.values()].slice(known)) console.log(`  new finding at request #${f.index}: ${f.problem.signature}`);
        if (problems.some((p) => p.kind === 'crash')) return;
        if (this.stats.requests % 1000 === 0) onProgress(this.stats);
      }
    }
  }

  /**
   * Replays the first request of a finding and shrinks it while it still fails the same way (see shrink.ts).
   * Records hit a changed database on replay, so a finding that needed earlier requests may not reproduce.
   */
  async shrink(finding: Finding, seed: number, seconds: number): Promise<void> {
    const deadline = performance.now() + seconds * 1000;
    const fails = async (req: FuzzRequest) => {
      const { outcome, problems } = await this.exchange(req);
      return problems.some((p) => p.signature === finding.problem.signature) ? outcome : null;
    };
    let [current] = this.requestsAt(seed, finding.index, 1);
    let smallest = await fails(current!);
    if (!smallest) return;
    let progress = true;
    while (progress && performance.now() < deadline) {
      progress = false;
      for (const candidate of smallerVariants(current!)) {
        if (performance.now() >= deadline) break;
        const outcome = await fails(candidate);
        if (outcome) {
          [current, smallest, progress] = [candidate, outcome, true];
          break;
        }
      }
    }
    finding.shrunk = smallest;
  }

  /**
   * Sends requests #from..#to of the seed in order (after the setup, on a fresh server), printing each exchange,
   * and shrinks what fails. A range reproduces findings that need the requests before them.
   */
  async replay(from: number, to: number, seed: number, shrinkSeconds: number): Promise<void> {
    for (const [offset, req] of this.requestsAt(seed, from, to - from + 1).entries()) {
      const { outcome, problems } = await this.exchange(req);
      this.stats.record(req.op, from + offset, outcome, problems);
      console.log(`#${from + offset}\n${describeExchange(outcome)}`);
    }
    for (const finding of this.stats.findings.values()) await this.shrink(finding, seed, shrinkSeconds);
  }

  async report(seed: number, limits: RunLimits) {
    const findings = [...this.stats.findings.values()];
    for (const finding of findings.slice(0, limits.shrinkCount)) {
      if (finding.problem.kind !== 'crash' && !this.crashed()) await this.shrink(finding, seed, limits.shrinkSeconds);
    }
    for (const finding of findings) printFinding(finding, seed);
  }
}
