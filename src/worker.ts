import type { ExecutionContext } from 'hono';
import { createApp, type App } from './app.js';
import { expireDue } from './domain/expiry.js';
import { openPostgres } from './db/postgres.js';
import { parseEnv } from './env.js';
import { jsonLogger } from './log.js';
import { rulesConfig } from './rules-config.js';

interface Bindings {
  HYPERDRIVE: { connectionString: string };
  [name: string]: unknown;
}

let app: App | undefined;

/** Cloudflare Workers entry: one postgres.js client per request over Hyperdrive, closed after the response. */
export default {
  async fetch(request: Request, bindings: Bindings, ctx: ExecutionContext): Promise<Response> {
    app ??= build(bindings);
    return app.fetch(request, bindings, ctx);
  },
  /** The hourly cron of wrangler.toml: the publicity expiry sweep, on its own client, closed when done. */
  async scheduled(_controller: unknown, bindings: Bindings, ctx: ExecutionContext): Promise<void> {
    const log = jsonLogger(parseEnv(stringBindings(bindings)).LOG_LEVEL);
    const { db, close } = openPostgres(bindings.HYPERDRIVE.connectionString, { max: 1 });
    ctx.waitUntil(
      expireDue(db, new Date())
        .then((expired) => log('info', 'publicity periods ended', { expired }))
        .catch((err: unknown) => log('error', 'expiry sweep failed', { error: err instanceof Error ? err.name : typeof err }))
        .finally(close),
    );
  },
};

const stringBindings = (bindings: Bindings) =>
  Object.fromEntries(Object.entries(bindings).filter(([, v]) => typeof v === 'string')) as Record<string, string>;

function build(bindings: Bindings): App {
  const strings = Object.fromEntries(Object.entries(bindings).filter(([, v]) => typeof v === 'string')) as Record<string, string>;
  const env = parseEnv(strings);
  return createApp({
    db: {
      acquire: () => {
        const { db, close } = openPostgres(bindings.HYPERDRIVE.connectionString, { max: 5 });
        return { db, release: close };
      },
    },
    config: {
      adminToken: env.ADMIN_TOKEN,
      bodyLimitBytes: env.BODY_LIMIT_BYTES,
      // Workers have no file system: data-file overrides are a Node server feature.
      ...rulesConfig(env, (path) => {
        throw new Error(`${path}: data files cannot be read on Workers; unset CALENDAR_FILE / PUBLICITY_RULES_FILE`);
      }),
    },
    log: jsonLogger(env.LOG_LEVEL),
  });
}
