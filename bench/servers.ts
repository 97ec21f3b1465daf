import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleNode } from '../src/cli/bundle-node.js';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Every server is bundled the same way (as `npm start` runs ours) and gets the same pool size, so only the code differs. */
export const POOL_MAX = 10;

export interface ServerDef {
  name: string;
  /** Entry file, relative to the repo root. */
  entry: string;
  /** Where its bundle is built, relative to the repo root. */
  outdir: string;
  /** A server that is not ours to bundle: the command that starts it on `port` over `databaseUrl`. */
  launch?: (port: number, databaseUrl: string) => Promise<{ command: string; args: string[] }>;
  /** Its URL of an agency, to know when it answers (default: ours, /v1/agencies/{id}). */
  agencyPath?: (id: string) => string;
}

export const OURS: ServerDef = { name: 'gongshi', entry: 'src/node.ts', outdir: 'build/node' };
export const BARE: ServerDef = { name: 'bare hono + postgres.js', entry: 'bench/bare-server.ts', outdir: 'build/bench-bare' };
export const FASTIFY: ServerDef = { name: 'fastify + pg', entry: 'bench/fastify-server.ts', outdir: 'build/bench-fastify' };

export interface RunningServer {
  base: string;
  /** Resident memory of the server process now, in MiB (VmRSS), or null off Linux. */
  rssMiB(): number | null;
  /** CPU time (user + system, all threads) the server has used so far, or null off Linux. */
  cpuMs(): number | null;
  /** The last 4,000 characters the server wrote to stderr (its error log), to explain error responses. */
  stderr(): string;
  stop(): Promise<void>;
}

let ticksPerSecond: number | undefined;

/** Reads utime + stime from /proc: CPU per request does not depend on how busy the load tool keeps the box. */
export function processCpuMs(pid: number | undefined): number | null {
  try {
    ticksPerSecond ??= Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / ticksPerSecond;
  } catch {
    return null;
  }
}

/** VmRSS from /proc: the server is another process, so process.memoryUsage() cannot see it. */
function processRssMiB(pid: number | undefined): number | null {
  try {
    const kb = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return kb ? Number(kb[1]) / 1024 : null;
  } catch {
    return null;
  }
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

/** Only what a process needs to run: stray variables (ADMIN_TOKEN, NODE_OPTIONS) must not skew one side. */
function inherited(): Record<string, string> {
  const keep = ['PATH', 'HOME', 'TMPDIR'].filter((k) => process.env[k] !== undefined);
  return Object.fromEntries(keep.map((k) => [k, process.env[k]!]));
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
}

/** Spawns a server and waits until `readyPath` answers 200; its stderr is kept for the failure message. */
export async function startServer(def: ServerDef, databaseUrl: string, readyPath: string): Promise<RunningServer> {
  const port = await freePort();
  const { command, args } = def.launch
    ? await def.launch(port, databaseUrl)
    : await bundleNode(def.entry, join(ROOT, def.outdir)).then(() => ({ command: process.execPath, args: [join(def.outdir, 'server.js')] }));
  const child = spawn(command, args, {
    cwd: ROOT,
    env: {
      ...inherited(),
      // Both servers alike, e.g. `--require` a CPU profiler (bench/README.md).
      ...(process.env.BENCH_SERVER_NODE_OPTIONS ? { NODE_OPTIONS: process.env.BENCH_SERVER_NODE_OPTIONS } : {}),
      NODE_ENV: 'production',
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      SEED_DEMO: 'false',
      MIGRATE: 'false',
      LOG_LEVEL: 'error',
      DB_POOL_MAX: String(POOL_MAX),
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => void (stderr = (stderr + chunk.toString()).slice(-4000)));
  const base = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const done = exited(child);
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    await done;
    clearTimeout(timer);
  };
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${def.name} exited with ${child.exitCode}:\n${stderr}`);
    try {
      const res = await fetch(base + readyPath);
      await res.arrayBuffer();
      if (res.status === 200) return { base, stop, cpuMs: () => processCpuMs(child.pid), rssMiB: () => processRssMiB(child.pid), stderr: () => stderr };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  await stop();
  throw new Error(`${def.name} did not answer ${readyPath} within 30 s:\n${stderr}`);
}
