/**
 * `npm run import -- --kind inspection-entities|approval-items --agency <agencyId> [--file] <x.csv|x.xlsx>
 * [--report rejected.csv] [--batch N] [--dry-run]`: streams an agency's 检查对象名录库 into its directory, or its
 * 行政许可事项清单 into its approval items, a batch per transaction. --dry-run validates every row and writes
 * nothing (it opens no database, so it cannot see what the agency already lists). Progress (share of the file
 * read, rows, imported, rejected) goes to stderr; the summary to stdout. Exit 0 all rows imported, 1 some
 * rejected (or the database failed), 2 the file was refused.
 */
import { approvalItemRows } from '../import/approval-item-import.js';
import { entityRows } from '../import/entity-import.js';
import { HeaderError } from '../import/national-headers.js';
import { ImportFileError } from '../import/read-table.js';
import { createRejectedReport } from '../import/report.js';
import type { Submit } from '../import/run-import.js';
import { dryRunSubmit, importRows, type RowKind, type StreamImportOptions } from '../import/stream-import.js';
import { progressBar } from './progress.js';
import { envOrExit, exitOnError, reportError } from './report-error.js';

export interface StreamImportArgs {
  file: string;
  agency: string;
  report?: string | undefined;
  /** The kind's default when not given. */
  batchSize?: number | undefined;
  dryRun: boolean;
}

/** A kind's import and dry run, closed over its item type. */
const kindOf = <Item extends object>(rows: RowKind<Item>) => ({ run: (opts: StreamImportOptions) => importRows(rows, opts), dryRun: () => dryRunSubmit(rows) });

/** The kinds loaded this way. */
const KINDS = { 'inspection-entities': kindOf(entityRows), 'approval-items': kindOf(approvalItemRows) };
type StreamKind = keyof typeof KINDS;

/** Returns the exit code. */
export async function streamImportCommand(kind: StreamKind, args: StreamImportArgs): Promise<number> {
  const spec = KINDS[kind];
  let submit: Submit = spec.dryRun();
  let close = async () => {};
  if (!args.dryRun) {
    // Loaded only when needed: a dry run must work without a database.
    const wiring = await import('../import/submit.js');
    const badAgency = wiring.agencyIdProblem(args.agency);
    if (badAgency) return refuse(badAgency);
    const { openNodeDatabase } = await import('../db/open-node.js');
    const database = await openNodeDatabase(envOrExit(process.env)).catch(exitOnError);
    close = () => database.close();
    try {
      await wiring.agencyCreditCode(database.db, args.agency); // only to check the agency exists
    } catch (e) {
      await close();
      if (e instanceof wiring.ImportAgencyError) return refuse(e.message);
      exitOnError(e);
    }
    const writers = { 'inspection-entities': wiring.makeEntitySubmit, 'approval-items': wiring.makeApprovalItemSubmit };
    submit = writers[kind](database.db, args.agency);
  }

  const bar = progressBar('importing [{bar}] {percentage}% | {rows} rows, {imported} imported, {rejected} rejected');
  const report = args.report ? await createRejectedReport(args.report) : undefined;
  try {
    const result = await spec.run({
      file: args.file,
      batchSize: args.batchSize,
      submit,
      onRejected: report?.add,
      onProgress: (p) => bar.update(p.bytesRead, p.size, { rows: p.rows, imported: p.imported, rejected: p.rejectedRows }),
    });
    bar.stop();
    const verb = args.dryRun ? 'importable (dry run, nothing written)' : 'imported';
    console.log(`rows: ${result.total}, ${verb}: ${result.imported}, rejected: ${result.rejectedRows}`);
    if (result.ignoredColumns.length) console.log(`ignored columns: ${result.ignoredColumns.join(', ')}`);
    if (result.rejectedRows && !args.report) console.log('pass --report <file.csv> to list the rejected rows and reasons');
    return result.rejectedRows ? 1 : 0;
  } catch (e) {
    bar.stop();
    if (e instanceof HeaderError || e instanceof ImportFileError) return refuse(e.message);
    reportError(e); // e.g. the database went away mid-import: batches already written stay
    return 1;
  } finally {
    await report?.close();
    await close();
  }
}

function refuse(message: string): number {
  console.error(message);
  return 2;
}
