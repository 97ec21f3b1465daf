import type { Db } from './client.js';
import { sharedHandle, throughHandle } from './request-handle.js';

const cache = new WeakMap<Db, Map<string, object>>();

/**
 * A drizzle prepared query, built once per shared database handle and run through the request's own (see
 * request-handle.ts). Hot reads use these: drizzle then skips rebuilding the SQL, and postgres.js sends a named
 * server-side prepared statement instead of re-parsing and re-planning the query on every request.
 */
export function prepared<T extends object>(db: Db, name: string, build: (db: Db) => T): T {
  const shared = sharedHandle(db);
  let byName = cache.get(shared);
  if (!byName) cache.set(shared, (byName = new Map()));
  let query = byName.get(name) as T | undefined;
  if (query === undefined) byName.set(name, (query = build(shared)));
  return throughHandle(db, query);
}
