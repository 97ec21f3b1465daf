import { Column, is } from 'drizzle-orm';
import type { Db } from './client.js';
import { plannedEachRun, sharedHandle, throughHandle } from './request-handle.js';

/** A selected field as drizzle orders a query's selection: its key path in the row object, and the column or expression. */
interface OrderedField {
  path: string[];
  field: unknown;
}

/** What drizzle's prepared queries hold and read when they run (drizzle-orm 0.45, both drivers; not in its public types). */
interface PreparedInternals {
  fields?: OrderedField[];
  joinsNotNullableMap?: unknown;
  customResultMapper?: (rows: unknown[][]) => unknown;
}

export interface PrepareOptions {
  /**
   * Planned with each run's values, never once for all: for a list whose filters select very different shares
   * of the table, where a plan made for no value in particular walks the wrong index (over 100,000 penalties,
   * PostgreSQL's generic plan for the busiest region + 罚款 took 282 ms, the plan for those values 0.5 ms).
   * The statement is still named and built once: an unnamed one costs postgres.js a describe round trip before
   * each run, which also stops pipelining on its connection (a quarter more CPU per list page).
   */
  planEachRun?: boolean;
}

const cache = new WeakMap<Db, Map<string, object>>();

/**
 * A drizzle prepared query, built once per shared database handle and run through the request's own (see
 * request-handle.ts). Hot reads use these: drizzle then skips rebuilding the SQL, postgres.js sends a named
 * server-side prepared statement instead of re-parsing the query on every request (and, unless `planEachRun`,
 * re-planning it), and the rows are mapped by flatRows.
 */
export function prepared<T extends object>(db: Db, name: string, build: (db: Db) => T, options: PrepareOptions = {}): T {
  const shared = sharedHandle(db);
  let byName = cache.get(shared);
  if (!byName) cache.set(shared, (byName = new Map()));
  let query = byName.get(name) as T | undefined;
  if (query === undefined) {
    query = withFlatRows(build(shared));
    byName.set(name, (query = options.planEachRun ? plannedEachRun(shared, query) : query));
  }
  return throughHandle(db, query);
}

function withFlatRows<T extends object>(query: T): T {
  const internals = query as PreparedInternals;
  const mapper = internals.fields && !internals.joinsNotNullableMap && !internals.customResultMapper ? flatRows(internals.fields) : undefined;
  return mapper ? Object.assign(Object.create(query) as T, { customResultMapper: mapper }) : query;
}

/**
 * The rows of a flat selection of columns (each at the top of the row) as objects, each value decoded as drizzle
 * decodes it. drizzle maps a row column by column, asking each field's class again on every row and walking
 * its one-step path with an iterator: a seventh of a list page's garbage. Here the decoders are looked up once.
 */
function flatRows(fields: OrderedField[]): ((rows: unknown[][]) => Record<string, unknown>[]) | undefined {
  const decoders: { mapFromDriverValue(value: unknown): unknown }[] = [];
  for (const { path, field } of fields) {
    if (path.length !== 1) return undefined;
    if (!is(field, Column)) return undefined; // an expression: drizzle's own mapping
    decoders.push(field);
  }
  const keys = fields.map((f) => f.path[0]!);
  const n = keys.length;
  return (rows) =>
    rows.map((row) => {
      const out: Record<string, unknown> = {};
      for (let i = 0; i < n; i++) {
        const value = row[i];
        out[keys[i]!] = value === null ? null : decoders[i]!.mapFromDriverValue(value);
      }
      return out;
    });
}
