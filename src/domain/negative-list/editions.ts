import { and, asc, count, desc, eq, inArray, lte, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { negativeListEditions, negativeListItems, negativeListMeasures } from '../../db/schema.js';
import { problems } from '../../errors.js';
import { EditionCreate, type Edition, type EditionCounts, type EditionListQuery } from '../../schemas/negative-list/editions.js';
import { assertAdmin, type Principal } from '../principal.js';
import { listRecords } from '../record-list.js';
import { withRecordMeta } from '../records.js';
import { createRecord, type Target, type VersionedResource } from '../versioned-record.js';
import { derivedEtag } from '../versioning.js';

export type EditionRow = typeof negativeListEditions.$inferSelect;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const t = negativeListEditions;

/** An edition named in a path: by its code, or by its id. */
export function editionTarget(ref: string): Target {
  return { where: UUID.test(ref) ? or(eq(t.id, ref.toLowerCase()), eq(t.code, ref))! : eq(t.code, ref), label: `Negative-list edition ${ref}` };
}

/** Item and measure counts of each edition, from its active items (two grouped queries for a whole page). */
export async function countsOf(db: Db, ids: string[]): Promise<Map<string, EditionCounts>> {
  const out = new Map<string, EditionCounts>();
  for (const id of ids) out.set(id, { items: { prohibited: 0, permitted: 0, total: 0 }, measures: { prohibited: 0, permitted: 0, national: 0, local: 0, total: 0 } });
  if (ids.length === 0) return out;
  const i = negativeListItems;
  const items = await db.select({ id: i.editionId, category: i.category, n: count() }).from(i).where(and(inArray(i.editionId, ids), eq(i.status, 'active'))).groupBy(i.editionId, i.category);
  for (const row of items) {
    const c = out.get(row.id)!;
    c.items[row.category] += row.n;
    c.items.total += row.n;
  }
  // Measure rows exist only for active items (the item's write rewrites them).
  const m = negativeListMeasures;
  const local = sql<boolean>`${m.regionCode} IS NOT NULL`;
  const measures = await db.select({ id: m.editionId, category: m.category, local, n: count() }).from(m).where(inArray(m.editionId, ids)).groupBy(m.editionId, m.category, local);
  for (const row of measures) {
    const c = out.get(row.id)!;
    c.measures[row.category] += row.n;
    c.measures[row.local ? 'local' : 'national'] += row.n;
    c.measures.total += row.n;
  }
  return out;
}

export const dayBefore = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

async function publishEditions(db: Db, rows: EditionRow[]): Promise<Edition[]> {
  // Published editions carry their counts; only drafts are counted.
  const counts = await countsOf(db, rows.filter((r) => !r.counts).map((r) => r.id));
  return rows.map((row) => (withRecordMeta(row, {
    status: row.status,
    code: row.code,
    title: row.title,
    documentNo: row.documentNo,
    issuingBodies: row.issuingBodies,
    releasedOn: row.releasedOn,
    effectiveFrom: row.effectiveFrom,
    effectiveTo: row.effectiveTo,
    publishedAt: row.publishedAt?.toISOString() ?? null,
    supersededAt: row.supersededAt?.toISOString() ?? null,
    note: row.note,
    sourceUrl: row.sourceUrl,
    counts: row.counts ?? counts.get(row.id)!,
  })));
}

/** An edition's ETag: its version plus its counts, which change while a draft's items are written. */
export const editionEtag = (row: EditionRow, published: Edition) => derivedEtag(row.version, JSON.stringify([published.counts, published.effectiveTo]));

export const PUBLISHED_NEVER_CHANGES = 'A published negative-list edition never changes: publish a new edition instead.';

export const edition: VersionedResource<typeof negativeListEditions, EditionRow, EditionCreate, Edition> = {
  type: 'negative_list_edition',
  name: 'Negative-list edition',
  table: t,
  schema: EditionCreate,
  readOnly: ['status', 'effectiveTo', 'publishedAt', 'supersededAt', 'counts'],
  columns: (input, current) => ({
    code: input.code,
    title: input.title,
    documentNo: input.documentNo ?? null,
    issuingBodies: input.issuingBodies ?? [],
    releasedOn: input.releasedOn ?? null,
    effectiveFrom: input.effectiveFrom,
    note: input.note ?? null,
    sourceUrl: input.sourceUrl ?? null,
    status: current?.status ?? 'draft',
  }),
  publish: publishEditions,
  ownerOf: () => null,
  // The list is issued nationally (国家发展改革委、商务部 with the ministries concerned): the platform operator publishes it.
  authorize: (principal, row) => {
    assertAdmin(principal);
    if (row.status !== 'draft') throw problems.conflict(PUBLISHED_NEVER_CHANGES);
  },
  check: async (_tx, input) => {
    if (input.releasedOn && input.releasedOn > input.effectiveFrom) {
      throw problems.unprocessable([{ in: 'body', pointer: '/effectiveFrom', detail: 'An edition cannot take effect before it is issued (印发日期).' }]);
    }
  },
  conflict: () => problems.conflict('Another edition already has this code.', [{ in: 'body', pointer: '/code', detail: 'Already used by another edition.' }]),
};

export const createEdition = (db: Db, principal: Principal, now: Date, input: EditionCreate) =>
  createRecord(db, edition, principal, now, input, async () => {
    assertAdmin(principal);
    return {};
  });

export function listEditions(db: Db, query: EditionListQuery) {
  return listRecords(db, t, query, [query.status ? eq(t.status, query.status) : undefined]);
}

/**
 * The edition in force on a date: the published edition that took effect last on or before it. A date before
 * the first published edition took effect is a 422 naming `pointer`.
 */
export async function editionInForce(db: Db, asOf: string, pointer: { in: 'query'; pointer: string }): Promise<EditionRow> {
  const published = inArray(t.status, ['current', 'superseded']);
  const [row] = await db.select().from(t).where(and(published, lte(t.effectiveFrom, asOf))).orderBy(desc(t.effectiveFrom)).limit(1);
  if (row) return row;
  const [first] = await db.select({ from: t.effectiveFrom }).from(t).where(published).orderBy(asc(t.effectiveFrom)).limit(1);
  throw problems.unprocessable([
    { ...pointer, detail: first ? `No negative-list edition was in force on ${asOf}: the first published edition took effect on ${first.from}.` : 'No negative-list edition has been published yet.' },
  ]);
}

/** Reads one edition by code or id, or 404. */
export async function editionByRef(db: Db, ref: string): Promise<EditionRow> {
  const target = editionTarget(ref);
  const [row] = await db.select().from(t).where(target.where);
  if (!row) throw problems.notFound(target.label);
  return row;
}
