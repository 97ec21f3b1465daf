/**
 * `npm run import -- --kind negative-list --edition <code> [--create --title … --effective-from YYYY-MM-DD
 * [--document-no …] [--released-on YYYY-MM-DD]] [--local-region 广东省] [--report rejected.csv] [--dry-run] <x.csv|x.xlsx>`:
 * loads a 市场准入负面清单 table into a draft edition, all or nothing (docs/negative-list-import.md). Progress on
 * stderr, the summary on stdout. Exit 0 written (or, with --dry-run, valid), 1 rows rejected and nothing written
 * (or the database failed), 2 refused before any row was written (arguments, file, edition).
 */
import { writeFile } from 'node:fs/promises';
import type { Db } from '../db/client.js';
import { HeaderError } from '../import/national-headers.js';
import { checkEditionTarget, EditionRefusedError, readNegativeList, writeNegativeList, type EditionTarget, type NegativeListFile } from '../import/negative-list-import.js';
import { regionNamed, type LocalRegion } from '../import/negative-list-values.js';
import { ImportFileError } from '../import/read-table.js';
import { rejectedReportCsv } from '../import/report.js';
import type { RowError } from '../import/row-common.js';
import { EditionCreate } from '../schemas/negative-list/editions.js';
import { progressBar } from './progress.js';
import { envOrExit, exitOnError, reportError } from './report-error.js';

export interface NegativeListImportArgs {
  file: string;
  edition: string;
  create: boolean;
  title?: string | undefined;
  effectiveFrom?: string | undefined;
  documentNo?: string | undefined;
  releasedOn?: string | undefined;
  /** The province of measures whose 地方性许可事项 cell only says 是. */
  localRegion?: string | undefined;
  report?: string | undefined;
  dryRun: boolean;
}

/** What the command runs against: a database (opened from the environment when not given), a clock, its output. */
export interface CommandIo {
  db?: Db;
  now?: () => Date;
  out?: (line: string) => void;
  err?: (line: string) => void;
}

const SHOWN = 20;
const RULES = { column: 'from the 类别 column', section: 'from section headings (一、禁止准入类 / 二、许可准入类)', code: "from the code's first digit (1 = 禁止准入类, 2 = 许可准入类: a convention of the published lists, not a published rule)" };

/** The edition the arguments name, or the reason they are refused. */
function targetOf(args: NegativeListImportArgs): EditionTarget | string {
  const extra = (['title', 'effectiveFrom', 'documentNo', 'releasedOn'] as const).filter((k) => args[k] !== undefined);
  if (!args.create) {
    if (extra.length) return '--title, --effective-from, --document-no and --released-on describe a new edition: they go with --create.';
    const code = EditionCreate.shape.code.safeParse(args.edition);
    return code.success ? { code: code.data } : `--edition: ${code.error.issues[0]!.message}`;
  }
  const input = { code: args.edition, title: args.title, effectiveFrom: args.effectiveFrom, documentNo: args.documentNo, releasedOn: args.releasedOn };
  const parsed = EditionCreate.safeParse(input);
  if (parsed.success) return { code: parsed.data.code, create: parsed.data };
  const flag = (path: PropertyKey[]) => '--' + String(path[0] === 'code' ? 'edition' : path[0]).replace(/[A-Z]/g, (c) => '-' + c.toLowerCase());
  return parsed.error.issues.map((i) => `${flag(i.path)}: ${/received undefined/.test(i.message) ? 'required with --create' : i.message}`).join('\n');
}

/** Returns the exit code. */
export async function importNegativeListCommand(args: NegativeListImportArgs, io: CommandIo = {}): Promise<number> {
  const out = io.out ?? console.log;
  const refuse = (message: string) => {
    (io.err ?? console.error)(message);
    return 2;
  };
  const target = targetOf(args);
  if (typeof target === 'string') return refuse(target);
  let localRegion: LocalRegion | undefined;
  if (args.localRegion !== undefined && !(localRegion = regionNamed(args.localRegion))) return refuse(`--local-region must name a province (广东省, 广东 or 440000), not ${JSON.stringify(args.localRegion)}.`);

  let db = args.dryRun ? undefined : io.db;
  let close = async () => {};
  if (!args.dryRun && !db) {
    // Loaded only when needed: a dry run works without a database.
    const { openNodeDatabase } = await import('../db/open-node.js');
    const database = await openNodeDatabase(envOrExit(process.env)).catch(exitOnError);
    [db, close] = [database.db, () => database.close()];
  }
  const bar = progressBar('importing [{bar}] {percentage}% | {phase} | {rows} rows, {items} items');
  try {
    if (db) await checkEditionTarget(db, target);
    const file = await readNegativeList({
      file: args.file,
      localRegion,
      onProgress: (p) => p.phase === 'read' && bar.update(p.bytesRead, p.size, { phase: 'reading', rows: p.rows, items: '…' }),
    });
    if (file.rejected.length) return await rejected(file, file.rejected);
    if (!db) {
      bar.stop();
      summary(file, `edition ${target.code}: the file is valid (dry run, nothing written)`);
      return 0;
    }
    const result = await writeNegativeList(db, target, file.items, {
      now: io.now?.() ?? new Date(),
      onProgress: (p) => p.phase === 'write' && bar.update(p.written, p.total, { phase: 'writing', rows: file.rows, items: p.written }),
    });
    if (!result.written) return await rejected(file, result.rejected);
    bar.stop();
    summary(file, `edition ${result.edition.code} (draft): written`);
    out(`publish it with POST /v1/negative-list/editions/${result.edition.code}/publish once it has been checked.`);
    return 0;
  } catch (e) {
    bar.stop();
    if (e instanceof HeaderError || e instanceof ImportFileError || e instanceof EditionRefusedError) return refuse(e.message);
    reportError(e); // e.g. the database went away: the transaction is rolled back, nothing is written
    return 1;
  } finally {
    await close();
  }

  function summary(file: NegativeListFile, what: string) {
    const measures = file.items.flatMap((i) => i.item.measures);
    const count = (category: string) => file.items.filter((i) => i.item.category === category).length;
    out(what);
    out(`rows: ${file.rows}; items: ${file.items.length} (禁止准入类 ${count('prohibited')}, 许可准入类 ${count('permitted')}); measures: ${measures.length} (local ${measures.filter((m) => m.local).length}, ★ ${measures.filter((m) => m.starred).length})`);
    for (const rule of ['column', 'section', 'code'] as const) {
      const n = file.categoryRules[rule];
      if (n) out(`category of ${n} item${n === 1 ? '' : 's'}: ${RULES[rule]}`);
    }
    if (file.ignoredColumns.length) out(`ignored columns: ${file.ignoredColumns.join(', ')}`);
  }

  async function rejected(file: NegativeListFile, errors: RowError[]): Promise<number> {
    bar.stop();
    if (args.report) await writeFile(args.report, rejectedReportCsv(errors));
    const rows = new Set(errors.map((r) => r.rowNumber)).size;
    out(`rows: ${file.rows}; rejected: ${rows}. The edition is imported whole or not at all: nothing was written.`);
    for (const r of errors.slice(0, SHOWN)) out(`  row ${r.rowNumber}${r.column ? `, ${r.column}` : ''}: ${r.reason}`);
    if (errors.length > SHOWN) out(`  … and ${errors.length - SHOWN} more`);
    if (!args.report) out('pass --report <file.csv> to write the rejected rows and reasons for Excel');
    return 1;
  }
}
