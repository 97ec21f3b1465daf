/**
 * The list every versioned resource offers: filters, then either id order or, with `q`, ranked Chinese
 * search (rank desc, id asc). Each order has its own cursor shape, so a cursor from one is refused by the other.
 */
import { and, asc, desc, getTableColumns, gt, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import type { Db } from '../db/client.js';
import { cursorAfter, pageLimit, pageOf, type ListQuery, type Page } from './paging.js';
import { afterRanked, textSearch } from './search.js';
import type { VersionedTable } from './versioned-record.js';

const IdCursor = z.tuple([z.uuid()]);
const RankedCursor = z.tuple([z.int(), z.uuid()]);

export interface Searchable {
  /** The stored tsvector of the table's search text. */
  vector: AnyColumn;
  /** Raw columns a 3+ character query also matches as a substring. */
  raw: AnyColumn[];
}

export async function listRecords<T extends VersionedTable, Row extends T['$inferSelect'] & { id: string } = T['$inferSelect'] & { id: string }>(
  db: Db,
  table: T,
  query: ListQuery & { q?: string | undefined },
  where: (SQL | undefined)[],
  searchable?: Searchable,
): Promise<Page<Row>> {
  const limit = pageLimit(query);
  // drizzle cannot type a select over a table known only as a type parameter: rows are that table's rows.
  const from = table as PgTable;
  if (query.q && searchable) {
    const after = cursorAfter(query, RankedCursor);
    const search = textSearch(query.q, searchable.vector, searchable.raw);
    const rank = sql<number>`${search.rank}`.mapWith(Number);
    const rows = (await db
      .select({ ...getTableColumns(from), rank })
      .from(from)
      .where(and(...where, search.where, afterRanked(search.rank, table.id, after)))
      .orderBy(desc(search.rank), asc(table.id))
      .limit(limit + 1)) as (Row & { rank: number })[];
    const page = pageOf(rows, query, (last) => [last.rank, last.id]);
    for (const row of page.rows) delete (row as { rank?: number }).rank;
    return page;
  }
  const after = cursorAfter(query, IdCursor);
  const rows = (await db
    .select()
    .from(from)
    .where(and(...where, after ? gt(table.id, after[0]) : undefined))
    .orderBy(asc(table.id))
    .limit(limit + 1)) as Row[];
  return pageOf(rows, query, (last) => [last.id]);
}
