import type { Db } from './client.js';

const cache = new WeakMap<Db, Map<string, unknown>>();

/**
 * A drizzle prepared query, built once per database handle. Hot reads use these: drizzle then skips
 * rebuilding the SQL, and postgres.js sends a named server-side prepared statement instead of
 * re-parsing and re-planning the query on every request.
 */
export function prepared<T>(db: Db, name: string, build: (db: Db) => T): T {
  let byName = cache.get(db);
  if (!byName) cache.set(db, (byName = new Map()));
  let query = byName.get(name) as T | undefined;
  if (query === undefined) byName.set(name, (query = build(db)));
  return query;
}
