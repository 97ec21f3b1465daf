import postgres from 'postgres';
import type { TestProject } from 'vitest/node';
import { migratePostgres } from '../../src/db/migrate-postgres.js';
import { findPostgresBin, startThrowawayPostgres, type ThrowawayPostgres } from './throwaway-postgres.js';

declare module 'vitest' {
  export interface ProvidedContext {
    pgUrl: string;
    pgTemplate: string;
  }
}

export const TEMPLATE = 'gongshi_template';

/**
 * PostgreSQL half of the suite: TEST_DATABASE_URL if given, otherwise a throwaway cluster. One migrated
 * template database; every test file gets its own copy (CREATE DATABASE ... TEMPLATE).
 */
export default async function setup(project: TestProject) {
  let cluster: ThrowawayPostgres | undefined;
  let url = process.env.TEST_DATABASE_URL;
  if (!url) {
    const bin = findPostgresBin();
    if (!bin) throw new Error('PostgreSQL binaries not found and TEST_DATABASE_URL unset');
    cluster = await startThrowawayPostgres(bin);
    url = cluster.url;
  }
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  await admin.unsafe(`DROP DATABASE IF EXISTS ${TEMPLATE}`);
  await admin.unsafe(`CREATE DATABASE ${TEMPLATE}`);
  await admin.end();
  await migratePostgres(withDatabase(url, TEMPLATE));
  project.provide('pgUrl', url);
  project.provide('pgTemplate', TEMPLATE);
  return async () => {
    if (cluster) cluster.stop();
    else {
      const cleanup = postgres(url!, { max: 1, onnotice: () => {} });
      const leftovers = await cleanup<{ datname: string }[]>`SELECT datname FROM pg_database WHERE datname LIKE 'gongshi_t_%'`;
      for (const { datname } of leftovers) await cleanup.unsafe(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
      await cleanup.unsafe(`DROP DATABASE IF EXISTS ${TEMPLATE}`);
      await cleanup.end();
    }
  };
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = '/' + database;
  return u.toString();
}
