/**
 * The rejected-rows report an agency opens in Excel: CSV, UTF-8 with a BOM (without it Excel on Chinese Windows
 * reads UTF-8 as GBK), columns 行号, 字段, 原因. Reasons were scrubbed of ID numbers when they were made
 * (row-common.ts); nothing here adds row data.
 */
import { open } from 'node:fs/promises';
import { stringify } from 'csv-stringify/sync';
import type { RowError } from './row-common.js';

const REPORT_HEADER = ['行号', '字段', '原因'] as const;

const lines = (rows: readonly (readonly string[])[]) => stringify(rows.map((r) => [...r]), { record_delimiter: 'windows' });
const cellsOf = (r: RowError) => [String(r.rowNumber), r.column, r.reason];

export function rejectedReportCsv(rejected: readonly RowError[]): string {
  return '\uFEFF' + lines([REPORT_HEADER, ...rejected.map(cellsOf)]);
}

/** The same report written as an import goes (a long import's rejected rows are never all held at once). */
export async function createRejectedReport(path: string): Promise<{ add(rows: readonly RowError[]): Promise<void>; close(): Promise<void> }> {
  const file = await open(path, 'w');
  await file.write('\uFEFF' + lines([REPORT_HEADER]));
  return {
    add: async (rows) => void (await file.write(lines(rows.map(cellsOf)))),
    close: () => file.close(),
  };
}
