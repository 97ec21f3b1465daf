/**
 * A download read from the database in pages of EXPORT_PAGE rows as the client reads, so memory stays flat
 * whatever the size. The CSV exports and the bulk exports share it.
 */
import { createHash } from 'node:crypto';
import type { Logger } from '../context.js';
import { databaseError } from './db-errors.js';
import type { PageSource } from './page-source.js';

export const EXPORT_PAGE = 1000;

export interface Totals {
  records: number;
  bytes: number;
  /** Hex SHA-256 of every byte sent. */
  sha256: string;
}

export interface PagedStream<R> {
  /** Sent before the first page (a BOM and header row, a header line). */
  prefix: string;
  /** The pages, in order (see page-source.ts). */
  pages: PageSource<R>;
  /** The page as text, or as bytes already encoded (a raw driver read, see db/raw-rows.ts). */
  render(rows: R[]): string | Uint8Array;
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
 * starts with the prefix and that page, and sends one page per pull (the source reads ahead); a later failing
 * page can only end the stream with an error.
 */
export async function pagedStream<R>(spec: PagedStream<R>): Promise<ReadableStream<Uint8Array>> {
  const encoder = new TextEncoder();
  const hash = createHash('sha256');
  let records = 0;
  let bytes = 0;
  const encode = (text: string | Uint8Array) => {
    const chunk = typeof text === 'string' ? encoder.encode(text) : text;
    hash.update(chunk);
    bytes += chunk.byteLength;
    return chunk;
  };
  const first = (await spec.pages()) ?? [];
  records += first.length;
  const head = concatBytes([encode(spec.prefix), encode(spec.render(first))]);

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
    },
    async pull(controller) {
      try {
        // A pull that enqueues nothing is not called again: skip empty pages (a last range can be one).
        let rows: R[] | null;
        do rows = await spec.pages();
        while (rows?.length === 0);
        if (rows === null) return await finish(controller);
        records += rows.length;
        controller.enqueue(encode(spec.render(rows)));
      } catch (err) {
        // The driver's error carries the SQL: log its SQLSTATE only and end the stream with a bare error,
        // which the runtime may print (workerd does).
        spec.log('error', `${spec.what} page failed`, { sqlstate: databaseError(err)?.code ?? null, error: err instanceof Error ? err.name : typeof err });
        controller.error(new Error(`${spec.what} failed`));
      }
    },
  });
}

/** The bytes of several arrays, one after another, in one. */
export function concatBytes(parts: Uint8Array[]): Uint8Array {
  if (parts.length === 1) return parts[0]!;
  const out = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.byteLength;
  }
  return out;
}
