import { migratePostgres } from '../../src/db/migrate-postgres.js';
import { openPostgres, type PostgresOptions } from '../../src/db/postgres.js';
import type { TestDatabase } from './db.js';
import { findPostgresBin, startThrowawayPostgres, type ThrowawayPostgres } from './throwaway-postgres.js';

export interface PrivateCluster {
  /** For useTestApp's `open`: starts the cluster, migrates it and opens the app's pool with `pool`. */
  open(): Promise<TestDatabase>;
  /** The running cluster (after `open`), to stop and start. */
  readonly server: ThrowawayPostgres;
}

/** A PostgreSQL cluster of one test file's own, which the file may stop and restart (outage tests). */
export function privateCluster(pool: PostgresOptions): PrivateCluster {
  let server: ThrowawayPostgres | undefined;
  return {
    async open() {
      const bin = findPostgresBin();
      if (!bin) throw new Error('PostgreSQL binaries not found');
      const cluster = (server = await startThrowawayPostgres(bin));
      await migratePostgres(cluster.url);
      const { db, close } = openPostgres(cluster.url, pool);
      return {
        kind: 'postgres',
        db,
        url: cluster.url,
        async close() {
          await close();
          cluster.stop();
        },
      };
    },
    get server() {
      if (!server) throw new Error('the private cluster is not open yet');
      return server;
    },
  };
}
