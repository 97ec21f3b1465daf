/**
 * q over a decision list: the matches newest first (decision date, then id, both descending), not ranked.
 *
 * Ranking must score every match before it can take a page: a common term (食品 in a quarter of a million
 * decisions) costs as much as reading them all. Newest first can stop at the page's last row, and a decision
 * list is a record of events, read from the latest. Matching is textSearch's, unchanged.
 *
 * PostgreSQL's estimate of how many rows a tsquery matches is poor for phrases of common words (第…号 in a
 * party's name), and with a wrong estimate it walks the date index through the whole table looking for one
 * match. So the plan is chosen here, from what the data shows: first the newest PROBE_ROWS decisions that pass
 * the filters, in order, tested one by one until the page is full (a common term fills it in a few dozen); when
 * they do not fill it, the term is rare, and the second query finds its matches through the word and trigram
 * indexes and sorts them.
 */
import { and, desc, getTableName, sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { cursorAfter, pageLimit, pageOf, type ListQuery, type Page } from '../paging.js';
import { textSearch } from '../search.js';
import { readColumns, readRowOf, type DecisionKind, type DecisionTable, type ReadRow } from './kind.js';

const NewestCursor = z.tuple([z.iso.date(), z.uuid()]);

/** How many of the newest rows the first query tests before the indexes are asked instead. */
export const PROBE_ROWS = 500;

export async function searchDecisions<T extends DecisionTable>(
  db: Db,
  kind: DecisionKind<T>,
  q: string,
  raw: PgColumn[],
  where: SQL[],
  query: ListQuery,
): Promise<Page<ReadRow<T>>> {
  const t: DecisionTable = kind.table;
  const limit = pageLimit(query);
  const after = cursorAfter(query, NewestCursor);
  const filters = and(...where, after ? sql`(${t.decisionDate}, ${t.id}) < (${after[0]}::date, ${after[1]}::uuid)` : undefined);
  const search = textSearch(q, t.searchVector, raw);
  const page = (rows: ReadRow<T>[]) => pageOf(rows, query, (last) => [last.decisionDate, last.id]);

  // The subquery takes the table's own name, so the search expression (written over the table's columns)
  // reads the subquery's rows: the newest first, stopping as soon as the page is full.
  const newest = db
    .select({ ...readColumns(t), searchVector: t.searchVector })
    .from(t)
    .where(filters)
    .orderBy(desc(t.decisionDate), desc(t.id))
    .limit(PROBE_ROWS)
    .as(getTableName(t));
  const probed = await db
    .select(readColumns(t))
    .from(newest)
    .where(search.where)
    .orderBy(desc(t.decisionDate), desc(t.id))
    .limit(limit + 1);
  if (probed.length > limit) return page(probed.map((r) => readRowOf(kind, r)));

  // Fewer matches than a page among the newest: find them all through the indexes. `+ 0` makes the order one
  // no index provides, so the planner cannot walk the date index hoping for a match soon.
  const rows = await db
    .select(readColumns(t))
    .from(t)
    .where(and(filters, search.where))
    .orderBy(sql`${t.decisionDate} + 0 DESC`, desc(t.id))
    .limit(limit + 1);
  return page(rows.map((r) => readRowOf(kind, r)));
}
