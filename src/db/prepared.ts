import { Column, is } from 'drizzle-orm';
import type { Db } from './client.js';
import { sharedHandle, throughHandle } from './request-handle.js';

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
  /** postgres.js: send it as a named server-side statement (planned once) or unnamed (planned with each run's values). */
  prepare?: boolean;
}

export interface PrepareOptions {
  /**
   * Plan with each run's values (an unnamed statement) instead of once for all: for a list whose filters select
   * very different shares of the table, where a plan made for no value in particular walks the wrong index
   * (over 100,000 penalties, PostgreSQL's generic plan for the busiest region + 罚款 took 282 ms, the plan for
   * those values 0.5 ms). The SQL is still built only once. The price: postgres.js describes an unnamed
   * statement before running it, a second round trip that also stops pipelining on that connection (a named
   * list page measured about a quarter less CPU per request).
   */
  planEachRun?: boolean;
}

const cache = new WeakMap<Db, Map<string, object>>();

/**
 * A drizzle prepared query, built once per shared database handle and run through the request's own (see
 * request-handle.ts). Hot reads use these: drizzle then skips rebuilding the SQL, postgres.js sends a named
 * server-side prepared statement instead of re-parsing and re-planning the query on every request (unless
 * `planEachRun`), and the rows are mapped by flatRows.
 */
export function prepared<T extends object>(db: Db, name: string, build: (db: Db) => T, options: PrepareOptions = {}): T {
  const shared = sharedHandle(db);
  let byName = cache.get(shared);
  if (!byName) cache.set(shared, (byName = new Map()));
  let query = byName.get(name) as T | undefined;
  if (query === undefined) byName.set(name, (query = tuned(build(shared), options)));
  return throughHandle(db, query);
}

function tuned<T extends object>(query: T, { planEachRun }: PrepareOptions): T {
  const internals = query as PreparedInternals;
  const mapper = internals.fields && !internals.joinsNotNullableMap && !internals.customResultMapper ? flatRows(internals.fields) : undefined;
  return Object.assign(Object.create(query) as T, {
    ...(mapper ? { customResultMapper: mapper } : {}),
    ...(planEachRun ? { prepare: false } : {}),
  });
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
