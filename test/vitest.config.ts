import { defineConfig } from 'vitest/config';
import { findPostgresBin } from './support/throwaway-postgres.js';

// One suite, two databases: the same files run once on PGlite and once on PostgreSQL.
const postgresAvailable = Boolean(process.env.TEST_DATABASE_URL) || findPostgresBin() !== null;
if (!postgresAvailable) {
  if (process.env.REQUIRE_POSTGRES === '1') throw new Error('REQUIRE_POSTGRES=1 but no PostgreSQL: set TEST_DATABASE_URL or install initdb/pg_ctl');
  console.warn('\n*** PostgreSQL half SKIPPED: no TEST_DATABASE_URL and no initdb/pg_ctl on this machine. Only PGlite ran. ***\n');
}

const shared = { include: ['test/**/*.test.ts'], isolate: false, setupFiles: ['test/support/tag-database.ts'], testTimeout: 30_000, hookTimeout: 60_000 };

export default defineConfig({
  test: {
    root: new URL('..', import.meta.url).pathname,
    projects: [
      { test: { ...shared, name: 'pglite', env: { TEST_DB: 'pglite' }, exclude: ['test/postgres-only/**'] } },
      ...(postgresAvailable
        ? [
            {
              test: {
                ...shared,
                include: [...shared.include, 'test/postgres-only/**/*.test.ts'],
                name: 'postgres',
                env: { TEST_DB: 'postgres' },
                globalSetup: ['test/support/global-postgres.ts'],
              },
            },
          ]
        : []),
    ],
  },
});
