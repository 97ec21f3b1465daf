import { and, arrayContains, asc, eq, getTableName, gt, gte, ilike, lte, Param, sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { prepared } from '../../db/prepared.js';
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

/**
 * One condition of a list, on a column: present when its value is. A list page is built once per set of
 * conditions present, each value a placeholder (see listDecisions), so a condition is kept apart from its value.
 */
export interface ListFilter {
  name: string;
  column: PgColumn;
  value: unknown;
  condition: (column: PgColumn, value: unknown) => SQL;
}

/** The filter when its value is given, none when it is not (a list of zero or one, to spread). */
export const filterOn = (name: string, column: PgColumn, value: unknown, condition: ListFilter['condition']): ListFilter[] =>
  value === undefined || value === '' ? [] : [{ name, column, value, condition }];

/** The condition with its value in the SQL. */
const concrete = (f: ListFilter): SQL => f.condition(f.column, f.value);

/** The condition with a placeholder for its value, encoded by its column when the query runs (as drizzle encodes a value). */
const placeheld = (f: ListFilter): SQL => f.condition(f.column, new Param(sql.placeholder(f.name), f.column));

/** An array column holding every element of the value (an array). */
export const contains = (column: PgColumn, value: unknown) => arrayContains(column, value as unknown[]);

/** What a kind adds to the shared list: its own filters, the name searched by who, and the q columns. */
export interface ListSpec<T extends DecisionTable, Q> {
  kind: DecisionKind<T>;
  /** The query parameter naming the party or target (credit code exact, or part of the name). */
  who: { param: keyof Q & string; name: PgColumn; creditCode: PgColumn };
  /** Columns q also matches by substring, besides the search vector. */
  searchColumns: PgColumn[];
  filters: ListFilter[];
}

/** A credit code matches exactly; anything else is part of a name. */
const nameOrCode = (value: string, who: { name: PgColumn; creditCode: PgColumn }): ListFilter[] =>
  creditCodeProblem(value) === null
    ? filterOn('whoCode', who.creditCode, value, eq)
    : filterOn('whoName', who.name, `%${escapeLike(value)}%`, (column, pattern) => ilike(column, pattern as string));

function sharedFilters(t: DecisionTable, query: DecisionListQuery): ListFilter[] {
  return [
    ...filterOn('status', t.status, query.status, eq),
    ...filterOn('agencyId', t.agencyId, query.agencyId, eq),
    ...filterOn('regionCode', t.regionCode, query.regionCode, eq),
    // decidedFrom/To apply to decision_date (an action's date is stored there too).
    ...filterOn('decidedFrom', t.decisionDate, query.decidedFrom, gte),
    ...filterOn('decidedTo', t.decisionDate, query.decidedTo, lte),
    ...filterOn('tag', t.tags, query.tag && [query.tag], contains),
    ...filterOn('campaignId', t.campaignId, query.campaignId, eq),
    ...filterOn('jointReference', t.jointReference, query.jointReference, eq),
    ...filterOn('late', t.late, query.late, eq),
  ];
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
  const filters = [...sharedFilters(t, query), ...spec.filters, ...(typeof who === 'string' ? nameOrCode(who, spec.who) : [])];
  if (query.q) return searchDecisions(db, spec.kind, query.q, spec.searchColumns, filters.map(concrete), query);
  const after = cursorAfter(query, IdCursor);
  // Built once per table and set of filters; planned with each page's values (the busiest region and a small
  // one want different plans).
  const shape = `${getTableName(t)}_page:${filters.map((f) => f.name).join(',')}${after ? ':after' : ''}`;
  const page = prepared(
    db,
    shape,
    (d) =>
      d
        .select(readColumns(t))
        .from(t)
        .where(and(...filters.map(placeheld), after ? gt(t.id, sql.placeholder('after')) : undefined))
        .orderBy(asc(t.id))
        .limit(sql.placeholder('limit'))
        .prepare(shape),
    { planEachRun: true },
  );
  const values = Object.fromEntries(filters.map((f) => [f.name, f.value]));
  const rows = await page.execute({ ...values, limit: limit + 1, ...(after ? { after: after[0] } : {}) });
  return pageOf(rows.map((r) => readRowOf(spec.kind, r)), query, (last) => [last.id]);
}
