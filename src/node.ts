import { serve } from '@hono/node-server';
import { getConnInfo } from '@hono/node-server/conninfo';
import { createApp } from './app.js';
import { sharedDb } from './db/client.js';
import { openNodeDatabase } from './db/open-node.js';
import { seedDemo } from './demo/seed.js';
import { readRedocBundle } from './docs/redoc-bundle.js';
import { databaseFault, describeError } from './domain/db-errors.js';
import { expireDue, SWEEP_INTERVAL_MS } from './domain/expiry.js';
import { dispatchWebhooks, WEBHOOK_ROUND_MS } from './domain/webhooks/dispatch.js';
import { parseEnv, rateLimitsFrom } from './env.js';
import { headerAddress } from './rate-limits.js';
import { jsonLogger } from './log.js';
import { readFileSync } from 'node:fs';
import { rulesConfig } from './rules-config.js';
import { closeInStages } from './staged-close.js';

const started = performance.now();
const env = configuration();
const log = jsonLogger(env.LOG_LEVEL);
const database = await openNodeDatabase(env).catch(startupFailed);
if (env.SEED_DEMO && (await seedDemo(database.db).catch(startupFailed))) log('info', 'loaded demo data into the empty database');

/** Without its database (or migrations) the server does not start: say why in one safe line, and exit. */
function startupFailed(err: unknown): never {
  log('error', 'database unavailable at startup', { error: describeError(err) });
  process.exit(1);
}

const app = createApp({
  db: sharedDb(database.db),
  config: {
    adminToken: env.ADMIN_TOKEN,
    webhookSigningKey: env.WEBHOOK_SIGNING_KEY,
    bodyLimitBytes: env.BODY_LIMIT_BYTES,
    ...rulesConfig(env, (path) => JSON.parse(readFileSync(path, 'utf8'))),
    rateLimits: rateLimitsFrom(env),
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
  });
});

closeInStages(server);

// Publicity expiry: once at startup, then hourly. The timer never keeps the process alive; counts only are logged.
const sweep = async () => {
  try {
    const expired = await expireDue(database.db, new Date());
    if (expired) log('info', 'publicity periods ended', { expired });
  } catch (err) {
    log(databaseFault(err) ? 'warn' : 'error', 'expiry sweep failed', { error: describeError(err) });
  }
};
void sweep();
setInterval(() => void sweep(), SWEEP_INTERVAL_MS).unref();

// Push deliveries, when a signing key is configured: a round every few seconds (each subscription waits out its own backoff).
const signingKey = env.WEBHOOK_SIGNING_KEY;
if (signingKey) {
  let running = false;
  setInterval(() => {
    if (running) return;
    running = true;
    dispatchWebhooks({ db: database.db, signingKey, now: new Date(), log })
      .catch((err: unknown) => log(databaseFault(err) ? 'warn' : 'error', 'webhook round failed', { error: describeError(err) }))
      .finally(() => {
        running = false;
      });
  }, WEBHOOK_ROUND_MS).unref();
}

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

/** The parsed environment; a bad one stops the start with parseEnv's message alone (no stack trace). */
function configuration() {
  try {
    return parseEnv(process.env);
  } catch (err) {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  }
}

const shutdown = () => {
  server.close(() => void database.close().finally(() => process.exit(0)));
  setTimeout(() => process.exit(0), 5000).unref();
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
