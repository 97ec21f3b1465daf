import { hangUpFails } from '../../src/db/node-socket.js';
import { migratePostgres } from '../../src/db/migrate-postgres.js';
import { openPostgres, type PostgresOptions } from '../../src/db/postgres.js';
import type { TestDatabase } from './db.js';
import { startTcpProxy, type TcpProxy } from './tcp-proxy.js';
import { findPostgresBin, startThrowawayPostgres, type ThrowawayPostgres } from './throwaway-postgres.js';

export interface PrivateCluster {
  /** For useTestApp's `open`: starts the cluster, migrates it and opens the app's pool with `pool`. */
  open(): Promise<TestDatabase>;
  /** The running cluster (after `open`), to stop and start. */
  readonly server: ThrowawayPostgres;
}

/**
 * A PostgreSQL cluster of one test file's own, which the file may stop and restart (outage tests). With
 * `proxy`, the app reaches it through a TCP proxy (tcp-proxy.ts); the database's `url` stays the direct one.
 */
export function privateCluster(pool: PostgresOptions, options: { proxy?: 'hang-up' | 'hold' } = {}): PrivateCluster {
  let server: ThrowawayPostgres | undefined;
  return {
    async open() {
      const bin = findPostgresBin();
      if (!bin) throw new Error('PostgreSQL binaries not found');
      const cluster = (server = await startThrowawayPostgres(bin));
      await migratePostgres(cluster.url);
      const proxy: TcpProxy | undefined = options.proxy ? await startTcpProxy(cluster.url, options.proxy) : undefined;
      const { db, close } = openPostgres(proxy?.url ?? cluster.url, { socket: hangUpFails, ...pool }); // as src/db/open-node.ts
      return {
        kind: 'postgres',
        db,
        url: cluster.url,
        async close() {
          await close();
          await proxy?.close();
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
