/**
 * Properties of the draw (docs/draw-algorithm.md) over any small feasible input: deterministic, selections
 * distinct and within their groups, k distinct non-conflicting inspectors each, fair shares, the fast assignment
 * identical to the plain one of the specification, and an outcome no single contribution leaves unchanged.
 */
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { commitPools, type DrawInput, freezePools, runDraw } from '../src/draw/algorithm.js';
import { DrawError } from '../src/draw/draw-error.js';
import { checkReveal, commitmentOf, randomHex32 } from '../src/draw/seed.js';
import { sampleCounts } from '../src/draw/select.js';
import { DrawStream } from '../src/draw/stream.js';
import { entityPool, feasibleDraw, hex32, inspectorPool } from './support/draw.js';

const reversed = (input: DrawInput): DrawInput => ({
  ...input,
  pools: { entities: [...input.pools.entities].reverse(), inspectors: [...input.pools.inspectors].reverse(), conflicts: [...input.pools.conflicts].reverse() },
});

/** Per inspector id, how many entities it was assigned. */
function loads(selections: { inspectorIds: string[] }[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const s of selections) for (const id of s.inspectorIds) out.set(id, (out.get(id) ?? 0) + 1);
  return out;
}

/** The assignment exactly as the specification words it: scan every inspector for each pick. */
function plainAssignment(input: DrawInput, entityIds: string[], seed: string): string[][] {
  const { pools } = freezePools(input.pools);
  const load = new Map(pools.inspectors.map((i) => [i.id, 0]));
  const stream = new DrawStream(seed, 'assign');
  return entityIds.map((entityId) => {
    const picks: string[] = [];
    for (let p = 0; p < input.parameters.inspectorsPerEntity; p++) {
      const eligible = pools.inspectors.map((i) => i.id).filter((id) => !picks.includes(id) && !pools.conflicts.some((c) => c.inspectorId === id && c.entityId === entityId));
      const low = Math.min(...eligible.map((id) => load.get(id)!));
      const ties = eligible.filter((id) => load.get(id) === low);
      const pick = ties[stream.uniform(ties.length)]!;
      load.set(pick, low + 1);
      picks.push(pick);
    }
    return picks;
  });
}

describe('draw properties', () => {
  it('is deterministic, whatever order the pools come in', () => {
    fc.assert(
      fc.property(feasibleDraw(), (input) => {
        const first = runDraw(input);
        expect(runDraw(input)).toEqual(first);
        expect(runDraw(reversed(input))).toEqual(first);
      }),
      { numRuns: 150 },
    );
  });

  it('draws distinct entities of their group, as many as sampleCounts says', () => {
    fc.assert(
      fc.property(feasibleDraw(), (input) => {
        const { selections } = runDraw(input).result;
        const groups = sampleCounts(freezePools(input.pools).pools.entities, input.parameters.sample);
        expect(selections.length).toBe(groups.reduce((n, g) => n + g.count, 0));
        expect(selections.length).toBeGreaterThan(0);
        expect(selections.map((s) => s.seq)).toEqual(selections.map((_, i) => i + 1));
        expect(new Set(selections.map((s) => s.entityId)).size).toBe(selections.length);
        const stratumOf = new Map(input.pools.entities.map((e) => [e.id, e.stratum]));
        for (const s of selections) expect(stratumOf.get(s.entityId)).toBe(s.stratum);
        for (const g of groups) {
          if (g.stratum !== null) expect(selections.filter((s) => s.stratum === g.stratum)).toHaveLength(g.count);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('gives each entity k distinct inspectors of the pool, none it conflicts with, the same ones the plain scan picks', () => {
    fc.assert(
      fc.property(feasibleDraw(), (input) => {
        const { seed, result } = runDraw(input);
        const k = input.parameters.inspectorsPerEntity;
        const pool = new Set(input.pools.inspectors.map((i) => i.id));
        const conflicts = new Set(input.pools.conflicts.map((c) => `${c.inspectorId}\t${c.entityId}`));
        expect(result.selections.length).toBeGreaterThan(0);
        for (const s of result.selections) {
          expect(new Set(s.inspectorIds).size).toBe(k);
          for (const id of s.inspectorIds) {
            expect(pool.has(id)).toBe(true);
            expect(conflicts.has(`${id}\t${s.entityId}`)).toBe(false);
          }
        }
        const plain = plainAssignment(input, result.selections.map((s) => s.entityId), seed);
        expect(result.selections.map((s) => s.inspectorIds)).toEqual(plain);
        // overShare lists exactly the inspectors above the fair share.
        const cap = Math.ceil((result.selections.length * k) / pool.size);
        const above = [...loads(result.selections)].filter(([, n]) => n > cap).map(([id]) => id).sort();
        expect(result.overShare).toEqual(above);
      }),
      { numRuns: 200 },
    );
  });

  it('without conflicts, keeps every load within one of the others, so none exceeds the fair share', () => {
    fc.assert(
      fc.property(feasibleDraw({ conflicts: false }), (input) => {
        const { result } = runDraw(input);
        const counts = input.pools.inspectors.map((i) => loads(result.selections).get(i.id) ?? 0);
        const cap = Math.ceil((result.selections.length * input.parameters.inspectorsPerEntity) / counts.length);
        expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
        expect(Math.max(...counts)).toBeLessThanOrEqual(cap);
        expect(result.overShare).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it('cannot be predicted at commit time: changing, adding, removing or swapping one contribution changes seed and outcome', () => {
    const base: DrawInput = {
      taskId: '0197a000-0000-7000-8000-000000000002',
      pools: { entities: entityPool(400), inspectors: inspectorPool(12), conflicts: [] },
      parameters: { inspectorsPerEntity: 2, sample: { mode: 'count', count: 20 } },
      secret: hex32('secret'),
      contributions: [hex32(1), hex32(2), hex32(3)],
    };
    const reference = runDraw(base);
    const edit = (fn: (list: string[]) => void) => {
      const list = [...base.contributions];
      fn(list);
      return list;
    };
    const hex = fc.uint8Array({ minLength: 32, maxLength: 32 }).map((b) => Buffer.from(b).toString('hex'));
    const index = fc.integer({ min: 0, max: 2 });
    const variants = fc.oneof(
      fc.tuple(index, hex).map(([i, value]) => edit((list) => list.splice(i, 1, value))), // changed
      hex.map((value) => edit((list) => list.push(value))), // added
      index.map((i) => edit((list) => list.splice(i, 1))), // removed
      fc.constantFrom([0, 1], [0, 2], [1, 2]).map(([i, j]) => edit((list) => ([list[i!], list[j!]] = [list[j!]!, list[i!]!]))), // swapped
    );
    fc.assert(
      fc.property(variants, (contributions) => {
        fc.pre(contributions.join() !== base.contributions.join());
        const other = runDraw({ ...base, contributions });
        expect(other.seed).not.toBe(reference.seed);
        expect(other.result.selections.map((s) => s.entityId)).not.toEqual(reference.result.selections.map((s) => s.entityId));
      }),
      { numRuns: 100 },
    );
  });

  it('refuses an impossible draw at commit and at reveal alike, naming the field, group or entity', () => {
    const entities = entityPool(10);
    const inspectors = inspectorPool(3);
    /** What commitPools (at commit) refuses, after checking that runDraw (at reveal) refuses the same; what it publishes otherwise. */
    const run = (pools: Partial<DrawInput['pools']>, sample: DrawInput['parameters']['sample'], k = 2) => {
      const input: DrawInput = { taskId: 't', pools: { entities, inspectors, conflicts: [], ...pools }, parameters: { inspectorsPerEntity: k, sample }, secret: hex32('s'), contributions: [] };
      const refusal = (fn: () => unknown) => {
        try {
          fn();
        } catch (err) {
          if (err instanceof DrawError) return { code: err.code, pointer: err.pointer, id: err.id };
          throw err;
        }
        return null;
      };
      const atCommit = refusal(() => commitPools(input.pools, input.parameters));
      expect(refusal(() => runDraw(input))).toEqual(atCommit);
      if (atCommit === null) expect(commitPools(input.pools, input.parameters)).toEqual(freezePools(input.pools).digests);
      return atCommit;
    };
    expect(run({}, { mode: 'count', count: 11 })).toEqual({ code: 'sample-exceeds-pool', pointer: '/sample/count', id: undefined });
    expect(run({}, { mode: 'strata', strata: { A: { count: 3 } } })).toEqual({ code: 'sample-exceeds-pool', pointer: '/sample/strata/A/count', id: 'A' });
    expect(run({}, { mode: 'count', count: 1 }, 4)).toMatchObject({ code: 'too-few-inspectors', pointer: '/inspectorsPerEntity' });
    expect(run({}, { mode: 'count', count: 1 }, 1)).toMatchObject({ code: 'bad-parameters', pointer: '/inspectorsPerEntity' });
    const recused = inspectors.slice(0, 2).map((i) => ({ inspectorId: i.id, entityId: entities[7]!.id }));
    expect(run({ conflicts: recused }, { mode: 'count', count: 1 })).toMatchObject({ code: 'too-few-inspectors-after-recusal', id: entities[7]!.id });
    // An entity in a stratum not drawn from does not matter; entities[7] is in stratum C.
    expect(entities[7]!.stratum).toBe('C');
    expect(run({ conflicts: recused }, { mode: 'strata', strata: { A: { count: 1 } } })).toBeNull();
    expect(run({ entities: [] }, { mode: 'ratio', basisPoints: 300 })).toMatchObject({ code: 'empty-sample' });
    expect(run({ entities: [...entities, entities[0]!] }, { mode: 'count', count: 1 })).toMatchObject({ code: 'duplicate-id', id: entities[0]!.id });
    expect(run({ inspectors: [...inspectors, { id: 'has space' }] }, { mode: 'count', count: 1 })).toMatchObject({ code: 'bad-pool', pointer: '/inspectors/3/id' });
  });
});

describe('secret and commitment', () => {
  it('a new secret is 32 random bytes in hex; its commitment hashes the bytes, and only it reveals', () => {
    const secrets = Array.from({ length: 20 }, () => randomHex32());
    expect(new Set(secrets).size).toBe(20);
    for (const secret of secrets) expect(secret).toMatch(/^[0-9a-f]{64}$/);
    const secret = secrets[0]!;
    expect(commitmentOf(secret)).toBe(createHash('sha256').update(Buffer.from(secret, 'hex')).digest('hex'));
    expect(() => checkReveal(secret, commitmentOf(secret))).not.toThrow();
    const refusal = (s: string) => {
      try {
        checkReveal(s, commitmentOf(secret));
      } catch (err) {
        return err instanceof DrawError ? [err.code, err.pointer] : err;
      }
      return null;
    };
    expect(refusal(secrets[1]!)).toEqual(['secret-mismatch', '/secret']);
    expect(refusal(secret.toUpperCase())).toEqual(['bad-secret', '/secret']);
    expect(refusal(secret.slice(2))).toEqual(['bad-secret', '/secret']);
  });
});
