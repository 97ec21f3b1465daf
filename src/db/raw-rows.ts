import type { Db } from './client.js';
import { sharedHandle, signalOf } from './request-handle.js';

/** A query as drizzle renders it (`builder.toSQL()`). */
interface QueryText {
  sql: string;
  params: unknown[];
}

/** Runs a query and hands back each row's columns as their undecoded UTF-8 text (null for NULL). */
export type RawRows = (query: QueryText) => Promise<(Uint8Array | null)[][]>;

/** A driver's raw mode, cancelled with the request's signal when it has one. */
type RawDriver = (query: QueryText, signal: AbortSignal | undefined) => Promise<(Uint8Array | null)[][]>;

const drivers = new WeakMap<Db, RawDriver>();

/**
 * Registers the driver's raw mode for a database handle. postgres.js has one (`.raw()`); PGlite decodes every
 * value, so it registers none and callers take the decoded path, which gives the same bytes.
 */
export function registerRawRows(db: Db, run: RawDriver): void {
  drivers.set(db, run);
}

/**
 * The raw mode of a handle, if its driver has one. A bulk export passes the stored text through as bytes:
 * decoding a gigabyte of UTF-8 into strings and encoding it again cost a third of its time and most of its
 * garbage.
 */
export function rawRows(db: Db): RawRows | undefined {
  const run = drivers.get(sharedHandle(db));
  return run && ((query) => run(query, signalOf(db)));
}
