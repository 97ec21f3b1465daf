import { and, asc, desc, eq, getTableColumns, gt, inArray, like, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../db/client.js';
import { agencies, citations, powers } from '../db/schema.js';
import { cursorAfter, pageLimit, pageOf } from './paging.js';
import type { PowerListQuery } from '../schemas/powers.js';
import type { PowerRow } from './powers.js';
import { regionPrefix } from './query-helpers.js';
import { afterRanked, textSearch } from './search.js';

/** Plain lists page by id; searches by (rank desc, id asc), so their cursors carry the rank too. */
const IdCursor = z.tuple([z.uuid()]);
const RankedCursor = z.tuple([z.int(), z.uuid()]);

function filters(db: Db, query: PowerListQuery): SQL[] {
  const where: SQL[] = [];
  if (query.agencyId) where.push(eq(powers.agencyId, query.agencyId));
  if (query.type) where.push(eq(powers.type, query.type));
  if (query.status) where.push(eq(powers.status, query.status));
  if (query.reviewTransfer) where.push(eq(powers.reviewTransfer, query.reviewTransfer === 'true'));
  if (query.regionCode) {
    const inRegion = db.select({ id: agencies.id }).from(agencies).where(like(agencies.regionCode, regionPrefix(query.regionCode) + '%'));
    where.push(inArray(powers.agencyId, inRegion));
  }
  if (query.legalBasisId) {
    const citing = db
      .select({ id: citations.recordId })
      .from(citations)
      .where(and(eq(citations.recordType, 'power'), eq(citations.legalBasisId, query.legalBasisId)));
    where.push(inArray(powers.id, citing));
  }
  return where;
}

/** A keyset page of power items; with `q`, ranked by Chinese search relevance (same order on PGlite and PostgreSQL). */
export async function listPowers(db: Db, query: PowerListQuery): Promise<{ rows: PowerRow[]; next: string | null }> {
  const limit = pageLimit(query);
  const where = filters(db, query);
  if (query.q) {
    const after = cursorAfter(query, RankedCursor);
    const search = textSearch(query.q, powers.searchVector, [powers.name]);
    const rank = sql<number>`${search.rank}`.mapWith(Number);
    const rows = await db
      .select({ ...getTableColumns(powers), rank })
      .from(powers)
      .where(and(...where, search.where, afterRanked(search.rank, powers.id, after)))
      .orderBy(desc(search.rank), asc(powers.id))
      .limit(limit + 1);
    const page = pageOf(rows, query, (last) => [last.rank, last.id]);
    return { rows: page.rows.map(({ rank: _rank, ...row }) => row), next: page.next };
  }
  const after = cursorAfter(query, IdCursor);
  const rows = await db
    .select()
    .from(powers)
    .where(and(...where, after ? gt(powers.id, after[0]) : undefined))
    .orderBy(asc(powers.id))
    .limit(limit + 1);
  return pageOf(rows, query, (last) => [last.id]);
}
