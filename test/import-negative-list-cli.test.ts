/** `npm run import -- --kind negative-list` as a command: the dispatch, exit codes, summary and report, without a database. */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'gongshi-nl-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const fixture = (name: string) => new URL(`fixtures/negative-list/${name}`, import.meta.url).pathname;
const cli = (...args: string[]) =>
  run('npx', ['tsx', 'src/cli/import.ts', '--kind', 'negative-list', ...args], { cwd: new URL('..', import.meta.url).pathname }).then(
    (r) => ({ code: 0, ...r }),
    (e: { code: number; stdout: string; stderr: string }) => e,
  );

describe('negative-list import CLI', () => {
  it('--dry-run reads the file given as an argument, writes the report and exits 1 when rows are rejected', async () => {
    const report = join(dir, 'rejected.csv');
    const r = await cli('--edition', '2099', '--dry-run', '--report', report, fixture('bad.csv'));
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('rows: 8; rejected: 7. The edition is imported whole or not at all: nothing was written.');
    expect(readFileSync(report, 'utf8').split('\r\n')[1]).toBe('2,事项编码,"Empty, and there is no item above for this row to continue: the first row of an item needs its 事项编码."');
    const ok = await cli('--edition', '2099', '--dry-run', '--file', fixture('edition.xlsx'));
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toContain('edition 2099: the file is valid (dry run, nothing written)');
  });

  it('refuses arguments it cannot use before reading anything: exit 2, no stack trace', async () => {
    const noEdition = await cli('--dry-run', fixture('edition.csv'));
    expect(noEdition.code).toBe(2);
    expect(noEdition.stderr).toMatch(/^usage: .*--kind negative-list --edition <code>/);
    const half = await cli('--edition', '2099', '--create', '--title', '市场准入负面清单', '--dry-run', fixture('edition.csv'));
    expect(half.code).toBe(2);
    expect(half.stderr.trim()).toBe('--effective-from: required with --create');
    const region = await cli('--edition', '2099', '--local-region', '深圳市', '--dry-run', fixture('edition.csv'));
    expect(region.code).toBe(2);
    expect(region.stderr).toContain('--local-region must name a province');
    expect(noEdition.stderr + half.stderr + region.stderr).not.toMatch(/\n\s+at /);
  });
});
