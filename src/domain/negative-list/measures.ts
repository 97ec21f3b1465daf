import { and, arrayContains, asc, desc, eq, isNotNull, isNull, or, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { negativeListMeasures } from '../../db/schema.js';
import { chinaDate } from '../../lib/validity.js';
import { CATEGORY_NAMES } from '../../schemas/negative-list/items.js';
import type { MeasureHit, MeasureSearchQuery } from '../../schemas/negative-list/queries.js';
import { describeCitationLists } from '../citation-lists.js';
import { cursorAfter, pageLimit, pageOf } from '../paging.js';
import { textSearch } from '../search.js';
import { editionByRef, editionInForce, type EditionRow } from './editions.js';
import { itemsById } from './items.js';

const m = negativeListMeasures;

/**
 * Local measures that apply in `region`: a measure of a province (440000) applies in its cities (440100) and
 * counties; one of a city only there. Without a region, none do.
 */
export function localMeasuresIn(region: string | undefined): SQL {
  if (!region) return isNull(m.regionCode);
  return or(isNull(m.regionCode), sql`CAST(${region} AS text) LIKE regexp_replace(${m.regionCode}, '(00)+$', '') || '%'`)!;
}

/** Measures whose item is assigned to `industry`, a broader code or a narrower one (F52 meets F5211). */
export const industryMatches = (industry: string): SQL =>
  sql`EXISTS (SELECT 1 FROM unnest(${m.industryCodes}) AS c(code) WHERE CAST(${industry} AS text) LIKE c.code || '%' OR c.code LIKE CAST(${industry} AS text) || '%')`;

/** The edition a query reads: the one named, or the one in force on `asOf` (today by default). */
export function queriedEdition(db: Db, query: { edition?: string | undefined; asOf?: string | undefined }, now: Date): Promise<EditionRow> {
  if (query.edition) return editionByRef(db, query.edition);
  return editionInForce(db, query.asOf ?? chinaDate(now), { in: 'query', pointer: '/asOf' });
}

const Cursor = z.tuple([z.int(), z.string(), z.int()]);

/** Measures of one edition, filtered, in table order or (with q) by relevance; keyset-paginated. */
export async function searchMeasures(db: Db, query: MeasureSearchQuery, now: Date) {
  const edition = await queriedEdition(db, query, now);
  const search = query.q ? textSearch(query.q, m.searchVector, [m.text]) : undefined;
  const rank = search ? sql<number>`${search.rank}`.mapWith(Number) : sql<number>`CAST(0 AS integer)`.mapWith(Number);
  const after = cursorAfter(query, Cursor);
  const where = and(
    eq(m.editionId, edition.id),
    search?.where,
    query.authority ? arrayContains(m.authorities, [query.authority]) : undefined,
    query.industry ? industryMatches(query.industry) : undefined,
    query.category ? eq(m.category, query.category) : undefined,
    query.region ? localMeasuresIn(query.region) : undefined,
    query.local === 'true' ? isNotNull(m.regionCode) : query.local === 'false' ? isNull(m.regionCode) : undefined,
    after ? sql`(${rank} < ${after[0]} OR (${rank} = ${after[0]} AND (${m.itemCode}, ${m.position}) > (${after[1]}, ${after[2]})))` : undefined,
  );
  const rows = await db
    .select({ itemId: m.itemId, itemCode: m.itemCode, position: m.position, rank })
    .from(m)
    .where(where)
    .orderBy(...(search ? [desc(rank)] : []), asc(m.itemCode), asc(m.position))
    .limit(pageLimit(query) + 1);
  const page = pageOf(rows, query, (last) => [last.rank, last.itemCode, last.position]);
  return { items: await hits(db, edition, page.rows, now), next: page.next };
}

/** Each hit with its item and the measure as published (citations described). */
async function hits(db: Db, edition: EditionRow, rows: { itemId: string; position: number }[], now: Date): Promise<MeasureHit[]> {
  if (rows.length === 0) return [];
  const items = new Map((await itemsById(db, [...new Set(rows.map((r) => r.itemId))])).map((i) => [i.id, i]));
  const measures = rows.map((r) => ({ item: items.get(r.itemId)!, no: r.position, stored: items.get(r.itemId)!.measures[r.position - 1]! }));
  const citations = await describeCitationLists(db, measures.map((x) => x.stored.citations), now);
  return measures.map(({ item, no, stored }, i) => ({
    editionCode: edition.code,
    item: { code: item.code, name: item.name, category: item.category, categoryName: CATEGORY_NAMES[item.category], itemNo: item.itemNo },
    measure: { no, ...stored, citations: citations[i]! },
  }));
}
