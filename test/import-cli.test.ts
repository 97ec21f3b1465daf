import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { AGENCY, RAW_IDS } from './fixtures/import/data.js';

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'gongshi-import-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const cli = (...args: string[]) =>
  run('npx', ['tsx', 'src/cli/import.ts', ...args], { cwd: new URL('..', import.meta.url).pathname }).then(
    (r) => ({ code: 0, ...r }),
    (e: { code: number; stdout: string; stderr: string }) => e,
  );

describe('import CLI', () => {
  it('--dry-run validates every row, writes the report and exits 1 when rows were rejected', async () => {
    const report = join(dir, 'rejected.csv');
    const r = await cli('--kind', 'penalties', '--file', 'test/fixtures/import/penalties-current.xlsx', '--agency', 'a', '--agency-credit-code', AGENCY, '--dry-run', '--report', report);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('rows: 10, importable (dry run, nothing submitted): 3, rejected: 7');
    expect(r.stdout).toContain('ignored columns: 内部编号');
    const csv = readFileSync(report, 'utf8');
    expect(csv.startsWith('\uFEFF行号,字段,原因')).toBe(true);
    for (const id of RAW_IDS) expect(csv + r.stdout + r.stderr).not.toContain(id);
  });

  it('without --dry-run it refuses an --agency that is no agency id before opening any database', async () => {
    const r = await cli('--kind', 'licences', '--file', 'test/fixtures/import/licences.xlsx', '--agency', 'a');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--agency must be an agency id');
  });

  it('a file of the wrong kind exits 2 with the header problem', async () => {
    const r = await cli('--kind', 'licences', '--file', 'test/fixtures/import/penalties-legacy.csv', '--agency', 'a', '--agency-credit-code', AGENCY, '--dry-run');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('match neither national 行政许可 template');
  });

  it('a CSV that cannot be read as a table exits 2 with the reason, not a stack trace', async () => {
    const file = join(dir, 'unclosed.csv');
    writeFileSync(file, readFileSync('test/fixtures/import/penalties-current.csv', 'utf8') + '"never closed,1\n');
    const r = await cli('--kind', 'penalties', '--file', file, '--agency', 'a', '--agency-credit-code', AGENCY, '--dry-run');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^The file is not readable CSV: Quote Not Closed/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
