import { createHash, type Hash } from 'node:crypto';
import { DrawError } from './draw-error.js';
import { type Conflict, type PoolEntity, type PoolInspector, type Pools, TOKEN } from './inputs.js';

/*
 * Canonical pools and their SHA-256 hashes (docs/draw-algorithm.md#pools). Ids are ASCII tokens, so comparing
 * JavaScript strings with < is comparing their bytes.
 */

export interface PoolDigest {
  count: number;
  /** Lowercase hex SHA-256 of the pool's canonical encoding. */
  sha256: string;
}
export interface PoolDigests {
  entities: PoolDigest;
  inspectors: PoolDigest;
  conflicts: PoolDigest;
}

const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const conflictKey = (c: Conflict) => c.inspectorId + '\t' + c.entityId;

function checkTokens<T>(items: readonly T[], pool: string, fields: readonly (keyof T & string)[]): void {
  items.forEach((item, i) => {
    for (const field of fields) {
      if (typeof item[field] !== 'string' || !TOKEN.test(item[field] as string)) {
        throw new DrawError('bad-pool', `${pool}[${i}].${field} must be 1-128 printable ASCII characters without spaces.`, { pointer: `/${pool}/${i}/${field}` });
      }
    }
  });
}

/** The items in id order (the same array when already in order), refusing a repeated id. */
function sortedUnique<T extends { id: string }>(items: readonly T[], pool: string): T[] {
  let sorted = true;
  for (let i = 1; i < items.length && sorted; i++) sorted = items[i - 1]!.id < items[i]!.id;
  const out = sorted ? (items as T[]) : [...items].sort(byId);
  for (let i = 1; i < out.length; i++) {
    if (out[i - 1]!.id === out[i]!.id) throw new DrawError('duplicate-id', `${pool} lists ${out[i]!.id} twice.`, { pointer: `/${pool}`, id: out[i]!.id });
  }
  return out;
}

/** The item with this id in items sorted by id (binary search). */
export function findById<T extends { id: string }>(sorted: readonly T[], id: string): T | undefined {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]!.id < id) lo = mid + 1;
    else hi = mid;
  }
  return sorted[lo]?.id === id ? sorted[lo] : undefined;
}

/**
 * The pools as they are hashed and published: entities and inspectors sorted by id (a repeated id is refused),
 * conflicts sorted by inspector then entity, without repeats, and only those whose two ends are in the pools.
 */
export function canonicalPools(pools: Pools): Pools {
  checkTokens(pools.entities, 'entities', ['id', 'stratum']);
  checkTokens(pools.inspectors, 'inspectors', ['id']);
  checkTokens(pools.conflicts, 'conflicts', ['inspectorId', 'entityId']);
  const entities = sortedUnique(pools.entities, 'entities');
  const inspectors = sortedUnique(pools.inspectors, 'inspectors');
  const conflicts = pools.conflicts
    .filter((c) => findById(inspectors, c.inspectorId) && findById(entities, c.entityId))
    .map((c) => ({ key: conflictKey(c), c }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .filter((x, i, all) => i === 0 || all[i - 1]!.key !== x.key)
    .map(({ c }) => ({ inspectorId: c.inspectorId, entityId: c.entityId }));
  return { entities, inspectors, conflicts };
}

/** Feeds lines to the hash in chunks of about 64 KiB: never one giant string, nor a million tiny updates. */
function hashLines<T>(items: readonly T[], line: (item: T) => string): PoolDigest {
  const hash: Hash = createHash('sha256');
  let chunk = '';
  for (const item of items) {
    chunk += line(item);
    if (chunk.length >= 65_536) {
      hash.update(chunk, 'latin1');
      chunk = '';
    }
  }
  hash.update(chunk, 'latin1');
  return { count: items.length, sha256: hash.digest('hex') };
}

/** The count and SHA-256 of each pool, which must be canonical (canonicalPools). */
export function poolDigests(pools: Pools): PoolDigests {
  return {
    entities: hashLines(pools.entities, (e: PoolEntity) => e.id + '\t' + e.stratum + '\n'),
    inspectors: hashLines(pools.inspectors, (i: PoolInspector) => i.id + '\n'),
    conflicts: hashLines(pools.conflicts, (c: Conflict) => conflictKey(c) + '\n'),
  };
}
