import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type * as schema from './schema.js';

/** Any drizzle PostgreSQL database or transaction over our schema: PGlite and postgres.js alike. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

/** A database handle for one request: Node shares one, Workers open one per request and close it after. */
interface DbLease {
  db: Db;
  /** Closes a per-request handle; absent for a shared one. */
  release?: () => Promise<void>;
}

export interface DbSource {
  acquire(): DbLease;
}

/** A source that hands out the same long-lived handle every time (Node, tests). */
export function sharedDb(db: Db): DbSource {
  const lease: DbLease = { db };
  return { acquire: () => lease };
}
