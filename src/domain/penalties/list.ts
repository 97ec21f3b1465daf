import { and, arrayContains, asc, desc, eq, getTableColumns, gt, gte, ilike, lte, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { penalties } from '../../db/schema.js';
import { problems } from '../../errors.js';
import { creditCodeProblem } from '../../lib/credit-code.js';
import { decodeCursor, encodeCursor } from '../../lib/cursor.js';
import { stableJson } from '../../lib/stable-json.js';
import { chinaDate } from '../../lib/validity.js';
import type { PenaltyListQuery } from '../../schemas/penalties.js';
import { afterRanked, textSearch } from '../search.js';
import type { PenaltyRow } from './present.js';

const IdCursor = z.tuple([z.uuid()]);
const RankedCursor = z.tuple([z.int(), z.uuid()]);

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => '\\' + c);

function filters(query: PenaltyListQuery, today: string): SQL[] {
  const where: SQL[] = [eq(penalties.status, query.status)];
  // Display ends with the publicity end date even before the expiry sweep has recorded it.
  if (query.status === 'published') where.push(gte(penalties.publicityEndDate, today));
  if (query.agencyId) where.push(eq(penalties.agencyId, query.agencyId));
  if (query.regionCode) where.push(eq(penalties.regionCode, query.regionCode));
  if (query.decidedFrom) where.push(gte(penalties.decisionDate, query.decidedFrom));
  if (query.decidedTo) where.push(lte(penalties.decisionDate, query.decidedTo));
  if (query.tag) where.push(arrayContains(penalties.tags, [query.tag]));
  if (query.penaltyType) where.push(arrayContains(penalties.penaltyTypes, [query.penaltyType]));
  if (query.campaignId) where.push(eq(penalties.campaignId, query.campaignId));
  if (query.jointReference) where.push(eq(penalties.jointReference, query.jointReference));
  if (query.late !== undefined) where.push(eq(penalties.late, query.late));
  if (query.decisionNumber) where.push(eq(penalties.decisionNumber, query.decisionNumber));
  if (query.party) {
    where.push(
      creditCodeProblem(query.party) === null
        ? eq(penalties.partyCreditCode, query.party)
        : ilike(penalties.partyName, `%${escapeLike(query.party)}%`),
    );
  }
  return where;
}

/** A cursor is bound to the filters of the list that issued it: replayed under others, it is a 400. */
const scopeOf = (query: PenaltyListQuery) => stableJson({ ...query, cursor: undefined, limit: undefined });

function page<T extends { id: string }>(rows: T[], limit: number, key: (last: T) => (string | number)[], scope: string) {
  const more = rows.length > limit;
  const items = more ? rows.slice(0, limit) : rows;
  return { rows: items, next: more ? encodeCursor(key(items[items.length - 1]!), scope) : null };
}

/**
 * Notices carry no party and no content; finding them by party or words would still tie a withdrawn,
 * expired or repaired decision to its party (what ending the display is for). Refused, not emptied, so
 * an empty answer never passes for "no such record".
 */
function refuseContentSearchOfNotices(query: PenaltyListQuery) {
  if (query.status === 'published') return;
  const errors = (['party', 'q'] as const)
    .filter((f) => query[f] !== undefined)
    .map((f) => ({ in: 'query' as const, pointer: `/${f}`, detail: `Only decisions on display (status=published) can be searched by ${f}.` }));
  if (errors.length) throw problems.validation(errors);
}

export async function listPenalties(db: Db, query: PenaltyListQuery, now: Date): Promise<{ rows: PenaltyRow[]; next: string | null }> {
  refuseContentSearchOfNotices(query);
  const limit = query.limit ?? 20;
  const where = filters(query, chinaDate(now));
  const scope = scopeOf(query);
  if (query.q) {
    const after = query.cursor ? decodeCursor(query.cursor, RankedCursor, scope) : null;
    if (query.cursor && !after) throw problems.badCursor();
    const search = textSearch(query.q, penalties.searchVector, [penalties.partyName, penalties.decisionNumber]);
    const rows = await db
      .select({ ...getTableColumns(penalties), rank: search.rank })
      .from(penalties)
      .where(and(...where, search.where, afterRanked(search.rank, penalties.id, after)))
      .orderBy(desc(search.rank), asc(penalties.id))
      .limit(limit + 1);
    const result = page(rows, limit, (last) => [Number(last.rank), last.id], scope);
    return { rows: result.rows.map(({ rank: _rank, ...row }) => row), next: result.next };
  }
  const after = query.cursor ? decodeCursor(query.cursor, IdCursor, scope) : null;
  if (query.cursor && !after) throw problems.badCursor();
  const rows = await db
    .select()
    .from(penalties)
    .where(and(...where, after ? gt(penalties.id, after[0]) : undefined))
    .orderBy(asc(penalties.id))
    .limit(limit + 1);
  return page(rows, limit, (last) => [last.id], scope);
}

