/**
 * One measured step of the draw benchmark, in a process of its own so its peak RSS is its own (spawned by
 * bench/draw.ts; prints one JSON line). Steps: `shuffle` (the 1,000,000 ids read beforehand, untimed, then a
 * plain Fisher–Yates shuffle in memory), `select-shuffle` (SELECT the same ids with postgres.js, then the same
 * shuffle), `commit`, `reveal` and `verify` (POST …/draw/commit, …/draw/reveal, GET …/draw/verify through
 * createApp over postgres.js, in this process, as the Node server runs it).
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import postgres from 'postgres';
import { createApp } from '../src/app.js';
import { sharedDb } from '../src/db/client.js';
import { openPostgres } from '../src/db/postgres.js';
import { commitmentOf } from '../src/draw/seed.js';
import { POOL_MAX, processCpuMs } from './servers.js';

export const ADMIN_TOKEN = 'bench-admin-token-0123456789';
/** A secret derived from the task id, known to both steps (an agency uses 32 random bytes: `openssl rand -hex 32`). */
const benchSecret = (taskId: string) => createHash('sha256').update(`gongshi bench draw ${taskId}`).digest('hex');
export type Step = 'shuffle' | 'select-shuffle' | 'commit' | 'reveal' | 'verify';

export interface StepFigures {
  seconds: number;
  /** RSS when the step started, and the highest RSS while it ran (VmHWM reset at the start), in bytes. */
  rssBefore: number;
  rssPeak: number;
  /** False when the kernel refused the VmHWM reset: the peak is then the process's lifetime peak. */
  peakReset: boolean;
  /** CPU seconds (user + system) of this process, and of the PostgreSQL backends serving the step. */
  appCpu: number;
  dbCpu: number | null;
  /** What the step answered (status, counts), to check it did the work. */
  outcome: string;
}

/** Resets the kernel's peak-RSS mark (VmHWM) to the current RSS: Linux /proc/<pid>/clear_refs, value 5. */
function resetPeak(): boolean {
  try {
    writeFileSync('/proc/self/clear_refs', '5');
    return true;
  } catch {
    return false;
  }
}
function peakRss(): number {
  const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
  return hwm ? Number(hwm[1]) * 1024 : process.resourceUsage().maxRSS * 1024;
}

/** Fisher–Yates over a copy, with Math.random: the plain in-memory baseline. */
function shuffle(ids: readonly string[]): string[] {
  const a = ids.slice();
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    const x = a[i]!;
    a[i] = a[j]!;
    a[j] = x;
  }
  return a;
}

async function main(step: Step, url: string, agencyId: string, taskId: string, statementTimeoutMs: number): Promise<StepFigures> {
  const secret = benchSecret(taskId);
  const sql = postgres(url, { max: 1, onnotice: () => {}, connection: { application_name: 'bench-runner' } });
  const database = openPostgres(url, { max: POOL_MAX, statementTimeoutMs });
  const app = createApp({ db: sharedDb(database.db), config: { adminToken: ADMIN_TOKEN } });
  const headers = { Authorization: `Bearer ${ADMIN_TOKEN}`, 'Content-Type': 'application/json' };
  const selectIds = async () => (await sql<{ id: string }[]>`SELECT id FROM inspection_entities WHERE agency_id = ${agencyId} AND status = 'active'`).map((r) => r.id);
  const call = async (method: string, path: string, body?: unknown) => {
    const res = await app.request(path, { method, headers, ...(body ? { body: JSON.stringify(body) } : {}) });
    const text = await res.text();
    if (res.status >= 300) throw new Error(`${method} ${path} answered ${res.status}: ${text.slice(0, 600)}`);
    return JSON.parse(text);
  };
  const run: Record<Step, () => Promise<string>> = {
    shuffle: async () => `${shuffle(ids).length} ids shuffled`,
    'select-shuffle': async () => `${shuffle(await selectIds()).length} ids selected and shuffled`,
    commit: async () => {
      const draw = await call('POST', `/v1/inspection-tasks/${taskId}/draw/commit`, { commitment: commitmentOf(secret), contributionMinutes: 0 });
      return `committed: ${draw.pools.entities.count} entities, ${draw.pools.inspectors.count} inspectors, ${draw.pools.conflicts.count} conflicts`;
    },
    reveal: async () => `revealed: ${(await call('POST', `/v1/inspection-tasks/${taskId}/draw/reveal`, { secret })).result.selections.length} selections`,
    verify: async () => `verify: match ${(await call('GET', `/v1/inspection-tasks/${taskId}/draw/verify`)).match}`,
  };
  const ids = step === 'shuffle' ? await selectIds() : [];
  // A first request compiles the app's routes and schemas: not part of any step.
  if (taskId !== '-') await call('GET', `/v1/inspection-tasks/${taskId}`);
  // The backends doing the step's database work: the app's, or this connection's for the SELECT baseline.
  const backends = async () =>
    step === 'select-shuffle'
      ? await sql<{ pid: number }[]>`SELECT pg_backend_pid() AS pid`
      : await sql<{ pid: number }[]>`SELECT pid FROM pg_stat_activity WHERE application_name = 'gongshi'`;
  const dbCpuMs = async () => {
    let sum = 0;
    for (const { pid } of await backends()) {
      const ms = processCpuMs(pid);
      if (ms === null) return null; // not Linux, or not allowed to read the backend's /proc entry
      sum += ms;
    }
    return sum;
  };
  try {
    const dbBefore = await dbCpuMs();
    globalThis.gc?.();
    const peakReset = resetPeak();
    const rssBefore = process.memoryUsage().rss;
    const cpu = process.cpuUsage();
    const started = performance.now();
    const outcome = await run[step]();
    const seconds = (performance.now() - started) / 1000;
    const { user, system } = process.cpuUsage(cpu);
    const dbAfter = await dbCpuMs();
    const dbCpu = dbBefore === null || dbAfter === null ? null : (dbAfter - dbBefore) / 1000;
    return { seconds, rssBefore, rssPeak: peakRss(), peakReset, appCpu: (user + system) / 1e6, dbCpu, outcome };
  } finally {
    await database.close();
    await sql.end({ timeout: 5 });
  }
}

if (process.argv[1]?.endsWith('draw-phase.ts')) {
  const [step, url, agencyId, taskId, timeout] = process.argv.slice(2) as [Step, string, string, string, string];
  process.stdout.write(JSON.stringify(await main(step, url, agencyId, taskId, Number(timeout))) + '\n');
}
