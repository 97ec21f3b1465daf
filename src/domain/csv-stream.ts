/** The national CSV downloads: UTF-8 with a BOM (Excel on Chinese Windows reads BOM-less UTF-8 as GBK), paged. */
import type { Logger } from '../context.js';
import { CSV_BOM } from '../export/national-csv.js';
import { keysetPages } from './page-source.js';
import { EXPORT_PAGE, pagedStream } from './paged-stream.js';

export { EXPORT_PAGE } from './paged-stream.js';

export function csvStream<R extends { id: string }>(header: string, page: (after: string | null) => Promise<R[]>, render: (rows: R[]) => string, log: Logger) {
  return pagedStream({ prefix: CSV_BOM + header, pages: keysetPages(page, EXPORT_PAGE), render, what: 'CSV export', log });
}
