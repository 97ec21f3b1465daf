import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { drizzle, type PgliteDatabase } from 'drizzle-orm/pglite';
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
  // PGlite's and postgres.js's drizzle databases differ only in their query-result type; the app uses what both share.
  const db = drizzle({ client, schema }) as unknown as Db;
  return { db, client, close: () => client.close() };
}

export async function migratePglite(db: Db): Promise<void> {
  // The PGlite migrator asks for the PGlite database type that openPglite widened to Db.
  await migrate(db as unknown as PgliteDatabase<typeof schema>, { migrationsFolder: migrationsFolder() });
}
