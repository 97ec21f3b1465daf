/**
 * The import driver, independent of the database: read the file, detect the template, map and pre-validate
 * every row, then hand the valid rows to `submit` in batches of at most `batchSize`. `submit` is
 * all-or-nothing (the domain batch function runs one transaction): when it refuses a batch, its errors carry
 * pointers /items/N/... (a 409 duplicate decision number too, as /items/N/decisionNumber). Those rows are
 * rejected with the server's reason and the rest of the batch is submitted again, until it succeeds or is empty.
 * If `submit` throws, the import stops there (earlier batches stay imported) and the error propagates.
 */
import { readFile } from 'node:fs/promises';
import type { FieldError } from '../errors.js';
import { prepareLicenceRow } from './licence-row.js';
import { fieldsOf, mapHeaders, type ImportFormat, type ImportKind } from './national-headers.js';
import { preparePenaltyRow, type MappedRow } from './penalty-row.js';
import { readTable } from './read-table.js';
import { RowContext, type RowError } from './row-common.js';

export type SubmitResult = { ok: true } | { ok: false; errors: FieldError[] };
export type Submit = (items: unknown[]) => Promise<SubmitResult>;

export interface ImportProgress {
  /** Rows settled so far: submitted successfully, or rejected. */
  done: number;
  total: number;
}

export interface RunImportOptions {
  /** A path, or the file's bytes. CSV or XLSX, told apart by content. */
  file: string | Uint8Array;
  kind: ImportKind;
  /** 统一社会信用代码 of the importing agency: rows naming another 处罚机关/许可机关 are rejected. */
  agencyCreditCode: string;
  batchSize?: number;
  submit: Submit;
  onProgress?: (p: ImportProgress) => void;
}

export interface ImportResult {
  /** Data rows in the file (blank rows not counted). */
  total: number;
  imported: number;
  /** One entry per problem; a row may have several. */
  rejected: RowError[];
  /** Number of distinct rejected rows. */
  rejectedRows: number;
  ignoredColumns: string[];
  format: ImportFormat;
}

const ITEM_POINTER = /^\/items\/(\d+)(\/.*)?$/;

/** A valid row waiting to be submitted, with the context that names the server's reasons by column. */
export interface PendingRow {
  rowNumber: number;
  item: unknown;
  ctx: Pick<RowContext, 'add' | 'errors' | 'scrub'>;
}

/**
 * Submits one batch until it is written or empty: the rows the server refuses (pointers /items/N/...) are
 * rejected with its reasons and the rest submitted again. Errors that name no item of the batch cannot be
 * narrowed down: the whole remaining batch fails with them rather than being resubmitted forever.
 */
export async function settleBatch(rows: PendingRow[], submit: Submit): Promise<{ imported: number; rejected: RowError[] }> {
  const rejected: RowError[] = [];
  let batch = rows;
  while (batch.length) {
    const result = await submit(batch.map((b) => b.item));
    if (result.ok) return { imported: batch.length, rejected };
    const refused = new Set<number>();
    for (const err of result.errors) {
      const m = ITEM_POINTER.exec(err.pointer);
      const entry = m ? batch[Number(m[1])] : undefined;
      if (!m || !entry) continue;
      refused.add(Number(m[1]));
      entry.ctx.add((m[2] ?? '').slice(1).replaceAll('/', '.'), err.detail);
    }
    if (refused.size === 0) {
      const reason = result.errors.map((e) => e.detail).join('; ') || 'The batch was refused.';
      for (const b of batch) rejected.push({ rowNumber: b.rowNumber, column: '', reason: b.ctx.scrub(reason) });
      break;
    }
    for (const i of refused) rejected.push(...batch[i]!.ctx.errors);
    batch = batch.filter((_, i) => !refused.has(i));
  }
  return { imported: 0, rejected };
}

export async function runImport(opts: RunImportOptions): Promise<ImportResult> {
  const batchSize = opts.batchSize ?? 1000;
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new RangeError('batchSize must be a positive integer');
  const bytes = typeof opts.file === 'string' ? new Uint8Array(await readFile(opts.file)) : opts.file;
  const table = await readTable(bytes);
  const mapping = mapHeaders(opts.kind, table.headers);
  const prepare = opts.kind === 'penalties' ? preparePenaltyRow : prepareLicenceRow;

  const total = table.rows.length;
  const rejected: RowError[] = [];
  const valid: PendingRow[] = [];
  for (const row of table.rows) {
    const mapped: MappedRow<unknown> = prepare(mapping, row, opts.agencyCreditCode);
    if (mapped.item === undefined) rejected.push(...mapped.errors);
    // The context scrubs server reasons of this row's ID numbers and names their columns.
    else valid.push({ rowNumber: row.rowNumber, item: mapped.item, ctx: new RowContext(mapping, row.rowNumber, fieldsOf(mapping, row.cells)) });
  }
  let done = total - valid.length;
  let imported = 0;
  opts.onProgress?.({ done, total });

  for (let start = 0; start < valid.length; start += batchSize) {
    const batch = valid.slice(start, start + batchSize);
    const settled = await settleBatch(batch, opts.submit);
    imported += settled.imported;
    rejected.push(...settled.rejected);
    done += batch.length;
    opts.onProgress?.({ done, total });
  }

  rejected.sort((a, b) => a.rowNumber - b.rowNumber);
  return {
    total,
    imported,
    rejected,
    rejectedRows: new Set(rejected.map((r) => r.rowNumber)).size,
    ignoredColumns: mapping.ignoredColumns,
    format: mapping.format,
  };
}
