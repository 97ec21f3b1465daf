/**
 * `npm run import -- --kind inspection-entities --agency <agencyId> [--file] <x.csv|x.xlsx> [--report rejected.csv]
 * [--batch 2000] [--dry-run]`: streams an agency's 检查对象名录库 file into its directory, a batch per
 * transaction. --dry-run validates every row and writes nothing (it opens no database, so it cannot see what
 * the directory already lists). Progress (share of the file read, rows, imported, rejected) goes to stderr;
 * the summary to stdout. Exit 0 all rows imported, 1 some rejected (or the database failed), 2 the file was refused.
 */
import { dryRunSubmit, importEntities } from '../import/entity-import.js';
import { HeaderError } from '../import/national-headers.js';
import { ImportFileError } from '../import/read-table.js';
import { createRejectedReport } from '../import/report.js';
import type { Submit } from '../import/run-import.js';
import { progressBar } from './progress.js';
import { envOrExit, exitOnError, reportError } from './report-error.js';

export interface EntityImportArgs {
  file: string;
  agency: string;
  report?: string | undefined;
  /** importEntities' default when not given. */
  batchSize?: number | undefined;
  dryRun: boolean;
}

/** Returns the exit code. */
export async function importEntitiesCommand(args: EntityImportArgs): Promise<number> {
  let submit: Submit = dryRunSubmit();
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
    submit = wiring.makeEntitySubmit(database.db, args.agency);
  }

  const bar = progressBar('importing [{bar}] {percentage}% | {rows} rows, {imported} imported, {rejected} rejected');
  const report = args.report ? await createRejectedReport(args.report) : undefined;
  try {
    const result = await importEntities({
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
