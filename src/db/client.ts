import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type * as schema from './schema.js';
import { forRequest } from './request-handle.js';

/** Any drizzle PostgreSQL database or transaction over our schema: PGlite and postgres.js alike. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

/** A database handle for one request: Node shares one, Workers open one per request and close it after. */
export interface DbLease {
  db: Db;
  /** Closes a per-request handle; absent for a shared one. */
  release?: () => Promise<void>;
}

/** Where a request gets its handles; each is cancelled with the request's signal where the driver can (request-handle.ts). */
export interface DbSource {
  /** The primary: writes, and every read that must see them. */
  acquire(signal?: AbortSignal): DbLease;
  /** A read replica, when one is configured: reads that may lag the primary a little (see app.ts). */
  acquireReplica?(signal?: AbortSignal): DbLease;
}

/** A source that hands out the same long-lived handles every time (Node, tests). */
export function sharedDb(db: Db, replica?: Db): DbSource {
  const acquire = (signal?: AbortSignal): DbLease => ({ db: forRequest(db, signal) });
  if (!replica) return { acquire };
  return { acquire, acquireReplica: (signal) => ({ db: forRequest(replica, signal) }) };
}
