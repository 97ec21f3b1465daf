import { assignInspectors } from './assign.js';
import { pointerOf } from '../lib/json-pointer.js';
import { DrawError } from './draw-error.js';
import { DrawParameters, type Pools } from './inputs.js';
import { canonicalPools, findById, type PoolDigests, poolDigests } from './pools.js';
import { seedOf } from './seed.js';
import { type SampleGroup, sampleCounts, selectEntities } from './select.js';
import { DrawStream } from './stream.js';

/*
 * 双随机 draw, version gongshi-draw/1 (docs/draw-algorithm.md): pure and deterministic, so anyone holding the
 * published inputs recomputes the same result. Imports nothing of the server.
 */

/** The algorithm this module implements; part of the seed, so a result never verifies under another version. */
export const DRAW_ALGORITHM = 'gongshi-draw/1';

interface Selection {
  /** 1, 2, … in draw order. */
  seq: number;
  entityId: string;
  stratum: string;
  /** The inspectors assigned, in the order they were picked. */
  inspectorIds: string[];
}

export interface DrawResult {
  selections: Selection[];
  /** Inspectors whose load exceeds ceil(selected × k / inspectors), which only declared conflicts can cause; id order. */
  overShare: string[];
}

export interface DrawInput {
  taskId: string;
  pools: Pools;
  parameters: DrawParameters;
  secret: string;
  /** Contribution values in sequence order. */
  contributions: readonly string[];
}

function parameters(input: unknown): DrawParameters {
  const parsed = DrawParameters.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  throw new DrawError('bad-parameters', issue.message, { pointer: pointerOf(issue.path) });
}

/** Checks of canonical pools: what would make the draw impossible, found before anything is drawn. */
function feasibleGroups(pools: Pools, params: DrawParameters): SampleGroup[] {
  const groups = sampleCounts(pools.entities, params.sample);
  if (groups.every((g) => g.count === 0)) throw new DrawError('empty-sample', 'The sample is empty: no entity of the pool is in a group drawn from.', { pointer: '/sample' });
  const k = params.inspectorsPerEntity;
  const inspectors = pools.inspectors.length;
  if (inspectors < k) throw new DrawError('too-few-inspectors', `${k} inspectors per entity need at least ${k} in the pool; it has ${inspectors}.`, { pointer: '/inspectorsPerEntity' });
  const recusals = new Map<string, number>();
  for (const c of pools.conflicts) recusals.set(c.entityId, (recusals.get(c.entityId) ?? 0) + 1);
  const drawn = new Set(groups.map((g) => g.stratum));
  const stranded = [...recusals]
    .filter(([id, n]) => inspectors - n < k && (drawn.has(null) || drawn.has(findById(pools.entities, id)!.stratum)))
    .map(([id]) => id)
    .sort();
  if (stranded.length > 0) {
    throw new DrawError('too-few-inspectors-after-recusal', `Entity ${stranded[0]} has fewer than ${k} inspectors without a declared conflict.`, { id: stranded[0]! });
  }
  return groups;
}

/** The pools as published (canonicalPools) with their hashes: what a commit freezes. */
export function freezePools(pools: Pools): { pools: Pools; digests: PoolDigests } {
  const canonical = canonicalPools(pools);
  return { pools: canonical, digests: poolDigests(canonical) };
}

/**
 * What a commit publishes: the hashes of the canonical pools (freezePools), once it is sure a draw from them can
 * succeed. Throws the DrawError that would stop this draw (bad parameters or pools, a sample larger than its
 * group, an empty sample, too few inspectors, an entity with too few inspectors after recusal), as a commit must.
 */
export function commitPools(pools: Pools, params: DrawParameters): PoolDigests {
  const frozen = freezePools(pools);
  feasibleGroups(frozen.pools, parameters(params));
  return frozen.digests;
}

/** The seed and the result of a draw; throws a DrawError when the inputs cannot give one. */
export function runDraw(input: DrawInput): { seed: string; digests: PoolDigests; result: DrawResult } {
  const params = parameters(input.parameters);
  const { pools, digests } = freezePools(input.pools);
  const groups = feasibleGroups(pools, params);
  const seed = seedOf({ algorithm: DRAW_ALGORITHM, taskId: input.taskId, digests, parameters: params, secret: input.secret, contributions: input.contributions });

  const picked = selectEntities(pools.entities, groups, new DrawStream(seed, 'select'));
  const inspectorIndex = new Map(pools.inspectors.map((inspector, i) => [inspector.id, i]));
  const recused = new Map<string, number[]>();
  for (const c of pools.conflicts) {
    let list = recused.get(c.entityId);
    if (!list) recused.set(c.entityId, (list = []));
    list.push(inspectorIndex.get(c.inspectorId)!);
  }
  const entityOf = (selection: number) => pools.entities[picked[selection]!]!;
  const k = params.inspectorsPerEntity;
  const { picks, loads } = assignInspectors(pools.inspectors.length, picked.map((_, s) => recused.get(entityOf(s).id) ?? []), k, new DrawStream(seed, 'assign'), (s) => entityOf(s).id);

  const cap = Math.ceil((picked.length * k) / pools.inspectors.length);
  const selections = picked.map((_, s) => {
    const { id, stratum } = entityOf(s);
    return { seq: s + 1, entityId: id, stratum, inspectorIds: picks[s]!.map((i) => pools.inspectors[i]!.id) };
  });
  const overShare = pools.inspectors.filter((_, i) => loads[i]! > cap).map((inspector) => inspector.id);
  return { seed, digests, result: { selections, overShare } };
}
