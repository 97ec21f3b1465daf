/**
 * npm run verify-draw: recomputes a draw from a saved JSON file or from the API's URL, with no database.
 * Exit 0 match, 1 mismatch, 2 unusable input.
 */
import { execFile } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import type { PublishedDraw } from '../src/draw/published.js';
import { entityPool, hex32, inspectorPool, publishedDraw } from './support/draw.js';

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'gongshi-verify-draw-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const cli = (...args: string[]) =>
  run(process.execPath, ['--import', 'tsx', 'src/cli/verify-draw.ts', ...args], { cwd: new URL('..', import.meta.url).pathname }).then(
    (r) => ({ code: 0, ...r }),
    (e: { code: number; stdout: string; stderr: string }) => e,
  );

const TASK = '0197a000-0000-7000-8000-000000000006';
const draw = (): PublishedDraw =>
  publishedDraw({
    taskId: TASK,
    pools: { entities: entityPool(50), inspectors: inspectorPool(5), conflicts: [] },
    parameters: { inspectorsPerEntity: 2, sample: { mode: 'ratio', basisPoints: 1000 } },
    secret: hex32('cli secret'),
    contributions: [hex32('cli 1'), hex32('cli 2')],
  });

function expectUnusable(r: { code: number; stdout: string; stderr: string }) {
  expect(r.code).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr).not.toMatch(/\n\s+at /);
}

let files = 0;
function saved(value: unknown): string {
  const path = join(dir, `draw-${++files}.json`);
  writeFileSync(path, typeof value === 'string' ? value : JSON.stringify(value));
  return path;
}

describe('verify-draw CLI on saved JSON', () => {
  it('prints every check and "match" for a genuine draw (exit 0)', async () => {
    const r = await cli(saved(draw()));
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines.filter((l) => l.startsWith('ok   ')).map((l) => l.split(':')[0]!.slice(5))).toEqual([
      'algorithm', 'pools.entities', 'pools.inspectors', 'pools.conflicts', 'contributions', 'timeline', 'commitment', 'seed', 'result',
    ]);
    expect(lines.at(-1)).toBe('match');
  });

  it('says "mismatch" (exit 1) for a tampered result, a tampered pool and a swapped contribution', async () => {
    const tampered = [draw(), draw(), draw()];
    tampered[0]!.result!.selections[0]!.inspectorIds.reverse();
    tampered[1]!.pools.entities.items![7]!.id = '0197ffff-0000-7000-8000-000000000000';
    const [a, b] = tampered[2]!.contributions;
    [a!.value, b!.value] = [b!.value, a!.value];
    const [result, pool, contribution] = await Promise.all(tampered.map((d) => cli(saved(d))));
    for (const r of [result!, pool!, contribution!]) {
      expect(r.code).toBe(1);
      expect(r.stdout.trim().split('\n').at(-1)).toBe('mismatch');
    }
    expect(result!.stdout).toMatch(/^FAIL result: selection 1: published .+; recomputed .+$/m);
    expect(pool!.stdout).toMatch(/^FAIL pools\.entities: published 50 entries/m);
    expect(contribution!.stdout).toMatch(/^FAIL seed: published [0-9a-f]{64}; recomputed [0-9a-f]{64}$/m);
  });

  it('exits 2 with the reason when the draw is not a draw or has no pools', async () => {
    const summary = draw();
    delete summary.pools.inspectors.items;
    const [noPools, notDraw] = await Promise.all([cli(saved(summary)), cli(saved({ ...draw(), commitment: 'abc' }))]);
    for (const r of [noPools!, notDraw!]) expectUnusable(r);
    expect(noPools!.stderr).toContain('?include=pools');
    expect(notDraw!.stderr).toMatch(/^Not a published draw:[\s\S]*commitment/);
  });

  it('exits 2 with the reason when there is nothing to read', async () => {
    const [notJson, missing, usage] = await Promise.all([cli(saved('{"taskId": ')), cli(join(dir, 'no-such-file.json')), cli()]);
    for (const r of [notJson!, missing!, usage!]) expectUnusable(r);
    expect(notJson!.stderr).toMatch(/is not JSON/);
    expect(missing!.stderr).toContain('Cannot read');
    expect(usage!.stderr).toContain('Usage: npm run verify-draw');
  });
});

describe('verify-draw CLI on a URL', () => {
  it('fetches the task\'s draw with ?include=pools, and says why a missing draw cannot be checked', async () => {
    const requested: string[] = [];
    const body = JSON.stringify(draw());
    const server = createServer((req, res) => {
      requested.push(req.url!);
      if (req.url === `/v1/inspection-tasks/${TASK}/draw?include=pools`) {
        res.writeHead(200, { 'Content-Type': 'application/json' }).end(body);
      } else {
        res.writeHead(404, { 'Content-Type': 'application/problem+json' }).end(JSON.stringify({ title: 'Not Found', status: 404, detail: 'No draw for this task.' }));
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/inspection-tasks`;
      // The URL of a task gets /draw added; the URL of a draw is used as it is.
      const [task, absent] = await Promise.all([cli(`${base}/${TASK}`), cli(`${base}/0197a000-0000-7000-8000-00000000dead/draw`)]);
      expect(task!.code).toBe(0);
      expect(task!.stdout.trim().split('\n').at(-1)).toBe('match');
      expect(absent!.code).toBe(2);
      expect(absent!.stderr).toMatch(/answered 404: No draw for this task\./);
      expect(requested.sort()).toEqual([`/v1/inspection-tasks/${TASK}/draw?include=pools`, '/v1/inspection-tasks/0197a000-0000-7000-8000-00000000dead/draw?include=pools']);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
