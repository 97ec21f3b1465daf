import { pointerOf } from '../lib/json-pointer.js';
import { DrawError } from './draw-error.js';
import type { PoolEntity, SampleRule } from './inputs.js';
import type { DrawStream } from './stream.js';

/* Sample sizes and the selection of entities (docs/draw-algorithm.md#selection). */

export interface SampleGroup {
  /** The stratum drawn in, or null for the whole pool (modes count and ratio). */
  stratum: string | null;
  /** Entities in the group. */
  size: number;
  /** Entities to draw from it. */
  count: number;
}

/** ceil(size × basisPoints / 10 000) in integers: 抽查比例 is a minimum. */
const ofRatio = (size: number, basisPoints: number) => Math.floor((size * basisPoints + 9_999) / 10_000);

/** The groups in drawing order (strata in byte order of their names) and how many entities each gives. */
export function sampleCounts(entities: readonly PoolEntity[], sample: SampleRule): SampleGroup[] {
  if (sample.mode === 'count') return [checked({ stratum: null, size: entities.length, count: sample.count }, '/sample/count')];
  if (sample.mode === 'ratio') return [{ stratum: null, size: entities.length, count: ofRatio(entities.length, sample.basisPoints) }];
  const sizes = new Map<string, number>();
  for (const e of entities) sizes.set(e.stratum, (sizes.get(e.stratum) ?? 0) + 1);
  return Object.keys(sample.strata)
    .sort()
    .map((stratum) => {
      const rule = sample.strata[stratum]!;
      const size = sizes.get(stratum) ?? 0;
      if ('count' in rule) return checked({ stratum, size, count: rule.count }, pointerOf(['sample', 'strata', stratum, 'count']));
      return { stratum, size, count: ofRatio(size, rule.basisPoints) };
    });
}

function checked(group: SampleGroup, pointer: string): SampleGroup {
  if (group.count <= group.size) return group;
  const where = group.stratum === null ? 'the pool' : `stratum ${group.stratum}`;
  throw new DrawError('sample-exceeds-pool', `The sample of ${group.count} exceeds the ${group.size} entities of ${where}.`, {
    pointer,
    ...(group.stratum === null ? {} : { id: group.stratum }),
  });
}

/** The indices (into the sorted entity pool) of each group's members, ascending. */
function groupMembers(entities: readonly PoolEntity[], groups: readonly SampleGroup[]): Int32Array[] {
  const members = groups.map((g) => new Int32Array(g.size));
  const slot = new Map(groups.map((g, i) => [g.stratum, i]));
  const filled = new Int32Array(groups.length);
  entities.forEach((e, index) => {
    const g = slot.get(groups[0]?.stratum === null ? null : e.stratum);
    if (g !== undefined) members[g]![filled[g]!++] = index;
  });
  return members;
}

/**
 * A partial Fisher–Yates shuffle of each group's members, taking its count: position i swaps with i + uniform(size - i).
 * Only the swapped positions are remembered, so a large pool is never copied.
 */
export function selectEntities(entities: readonly PoolEntity[], groups: readonly SampleGroup[], stream: DrawStream): number[] {
  const members = groupMembers(entities, groups);
  const selected: number[] = [];
  groups.forEach((group, g) => {
    const list = members[g]!;
    const moved = new Map<number, number>();
    const at = (p: number) => moved.get(p) ?? list[p]!;
    for (let i = 0; i < group.count; i++) {
      const j = i + stream.uniform(group.size - i);
      const picked = at(j);
      moved.set(j, at(i));
      selected.push(picked);
    }
  });
  return selected;
}
