/**
 * Imports an agency's national-template spreadsheet (CSV/XLSX, current or legacy format):
 *   tsx src/cli/import.ts --kind penalties|licences --file x.xlsx --agency <agencyId>
 *        [--agency-credit-code <code>] [--report rejected.csv] [--batch 1000] [--dry-run]
 * or its 检查对象名录库 or 行政许可事项清单 (src/cli/import-stream.ts; the file may also be given without --file):
 *   tsx src/cli/import.ts --kind inspection-entities|approval-items --agency <agencyId> x.csv [--report rejected.csv] [--batch N] [--dry-run]
 * or a 市场准入负面清单 edition (src/cli/import-negative-list.ts), all or nothing, into a draft edition:
 *   tsx src/cli/import.ts --kind negative-list --edition <code> [--create --title … --effective-from YYYY-MM-DD] x.xlsx [--report rejected.csv] [--dry-run]
 * --dry-run maps and validates every row and submits nothing (valid rows are counted as importable); it needs
 * --agency-credit-code because it opens no database. Without --dry-run the agency's credit code is looked up
 * unless given. Progress (rows settled / total) goes to stderr; the summary to stdout.
 */
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { HeaderError } from '../import/national-headers.js';
import { ImportFileError } from '../import/read-table.js';
import { rejectedReportCsv } from '../import/report.js';
import { runImport, type Submit } from '../import/run-import.js';
import { progressBar } from './progress.js';
import { envOrExit, exitOnError, reportError } from './report-error.js';

const USAGE =
  'usage: tsx src/cli/import.ts --kind penalties|licences|inspection-entities|approval-items|negative-list --file <x.csv|x.xlsx> --agency <agencyId> ' +
  '[--agency-credit-code <code>] [--report rejected.csv] [--batch 1000] [--dry-run]';

const NEGATIVE_LIST_USAGE =
  'usage: tsx src/cli/import.ts --kind negative-list --edition <code> [--create --title <清单名称> --effective-from YYYY-MM-DD ' +
  '[--document-no <印发文号>] [--released-on YYYY-MM-DD]] [--local-region <province>] [--report rejected.csv] [--dry-run] <x.csv|x.xlsx>';

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
    // --kind negative-list (src/cli/import-negative-list.ts)
    edition: { type: 'string' },
    create: { type: 'boolean', default: false },
    title: { type: 'string' },
    'effective-from': { type: 'string' },
    'document-no': { type: 'string' },
    'released-on': { type: 'string' },
    'local-region': { type: 'string' },
  },
});
const kind = values.kind;
if (positionals.length > 1 || (values.file && positionals.length)) fail(USAGE);
values.file ??= positionals[0];

if (kind === 'negative-list') {
  if (!values.file || !values.edition || values.agency) fail(NEGATIVE_LIST_USAGE);
  const { importNegativeListCommand } = await import('./import-negative-list.js');
  const args = {
    file: values.file,
    edition: values.edition,
    create: values.create,
    title: values.title,
    effectiveFrom: values['effective-from'],
    documentNo: values['document-no'],
    releasedOn: values['released-on'],
    localRegion: values['local-region'],
    report: values.report,
    dryRun: values['dry-run'],
  };
  process.exit(await importNegativeListCommand(args));
}
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

const bar = progressBar('importing [{bar}] {value}/{total} rows');
try {
  const result = await runImport({
    file: values.file,
    kind,
    agencyCreditCode: creditCode!,
    batchSize,
    submit,
    onProgress: ({ done, total }) => bar.update(done, total),
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
