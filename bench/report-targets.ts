/**
 * Issue 13's targets that relate two of our own measurements of one run: a 304 against the full answer, page
 * 10,000 against page 1, a common-term search against the filtered list. Time per request is 1 / req/s at the
 * same 64 connections. A pair missing from the run is left out.
 */
import type { ScenarioResult } from './report.js';

interface Pair {
  target: string;
  /** The scenario whose rate is compared, and the one it is compared with. */
  measured: string;
  against: string;
  /** The measured rate ÷ the other's that meets the target. */
  meets: (ratio: number, measured: ScenarioResult) => boolean;
  describe: (ratio: number, measured: ScenarioResult) => string;
}

const PAIRS: Pair[] = [
  {
    target: '304 ≥ 2× the full answer (agency)',
    measured: 'revalidate-304',
    against: 'get-by-id',
    meets: (ratio) => ratio >= 2,
    describe: (ratio) => `${ratio.toFixed(2)}× the req/s`,
  },
  {
    target: '304 ≥ 2× the full answer (penalty)',
    measured: 'penalty-revalidate-304',
    against: 'penalty-get-by-id',
    meets: (ratio) => ratio >= 2,
    describe: (ratio) => `${ratio.toFixed(2)}× the req/s`,
  },
  {
    target: 'page 10,000 within 1.2× the time of page 1',
    measured: 'penalty-list-p10000',
    against: 'penalty-list-p1',
    meets: (ratio) => 1 / ratio <= 1.2,
    describe: (ratio) => `${(1 / ratio).toFixed(2)}× the time per request`,
  },
  {
    target: 'a common-term search within 2× the filtered list’s time, p99 < 250 ms',
    measured: 'penalty-search',
    against: 'penalty-list-filtered-p1',
    meets: (ratio, m) => 1 / ratio <= 2 && m.ours.p99 < 250,
    describe: (ratio, m) => `${(1 / ratio).toFixed(2)}× the time per request, p99 ${m.ours.p99} ms`,
  },
];

export function formatTargets(results: ScenarioResult[]): string[] {
  const byName = new Map(results.map((r) => [r.scenario.name, r]));
  const rows = PAIRS.flatMap((pair) => {
    const measured = byName.get(pair.measured);
    const against = byName.get(pair.against);
    if (!measured || !against) return [];
    const ratio = measured.ours.requestsPerSec / against.ours.requestsPerSec;
    const met = pair.meets(ratio, measured) && !measured.ours.errors && !against.ours.errors;
    return [`| ${pair.target} | ${pair.measured} ÷ ${pair.against} | ${pair.describe(ratio, measured)} | ${met ? 'PASS' : 'FAIL'} |`];
  });
  if (!rows.length) return [];
  return ['', '## Issue 13: our own answers against each other', '', '| target | scenarios | ours | verdict |', '| --- | --- | --- | --- |', ...rows];
}
