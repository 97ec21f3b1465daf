import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import * as schema from './schema.js';
import type { Db } from './client.js';
import { migrationsFolder } from './migrations-folder.js';

/**
 * Embedded PostgreSQL (WASM). `dataDir` undefined keeps everything in memory; `loadDataDir` starts from a
 * dump (PGlite.dumpDataDir) instead of running initdb.
 */
export async function openPglite(dataDir?: string, loadDataDir?: Blob): Promise<{ db: Db; client: PGlite; close(): Promise<void> }> {
  const client = await PGlite.create({ dataDir, extensions: { pg_trgm }, ...(loadDataDir ? { loadDataDir } : {}) });
  const db = drizzle({ client, schema }) as unknown as Db;
  return { db, client, close: () => client.close() };
}

export async function migratePglite(db: Db): Promise<void> {
  await migrate(db as never, { migrationsFolder: migrationsFolder() });
}
