import postgres from 'postgres';
import { inject } from 'vitest';
import { withDatabase } from './global-postgres.js';

/**
 * A read replica that never catches up: a copy of the primary's database taken once (CREATE DATABASE …
 * TEMPLATE), so every answer shows which of the two served it. The template must have no sessions, so the
 * primary's are ended first (postgres.js opens new ones on the next query).
 */
export async function frozenReplicaOf(primaryUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const server = inject('pgUrl');
  const primaryName = new URL(primaryUrl).pathname.slice(1);
  const name = `${primaryName}_replica`;
  const superuser = postgres(server, { max: 1, onnotice: () => {} });
  try {
    await superuser`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = ${primaryName} AND pid <> pg_backend_pid()`;
    await superuser.unsafe(`CREATE DATABASE ${name} TEMPLATE ${primaryName}`);
  } finally {
    await superuser.end();
  }
  return {
    url: withDatabase(server, name),
    async drop() {
      const sql = postgres(server, { max: 1, onnotice: () => {} });
      await sql.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await sql.end();
    },
  };
}
