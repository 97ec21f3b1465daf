/**
 * The directory import driver, independent of the database: streams the file (constant memory, whatever its
 * length), validates every row as POST /v1/inspection-entities would (entity-row.ts), and hands the valid
 * rows to `submit` a window of `batchSize` file rows at a time, settled as the national-template import
 * settles its batches (settleBatch: refused rows are rejected with the server's reason, the rest written).
 * A row repeating the 统一社会信用代码 or 注册号 of an earlier row of its window is rejected naming that row;
 * one repeating a row of an earlier window is refused by `submit`, since that row is listed by then.
 * Rejected rows reach `onRejected` window by window, in row order, so the report is written as the file is
 * read. If `submit` throws, the import stops there (earlier windows stay imported) and the error propagates.
 */
import type { InspectionEntityCreate } from '../schemas/inspections/entities.js';
import { mapEntityHeaders } from './entity-headers.js';
import { prepareEntityRow } from './entity-row.js';
import { openTable } from './read-table.js';
import type { RowError } from './row-common.js';
import { settleBatch, type PendingRow, type Submit } from './run-import.js';

export const DEFAULT_ENTITY_BATCH = 2000;

export interface EntityImportProgress {
  /** Data rows read so far, and of them written or rejected. */
  rows: number;
  imported: number;
  rejectedRows: number;
  /** Bytes of the file read so far, of `size`. */
  bytesRead: number;
  size: number;
}

export interface EntityImportOptions {
  /** A path, or the file's bytes. CSV or XLSX, told apart by content. */
  file: string | Uint8Array;
  /** File rows per window (and so at most this many entries per transaction). */
  batchSize?: number;
  submit: Submit;
  onProgress?: (p: EntityImportProgress) => void;
  /** The rejected rows' reasons (row, column, reason), window by window in row order. */
  onRejected?: (errors: RowError[]) => void | Promise<void>;
}

export interface EntityImportResult {
  /** Data rows in the file (blank rows not counted). */
  total: number;
  imported: number;
  rejectedRows: number;
  /** Headers of no known column: not read. */
  ignoredColumns: string[];
}

const IDENTITIES = [
  { field: 'creditCode', label: '统一社会信用代码' },
  { field: 'registrationNo', label: '注册号' },
] as const;

/** The first identity of `item` an earlier row of the window has, with that row's number. */
function repeatIn(window: Map<string, number>, item: InspectionEntityCreate) {
  for (const { field, label } of IDENTITIES) {
    const row = item[field] && window.get(`${field}:${item[field]}`);
    if (row) return { field, label, row };
  }
  return undefined;
}

export async function importEntities(opts: EntityImportOptions): Promise<EntityImportResult> {
  const batchSize = opts.batchSize ?? DEFAULT_ENTITY_BATCH;
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new RangeError('batchSize must be a positive integer');
  const table = await openTable(opts.file);
  try {
    const mapping = mapEntityHeaders(table.headers);
    const result: EntityImportResult = { total: 0, imported: 0, rejectedRows: 0, ignoredColumns: mapping.ignoredColumns };
    let rows: PendingRow[] = [];
    let rejected: RowError[] = [];
    let window = new Map<string, number>();
    let read = 0;

    const settle = async () => {
      const settled = await settleBatch(rows, opts.submit);
      result.imported += settled.imported;
      rejected.push(...settled.rejected);
      result.rejectedRows += new Set(rejected.map((r) => r.rowNumber)).size;
      if (rejected.length) await opts.onRejected?.(rejected.sort((a, b) => a.rowNumber - b.rowNumber));
      [rows, rejected, window, read] = [[], [], new Map(), 0];
      opts.onProgress?.({ rows: result.total, imported: result.imported, rejectedRows: result.rejectedRows, bytesRead: table.bytesRead(), size: table.size });
    };

    for await (const row of table.rows) {
      result.total++;
      read++;
      const prepared = prepareEntityRow(mapping, row);
      const repeated = prepared.item && repeatIn(window, prepared.item);
      if (repeated) prepared.ctx.add(repeated.field, `Same ${repeated.label} as row ${repeated.row} of this file: the directory lists an entity once.`);
      if (prepared.item && !repeated) {
        rows.push({ rowNumber: row.rowNumber, item: prepared.item, ctx: prepared.ctx });
        for (const { field } of IDENTITIES) if (prepared.item[field]) window.set(`${field}:${prepared.item[field]}`, row.rowNumber);
      } else rejected.push(...prepared.ctx.errors);
      if (read >= batchSize) await settle();
    }
    if (read > 0) await settle();
    return result;
  } finally {
    table.close();
  }
}

/**
 * A dry run's submit: writes nothing, and refuses an entry whose code an earlier batch had, as the database
 * would once that batch is written. It remembers every code of the file (memory grows with the file) and
 * cannot know what the directory already lists.
 */
export function dryRunSubmit(): Submit {
  const seen = new Set<string>();
  return async (items) => {
    const errors = (items as InspectionEntityCreate[]).flatMap((item, i) =>
      IDENTITIES.filter(({ field }) => item[field] && seen.has(`${field}:${item[field]}`)).map(({ field, label }) => ({
        in: 'body' as const,
        pointer: `/items/${i}/${field}`,
        detail: `An earlier row of this file has the same ${label}.`,
      })),
    );
    if (errors.length) return { ok: false, errors };
    for (const item of items as InspectionEntityCreate[]) for (const { field } of IDENTITIES) if (item[field]) seen.add(`${field}:${item[field]}`);
    return { ok: true };
  };
}
