/**
 * Runs every test by itself and reports those that fail alone (or that run other tests with them): a test
 * must not lean on what earlier tests left behind. Slow, so CI does not run it; run it by hand on PGlite:
 *
 *   npx tsx test/support/run-alone.ts [file filter …]           one vitest run per round (see below)
 *   npx tsx test/support/run-alone.ts --each [file filter …]    one vitest run per test, as a person would:
 *       vitest run --config test/vitest.config.ts --project pglite <file> -t "^<full name>$"
 *   npx tsx test/support/run-alone.ts --sample [file filter …]  a third of the work: of the tests written
 *       once (an it, or an it.each over cases), the first and last case; and no file's first test, which
 *       runs after nothing in the whole file either
 *   npx tsx test/support/run-alone.ts --rest [file filter …]    the other cases, again without first tests
 *
 * A round runs the n-th test of every file in one vitest process (each file still runs that one test and no
 * other: the name pattern is anchored and a name shared by two tests is run on its own), which saves the
 * start-up cost of ~1,800 processes. The result checks that each file ran exactly the one test it was given.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const root = new URL('../..', import.meta.url).pathname;
const vitest = ['vitest', '--config', 'test/vitest.config.ts', '--project', 'pglite'];
const scratch = mkdtempSync(join(tmpdir(), 'run-alone-'));

interface Listed {
  name: string;
  file: string;
  location?: { line: number };
}

interface Outcome {
  file: string;
  name: string;
  problem: string;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** vitest matches -t against the names of the describes and the test joined by spaces (the list shows " > "). */
const pattern = (names: string[]) => `^(${names.map((n) => escapeRegExp(n.replaceAll(' > ', ' '))).join('|')})$`;

async function npx(args: string[]): Promise<void> {
  // vitest exits 1 when a test fails: the JSON report says which.
  await run('npx', args, { cwd: root, maxBuffer: 64 * 1024 * 1024 }).catch((err: { code?: unknown }) => {
    if (typeof err.code !== 'number') throw err;
  });
}

async function list(filters: string[]): Promise<Listed[]> {
  const out = join(scratch, 'list.json');
  await npx([...vitest.slice(0, 1), 'list', ...vitest.slice(1), '--includeTaskLocation', `--json=${out}`, ...filters]);
  return (JSON.parse(readFileSync(out, 'utf8')) as Listed[]).map((t) => ({ ...t, file: relative(root, t.file) }));
}

interface JsonReport {
  testResults: { name: string; status: string; message?: string; assertionResults: { fullName: string; status: string; failureMessages: string[] }[] }[];
}

/** Runs the given tests (at most one per file) in one vitest process and returns what went wrong. */
async function runTogether(tests: Listed[]): Promise<Outcome[]> {
  const out = join(scratch, 'report.json');
  const files = tests.map((t) => t.file);
  await npx(['vitest', 'run', ...vitest.slice(1), '--reporter=json', `--outputFile=${out}`, '-t', pattern(tests.map((t) => t.name)), ...files]);
  const report = JSON.parse(readFileSync(out, 'utf8')) as JsonReport;
  const problems: Outcome[] = [];
  for (const test of tests) {
    const result = report.testResults.find((r) => relative(root, r.name) === test.file);
    const ran = result?.assertionResults.filter((a) => a.status !== 'skipped' && a.status !== 'pending') ?? [];
    const first = (text?: string) => (text ?? '').split('\n').slice(0, 3).join(' | ');
    if (!result) problems.push({ ...test, problem: 'the file did not run' });
    else if (ran.length !== 1) problems.push({ ...test, problem: `ran ${ran.length} tests instead of 1${result.message ? `: ${first(result.message)}` : ''}` });
    else if (ran[0]!.status !== 'passed') problems.push({ ...test, problem: first(ran[0]!.failureMessages[0]) });
  }
  return problems;
}

/**
 * The first and last case of each test written once (one source line) as the sample, the other cases as the
 * rest; neither holds the first test of a file.
 */
function sample(tests: Listed[]): { sample: Listed[]; rest: Listed[] } {
  const cases = new Map<string, Listed[]>();
  for (const t of tests) cases.set(`${t.file}:${t.location?.line}`, [...(cases.get(`${t.file}:${t.location?.line}`) ?? []), t]);
  const firsts = new Set([...new Set(tests.map((t) => t.file))].map((file) => tests.find((t) => t.file === file)));
  const kept = new Set([...cases.values()].flatMap((group) => [group[0]!, group.at(-1)!]));
  const others = tests.filter((t) => !firsts.has(t));
  return { sample: others.filter((t) => kept.has(t)), rest: others.filter((t) => !kept.has(t)) };
}

async function main() {
  const args = process.argv.slice(2);
  const each = args.includes('--each');
  const listed = await list(args.filter((a) => !a.startsWith('--')));
  const tests = args.includes('--sample') ? sample(listed).sample : args.includes('--rest') ? sample(listed).rest : listed;
  const byFile = new Map<string, Listed[]>();
  for (const t of tests) byFile.set(t.file, [...(byFile.get(t.file) ?? []), t]);
  const shared = new Set(listed.filter((t, i) => listed.findIndex((u) => u.name === t.name) !== i).map((t) => t.name));

  // A round takes the n-th test of each file; tests whose full name another test also has run by themselves.
  const rounds: Listed[][] = [];
  const alone = tests.filter((t) => each || shared.has(t.name)).map((t) => [t]);
  if (!each) {
    for (const fileTests of byFile.values()) {
      fileTests.filter((t) => !shared.has(t.name)).forEach((t, n) => (rounds[n] ??= []).push(t));
    }
  }
  const batches = [...rounds, ...alone];
  console.log(`${tests.length} tests in ${byFile.size} files, ${batches.length} vitest runs`);
  const failures: Outcome[] = [];
  for (const [i, batch] of batches.entries()) {
    const problems = await runTogether(batch);
    failures.push(...problems);
    console.log(`run ${i + 1}/${batches.length}: ${batch.length} tests, ${problems.length} failed alone`);
    for (const p of problems) console.log(`  FAIL ${p.file} > ${p.name}\n       ${p.problem}`);
  }
  console.log(`\n${tests.length} tests run alone, ${failures.length} failed`);
  for (const p of failures) console.log(`${p.file}\t${p.name}`);
  process.exitCode = failures.length ? 1 : 0;
}

await main();
