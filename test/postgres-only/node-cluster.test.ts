import { execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../support/db.js';
import { startNodeServer, type NodeServer } from '../support/node-server.js';
import { freePort } from '../support/throwaway-postgres.js';

// WORKERS=2: the bundled Node server as a supervisor of two server processes on one port.

let database: TestDatabase;
let server: NodeServer;

/** The server processes the supervisor runs now (its children), by pid. */
function workers(): number[] {
  try {
    return execFileSync('pgrep', ['-P', String(server.pid)]).toString().trim().split('\n').map(Number).sort();
  } catch {
    return []; // pgrep exits 1 when there are none
  }
}

async function until<T>(read: () => T, done: (value: T) => boolean, what: string): Promise<T> {
  for (let i = 0; i < 300; i++) {
    const value = read();
    if (done(value)) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

const logLines = () =>
  server.stderr
    .trim()
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as { message: string; worker?: number; workers?: number });

beforeAll(async () => {
  database = await openTestDatabase();
  server = await startNodeServer({ PATH: process.env.PATH ?? '', DATABASE_URL: database.url!, WORKERS: '2', SEED_DEMO: 'false', LOG_LEVEL: 'info' });
}, 150_000);

afterAll(async () => {
  await server?.stop();
  await database?.close();
});

describe('WORKERS=2 (several server processes on one machine)', () => {
  it('runs two server processes on one port, each listening, and answers through them', async () => {
    const pids = await until(workers, (p) => p.length === 2, 'two workers');
    expect(pids).toHaveLength(2);
    const listening = await until(() => logLines().filter((l) => l.message === 'listening'), (l) => l.length === 2, 'two listening lines');
    expect(listening.map((l) => l.worker).sort()).toEqual([0, 1]);
    expect(logLines().find((l) => l.message === 'started workers')?.workers).toBe(2);
    const answers = await Promise.all(Array.from({ length: 20 }, () => fetch(`${server.base}/v1/agencies`).then((r) => r.status)));
    expect(answers).toEqual(Array(20).fill(200));
  });

  it('replaces a worker that dies, in its slot, and keeps answering', async () => {
    const before = await until(workers, (p) => p.length === 2, 'two workers');
    process.kill(before[0]!, 'SIGKILL');
    const after = await until(workers, (p) => p.length === 2 && !p.includes(before[0]!), 'a replacement worker');
    expect(after).toContain(before[1]);
    await until(() => logLines().filter((l) => l.message === 'worker exited; starting another').length, (n) => n >= 1, 'the replacement logged');
    expect((await fetch(`${server.base}/v1/agencies`)).status).toBe(200);
  });

  it('refuses more than one worker on the embedded database, naming the setting', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/node.ts'], {
      env: { PATH: process.env.PATH ?? '', WORKERS: '2', PORT: String(await freePort()), DATA_DIR: '/nonexistent-gongshi' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const [code] = await once(child, 'exit');
    expect(code).toBe(1);
    expect(stderr).toContain('WORKERS: more than one needs DATABASE_URL');
  });

  it('stops every worker on SIGTERM and exits 0', async () => {
    const pids = await until(workers, (p) => p.length === 2, 'two workers');
    expect(await server.stop()).toBe(0);
    for (const pid of pids) expect(() => process.kill(pid, 0)).toThrow();
  });
});
