import { and, arrayContains, asc, desc, eq, getTableColumns, gt, gte, ilike, lte, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { enforcementActions as ea } from '../../db/schema.js';
import { problems } from '../../errors.js';
import { creditCodeProblem } from '../../lib/credit-code.js';
import { decodeCursor, encodeCursor } from '../../lib/cursor.js';
import { stableJson } from '../../lib/stable-json.js';
import { escapeLike } from '../query-helpers.js';
import { afterRanked, textSearch } from '../search.js';
import type { ActionRow } from './present.js';
import type { EnforcementActionListQuery } from './schemas.js';

const IdCursor = z.tuple([z.uuid()]);
const RankedCursor = z.tuple([z.int(), z.uuid()]);

function filters(query: EnforcementActionListQuery): SQL[] {
  const where: SQL[] = [eq(ea.status, query.status)];
  if (query.agencyId) where.push(eq(ea.agencyId, query.agencyId));
  if (query.regionCode) where.push(eq(ea.regionCode, query.regionCode));
  // decidedFrom/To apply to the action date (stored as decision_date, as for the other decisions).
  if (query.decidedFrom) where.push(gte(ea.decisionDate, query.decidedFrom));
  if (query.decidedTo) where.push(lte(ea.decisionDate, query.decidedTo));
  if (query.actionType) where.push(eq(ea.actionType, query.actionType));
  if (query.tag) where.push(arrayContains(ea.tags, [query.tag]));
  if (query.campaignId) where.push(eq(ea.campaignId, query.campaignId));
  if (query.jointReference) where.push(eq(ea.jointReference, query.jointReference));
  if (query.late !== undefined) where.push(eq(ea.late, query.late));
  if (query.target) {
    where.push(creditCodeProblem(query.target) === null ? eq(ea.targetCreditCode, query.target) : ilike(ea.targetName, `%${escapeLike(query.target)}%`));
  }
  return where;
}

/** A cursor is bound to the filters of the list that issued it: replayed under others, it is a 400. */
const scopeOf = (query: EnforcementActionListQuery) => stableJson({ ...query, cursor: undefined, limit: undefined });

function page<T extends { id: string }>(rows: T[], limit: number, key: (last: T) => (string | number)[], scope: string) {
  const more = rows.length > limit;
  const items = more ? rows.slice(0, limit) : rows;
  return { rows: items, next: more ? encodeCursor(key(items[items.length - 1]!), scope) : null };
}

/**
 * A withdrawn action's notice carries no target and no content; finding it by target or words would
 * still tie it to its target (what withdrawal is for). Refused, not emptied, as for penalties.
 */
function refuseContentSearchOfNotices(query: EnforcementActionListQuery) {
  if (query.status === 'published') return;
  const errors = (['target', 'q'] as const)
    .filter((f) => query[f] !== undefined)
    .map((f) => ({ in: 'query' as const, pointer: `/${f}`, detail: `Only actions on display (status=published) can be searched by ${f}.` }));
  if (errors.length) throw problems.validation(errors);
}

/** Keyset by id, or with q by (rank, id), best first. */
export async function listActions(db: Db, query: EnforcementActionListQuery): Promise<{ rows: ActionRow[]; next: string | null }> {
  refuseContentSearchOfNotices(query);
  const limit = query.limit ?? 20;
  const where = filters(query);
  const scope = scopeOf(query);
  if (query.q) {
    const after = query.cursor ? decodeCursor(query.cursor, RankedCursor, scope) : null;
    if (query.cursor && !after) throw problems.badCursor();
    const search = textSearch(query.q, ea.searchVector, [ea.targetName, ea.documentNumber]);
    const rows = await db
      .select({ ...getTableColumns(ea), rank: search.rank })
      .from(ea)
      .where(and(...where, search.where, afterRanked(search.rank, ea.id, after)))
      .orderBy(desc(search.rank), asc(ea.id))
      .limit(limit + 1);
    const result = page(rows, limit, (last) => [Number(last.rank), last.id], scope);
    return { rows: result.rows.map(({ rank: _rank, ...row }) => row), next: result.next };
  }
  const after = query.cursor ? decodeCursor(query.cursor, IdCursor, scope) : null;
  if (query.cursor && !after) throw problems.badCursor();
  const rows = await db
    .select()
    .from(ea)
    .where(and(...where, after ? gt(ea.id, after[0]) : undefined))
    .orderBy(asc(ea.id))
    .limit(limit + 1);
  return page(rows, limit, (last) => [last.id], scope);
}
