import { execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startNodeServer, type NodeServer } from '../support/node-server.js';
import { findPostgresBin, freePort, startThrowawayPostgres, type ThrowawayPostgres } from '../support/throwaway-postgres.js';

// The real Node entry point (src/node.ts) on a PostgreSQL cluster of this file's own, which it stops and restarts.
let cluster: ThrowawayPostgres;
let server: NodeServer | undefined;
let base = '';

const nodeEnv = (databaseUrl: string, extra: Record<string, string> = {}) => ({
  ...(process.env as Record<string, string>),
  DATABASE_URL: databaseUrl,
  LOG_LEVEL: 'warn',
  SEED_DEMO: 'false',
  ...extra,
});

/** Every line the server logged, parsed (it logs one JSON object per line on stderr). */
const logLines = () =>
  server!.stderr
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as Record<string, unknown>);

/** No SQL text or bound parameters anywhere in what a process printed. */
function expectNoSql(output: string) {
  expect(output).not.toMatch(/select |insert into|update "|delete from|create table|params:|failed query/i);
}

beforeAll(async () => {
  const bin = findPostgresBin();
  if (!bin) throw new Error('PostgreSQL binaries not found');
  cluster = await startThrowawayPostgres(bin);
  server = await startNodeServer(nodeEnv(cluster.url));
  base = server.base;
}, 90_000);

afterAll(async () => {
  await server?.stop();
  cluster?.stop();
});

describe('npm start when PostgreSQL restarts or stops', () => {
  it('answers 200 after a restart, 503 problem+json with Retry-After while PostgreSQL is down, and 200 once it is back', async () => {
    expect((await fetch(`${base}/v1/agencies`)).status).toBe(200);
    cluster.halt('fast');
    cluster.start();
    expect((await fetch(`${base}/v1/agencies`)).status).toBe(200);

    cluster.halt('immediate');
    try {
      for (const path of ['/v1/agencies', '/v1/penalties', '/v1/feed']) {
        const res = await fetch(base + path);
        expect(res.status).toBe(503);
        expect(res.headers.get('content-type')).toBe('application/problem+json');
        expect(res.headers.get('retry-after')).toMatch(/^[1-9][0-9]*$/);
        expect(await res.json()).toMatchObject({ type: 'https://gongshi.dev/problems/database-unavailable', status: 503 });
      }
    } finally {
      cluster.start();
    }
    expect((await fetch(`${base}/v1/agencies`)).status).toBe(200);

    const warnings = logLines().filter((l) => l.message === 'Database unavailable');
    expect(warnings.length).toBeGreaterThanOrEqual(3);
    expect(logLines().filter((l) => l.level === 'error')).toEqual([]);
    expectNoSql(server!.stderr);
  });

  it('does not start without its database: one log line naming the failure, exit code 1', async () => {
    const unreachable = `postgres://postgres@127.0.0.1:${await freePort()}/postgres`;
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/node.ts'], { env: nodeEnv(unreachable, { PORT: String(await freePort()), HOST: '127.0.0.1' }), stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    for (const stream of [child.stdout!, child.stderr!]) stream.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const [code] = await once(child, 'exit');
    expect(code).toBe(1);
    const lines = output.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({ level: 'error', message: 'database unavailable at startup', error: 'database unavailable (ECONNREFUSED)' });
    expectNoSql(output);
  });

  it('the operator CLIs say in one line that the database is unreachable, without SQL, and exit 1', async () => {
    const unreachable = `postgres://postgres@127.0.0.1:${await freePort()}/postgres`;
    for (const args of [['src/cli/migrate.ts'], ['src/cli/keys.ts', 'list']]) {
      const failed = await promisify(execFile)(process.execPath, ['--import', 'tsx', ...args], { env: nodeEnv(unreachable) }).then(
        () => undefined,
        (err: { code: number; stdout: string; stderr: string }) => err,
      );
      expect(failed, args.join(' ')).toMatchObject({ code: 1, stdout: '', stderr: 'database unavailable (ECONNREFUSED)\n' });
    }
  });
});
