import { and, arrayContains, asc, desc, eq, getTableColumns, gt, gte, ilike, lte, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { licences } from '../../db/schema.js';
import { problems } from '../../errors.js';
import { creditCodeProblem } from '../../lib/credit-code.js';
import { decodeCursor, encodeCursor } from '../../lib/cursor.js';
import { stableJson } from '../../lib/stable-json.js';
import { escapeLike } from '../query-helpers.js';
import { afterRanked, textSearch } from '../search.js';
import type { LicenceRow } from './present.js';
import type { LicenceListQuery } from './shapes.js';

const IdCursor = z.tuple([z.uuid()]);
const RankedCursor = z.tuple([z.int(), z.uuid()]);

function filters(query: LicenceListQuery): SQL[] {
  const where: SQL[] = [eq(licences.status, query.status)];
  if (query.agencyId) where.push(eq(licences.agencyId, query.agencyId));
  if (query.regionCode) where.push(eq(licences.regionCode, query.regionCode));
  if (query.decidedFrom) where.push(gte(licences.decisionDate, query.decidedFrom));
  if (query.decidedTo) where.push(lte(licences.decisionDate, query.decidedTo));
  if (query.tag) where.push(arrayContains(licences.tags, [query.tag]));
  if (query.campaignId) where.push(eq(licences.campaignId, query.campaignId));
  if (query.jointReference) where.push(eq(licences.jointReference, query.jointReference));
  if (query.late !== undefined) where.push(eq(licences.late, query.late));
  if (query.decisionNumber) where.push(eq(licences.decisionNumber, query.decisionNumber));
  if (query.category) where.push(eq(licences.category, query.category));
  if (query.state) where.push(eq(licences.state, query.state));
  if (query.party) {
    where.push(
      creditCodeProblem(query.party) === null ? eq(licences.partyCreditCode, query.party) : ilike(licences.partyName, `%${escapeLike(query.party)}%`),
    );
  }
  return where;
}

/** A cursor is bound to the filters of the list that issued it: replayed under others, it is a 400. */
const scopeOf = (query: LicenceListQuery) => stableJson({ ...query, cursor: undefined, limit: undefined });

function page<T extends { id: string }>(rows: T[], limit: number, key: (last: T) => (string | number)[], scope: string) {
  const more = rows.length > limit;
  const items = more ? rows.slice(0, limit) : rows;
  return { rows: items, next: more ? encodeCursor(key(items[items.length - 1]!), scope) : null };
}

/**
 * Notices carry no party and no content; finding them by party or words would still tie a withdrawn
 * decision to its party. Refused, not emptied, so an empty answer never passes for "no such record".
 */
function refuseContentSearchOfNotices(query: LicenceListQuery) {
  if (query.status === 'published') return;
  const errors = (['party', 'q'] as const)
    .filter((f) => query[f] !== undefined)
    .map((f) => ({ in: 'query' as const, pointer: `/${f}`, detail: `Only decisions on display (status=published) can be searched by ${f}.` }));
  if (errors.length) throw problems.validation(errors);
}

export async function listLicences(db: Db, query: LicenceListQuery): Promise<{ rows: LicenceRow[]; next: string | null }> {
  refuseContentSearchOfNotices(query);
  const limit = query.limit ?? 20;
  const where = filters(query);
  const scope = scopeOf(query);
  if (query.q) {
    const after = query.cursor ? decodeCursor(query.cursor, RankedCursor, scope) : null;
    if (query.cursor && !after) throw problems.badCursor();
    const search = textSearch(query.q, licences.searchVector, [licences.partyName, licences.decisionNumber]);
    const rows = await db
      .select({ ...getTableColumns(licences), rank: search.rank })
      .from(licences)
      .where(and(...where, search.where, afterRanked(search.rank, licences.id, after)))
      .orderBy(desc(search.rank), asc(licences.id))
      .limit(limit + 1);
    const result = page(rows, limit, (last) => [Number(last.rank), last.id], scope);
    return { rows: result.rows.map(({ rank: _rank, ...row }) => row), next: result.next };
  }
  const after = query.cursor ? decodeCursor(query.cursor, IdCursor, scope) : null;
  if (query.cursor && !after) throw problems.badCursor();
  const rows = await db
    .select()
    .from(licences)
    .where(and(...where, after ? gt(licences.id, after[0]) : undefined))
    .orderBy(asc(licences.id))
    .limit(limit + 1);
  return page(rows, limit, (last) => [last.id], scope);
}
