import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN } from './support/app.js';
import { openTestDatabase, testDbKind, type TestDatabase } from './support/db.js';
import { startNodeServer, type NodeServer } from './support/node-server.js';

// The real Node entry point as `npm start` runs it (the bundle of src/node.ts): demo data on an empty database.
let server: NodeServer | undefined;
let database: TestDatabase | undefined;
let dataDir: string | undefined;
let base = '';

beforeAll(async () => {
  const env: Record<string, string> = { ...(process.env as Record<string, string>), LOG_LEVEL: 'error', ADMIN_TOKEN };
  if (testDbKind === 'postgres') {
    database = await openTestDatabase();
    env.DATABASE_URL = database.url!;
  } else {
    dataDir = mkdtempSync(join(tmpdir(), 'gongshi-node-'));
    env.DATA_DIR = dataDir;
    delete env.DATABASE_URL;
  }
  server = await startNodeServer(env);
  base = server.base;
}, 150_000);

afterAll(async () => {
  await server?.stop();
  await database?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe('npm start (build/node/server.js, bundled from src/node.ts)', () => {
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

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  reusedSocket: boolean;
  /** An error the request met after its answer came (e.g. EPIPE: the server reset the connection mid-upload). */
  error?: string;
}

/** One request through a keep-alive agent, as a Node client sends it; settles once the request is done. */
function send(agent: Agent, method: string, path: string, headers: Record<string, string | number> = {}, body?: Buffer): Promise<Answer> {
  const { port } = new URL(base);
  return new Promise((resolve, reject) => {
    let answer: Answer | undefined;
    let error: string | undefined;
    const req = httpRequest({ host: '127.0.0.1', port, method, path, agent, headers }, (res) => {
      let text = '';
      res.on('data', (chunk) => (text += chunk));
      res.on('end', () => (answer = { status: res.statusCode!, headers: res.headers, body: text, reusedSocket: req.reusedSocket }));
    });
    req.on('error', (err: NodeJS.ErrnoException) => (error = err.code ?? err.message));
    req.on('close', () => (answer ? resolve({ ...answer, ...(error ? { error } : {}) }) : reject(new Error(`no answer: ${error}`))));
    req.end(body);
  });
}

describe('an answer given before the request body was read', () => {
  // Far over the 1 MiB limit and over what the socket buffers hold: the client is still sending when the answer comes.
  const big = Buffer.alloc(16 * 1024 * 1024, 'x');
  const post = { 'Content-Type': 'application/json', 'Content-Length': big.length };

  it.each([
    ['413 to an operator', 413, { ...post, Authorization: `Bearer ${ADMIN_TOKEN}` }],
    ['401 to an anonymous client', 401, post],
  ])('reaches the client as a %s with Connection: close, and its next request works', async (_what, status, headers) => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const refused = await send(agent, 'POST', '/v1/agencies', headers, big);
      expect(refused.status).toBe(status);
      expect(refused.error).toBeUndefined();
      expect(refused.headers.connection).toBe('close');
      expect(refused.headers['x-content-type-options']).toBe('nosniff');
      expect(JSON.parse(refused.body)).toMatchObject({ status });
      const next = await send(agent, 'GET', '/v1/agencies?limit=1');
      expect(next.status).toBe(200);
      expect(next.reusedSocket).toBe(false);
      const again = await send(agent, 'GET', '/v1/agencies?limit=1');
      expect(again).toMatchObject({ status: 200, reusedSocket: true });
    } finally {
      agent.destroy();
    }
  });

  it('closes a connection whose client stopped part-way through the body, after answering it', async () => {
    const raw = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(new URL(base).port), '127.0.0.1', () => {
        socket.write(`POST /v1/agencies HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${ADMIN_TOKEN}\r\nContent-Type: application/json\r\nContent-Length: ${big.length}\r\n\r\n`);
        socket.write(big.subarray(0, 64 * 1024));
      });
      let data = '';
      socket.on('data', (chunk) => (data += chunk.toString('utf8')));
      // 'close' comes only once the server has ended the connection.
      socket.on('close', () => resolve(data));
      socket.on('error', reject);
    });
    expect(raw).toMatch(/^HTTP\/1\.1 413 /);
    expect(raw.toLowerCase()).toContain('\r\nconnection: close\r\n');
  });
});

describe('ADMIN_TOKEN', () => {
  /** Starts src/node.ts with this operator token; resolves with its exit code and what it wrote to stderr. */
  function start(token: string): Promise<{ code: number | null; stderr: string }> {
    const dir = mkdtempSync(join(tmpdir(), 'gongshi-token-'));
    const env: Record<string, string> = { ...(process.env as Record<string, string>), ADMIN_TOKEN: token, DATA_DIR: dir, PORT: '1', LOG_LEVEL: 'error' };
    delete env.DATABASE_URL;
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/node.ts'], { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr!.on('data', (chunk) => (stderr += chunk));
    return new Promise((resolve) =>
      child.once('exit', (code) => {
        rmSync(dir, { recursive: true, force: true });
        resolve({ code, stderr });
      }),
    );
  }

  it.each([
    ['only whitespace', '      ', /ADMIN_TOKEN: is only whitespace/],
    ['one character repeated', 'Q'.repeat(40), /ADMIN_TOKEN: must use at least 10 different characters/],
  ])('stops the start when it is %s, saying why without echoing it', async (_what, token, message) => {
    const { code, stderr } = await start(token);
    expect(code).toBe(1);
    expect(stderr).toMatch(message);
    if (token.trim()) expect(stderr).not.toContain(token);
    expect(stderr).not.toMatch(/\n\s+at /);
  }, 30_000);
});
