import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { DRAW_ALGORITHM, type DrawInput, freezePools, runDraw } from '../../src/draw/algorithm.js';
import type { Conflict, DrawParameters, SampleRule } from '../../src/draw/inputs.js';
import type { PublishedDraw } from '../../src/draw/published.js';
import { commitmentOf } from '../../src/draw/seed.js';

/** 32 bytes of hex derived from a label: a fixed secret or contribution for a test. */
export const hex32 = (label: string | number) => createHash('sha256').update(String(label)).digest('hex');

const STRATA = ['A', 'B', 'C', 'D', '-'] as const;

/** Ids like UUIDv7 strings, distinct by construction. */
export const ids = (kind: string, n: number) => Array.from({ length: n }, (_, i) => `0197${kind.padEnd(4, '0').slice(0, 4)}-0000-7000-8000-${String(i).padStart(12, '0')}`);

/** A pool of n entities spread over the risk classes in turn. */
export const entityPool = (n: number, strata: readonly string[] = STRATA) => ids('e', n).map((id, i) => ({ id, stratum: strata[i % strata.length]! }));
export const inspectorPool = (n: number) => ids('1', n).map((id) => ({ id }));

const hexArb = fc.uint8Array({ minLength: 32, maxLength: 32 }).map((b) => Buffer.from(b).toString('hex'));

/**
 * Any feasible draw of a small pool: counts within their groups, and conflicts that leave every entity at least
 * k inspectors (as commitPools demands at commit). Pools come unsorted; ids are arbitrary printable ASCII.
 */
export const feasibleDraw = (options: { conflicts?: boolean } = {}) =>
  fc
    .record({
      entities: fc.uniqueArray(fc.record({ id: fc.stringMatching(/^[\x21-\x7e]{1,6}$/), stratum: fc.constantFrom(...STRATA) }), { minLength: 1, maxLength: 40, size: 'max', selector: (e) => e.id }),
      inspectors: fc.uniqueArray(fc.stringMatching(/^[\x21-\x7e]{1,6}$/), { minLength: 2, maxLength: 9 }),
      k: fc.integer({ min: 2, max: 4 }),
      mode: fc.constantFrom('count', 'ratio', 'strata'),
      amounts: fc.array(fc.integer({ min: 1, max: 10_000 }), { minLength: 5, maxLength: 5 }),
      useRatio: fc.array(fc.boolean(), { minLength: 5, maxLength: 5 }),
      named: fc.subarray([...STRATA], { minLength: 1 }),
      conflictBits: fc.array(fc.boolean(), { minLength: 400, maxLength: 400 }),
      secret: hexArb,
      contributions: fc.array(hexArb, { maxLength: 3 }),
    })
    .map((g): DrawInput => {
      const k = Math.min(g.k, g.inspectors.length);
      const size = (stratum: string | null) => g.entities.filter((e) => stratum === null || e.stratum === stratum).length;
      const rule = (i: number, n: number) => (g.useRatio[i] ? { basisPoints: g.amounts[i]! } : { count: 1 + (g.amounts[i]! % Math.max(n, 1)) });
      const strata = Object.fromEntries(g.named.filter((s) => size(s) > 0).map((s, i) => [s, rule(i, size(s))]));
      const sample: SampleRule =
        g.mode === 'count' || Object.keys(strata).length === 0
          ? { mode: 'count', count: 1 + (g.amounts[0]! % g.entities.length) }
          : g.mode === 'ratio'
            ? { mode: 'ratio', basisPoints: g.amounts[0]! }
            : { mode: 'strata', strata };
      const conflicts: Conflict[] = [];
      if (options.conflicts !== false) {
        g.entities.forEach((e, i) => {
          const mine = g.inspectors.filter((_, j) => g.conflictBits[(i * 9 + j) % 400]);
          for (const inspectorId of mine.slice(0, g.inspectors.length - k)) conflicts.push({ inspectorId, entityId: e.id });
        });
      }
      const parameters: DrawParameters = { inspectorsPerEntity: k, sample };
      return { taskId: 'task', pools: { entities: g.entities, inspectors: g.inspectors.map((id) => ({ id })), conflicts }, parameters, secret: g.secret, contributions: g.contributions };
    });

/** The JSON GET …/draw?include=pools would publish for this draw, revealed. */
export function publishedDraw(input: DrawInput): PublishedDraw {
  const { pools, digests } = freezePools(input.pools);
  const { seed, result } = runDraw(input);
  return {
    id: '0197a000-0000-7000-8000-0000000000dd',
    version: 1 + input.contributions.length + 1,
    taskId: input.taskId,
    taskVersion: 1,
    attempt: 1,
    algorithm: DRAW_ALGORITHM,
    status: 'revealed',
    committedAt: '2026-03-02T09:00:00+08:00',
    committedBy: '0197a000-0000-7000-8000-0000000000aa',
    parameters: input.parameters,
    pools: {
      entities: { ...digests.entities, items: pools.entities },
      inspectors: { ...digests.inspectors, items: pools.inspectors },
      conflicts: { ...digests.conflicts, items: pools.conflicts },
    },
    commitment: commitmentOf(input.secret),
    contributionsCloseAt: '2026-03-03T09:00:00+08:00',
    contributions: input.contributions.map((value, i) => ({
      seq: i + 1,
      value,
      by: i === 0 ? ('operator' as const) : ('agency' as const),
      agencyId: i === 0 ? null : '0197a000-0000-7000-8000-0000000000bb',
      at: `2026-03-02T1${i}:00:00+08:00`,
    })),
    secret: input.secret,
    seed,
    revealedAt: '2026-03-03T10:00:00+08:00',
    result,
    voided: null,
  };
}
