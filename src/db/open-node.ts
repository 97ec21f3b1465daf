import { mkdirSync } from 'node:fs';
import type { Env } from '../env.js';
import type { Db } from './client.js';
import { migratePostgres } from './migrate-postgres.js';
import { hangUpFails } from './node-socket.js';
import { openPostgres } from './postgres.js';

export interface NodeDatabase {
  db: Db;
  kind: 'pglite' | 'postgres';
  close(): Promise<void>;
}

type NodeDatabaseEnv = Pick<Env, 'DATABASE_URL' | 'DATA_DIR' | 'MIGRATE' | 'DB_POOL_MAX' | 'DB_CONNECT_TIMEOUT_MS' | 'DB_POOL_TIMEOUT_MS' | 'DB_STATEMENT_TIMEOUT_MS'>;

/** Node's database: postgres.js when DATABASE_URL is set, otherwise PGlite in DATA_DIR. */
export async function openNodeDatabase(env: NodeDatabaseEnv): Promise<NodeDatabase> {
  if (env.DATABASE_URL) {
    if (env.MIGRATE) await migratePostgres(env.DATABASE_URL);
    const { db, close } = openPostgres(env.DATABASE_URL, {
      max: env.DB_POOL_MAX,
      connectTimeoutMs: env.DB_CONNECT_TIMEOUT_MS,
      poolTimeoutMs: env.DB_POOL_TIMEOUT_MS,
      statementTimeoutMs: env.DB_STATEMENT_TIMEOUT_MS,
      socket: hangUpFails,
    });
    return { db, kind: 'postgres', close };
  }
  mkdirSync(env.DATA_DIR, { recursive: true });
  // Loaded only here: a server on PostgreSQL never holds PGlite's code.
  const { migratePglite, openPglite } = await import('./pglite.js');
  const { db, close } = await openPglite(env.DATA_DIR);
  await migratePglite(db); // embedded: always bring the local folder up to date
  return { db, kind: 'pglite', close };
}

