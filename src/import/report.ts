/**
 * The rejected-rows report an agency opens in Excel: CSV, UTF-8 with a BOM (without it Excel on Chinese Windows
 * reads UTF-8 as GBK), columns 行号, 字段, 原因. Reasons were scrubbed of ID numbers when they were made
 * (row-common.ts); nothing here adds row data.
 */
import { stringify } from 'csv-stringify/sync';
import type { RowError } from './row-common.js';

const REPORT_HEADER = ['行号', '字段', '原因'] as const;

export function rejectedReportCsv(rejected: readonly RowError[]): string {
  const rows = rejected.map((r) => [String(r.rowNumber), r.column, r.reason]);
  return '\uFEFF' + stringify([[...REPORT_HEADER], ...rows], { record_delimiter: 'windows' });
}
