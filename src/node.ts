import cluster from 'node:cluster';
import { parseEnv } from './env.js';
import { jsonLogger } from './log.js';
import { serveNode } from './node/serve.js';
import { superviseWorkers, workerCount } from './node/supervise.js';

// The Node server (npm start). WORKERS > 1: a primary process that supervises that many server processes.
const env = configuration();
const log = jsonLogger(env.LOG_LEVEL);
if (cluster.isPrimary && workerCount(env.WORKERS) > 1) await superviseWorkers(env, log);
// A single server runs the background jobs itself; of several, the worker in slot 0 does.
else await serveNode(env, log, env.WORKER_SLOT === undefined || env.WORKER_SLOT === 0);

/** The parsed environment; a bad one stops the start with parseEnv's message alone (no stack trace). */
function configuration() {
  try {
    return parseEnv(process.env);
  } catch (err) {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  }
}
