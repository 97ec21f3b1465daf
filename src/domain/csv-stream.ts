/**
 * A CSV export read from the database in keyset pages of EXPORT_PAGE rows as the client reads, so memory stays
 * flat whatever the size; UTF-8 with a BOM (Excel on Chinese Windows reads BOM-less UTF-8 as GBK).
 */
import type { Logger } from '../context.js';
import { CSV_BOM } from '../export/national-csv.js';
import { databaseError } from './db-errors.js';

export const EXPORT_PAGE = 1000;

/**
 * Reads and renders the first page before anything is sent, so a failure there (the database, a stored row
 * that does not render) is a proper problem+json answer rather than a 200 cut short. The stream then
 * starts with the BOM, the header and that page, and reads one page per pull (`page(after)`: the next rows
 * after that id, in id order); a later failing page can only end the stream with an error.
 */
export async function csvStream<R extends { id: string }>(header: string, page: (after: string | null) => Promise<R[]>, render: (rows: R[]) => string, log: Logger) {
  const encoder = new TextEncoder();
  const first = await page(null);
  const head = encoder.encode(CSV_BOM + header + render(first));
  let after: string | null = first.length < EXPORT_PAGE ? null : first[first.length - 1]!.id;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(head);
      if (after === null) controller.close();
    },
    async pull(controller) {
      try {
        const rows = await page(after);
        if (rows.length) controller.enqueue(encoder.encode(render(rows)));
        if (rows.length < EXPORT_PAGE) controller.close();
        else after = rows[rows.length - 1]!.id;
      } catch (err) {
        // The driver's error carries the SQL: log its SQLSTATE only and end the stream with a bare error,
        // which the runtime may print (workerd does).
        log('error', 'CSV export page failed', { sqlstate: databaseError(err)?.code ?? null, error: err instanceof Error ? err.name : typeof err });
        controller.error(new Error('CSV export failed'));
      }
    },
  });
}
