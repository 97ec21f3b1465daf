import cluster, { type Worker } from 'node:cluster';
import { availableParallelism } from 'node:os';
import type { Logger } from '../context.js';
import { openNodeDatabase } from '../db/open-node.js';
import { seedDemo } from '../demo/seed.js';
import type { Env } from '../env.js';
import { startupFailed } from './serve.js';

/** How many server processes WORKERS asks for: a number, or one per core. */
export const workerCount = (workers: Env['WORKERS']): number => (workers === 'auto' ? availableParallelism() : workers);

/**
 * Several server processes on one port (node:cluster; the primary hands each new connection to the next
 * worker). The API keeps no state in a process, so any worker may answer any request. The primary migrates
 * and seeds once before forking, so the workers never race for it; it serves nothing itself. Worker slot 0
 * runs the background jobs (expiry sweep, push deliveries), and a worker that dies is replaced in its slot.
 * A worker that exits before it listens is a failed start: every worker is stopped and the primary exits
 * with its code, as a single server would.
 */
export async function superviseWorkers(env: Env, log: Logger): Promise<void> {
  const database = await openNodeDatabase(env).catch((err: unknown) => startupFailed(log, err));
  if (env.SEED_DEMO && (await seedDemo(database.db).catch((err: unknown) => startupFailed(log, err)))) log('info', 'loaded demo data into the empty database');
  await database.close();

  const slots = new Map<Worker, number>();
  const listening = new Set<Worker>();
  let stopping = false;
  const fork = (slot: number) => slots.set(cluster.fork({ MIGRATE: 'false', SEED_DEMO: 'false', WORKER_SLOT: String(slot) }), slot);
  const stopAll = (code: number) => {
    stopping = true;
    process.exitCode = code;
    for (const worker of slots.keys()) worker.process.kill('SIGTERM');
    // Workers close their connections within 5 s (src/node/serve.ts); never wait longer than that.
    setTimeout(() => process.exit(), 6000).unref();
  };

  cluster.on('listening', (worker) => listening.add(worker));
  cluster.on('exit', (worker, code, signal) => {
    const slot = slots.get(worker)!;
    slots.delete(worker);
    if (stopping) {
      if (slots.size === 0) process.exit();
      return;
    }
    if (!listening.has(worker)) {
      log('error', 'worker failed to start; stopping', { worker: slot, code });
      stopAll(code || 1);
      return;
    }
    listening.delete(worker);
    log('warn', 'worker exited; starting another', { worker: slot, code, signal });
    fork(slot);
  });
  const count = workerCount(env.WORKERS);
  for (let slot = 0; slot < count; slot++) fork(slot);
  log('info', 'started workers', { workers: count });
  process.on('SIGINT', () => stopAll(0));
  process.on('SIGTERM', () => stopAll(0));
}
