import { and, arrayContains, asc, eq, gt, gte, ilike, lte, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import type { DecisionStatus } from '../../db/schema.js';
import type { DecisionTag } from '../../schemas/decision-common.js';
import { problems } from '../../errors.js';
import { creditCodeProblem } from '../../lib/credit-code.js';
import { escapeLike } from '../query-helpers.js';
import { cursorAfter, pageLimit, pageOf } from '../paging.js';
import { searchDecisions } from './search.js';
import { readColumns, readRowOf, type DecisionKind, type DecisionTable, type ReadRow } from './kind.js';

const IdCursor = z.tuple([z.uuid()]);

/** The list filters all three kinds share (decisionListFilters in src/schemas/decision-common.ts, plus status). */
export interface DecisionListQuery {
  status: DecisionStatus;
  limit?: number | undefined;
  cursor?: string | undefined;
  q?: string | undefined;
  agencyId?: string | undefined;
  regionCode?: string | undefined;
  decidedFrom?: string | undefined;
  decidedTo?: string | undefined;
  tag?: DecisionTag | undefined;
  campaignId?: string | undefined;
  jointReference?: string | undefined;
  late?: boolean | undefined;
}

/** What a kind adds to the shared list: its own filters, the name searched by who, and the q columns. */
export interface ListSpec<T extends DecisionTable, Q> {
  kind: DecisionKind<T>;
  /** The query parameter naming the party or target (credit code exact, or part of the name). */
  who: { param: keyof Q & string; name: PgColumn; creditCode: PgColumn };
  /** Columns q also matches by substring, besides the search vector. */
  searchColumns: PgColumn[];
  filters: SQL[];
}

/** A credit code matches exactly; anything else is part of a name. */
const nameOrCode = (value: string, who: { name: PgColumn; creditCode: PgColumn }) =>
  creditCodeProblem(value) === null ? eq(who.creditCode, value) : ilike(who.name, `%${escapeLike(value)}%`);

function sharedFilters(t: DecisionTable, query: DecisionListQuery): SQL[] {
  const where: SQL[] = [eq(t.status, query.status)];
  if (query.agencyId) where.push(eq(t.agencyId, query.agencyId));
  if (query.regionCode) where.push(eq(t.regionCode, query.regionCode));
  // decidedFrom/To apply to decision_date (an action's date is stored there too).
  if (query.decidedFrom) where.push(gte(t.decisionDate, query.decidedFrom));
  if (query.decidedTo) where.push(lte(t.decisionDate, query.decidedTo));
  if (query.tag) where.push(arrayContains(t.tags, [query.tag]));
  if (query.campaignId) where.push(eq(t.campaignId, query.campaignId));
  if (query.jointReference) where.push(eq(t.jointReference, query.jointReference));
  if (query.late !== undefined) where.push(eq(t.late, query.late));
  return where;
}

/**
 * Notices carry no party and no content; finding them by party (target) or words would still tie a
 * withdrawn, expired or repaired record to its party, which ending the display is for. Refused, not
 * emptied, so an empty answer never passes for "no such record".
 */
function refuseContentSearchOfNotices(status: string, searched: Record<string, unknown>, noun: string) {
  if (status === 'published') return;
  const errors = Object.keys(searched)
    .filter((f) => searched[f] !== undefined)
    .map((f) => ({ in: 'query' as const, pointer: `/${f}`, detail: `Only ${noun}s on display (status=published) can be searched by ${f}.` }));
  if (errors.length) throw problems.validation(errors);
}

/**
 * Keyset by id, or with q newest first (src/domain/decisions/search.ts). A cursor is bound to the filters of the list that
 * issued it: replayed under others, it is a 400.
 */
export async function listDecisions<T extends DecisionTable, Q extends DecisionListQuery>(
  db: Db,
  spec: ListSpec<T, Q>,
  query: Q,
): Promise<{ rows: ReadRow<T>[]; next: string | null }> {
  const t: DecisionTable = spec.kind.table;
  const who = query[spec.who.param];
  refuseContentSearchOfNotices(query.status, { [spec.who.param]: who, q: query.q }, spec.kind.noun);
  const limit = pageLimit(query);
  const where = [...sharedFilters(t, query), ...spec.filters];
  if (typeof who === 'string') where.push(nameOrCode(who, spec.who));
  if (query.q) return searchDecisions(db, spec.kind, query.q, spec.searchColumns, where, query);
  const after = cursorAfter(query, IdCursor);
  const rows = await db
    .select(readColumns(t))
    .from(t)
    .where(and(...where, after ? gt(t.id, after[0]) : undefined))
    .orderBy(asc(t.id))
    .limit(limit + 1);
  return pageOf(rows.map((r) => readRowOf(spec.kind, r)), query, (last) => [last.id]);
}
