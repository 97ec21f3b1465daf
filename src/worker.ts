import type { ExecutionContext } from 'hono';
import { createApp, type App } from './app.js';
import { databaseFault, describeError } from './domain/db-errors.js';
import { expireDue } from './domain/expiry.js';
import { dispatchWebhooks } from './domain/webhooks/dispatch.js';

/** The expiry sweep's cron in wrangler.toml; the other one runs push deliveries. */
const HOURLY = '0 * * * *';
import { openPostgres } from './db/postgres.js';
import { forRequest } from './db/request-handle.js';
import type { Db } from './db/client.js';
import { REDOC_ASSET } from './docs/asset-name.js';
import { checkResponsesFrom, parseEnv, rateLimitsFrom, type Env } from './env.js';
import { headerAddress } from './rate-limits.js';
import type { EdgeCache } from './edge-cache.js';
import { jsonLogger } from './log.js';
import { rulesConfig } from './rules-config.js';

interface Bindings {
  HYPERDRIVE: { connectionString: string };
  /** A second Hyperdrive configuration, on a read replica of the primary: anonymous public reads use it. */
  HYPERDRIVE_REPLICA?: { connectionString: string };
  /** wrangler.toml `[assets]`: the reference page's Redoc bundle, copied there at build (src/cli/docs-assets.ts). */
  ASSETS: { fetch(request: Request): Promise<Response> };
  [name: string]: unknown;
}

let app: App | undefined;

/** Cloudflare Workers entry: one postgres.js client per request over Hyperdrive, closed after the response. */
export default {
  async fetch(request: Request, bindings: Bindings, ctx: ExecutionContext): Promise<Response> {
    app ??= build(bindings);
    return app.fetch(request, bindings, ctx);
  },
  /**
   * The crons of wrangler.toml, each on its own client, closed when done: hourly, the publicity expiry sweep;
   * every minute, a round of push deliveries when a signing key is set.
   */
  async scheduled(controller: { cron: string }, bindings: Bindings, ctx: ExecutionContext): Promise<void> {
    const env = parseEnv(stringBindings(bindings));
    const log = jsonLogger(env.LOG_LEVEL);
    const signingKey = env.WEBHOOK_SIGNING_KEY;
    const hourly = controller.cron === HOURLY;
    const task = hourly
      ? (db: Db) => expireDue(db, new Date()).then((expired) => log('info', 'publicity periods ended', { expired }))
      : signingKey
        ? (db: Db) => dispatchWebhooks({ db, signingKey, now: new Date(), log }).then((round) => log('info', 'webhook round', round))
        : undefined;
    if (!task) return;
    const { db, close } = openPostgres(bindings.HYPERDRIVE.connectionString, { ...poolOptions(env), max: 1 });
    const work = task(db);
    ctx.waitUntil(
      work.catch((err: unknown) => log(databaseFault(err) ? 'warn' : 'error', hourly ? 'expiry sweep failed' : 'webhook round failed', { error: describeError(err) })).finally(close),
    );
  },
};

const stringBindings = (bindings: Bindings) =>
  Object.fromEntries(Object.entries(bindings).filter(([, v]) => typeof v === 'string')) as Record<string, string>;

/**
 * No statement_timeout from here: Hyperdrive pools its connections to the database per transaction, so a
 * session setting sent at connect time is not one the database sessions can be relied on to carry (nor is a
 * plan cache mode: lists planned with each page's values are sent unnamed). Hyperdrive limits a query to 60 s;
 * set a shorter default on the database role (README, Operations).
 */
const poolOptions = (env: Env) => ({ connectTimeoutMs: env.DB_CONNECT_TIMEOUT_MS, poolTimeoutMs: env.DB_POOL_TIMEOUT_MS, sessionSettingsHold: false });

/** A client for one request, closed once its response is sent. */
function perRequest(connectionString: string, env: Env, signal: AbortSignal | undefined) {
  const { db, close } = openPostgres(connectionString, { ...poolOptions(env), max: 5 });
  return { db: forRequest(db, signal), release: close };
}

function build(bindings: Bindings): App {
  const env = parseEnv(stringBindings(bindings));
  const replica = bindings.HYPERDRIVE_REPLICA;
  return createApp({
    db: {
      acquire: (signal) => perRequest(bindings.HYPERDRIVE.connectionString, env, signal),
      ...(replica ? { acquireReplica: (signal) => perRequest(replica.connectionString, env, signal) } : {}),
    },
    config: {
      adminToken: env.ADMIN_TOKEN,
      webhookSigningKey: env.WEBHOOK_SIGNING_KEY,
      bodyLimitBytes: env.BODY_LIMIT_BYTES,
      // Workers have no file system: data-file overrides are a Node server feature.
      ...rulesConfig(env, (path) => {
        throw new Error(`${path}: data files cannot be read on Workers; unset CALENDAR_FILE / PUBLICITY_RULES_FILE`);
      }),
      rateLimits: rateLimitsFrom(env),
      checkResponses: checkResponsesFrom(env),
    },
    // Cloudflare sets it to the visitor's address on every request that reaches a Worker.
    clientAddress: headerAddress('CF-Connecting-IP'),
    // The Workers runtime's own cache of this data centre; the DOM typings name caches without `default`.
    edgeCache: (caches as unknown as { default: EdgeCache }).default,
    log: jsonLogger(env.LOG_LEVEL),
    referenceBundle: async () => {
      // The assets binding routes by path alone; the host is never contacted.
      const res = await bindings.ASSETS.fetch(new Request(`https://assets.invalid/${REDOC_ASSET}`));
      if (!res.ok) throw new Error(`static asset ${REDOC_ASSET}: ${res.status}`);
      return new Uint8Array(await res.arrayBuffer());
    },
  });
}
