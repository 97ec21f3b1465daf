/**
 * Keyset paging, one way for every list: a query's cursor is decoded against the shape of the list's sort
 * key and bound to its filters (400 naming `cursor` otherwise), and a page is read as limit + 1 rows so the
 * next cursor is issued only when there is a next page.
 */
import type { z } from 'zod';
import { problems } from '../errors.js';
import { decodeCursor, encodeCursor, filterScope } from '../lib/cursor.js';

export interface ListQuery {
  cursor?: string | undefined;
  limit?: number | undefined;
}

export interface Page<R> {
  rows: R[];
  next: string | null;
}

/** The sort key the page starts after, or null on the first page; a cursor this list did not issue is a 400. */
export function cursorAfter<T extends z.ZodType>(query: ListQuery, shape: T): z.output<T> | null {
  if (!query.cursor) return null;
  const after = decodeCursor(query.cursor, shape, filterScope(query));
  if (after === null) throw problems.badCursor();
  return after;
}

/** The page from limit + 1 rows read in order, with the cursor after its last row when more follow. */
export function pageOf<R>(rows: R[], query: ListQuery, key: (last: R) => (string | number)[]): Page<R> {
  const limit = pageLimit(query);
  if (rows.length <= limit) return { rows, next: null };
  const page = rows.slice(0, limit);
  return { rows: page, next: encodeCursor(key(page[page.length - 1]!), filterScope(query)) };
}

/** The page size a list reads: what the query asks for, 20 by default. */
export const pageLimit = (query: ListQuery): number => query.limit ?? 20;
