/**
 * A download read from the database in keyset pages of EXPORT_PAGE rows as the client reads, so memory stays
 * flat whatever the size. The CSV exports and the bulk exports share it.
 */
import { createHash } from 'node:crypto';
import type { Logger } from '../context.js';
import { databaseError } from './db-errors.js';

export const EXPORT_PAGE = 1000;

export interface Totals {
  records: number;
  bytes: number;
  /** Hex SHA-256 of every byte sent. */
  sha256: string;
}

export interface PagedStream<R extends { id: string }> {
  /** Sent before the first page (a BOM and header row, a header line). */
  prefix: string;
  /** The next rows after this id, in id order (null: the first page). */
  page(after: string | null): Promise<R[]>;
  render(rows: R[]): string;
  /** Sent after the last page, so a file cut short is told apart from a complete one. */
  suffix?(records: number): string;
  /** Runs once the last byte is queued: a failure is logged, the download is still complete. */
  complete?(totals: Totals): Promise<void>;
  /** Names the download in the log. */
  what: string;
  log: Logger;
}

/**
 * Reads and renders the first page before anything is sent, so a failure there (the database, a stored row
 * that does not render) is a proper problem+json answer rather than a 200 cut short. The stream then
 * starts with the prefix and that page, and reads one page per pull; a later failing page can only end the
 * stream with an error.
 */
export async function pagedStream<R extends { id: string }>(spec: PagedStream<R>): Promise<ReadableStream<Uint8Array>> {
  const encoder = new TextEncoder();
  const hash = createHash('sha256');
  let records = 0;
  let bytes = 0;
  const encode = (text: string) => {
    const chunk = encoder.encode(text);
    hash.update(chunk);
    bytes += chunk.byteLength;
    return chunk;
  };
  const first = await spec.page(null);
  records += first.length;
  const head = encode(spec.prefix + spec.render(first));
  let after: string | null = first.length < EXPORT_PAGE ? null : first[first.length - 1]!.id;

  const finish = async (controller: ReadableStreamDefaultController<Uint8Array>) => {
    if (spec.suffix) controller.enqueue(encode(spec.suffix(records)));
    // Before closing: a per-request database handle (Workers) is released once the body ends.
    await spec.complete?.({ records, bytes, sha256: hash.digest('hex') }).catch((err: unknown) => {
      spec.log('warn', `${spec.what}: completion not recorded`, { sqlstate: databaseError(err)?.code ?? null });
    });
    controller.close();
  };
  return new ReadableStream<Uint8Array>({
    async start(controller) {
      controller.enqueue(head);
      if (after === null) await finish(controller);
    },
    async pull(controller) {
      try {
        const rows = await spec.page(after);
        records += rows.length;
        if (rows.length) controller.enqueue(encode(spec.render(rows)));
        if (rows.length < EXPORT_PAGE) await finish(controller);
        else after = rows[rows.length - 1]!.id;
      } catch (err) {
        // The driver's error carries the SQL: log its SQLSTATE only and end the stream with a bare error,
        // which the runtime may print (workerd does).
        spec.log('error', `${spec.what} page failed`, { sqlstate: databaseError(err)?.code ?? null, error: err instanceof Error ? err.name : typeof err });
        controller.error(new Error(`${spec.what} failed`));
      }
    },
  });
}
