/** `npm run import -- --kind inspection-entities` as a command: exit codes, summary, report, refusals. */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { entityCreditCode, entityCsv } from './support/entity-files.js';
import { freshAdultId } from './support/evasions.js';

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'gongshi-entity-import-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const cli = (...args: string[]) =>
  run('npx', ['tsx', 'src/cli/import.ts', '--kind', 'inspection-entities', ...args], { cwd: new URL('..', import.meta.url).pathname }).then(
    (r) => ({ code: 0, ...r }),
    (e: { code: number; stdout: string; stderr: string }) => e,
  );
const file = (name: string, headers: string[], rows: Record<string, string>[]) => {
  const path = join(dir, name);
  writeFileSync(path, entityCsv(headers, rows));
  return path;
};

describe('entity import CLI', () => {
  it('--dry-run takes the file as an argument, validates every row, writes the report and exits 1 when rows were rejected', async () => {
    const code = entityCreditCode();
    const id = freshAdultId();
    const path = file('directory.csv', ['名称', '统一社会信用代码', '行政区划代码', '登记住所', '内部编号'], [
      { 名称: '示例市甲公司', 统一社会信用代码: code, 行政区划代码: '440106', 登记住所: '示例路1号' },
      { 名称: '示例市乙公司', 统一社会信用代码: code, 行政区划代码: '440106' },
      { 名称: '示例市丙公司', 统一社会信用代码: entityCreditCode(), 行政区划代码: '440106', 登记住所: `身份证${id}` },
    ]);
    const report = join(dir, 'rejected.csv');
    const r = await cli('--agency', 'a', '--dry-run', '--report', report, path);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('rows: 3, importable (dry run, nothing written): 1, rejected: 2');
    expect(r.stdout).toContain('ignored columns: 内部编号');
    const csv = readFileSync(report, 'utf8');
    expect(csv.split('\r\n').slice(0, 3)).toEqual([
      '\uFEFF行号,字段,原因',
      '3,统一社会信用代码,Same 统一社会信用代码 as row 2 of this file: the directory lists an entity once.',
      expect.stringMatching(/^4,登记住所,.*身份证 number/),
    ]);
    expect(csv + r.stdout + r.stderr).not.toContain(id);
  });

  it('a personal-data column refuses the file: exit 2, the column named, no stack trace', async () => {
    const path = file('contacts.csv', ['名称', '统一社会信用代码', '行政区划代码', '联系电话'], [{ 名称: '示例市丁公司', 统一社会信用代码: entityCreditCode(), 行政区划代码: '440106', 联系电话: '020-12345678' }]);
    const r = await cli('--agency', 'a', '--dry-run', path);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^The file has a column of personal data the directory does not hold: 联系电话\./);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('without --dry-run it refuses an --agency that is no agency id before opening any database', async () => {
    const path = file('one.csv', ['名称', '统一社会信用代码', '行政区划代码'], [{ 名称: '示例市戊公司', 统一社会信用代码: entityCreditCode(), 行政区划代码: '440106' }]);
    const r = await cli('--agency', 'a', path);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--agency must be an agency id');
  });
});
