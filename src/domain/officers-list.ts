import { and, arrayContains, asc, desc, eq, getTableColumns, gt, gte, lte, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../db/client.js';
import { officers } from '../db/schema.js';
import { cursorAfter, pageLimit, pageOf } from './paging.js';
import type { OfficerListQuery } from '../schemas/officers.js';
import type { OfficerRow } from './officers.js';
import { afterRanked, textSearch } from './search.js';

// A search page is ordered by (rank desc, id asc), a plain list by id: each has its own cursor shape,
// so a cursor from one kind of list is refused (400) by the other.
const IdCursor = z.tuple([z.uuid()]);
const RankedCursor = z.tuple([z.int(), z.uuid()]);

function filters(query: OfficerListQuery): SQL[] {
  const where: SQL[] = [];
  if (query.agencyId) where.push(eq(officers.agencyId, query.agencyId));
  if (query.domain) where.push(arrayContains(officers.domains, [query.domain]));
  if (query.status) where.push(eq(officers.status, query.status));
  if (query.validOn) where.push(lte(officers.validFrom, query.validOn), gte(officers.validTo, query.validOn));
  return where;
}

export async function listOfficers(db: Db, query: OfficerListQuery): Promise<{ rows: OfficerRow[]; next: string | null }> {
  const limit = pageLimit(query);
  const where = filters(query);
  if (query.q) {
    const after = cursorAfter(query, RankedCursor);
    const search = textSearch(query.q, officers.searchVector, [officers.name, officers.certificateNo]);
    const rows = await db
      .select({ ...getTableColumns(officers), rank: search.rank })
      .from(officers)
      .where(and(...where, search.where, afterRanked(search.rank, officers.id, after)))
      .orderBy(desc(search.rank), asc(officers.id))
      .limit(limit + 1);
    const result = pageOf(rows, query, (last) => [Number(last.rank), last.id]);
    return { rows: result.rows.map(({ rank: _rank, ...row }) => row), next: result.next };
  }
  const after = cursorAfter(query, IdCursor);
  const rows = await db
    .select()
    .from(officers)
    .where(and(...where, after ? gt(officers.id, after[0]) : undefined))
    .orderBy(asc(officers.id))
    .limit(limit + 1);
  return pageOf(rows, query, (last) => [last.id]);
}
