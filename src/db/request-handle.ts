import type { Db } from './client.js';

/**
 * A request's own handle on a shared database: the same pool, but its single statements are cancelled on the
 * server when the request's client goes away (an abandoned search or export page would otherwise run to its
 * end). The signal rides on the handle the request's services hold, not in AsyncLocalStorage: on Node 20 that
 * puts a hook on every promise the process makes, and took a sixth of the CPU of a read by id.
 */
export interface RequestBinding {
  /** The handle for one request. */
  db: Db;
  /** A query prepared on the shared handle, run through this one (prepared once, cancelled per request). */
  rebind<T extends object>(query: T): T;
}

/** What a driver registers for its shared handle (postgres.ts); PGlite runs in process and registers none. */
export interface DriverHooks {
  /** The handle for one request, its statements cancelled with `signal`. */
  bind(signal: AbortSignal): RequestBinding;
  /** A prepared query that PostgreSQL plans with each run's values (see PrepareOptions in prepared.ts). */
  planEachRun<T extends object>(query: T): T;
}

const drivers = new WeakMap<Db, DriverHooks>();
const BOUND = Symbol('request binding');

interface Bound extends RequestBinding {
  shared: Db;
  signal: AbortSignal;
}

/** A request handle carries its binding under a symbol: a WeakMap entry per request would cost the GC more. */
type MaybeBound = Db & { [BOUND]?: Bound };

export function registerDriver(db: Db, hooks: DriverHooks): void {
  drivers.set(db, hooks);
}

/** The handle a request uses: bound to its signal where the driver can cancel, else the shared one. */
export function forRequest(db: Db, signal: AbortSignal | undefined): Db {
  const driver = signal ? drivers.get(db) : undefined;
  if (!driver || !signal) return db;
  const binding = driver.bind(signal);
  const handle: MaybeBound = binding.db;
  handle[BOUND] = { ...binding, shared: db, signal };
  return handle;
}

/** The shared handle behind a request's (itself for a shared one): caches of prepared queries key on it. */
export const sharedHandle = (db: Db): Db => (db as MaybeBound)[BOUND]?.shared ?? db;

/** The signal a request handle's statements are cancelled with. */
export const signalOf = (db: Db): AbortSignal | undefined => (db as MaybeBound)[BOUND]?.signal;

/** A query prepared on the shared handle, run through `db` (itself when `db` is the shared handle). */
export const throughHandle = <T extends object>(db: Db, query: T): T => (db as MaybeBound)[BOUND]?.rebind(query) ?? query;

/** A query prepared on a shared handle, planned with each run's values where the driver keeps plans (else itself). */
export const plannedEachRun = <T extends object>(db: Db, query: T): T => drivers.get(db)?.planEachRun(query) ?? query;
