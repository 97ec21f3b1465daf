import { readFileSync } from 'node:fs';
import { serve } from '@hono/node-server';
import { getConnInfo } from '@hono/node-server/conninfo';
import { createApp } from '../app.js';
import type { Logger } from '../context.js';
import { sharedDb, type Db } from '../db/client.js';
import { openNodeDatabase } from '../db/open-node.js';
import { seedDemo } from '../demo/seed.js';
import { readRedocBundle } from '../docs/redoc-bundle.js';
import { databaseFault, describeError } from '../domain/db-errors.js';
import { expireDue, SWEEP_INTERVAL_MS } from '../domain/expiry.js';
import { dispatchWebhooks, WEBHOOK_ROUND_MS } from '../domain/webhooks/dispatch.js';
import { checkResponsesFrom, rateLimitsFrom, type Env } from '../env.js';
import { headerAddress } from '../rate-limits.js';
import { rulesConfig } from '../rules-config.js';
import { closeInStages } from '../staged-close.js';

/** Without its database (or migrations) the server does not start: say why in one safe line, and exit. */
export function startupFailed(log: Logger, err: unknown): never {
  log('error', 'database unavailable at startup', { error: describeError(err) });
  process.exit(1);
}

/**
 * One Node server process: opens the database (migrating and seeding as the environment says), serves the
 * API, and, when `background` is set, runs the expiry sweep and the push deliveries beside it.
 */
export async function serveNode(env: Env, log: Logger, background: boolean): Promise<void> {
  const started = performance.now();
  const database = await openNodeDatabase(env).catch((err: unknown) => startupFailed(log, err));
  if (env.SEED_DEMO && (await seedDemo(database.db).catch((err: unknown) => startupFailed(log, err)))) log('info', 'loaded demo data into the empty database');

  const app = createApp({
    db: sharedDb(database.db, database.replica),
    config: {
      adminToken: env.ADMIN_TOKEN,
      webhookSigningKey: env.WEBHOOK_SIGNING_KEY,
      bodyLimitBytes: env.BODY_LIMIT_BYTES,
      ...rulesConfig(env, (path) => JSON.parse(readFileSync(path, 'utf8'))),
      rateLimits: rateLimitsFrom(env),
      checkResponses: checkResponsesFrom(env),
    },
    clientAddress: env.CLIENT_ADDRESS_HEADER ? headerAddress(env.CLIENT_ADDRESS_HEADER) : (c) => getConnInfo(c).remote.address,
    log,
    referenceBundle: readRedocBundle,
  });

  const server = serve({ fetch: app.fetch, port: env.PORT, hostname: env.HOST }, (info) => {
    log('info', 'listening', {
      url: `http://${info.address}:${info.port}`,
      database: database.kind === 'pglite' ? `PGlite in ${env.DATA_DIR}` : 'PostgreSQL',
      readyMs: Math.round(performance.now() - started),
      admin: env.ADMIN_TOKEN ? 'enabled' : 'disabled (set ADMIN_TOKEN)',
      ...(env.WORKER_SLOT === undefined ? {} : { worker: env.WORKER_SLOT }),
    });
  });

  closeInStages(server);

  if (background) runBackgroundJobs(env, database.db, log);

  // Requests Node's HTTP parser refuses (e.g. a raw UTF-8 request line) never reach the app; answer them
  // as problem+json too, instead of Node's bare 400.
  server.on('clientError', (err: NodeJS.ErrnoException, socket) => {
    if (err.code === 'ECONNRESET' || !socket.writable) return socket.destroy();
    const body = JSON.stringify({
      type: 'https://gongshi.dev/problems/bad-request',
      title: 'Bad request',
      status: 400,
      detail: 'The HTTP request could not be parsed; percent-encode non-ASCII characters in the URL.',
    });
    socket.end(`HTTP/1.1 400 Bad Request\r\nContent-Type: application/problem+json\r\nX-Content-Type-Options: nosniff\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
  });

  const shutdown = () => {
    server.close(() => void database.close().finally(() => process.exit(0)));
    setTimeout(() => process.exit(0), 5000).unref();
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

/** The jobs one process of a deployment runs beside its requests (one of several workers: src/node/supervise.ts). */
function runBackgroundJobs(env: Env, db: Db, log: Logger): void {
  // Publicity expiry: once at startup, then hourly. The timer never keeps the process alive; counts only are logged.
  const sweep = async () => {
    try {
      const expired = await expireDue(db, new Date());
      if (expired) log('info', 'publicity periods ended', { expired });
    } catch (err) {
      log(databaseFault(err) ? 'warn' : 'error', 'expiry sweep failed', { error: describeError(err) });
    }
  };
  void sweep();
  setInterval(() => void sweep(), SWEEP_INTERVAL_MS).unref();

  // Push deliveries, when a signing key is configured: a round every few seconds (each subscription waits out its own backoff).
  const signingKey = env.WEBHOOK_SIGNING_KEY;
  if (!signingKey) return;
  let running = false;
  setInterval(() => {
    if (running) return;
    running = true;
    dispatchWebhooks({ db, signingKey, now: new Date(), log })
      .catch((err: unknown) => log(databaseFault(err) ? 'warn' : 'error', 'webhook round failed', { error: describeError(err) }))
      .finally(() => {
        running = false;
      });
  }, WEBHOOK_ROUND_MS).unref();
}
