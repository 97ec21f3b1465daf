import { and, asc, eq, gt, ilike, like, sql, type SQL } from 'drizzle-orm';
import { prepared } from '../db/prepared.js';
import type { Db } from '../db/client.js';
import { agencies, type AgencyRow } from '../db/schema.js';
import { problems, type FieldError } from '../errors.js';
import { cursorAfter, pageLimit, pageOf, type Page } from './paging.js';
import { AgencyCreate, type Agency, type AgencyListQuery } from '../schemas/agencies.js';
import { assertActsFor, assertAdmin, type Principal } from './principal.js';
import { withRecordMeta } from './records.js';
import { escapeLike, regionPrefix } from './query-helpers.js';
import { z } from 'zod';
import { createRecord, type VersionedResource } from './versioned-record.js';
import { versionEtag } from './versioning.js';

export function toAgency(row: AgencyRow): Agency {
  return withRecordMeta(row, {
    status: row.status as Agency['status'],
    name: row.name,
    creditCode: row.creditCode,
    regionCode: row.regionCode,
    level: row.level as Agency['level'],
    parentId: row.parentId,
    kind: row.kind as Agency['kind'],
    entrustment: row.entrustment ?? null,
    domains: row.domains,
    contact: row.contact ?? null,
    website: row.website,
  });
}

export { versionEtag };

async function exists(db: Db, id: string): Promise<boolean> {
  const [row] = await db.select({ id: agencies.id }).from(agencies).where(eq(agencies.id, id));
  return Boolean(row);
}

/** References must point at existing agencies, and the parent chain must not loop back. */
async function checkReferences(db: Db, input: AgencyCreate, selfId?: string): Promise<void> {
  const errors: FieldError[] = [];
  if (input.parentId) {
    if (input.parentId === selfId) errors.push({ in: 'body', pointer: '/parentId', detail: 'An agency cannot be its own parent.' });
    else if (!(await exists(db, input.parentId))) errors.push({ in: 'body', pointer: '/parentId', detail: 'No agency has this id.' });
    else if (selfId && (await isAncestor(db, selfId, input.parentId))) {
      errors.push({ in: 'body', pointer: '/parentId', detail: 'This parent is a subordinate of the agency; the hierarchy would loop.' });
    }
  }
  const entrusting = input.entrustment?.entrustingAgencyId;
  if (entrusting && (entrusting === selfId || !(await exists(db, entrusting)))) {
    errors.push({ in: 'body', pointer: '/entrustment/entrustingAgencyId', detail: 'No other agency has this id.' });
  }
  if (errors.length) throw problems.unprocessable(errors);
}

async function isAncestor(db: Db, ancestorId: string, startId: string): Promise<boolean> {
  // Walks the whole chain: a depth cap would let a loop through a deep hierarchy. `seen` only guards
  // against a loop that is already stored.
  const seen = new Set<string>();
  for (let current: string | null = startId; current && !seen.has(current); ) {
    if (current === ancestorId) return true;
    seen.add(current);
    const [row] = await db.select({ parentId: agencies.parentId }).from(agencies).where(eq(agencies.id, current));
    current = row?.parentId ?? null;
  }
  return false;
}

/**
 * An agency's own key edits its profile (name, contact, website, domains); its legal identity and place in
 * the hierarchy — the credit code and region its published decisions carry as 处罚机关/许可机关, its level,
 * kind, parent, entrustment and status — change only through the operator.
 */
const OPERATOR_ONLY = ['creditCode', 'regionCode', 'level', 'kind', 'parentId', 'entrustment', 'status'] as const;
function assertOwnProfileOnly(principal: Principal, patch: Record<string, unknown>): void {
  if (principal.kind === 'admin') return;
  const fields = OPERATOR_ONLY.filter((f) => f in patch);
  if (fields.length === 0) return;
  throw problems.forbidden(
    "An agency's key may edit its profile, not its identity or place in the hierarchy: ask the platform operator.",
    fields.map((f) => ({ in: 'body' as const, pointer: `/${f}`, detail: 'Only the platform operator may change this field.' })),
  );
}

export const agency: VersionedResource<typeof agencies, AgencyRow, AgencyCreate, Agency> = {
  type: 'agency',
  name: 'Agency',
  table: agencies,
  schema: AgencyCreate,
  columns: (input, current) => ({
    name: input.name,
    creditCode: input.creditCode,
    regionCode: input.regionCode,
    level: input.level,
    parentId: input.parentId ?? null,
    kind: input.kind,
    entrustment: input.entrustment ?? null,
    domains: input.domains ?? [],
    contact: input.contact ?? null,
    website: input.website ?? null,
    status: input.status ?? current?.status ?? 'active',
  }),
  publish: (_db, rows) => rows.map(toAgency),
  // An agency is its own owner: its changes are listed under it in the feed.
  ownerOf: (row) => row.id,
  authorize: (principal, row, patch) => {
    assertActsFor(principal, row.id, 'admin');
    assertOwnProfileOnly(principal, patch);
  },
  check: (tx, input, current) => checkReferences(tx, input, current?.id),
  conflict: () =>
    problems.conflict('Another agency already has this 统一社会信用代码.', [{ in: 'body', pointer: '/creditCode', detail: 'Already registered to another agency.' }]),
};

export async function getAgency(db: Db, id: string): Promise<AgencyRow> {
  const byId = prepared(db, 'agency_by_id', (d) => d.select().from(agencies).where(eq(agencies.id, sql.placeholder('id'))).prepare('agency_by_id'));
  const [row] = await byId.execute({ id });
  if (!row) throw problems.notFound('Agency ' + id);
  return row;
}

/** An agency's version, for a conditional GET (registry etagProbe); null when there is none. */
export async function agencyVersion(db: Db, id: string): Promise<number | null> {
  const probe = prepared(db, 'agency_version', (d) => d.select({ version: agencies.version }).from(agencies).where(eq(agencies.id, sql.placeholder('id'))).prepare('agency_version'));
  const [row] = await probe.execute({ id });
  return row?.version ?? null;
}

/** Only the platform operator registers agencies. */
export async function createAgency(db: Db, principal: Principal, now: Date, input: AgencyCreate) {
  assertAdmin(principal);
  return createRecord(db, agency, principal, now, input, async () => ({}));
}

const AgencyCursor = z.tuple([z.uuid()]);

export async function listAgencies(db: Db, query: AgencyListQuery): Promise<Page<AgencyRow>> {
  const after = cursorAfter(query, AgencyCursor)?.[0] ?? null;
  const limit = pageLimit(query);
  const where: SQL[] = [];
  if (query.regionCode) where.push(like(agencies.regionCode, regionPrefix(query.regionCode) + '%'));
  if (query.level) where.push(eq(agencies.level, query.level));
  if (query.parentId) where.push(eq(agencies.parentId, query.parentId));
  if (query.status) where.push(eq(agencies.status, query.status));
  if (query.q) where.push(ilike(agencies.name, '%' + escapeLike(query.q) + '%'));
  // The unfiltered list (what portals and aggregators page through) runs as a prepared statement.
  const rows = where.length
    ? await db
        .select()
        .from(agencies)
        .where(and(...where, after ? gt(agencies.id, after) : undefined))
        .orderBy(asc(agencies.id))
        .limit(limit + 1)
    : await unfilteredPage(db, after, limit + 1);
  return pageOf(rows, query, (last) => [last.id]);
}

function unfilteredPage(db: Db, after: string | null, limit: number): Promise<AgencyRow[]> {
  if (!after) {
    return prepared(db, 'agencies_first', (d) => d.select().from(agencies).orderBy(asc(agencies.id)).limit(sql.placeholder('limit')).prepare('agencies_first')).execute({ limit });
  }
  return prepared(db, 'agencies_after', (d) =>
    d.select().from(agencies).where(gt(agencies.id, sql.placeholder('after'))).orderBy(asc(agencies.id)).limit(sql.placeholder('limit')).prepare('agencies_after'),
  ).execute({ after, limit });
}
