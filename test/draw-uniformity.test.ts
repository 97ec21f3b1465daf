/**
 * Uniformity of the draw: over many seeds (a fixed list of contributions, so the test is deterministic), each
 * entity of a stratum is drawn equally often, the first draw of a stratum is any of its entities equally often,
 * and inspectors are assigned equally often at every position. Chi-square tests at significance 0.001.
 */
import { describe, expect, it } from 'vitest';
import { type DrawInput, runDraw } from '../src/draw/algorithm.js';
import { hex32, ids, inspectorPool } from './support/draw.js';

/** Upper 0.1 % points of the chi-square distribution (standard tables), by degrees of freedom. */
const CRITICAL_0_001: Record<number, number> = { 4: 18.467, 5: 20.515, 9: 27.877 };

/**
 * Counts of n items when each trial picks `perTrial` distinct ones, exchangeably: each count has variance
 * N p (1 − p) with p = perTrial / n and the counts covary by −N p (1 − p) / (n − 1), so
 * (n − 1) / n × Σ (O − E)² / (E (1 − p)) is chi-square with n − 1 degrees of freedom. perTrial = 1 is the
 * ordinary multinomial test.
 */
function chiSquare(counts: number[], trials: number, perTrial: number): { statistic: number; critical: number } {
  const n = counts.length;
  const p = perTrial / n;
  const expected = trials * p;
  const sum = counts.reduce((s, o) => s + (o - expected) ** 2 / (expected * (1 - p)), 0);
  const critical = CRITICAL_0_001[n - 1];
  if (critical === undefined) throw new Error(`no critical value for ${n - 1} degrees of freedom`);
  return { statistic: ((n - 1) / n) * sum, critical };
}

const RUNS = 4000;
// 10 entities of class A (draw 3), 6 of B (draw 2), 4 of C and 4 unclassified that are never drawn.
const entities = [
  ...ids('a', 10).map((id) => ({ id, stratum: 'A' })),
  ...ids('b', 6).map((id) => ({ id, stratum: 'B' })),
  ...ids('c', 8).map((id, i) => ({ id, stratum: i % 2 ? 'C' : '-' })),
];
const inspectors = inspectorPool(5);
const input = (run: number): DrawInput => ({
  taskId: '0197a000-0000-7000-8000-000000000003',
  pools: { entities, inspectors, conflicts: [] },
  parameters: { inspectorsPerEntity: 2, sample: { mode: 'strata', strata: { A: { count: 3 }, B: { count: 2 } } } },
  secret: hex32('uniformity secret'),
  contributions: [hex32(`uniformity run ${run}`)],
});
const results = Array.from({ length: RUNS }, (_, run) => runDraw(input(run)).result.selections);

const idsOf = (stratum: string) => entities.filter((e) => e.stratum === stratum).map((e) => e.id);

describe('draw uniformity', () => {
  it('the pool is what the test means, and every run draws 3 of A then 2 of B', () => {
    expect(idsOf('A')).toHaveLength(10);
    expect(idsOf('B')).toHaveLength(6);
    expect(new Set(entities.map((e) => e.id)).size).toBe(entities.length);
    expect(results).toHaveLength(RUNS);
    for (const selections of results) expect(selections.map((s) => s.stratum)).toEqual(['A', 'A', 'A', 'B', 'B']);
  });

  it.each([
    ['A', 3],
    ['B', 2],
  ] as const)('stratum %s: each entity is drawn equally often', (stratum, drawn) => {
    const counts = idsOf(stratum).map((id) => results.filter((r) => r.some((s) => s.entityId === id)).length);
    const { statistic, critical } = chiSquare(counts, RUNS, drawn);
    expect(statistic, `counts ${counts}`).toBeLessThan(critical);
  });

  it.each(['A', 'B'])('stratum %s: its first draw is each entity equally often', (stratum) => {
    const first = results.map((r) => r.find((s) => s.stratum === stratum)!.entityId);
    const counts = idsOf(stratum).map((id) => first.filter((f) => f === id).length);
    const { statistic, critical } = chiSquare(counts, RUNS, 1);
    expect(statistic, `counts ${counts}`).toBeLessThan(critical);
  });

  it.each([1, 2, 3, 4, 5])('selection %i: each inspector is assigned equally often', (seq) => {
    const counts = inspectors.map((i) => results.filter((r) => r[seq - 1]!.inspectorIds.includes(i.id)).length);
    const { statistic, critical } = chiSquare(counts, RUNS, 2);
    expect(statistic, `counts ${counts}`).toBeLessThan(critical);
  });

  it('selection 1: each pair of inspectors is equally likely', () => {
    const pairs = inspectors.flatMap((a, i) => inspectors.slice(i + 1).map((b) => [a.id, b.id].join()));
    const counts = pairs.map((pair) => results.filter((r) => [...r[0]!.inspectorIds].sort().join() === pair).length);
    const { statistic, critical } = chiSquare(counts, RUNS, 1);
    expect(statistic, `counts ${counts}`).toBeLessThan(critical);
  });

  it('the test rejects a draw that favours one entity by a fifth', () => {
    const fair = (RUNS * 3) / 10;
    const counts = [fair * 1.2, ...Array.from({ length: 9 }, () => fair - (fair * 0.2) / 9)];
    const { statistic, critical } = chiSquare(counts, RUNS, 3);
    expect(statistic).toBeGreaterThan(critical);
  });
});
