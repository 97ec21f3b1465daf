/**
 * The streaming import driver for files of versioned records (a 检查对象名录库, a 行政许可事项清单), independent of
 * the database: streams the file (constant memory, whatever its length), validates every row as the record's
 * POST would (the kind's `prepare`), and hands the valid rows to `submit` a window of `batchSize` file rows at
 * a time, settled as the national-template import settles its batches (settleBatch: refused rows are rejected
 * with the server's reason, the rest written). A row repeating an identity (统一社会信用代码, 事项编码 …) of an
 * earlier row of its window is rejected naming that row; one repeating a row of an earlier window is refused by
 * `submit`, since that row is listed by then. Rejected rows reach `onRejected` window by window, in row order,
 * so the report is written as the file is read. If `submit` throws, the import stops there (earlier windows
 * stay imported) and the error propagates.
 */
import type { ColumnMapping } from './national-headers.js';
import { openTable, type TableRow } from './read-table.js';
import type { RowContext, RowError } from './row-common.js';
import { settleBatch, type PendingRow, type Submit } from './run-import.js';

/** What a kind of record declares to be loaded from a file. */
export interface RowKind<Item> {
  /** File rows per window (and so at most this many records per transaction) unless the caller says. */
  defaultBatch: number;
  /** The file's headers as fields; HeaderError when the file is not of this kind. */
  mapHeaders(headers: string[]): ColumnMapping;
  /** One row validated by the record's create schema; the context names its problems by column. */
  prepare(mapping: ColumnMapping, row: TableRow): { item?: Item | undefined; ctx: RowContext<ColumnMapping> };
  /** Fields that name one record of the list: a later row repeating one is refused. */
  identities: readonly { field: keyof Item & string; label: string }[];
  /** Why: "the directory lists an entity once." */
  once: string;
}

export interface StreamImportProgress {
  /** Data rows read so far, and of them written or rejected. */
  rows: number;
  imported: number;
  rejectedRows: number;
  /** Bytes of the file read so far, of `size`. */
  bytesRead: number;
  size: number;
}

export interface StreamImportOptions {
  /** A path, or the file's bytes. CSV or XLSX, told apart by content. */
  file: string | Uint8Array;
  /** File rows per window (and so at most this many records per transaction). */
  batchSize?: number | undefined;
  submit: Submit;
  onProgress?: (p: StreamImportProgress) => void;
  /** The rejected rows' reasons (row, column, reason), window by window in row order. */
  onRejected?: ((errors: RowError[]) => void | Promise<void>) | undefined;
}

export interface StreamImportResult {
  /** Data rows in the file (blank rows not counted). */
  total: number;
  imported: number;
  rejectedRows: number;
  /** Headers of no known column: not read. */
  ignoredColumns: string[];
}

const identityValue = (item: object, field: string): string | undefined => {
  const v = (item as Record<string, unknown>)[field];
  return typeof v === 'string' && v !== '' ? v : undefined;
};

/** The first identity of `item` an earlier row of the window has, with that row's number. */
function repeatIn<Item extends object>(kind: RowKind<Item>, window: Map<string, number>, item: Item) {
  for (const { field, label } of kind.identities) {
    const value = identityValue(item, field);
    const row = value && window.get(`${field}:${value}`);
    if (row) return { field, label, row };
  }
  return undefined;
}

export async function importRows<Item extends object>(kind: RowKind<Item>, opts: StreamImportOptions): Promise<StreamImportResult> {
  const batchSize = opts.batchSize ?? kind.defaultBatch;
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new RangeError('batchSize must be a positive integer');
  const table = await openTable(opts.file);
  try {
    const mapping = kind.mapHeaders(table.headers);
    const result: StreamImportResult = { total: 0, imported: 0, rejectedRows: 0, ignoredColumns: mapping.ignoredColumns };
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
      const prepared = kind.prepare(mapping, row);
      const repeated = prepared.item && repeatIn(kind, window, prepared.item);
      if (repeated) prepared.ctx.add(repeated.field, `Same ${repeated.label} as row ${repeated.row} of this file: ${kind.once}`);
      if (prepared.item && !repeated) {
        rows.push({ rowNumber: row.rowNumber, item: prepared.item, ctx: prepared.ctx });
        for (const { field } of kind.identities) {
          const value = identityValue(prepared.item, field);
          if (value) window.set(`${field}:${value}`, row.rowNumber);
        }
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
 * A dry run's submit: writes nothing, and refuses a record whose identity an earlier batch had, as the
 * database would once that batch is written. It remembers every identity of the file (memory grows with the
 * file) and cannot know what the database already lists.
 */
export function dryRunSubmit<Item extends object>(kind: RowKind<Item>): Submit {
  const seen = new Set<string>();
  return async (items) => {
    const list = items as Item[];
    const errors = list.flatMap((item, i) =>
      kind.identities
        .filter(({ field }) => {
          const value = identityValue(item, field);
          return value !== undefined && seen.has(`${field}:${value}`);
        })
        .map(({ field, label }) => ({ in: 'body' as const, pointer: `/items/${i}/${field}`, detail: `An earlier row of this file has the same ${label}.` })),
    );
    if (errors.length) return { ok: false, errors };
    for (const item of list) {
      for (const { field } of kind.identities) {
        const value = identityValue(item, field);
        if (value) seen.add(`${field}:${value}`);
      }
    }
    return { ok: true };
  };
}
