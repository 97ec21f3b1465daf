import { DrawError } from './draw-error.js';
import type { DrawStream } from './stream.js';

/*
 * Inspector assignment (docs/draw-algorithm.md#assignment): for each selected entity in selection order, k times
 * pick uniformly among the eligible inspectors (no declared conflict with the entity, not yet picked for it) of
 * the lowest load, in id order. Inspectors are kept by load in Fenwick trees over their index, so a pick costs
 * O(log n) however many inspectors there are, and gives the same result as scanning them all.
 */

/** The inspectors (by index) that currently have one load: a Fenwick tree of presence, with order statistics. */
class Level {
  readonly tree: Int32Array;
  /** The highest power of two <= n: where the descent of at() starts. */
  private readonly top: number;
  size = 0;
  constructor(readonly n: number, full: boolean) {
    this.tree = new Int32Array(n + 1);
    this.top = n > 0 ? 2 ** (31 - Math.clz32(n)) : 0;
    if (full) {
      for (let i = 1; i <= n; i++) this.tree[i] = i & -i;
      this.size = n;
    }
  }
  add(index: number, delta: number): void {
    for (let i = index + 1; i <= this.n; i += i & -i) this.tree[i]! += delta;
    this.size += delta;
  }
  /** The index of the member of rank r (0-based, ascending). */
  at(r: number): number {
    let pos = 0;
    for (let step = this.top; step > 0; step >>= 1) {
      if (pos + step <= this.n && this.tree[pos + step]! <= r) {
        pos += step;
        r -= this.tree[pos]!;
      }
    }
    return pos;
  }
}

export interface Assignment {
  /** Per selected entity, the k inspector indices in the order picked. */
  picks: number[][];
  /** Final load of each inspector. */
  loads: Int32Array;
}

/**
 * @param conflictsOf the inspector indices (ascending) each selected entity must not get
 * @param describe names a selected entity in an error
 */
export function assignInspectors(
  inspectorCount: number,
  conflictsOf: readonly (readonly number[])[],
  k: number,
  stream: DrawStream,
  describe: (selection: number) => string,
): Assignment {
  const loads = new Int32Array(inspectorCount);
  const levels: (Level | undefined)[] = inspectorCount > 0 ? [new Level(inspectorCount, true)] : [];
  let lowest = 0;
  const picks = conflictsOf.map((conflicts, selection) => {
    const excluded = [...conflicts];
    for (let p = 0; p < k; p++) {
      const picked = pickOne(levels, loads, lowest, excluded, stream);
      if (picked === undefined) {
        throw new DrawError('too-few-inspectors-after-recusal', `Fewer than ${k} inspectors have no declared conflict with entity ${describe(selection)}.`, {
          id: describe(selection),
        });
      }
      const load = loads[picked]!;
      levels[load]!.add(picked, -1);
      (levels[load + 1] ??= new Level(inspectorCount, false)).add(picked, 1);
      loads[picked] = load + 1;
      excluded.push(picked);
      while (levels[lowest]?.size === 0) levels[lowest++] = undefined; // free emptied levels
    }
    return excluded.slice(conflicts.length);
  });
  return { picks, loads };
}

/** The inspector drawn among the eligible ones of the lowest load, or undefined when none is eligible. */
function pickOne(levels: readonly (Level | undefined)[], loads: Int32Array, lowest: number, excluded: readonly number[], stream: DrawStream): number | undefined {
  for (let load = lowest; load < levels.length; load++) {
    const level = levels[load];
    if (!level) continue;
    const skip = excluded.filter((i) => loads[i] === load).sort((a, b) => a - b);
    const eligible = level.size - skip.length;
    if (eligible <= 0) continue;
    const r = stream.uniform(eligible);
    // The r-th eligible member is the member of rank r + (excluded members before it).
    let rank = r;
    let index = level.at(rank);
    for (;;) {
      const before = skip.filter((i) => i <= index).length;
      if (r + before === rank) return index;
      rank = r + before;
      index = level.at(rank);
    }
  }
  return undefined;
}
