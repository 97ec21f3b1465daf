/**
 * Imports an agency's national-template spreadsheet (CSV/XLSX, current or legacy format):
 *   tsx src/cli/import.ts --kind penalties|licences --file x.xlsx --agency <agencyId>
 *        [--agency-credit-code <code>] [--report rejected.csv] [--batch 1000] [--dry-run]
 * or its 检查对象名录库 or 行政许可事项清单 (src/cli/import-stream.ts; the file may also be given without --file):
 *   tsx src/cli/import.ts --kind inspection-entities|approval-items --agency <agencyId> x.csv [--report rejected.csv] [--batch N] [--dry-run]
 * --dry-run maps and validates every row and submits nothing (valid rows are counted as importable); it needs
 * --agency-credit-code because it opens no database. Without --dry-run the agency's credit code is looked up
 * unless given. Progress (rows settled / total) goes to stderr; the summary to stdout.
 */
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import { HeaderError } from '../import/national-headers.js';
import { ImportFileError } from '../import/read-table.js';
import { rejectedReportCsv } from '../import/report.js';
import { runImport, type Submit } from '../import/run-import.js';
import { envOrExit, exitOnError, reportError } from './report-error.js';

const USAGE =
  'usage: tsx src/cli/import.ts --kind penalties|licences|inspection-entities|approval-items --file <x.csv|x.xlsx> --agency <agencyId> ' +
  '[--agency-credit-code <code>] [--report rejected.csv] [--batch 1000] [--dry-run]';

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    kind: { type: 'string' },
    file: { type: 'string' },
    agency: { type: 'string' },
    'agency-credit-code': { type: 'string' },
    report: { type: 'string' },
    batch: { type: 'string' },
    'dry-run': { type: 'boolean', default: false },
  },
});
const kind = values.kind;
if (positionals.length > 1 || (values.file && positionals.length)) fail(USAGE);
values.file ??= positionals[0];
if (!values.file || !values.agency) fail(USAGE);
const batchSize = Number(values.batch ?? 1000);
if (!Number.isInteger(batchSize) || batchSize < 1) fail('--batch must be a positive integer');
const dryRun = values['dry-run'];

if (kind === 'inspection-entities' || kind === 'approval-items') {
  const { streamImportCommand } = await import('./import-stream.js');
  const args = { file: values.file, agency: values.agency, report: values.report, batchSize: values.batch === undefined ? undefined : batchSize, dryRun };
  process.exit(await streamImportCommand(kind, args));
}
if (kind !== 'penalties' && kind !== 'licences') fail(USAGE);

let submit: Submit;
let creditCode = values['agency-credit-code'];
let close = async () => {};
if (dryRun) {
  if (!creditCode) fail('--dry-run needs --agency-credit-code (it opens no database to look the agency up).');
  submit = async () => ({ ok: true });
} else {
  // Loaded only when needed: a dry run must work without a database.
  const wiring = await import('../import/submit.js');
  if (!wiring.WIRED) fail('Importing into the database is not wired yet (src/import/submit.ts); use --dry-run.');
  if (!wiring.isWired(kind)) fail(wiring.NOT_WIRED_LICENCES);
  const badAgency = wiring.agencyIdProblem(values.agency);
  if (badAgency) fail(badAgency);
  const { openNodeDatabase } = await import('../db/open-node.js');
  const database = await openNodeDatabase(envOrExit(process.env)).catch(exitOnError);
  close = () => database.close();
  try {
    creditCode ??= await wiring.agencyCreditCode(database.db, values.agency);
  } catch (e) {
    await close();
    if (e instanceof wiring.ImportAgencyError) fail(e.message);
    exitOnError(e);
  }
  submit = wiring.makeSubmit(database.db, values.agency, kind);
}

const bar = new cliProgress.SingleBar(
  { stream: process.stderr, format: 'importing [{bar}] {value}/{total} rows', hideCursor: true },
  cliProgress.Presets.shades_classic,
);
let started = false;
try {
  const result = await runImport({
    file: values.file,
    kind,
    agencyCreditCode: creditCode!,
    batchSize,
    submit,
    onProgress: ({ done, total }) => {
      if (!started) bar.start(total, 0);
      started = true;
      bar.update(done);
    },
  });
  bar.stop();
  if (values.report) await writeFile(values.report, rejectedReportCsv(result.rejected));
  const verb = dryRun ? 'importable (dry run, nothing submitted)' : 'imported';
  console.log(`format: ${result.format === 'legacy' ? 'legacy (2015–2018)' : 'current'}`);
  console.log(`rows: ${result.total}, ${verb}: ${result.imported}, rejected: ${result.rejectedRows}`);
  if (result.ignoredColumns.length) console.log(`ignored columns: ${result.ignoredColumns.join(', ')}`);
  if (result.rejected.length && !values.report) console.log('pass --report <file.csv> to list the rejected rows and reasons');
  process.exitCode = result.rejectedRows ? 1 : 0;
} catch (e) {
  bar.stop();
  if (e instanceof HeaderError || e instanceof ImportFileError) fail(e.message);
  reportError(e); // e.g. the database went away mid-import: batches already submitted stay
} finally {
  await close();
}
