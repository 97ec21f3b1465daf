import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, testDbKind, type TestDatabase } from './support/db.js';

// The real Node entry point (src/node.ts) as a user starts it: demo data on an empty database.
let server: ChildProcess | undefined;
let database: TestDatabase | undefined;
let dataDir: string | undefined;
let base = '';

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

beforeAll(async () => {
  const port = await freePort();
  const env: Record<string, string> = { ...(process.env as Record<string, string>), PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'error' };
  if (testDbKind === 'postgres') {
    database = await openTestDatabase();
    env.DATABASE_URL = database.url!;
  } else {
    dataDir = mkdtempSync(join(tmpdir(), 'gongshi-node-'));
    env.DATA_DIR = dataDir;
    delete env.DATABASE_URL;
  }
  server = spawn(process.execPath, ['--import', 'tsx', 'src/node.ts'], { env, stdio: 'ignore' });
  base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(`${base}/v1/agencies`)).ok) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the server did not answer within 30 s');
}, 60_000);

afterAll(async () => {
  if (server && server.exitCode === null) {
    const exited = new Promise((r) => server!.once('exit', r));
    server.kill('SIGTERM');
    await exited;
  }
  await database?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe('npm start (src/node.ts)', () => {
  it('migrates an empty database and serves the demo data', async () => {
    const agencies = await (await fetch(`${base}/v1/agencies`)).json();
    expect(agencies.items.map((a: { name: string }) => a.name)).toContain('示例市交通运输局');
    const articles = await (await fetch(`${base}/v1/articles?q=${encodeURIComponent('道路运输')}`)).json();
    expect(articles.items.length).toBeGreaterThan(0);
  });

  it('answers a request line Node cannot parse with problem+json, not a bare 400', async () => {
    const raw = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(new URL(base).port), '127.0.0.1', () => {
        socket.write(Buffer.from('GET /v1/officers?q=张示例 HTTP/1.1\r\nHost: x\r\n\r\n', 'utf8'));
      });
      let data = '';
      socket.on('data', (chunk) => (data += chunk.toString('utf8')));
      socket.on('end', () => resolve(data));
      socket.on('error', reject);
    });
    expect(raw).toMatch(/^HTTP\/1\.1 400 /);
    expect(raw).toContain('Content-Type: application/problem+json');
    const body = JSON.parse(raw.slice(raw.indexOf('\r\n\r\n') + 4));
    expect(body).toMatchObject({ status: 400, title: 'Bad request' });
  });
});
