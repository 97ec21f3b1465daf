import { serve } from '@hono/node-server';
import { createApp } from './app.js';
import { sharedDb } from './db/client.js';
import { openNodeDatabase } from './db/open-node.js';
import { seedDemo } from './demo/seed.js';
import { parseEnv } from './env.js';
import { jsonLogger } from './log.js';

const started = performance.now();
const env = parseEnv(process.env);
const log = jsonLogger(env.LOG_LEVEL);
const database = await openNodeDatabase(env);
if (env.SEED_DEMO && (await seedDemo(database.db))) log('info', 'loaded demo data into the empty database');

const app = createApp({
  db: sharedDb(database.db),
  config: { adminToken: env.ADMIN_TOKEN, bodyLimitBytes: env.BODY_LIMIT_BYTES },
  log,
});

const server = serve({ fetch: app.fetch, port: env.PORT, hostname: env.HOST }, (info) => {
  log('info', 'listening', {
    url: `http://${info.address}:${info.port}`,
    database: database.kind === 'pglite' ? `PGlite in ${env.DATA_DIR}` : 'PostgreSQL',
    readyMs: Math.round(performance.now() - started),
    admin: env.ADMIN_TOKEN ? 'enabled' : 'disabled (set ADMIN_TOKEN)',
  });
});

const shutdown = () => {
  server.close(() => void database.close().finally(() => process.exit(0)));
  setTimeout(() => process.exit(0), 5000).unref();
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
