import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';
import { sharedDb } from '../src/db/client.js';
import { migratePglite, openPglite } from '../src/db/pglite.js';
import { createAgency } from '../src/domain/agencies.js';
import { json, uniqueCreditCode } from './support/app.js';
import { openTestDatabase, testDbKind } from './support/db.js';

const run = promisify(execFile);
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** The operator CLI against this project's database: DATABASE_URL for PostgreSQL, DATA_DIR for PGlite. */
async function withDatabase<T>(fn: (env: Record<string, string>, reopen: () => Promise<{ db: any; close(): Promise<void> }>) => Promise<T>) {
  if (testDbKind === 'postgres') {
    const database = await openTestDatabase();
    try {
      return await fn({ DATABASE_URL: database.url!, MIGRATE: 'false' }, async () => ({ db: database.db, close: async () => {} }));
    } finally {
      await database.close();
    }
  }
  const dir = mkdtempSync(join(tmpdir(), 'gongshi-cli-'));
  dirs.push(dir);
  return fn({ DATA_DIR: dir }, async () => {
    const { db, close } = await openPglite(dir);
    await migratePglite(db);
    return { db, close };
  });
}

const agencyInput = () => ({ name: '命令行测试局', creditCode: uniqueCreditCode(), regionCode: '440100', level: '市级' as const, kind: '法定' as const });

describe('keys CLI', () => {
  it('creates a key that then works as a bearer key, and revokes it', async () => {
    await withDatabase(async (env, reopen) => {
      let handle = await reopen();
      const { row: agency } = await createAgency(handle.db, { kind: 'admin' }, new Date(), agencyInput());
      await handle.close();

      const cli = (...args: string[]) => run(process.execPath, ['--import', 'tsx', 'src/cli/keys.ts', ...args], { env: { ...process.env, ...env, DATABASE_URL: env.DATABASE_URL ?? '' } });
      const created = await cli('create', '--agency', agency.id, '--scopes', 'publish,admin', '--name', '运维');
      const key = JSON.parse(created.stdout);
      expect(key).toMatchObject({ agencyId: agency.id, scopes: ['publish', 'admin'], name: '运维', revokedAt: null });
      expect(key.secret).toMatch(/^gs_/);
      expect(created.stderr).toContain('not shown again');

      const listed = JSON.parse((await cli('list', '--agency', agency.id)).stdout);
      expect(listed).toHaveLength(1);
      expect(JSON.stringify(listed)).not.toContain(key.secret);

      handle = await reopen();
      const app = createApp({ db: sharedDb(handle.db) });
      const patch = (secret: string) =>
        app.request(`/v1/agencies/${agency.id}`, {
          method: 'PATCH',
          headers: { ...json, Authorization: `Bearer ${secret}`, 'If-Match': '"v1"' },
          body: JSON.stringify({ website: 'https://cli.example.gov.cn' }),
        });
      expect((await patch(key.secret)).status).toBe(200);
      await handle.close();

      const revoked = JSON.parse((await cli('revoke', '--id', key.id)).stdout);
      expect(revoked.revokedAt).not.toBeNull();
      handle = await reopen();
      const after = createApp({ db: sharedDb(handle.db) });
      const res = await after.request(`/v1/agencies/${agency.id}`, {
        method: 'PATCH',
        headers: { ...json, Authorization: `Bearer ${key.secret}`, 'If-Match': '"v2"' },
        body: JSON.stringify({ website: null }),
      });
      expect(res.status).toBe(401);
      await handle.close();
    });
  }, 120_000);

  it('fails clearly for an unknown agency and for a bad command', async () => {
    await withDatabase(async (env) => {
      const cli = (...args: string[]) => run(process.execPath, ['--import', 'tsx', 'src/cli/keys.ts', ...args], { env: { ...process.env, ...env, DATABASE_URL: env.DATABASE_URL ?? '' } });
      await expect(cli('create', '--agency', '0193a1b2-7c4d-7e5f-8a9b-0c1d2e3f4a5b')).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining('No agency has this id') });
      await expect(cli('frobnicate')).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining('Usage') });
    });
  }, 120_000);
});
