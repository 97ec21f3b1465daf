import { mkdirSync } from 'node:fs';
import type { Env } from '../env.js';
import type { Db } from './client.js';
import { migratePostgres } from './migrate-postgres.js';
import { hangUpFails } from './node-socket.js';
import { openPostgres } from './postgres.js';

export interface NodeDatabase {
  db: Db;
  /** The read replica (DATABASE_REPLICA_URL), if one is configured. */
  replica?: Db;
  kind: 'pglite' | 'postgres';
  close(): Promise<void>;
}

type NodeDatabaseEnv = Pick<Env, 'DATABASE_URL' | 'DATABASE_REPLICA_URL' | 'DATA_DIR' | 'MIGRATE' | 'DB_POOL_MAX' | 'DB_CONNECT_TIMEOUT_MS' | 'DB_POOL_TIMEOUT_MS' | 'DB_STATEMENT_TIMEOUT_MS'>;

/** Node's database: postgres.js when DATABASE_URL is set, otherwise PGlite in DATA_DIR. */
export async function openNodeDatabase(env: NodeDatabaseEnv): Promise<NodeDatabase> {
  if (env.DATABASE_URL) {
    if (env.MIGRATE) await migratePostgres(env.DATABASE_URL);
    const options = {
      max: env.DB_POOL_MAX,
      connectTimeoutMs: env.DB_CONNECT_TIMEOUT_MS,
      poolTimeoutMs: env.DB_POOL_TIMEOUT_MS,
      statementTimeoutMs: env.DB_STATEMENT_TIMEOUT_MS,
      socket: hangUpFails,
    };
    const primary = openPostgres(env.DATABASE_URL, options);
    // The replica gets a pool of the same size: it takes the public reads, most of the traffic.
    const replica = env.DATABASE_REPLICA_URL ? openPostgres(env.DATABASE_REPLICA_URL, { ...options, readOnly: true }) : undefined;
    return {
      db: primary.db,
      replica: replica?.db,
      kind: 'postgres',
      close: async () => {
        await Promise.all([primary.close(), replica?.close()]);
      },
    };
  }
  mkdirSync(env.DATA_DIR, { recursive: true });
  // Loaded only here: a server on PostgreSQL never holds PGlite's code.
  const { migratePglite, openPglite } = await import('./pglite.js');
  const { db, close } = await openPglite(env.DATA_DIR);
  await migratePglite(db); // embedded: always bring the local folder up to date
  return { db, kind: 'pglite', close };
}

