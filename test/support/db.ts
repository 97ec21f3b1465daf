import postgres from 'postgres';
import { inject } from 'vitest';
import type { Db } from '../../src/db/client.js';
import { migratePglite, openPglite } from '../../src/db/pglite.js';
import { openPostgres } from '../../src/db/postgres.js';
import { withDatabase } from './global-postgres.js';

export type TestDbKind = 'pglite' | 'postgres';
export const testDbKind = (process.env.TEST_DB ?? 'pglite') as TestDbKind;

export interface TestDatabase {
  kind: TestDbKind;
  db: Db;
  /** Connection URL of this file's own database (PostgreSQL only). */
  url?: string;
  close(): Promise<void>;
}

// Test files share a worker process (isolate: false): initdb and the migrations run once per worker, and
// every file starts from a dump of that migrated database — its own copy, as with the PostgreSQL template.
let pgliteTemplate: Promise<Blob> | undefined;
function migratedPglite(): Promise<Blob> {
  pgliteTemplate ??= (async () => {
    const { db, client, close } = await openPglite();
    await migratePglite(db);
    const dump = await client.dumpDataDir('none');
    await close();
    return dump;
  })();
  return pgliteTemplate;
}

/** A fresh, migrated database for one test file: in-memory PGlite, or a copy of the PostgreSQL template. */
export async function openTestDatabase(): Promise<TestDatabase> {
  if (testDbKind === 'pglite') {
    const { db, close } = await openPglite(undefined, await migratedPglite());
    return { kind: 'pglite', db, close };
  }
  const server = inject('pgUrl');
  const name = `gongshi_t_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = postgres(server, { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE ${name} TEMPLATE ${inject('pgTemplate')}`);
  await admin.end();
  const url = withDatabase(server, name);
  // A loaded test machine is not an outage: wait as long as postgres.js would by itself (test/postgres-only tests the bounds).
  const { db, close } = openPostgres(url, { max: 20, connectTimeoutMs: 30_000, poolTimeoutMs: 30_000 });
  return {
    kind: 'postgres',
    db,
    url,
    async close() {
      await close();
      const drop = postgres(server, { max: 1, onnotice: () => {} });
      await drop.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await drop.end();
    },
  };
}
