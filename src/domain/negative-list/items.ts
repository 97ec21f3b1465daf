import { and, asc, eq, getTableColumns, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { negativeListEditions, negativeListItems, negativeListMeasures } from '../../db/schema.js';
import { problems } from '../../errors.js';
import { searchText } from '../../lib/segment.js';
import { CATEGORY_NAMES, ItemCreate, type EditionItemsQuery, type Item, type ItemListQuery } from '../../schemas/negative-list/items.js';
import { storedMeasure, type MeasureInput } from '../../schemas/negative-list/measures.js';
import { describeCitationLists } from '../citation-lists.js';
import { checkCitations, indexCitations } from '../citations.js';
import { assertAdmin, type Principal } from '../principal.js';
import { listRecords } from '../record-list.js';
import { withRecordMeta } from '../records.js';
import { textSearch } from '../search.js';
import { createRecord, type VersionedResource } from '../versioned-record.js';
import { editionByRef, PUBLISHED_NEVER_CHANGES } from './editions.js';

export type ItemRow = typeof negativeListItems.$inferSelect;
/** An item as presenting it needs: its search text and vector are for the index, never published. */
type PresentedRow = Omit<ItemRow, 'searchText' | 'searchVector'>;
const t = negativeListItems;
const { searchText: _text, searchVector: _vector, ...presentedColumns } = getTableColumns(t);

/** Reads items by id with the columns presenting them needs. */
export const itemsById = (db: Db, ids: string[]) => (ids.length ? db.select(presentedColumns).from(t).where(inArray(t.id, ids)) : Promise.resolve([]));

/** Items as published; also for reads that select only the presented columns (check, search, an edition's list). */
export async function presentItems(db: Db, rows: PresentedRow[], now: Date): Promise<Item[]> {
  const editionIds = [...new Set(rows.map((r) => r.editionId))];
  const codes = new Map(
    editionIds.length ? (await db.select({ id: negativeListEditions.id, code: negativeListEditions.code }).from(negativeListEditions).where(inArray(negativeListEditions.id, editionIds))).map((e) => [e.id, e.code]) : [],
  );
  // One describe call for every measure's citations on the page.
  const described = await describeCitationLists(db, rows.flatMap((r) => r.measures.map((m) => m.citations)), now);
  let next = 0;
  return rows.map((row) => (withRecordMeta(row, {
    status: row.status as Item['status'],
    editionId: row.editionId,
    editionCode: codes.get(row.editionId) ?? '',
    category: row.category,
    categoryName: CATEGORY_NAMES[row.category],
    itemNo: row.itemNo,
    code: row.code,
    name: row.name,
    measures: row.measures.map((m, i) => ({ no: i + 1, ...m, citations: described[next++]! })),
    industryCodes: row.industryCodes,
    note: row.note,
  })));
}

/** A stored measure as a patch applies to it: the input shape, without the nulls the schema does not take. */
function editableMeasure(m: MeasureInput) {
  const { basisText, ...rest } = m;
  return basisText === null ? rest : m;
}

/** Measures are content, not just columns: one row each for search and filters (active items only). */
async function writeMeasures(tx: Db, row: ItemRow) {
  await tx.delete(negativeListMeasures).where(eq(negativeListMeasures.itemId, row.id));
  await indexCitations(tx, 'negative_list_item', row.id, row.status === 'active' ? row.measures.flatMap((m) => m.citations) : []);
  if (row.status !== 'active') return;
  await tx.insert(negativeListMeasures).values(
    row.measures.map((m, i) => ({
      itemId: row.id,
      position: i + 1,
      editionId: row.editionId,
      itemCode: row.code,
      category: row.category,
      text: m.text,
      starred: m.starred,
      regionCode: m.local?.regionCode ?? null,
      authorities: m.authorities,
      industryCodes: row.industryCodes,
      searchText: searchText(m.text, row.name, ...m.authorities, m.local?.regionName),
    })),
  );
}

export const negativeListItem: VersionedResource<typeof negativeListItems, ItemRow, ItemCreate, Item> = {
  type: 'negative_list_item',
  name: 'Negative-list item',
  table: t,
  schema: ItemCreate,
  readOnly: ['editionCode', 'categoryName'],
  columns: (input) => {
    const measures = input.measures.map(storedMeasure);
    return {
      editionId: input.editionId,
      category: input.category,
      itemNo: input.itemNo,
      code: input.code,
      name: input.name,
      measures,
      industryCodes: input.industryCodes ?? [],
      note: input.note ?? null,
      status: input.status ?? 'active',
      searchText: searchText(input.name, input.code, ...measures.flatMap((m) => [m.text, ...m.authorities])),
    };
  },
  publish: presentItems,
  editable: (_db, row, published) => ({ ...published, measures: row.measures.map(editableMeasure) }),
  ownerOf: () => null,
  authorize: (principal) => assertAdmin(principal),
  check: async (tx, input) => {
    // Shared lock: a publication (which locks the edition for update) waits for item writes and blocks new ones.
    const [edition] = await tx.select().from(negativeListEditions).where(eq(negativeListEditions.id, input.editionId)).for('share');
    if (!edition) throw problems.unprocessable([{ in: 'body', pointer: '/editionId', detail: 'No negative-list edition has this id.' }]);
    if (edition.status !== 'draft') throw problems.conflict(`${PUBLISHED_NEVER_CHANGES} (edition ${edition.code} is ${edition.status}).`);
    for (const [i, m] of input.measures.entries()) await checkCitations(tx, m.citations ?? [], `/measures/${i}/citations`);
  },
  children: { write: (tx, row) => writeMeasures(tx, row) },
  conflict: (constraint) =>
    constraint === 'negative_list_items_edition_item_no_key'
      ? problems.conflict('Another item of this category in this edition has this 项目号.', [{ in: 'body', pointer: '/itemNo', detail: 'Already used in this edition and category.' }])
      : problems.conflict('Another item of this edition has this 事项编码.', [{ in: 'body', pointer: '/code', detail: 'Already used in this edition.' }]),
};

export const createItem = (db: Db, principal: Principal, now: Date, input: ItemCreate) =>
  createRecord(db, negativeListItem, principal, now, input, async () => {
    assertAdmin(principal);
    return {};
  });

export function listItems(db: Db, query: ItemListQuery) {
  const where: (SQL | undefined)[] = [
    query.editionId ? eq(t.editionId, query.editionId) : undefined,
    query.category ? eq(t.category, query.category) : undefined,
    query.code ? eq(t.code, query.code) : undefined,
    query.status ? eq(t.status, query.status) : undefined,
  ];
  return listRecords(db, t, query, where, { vector: t.searchVector, raw: [t.name, t.code] });
}

/** Table order: 禁止准入类 before 许可准入类, then 项目号. */
export const tableOrder = [sql`CASE ${t.category} WHEN 'prohibited' THEN 0 ELSE 1 END`, asc(t.itemNo)];

/** The active items of one edition, in the order of the official table. */
export async function editionItems(db: Db, ref: string, query: EditionItemsQuery) {
  const edition = await editionByRef(db, ref);
  const search = query.q ? textSearch(query.q, t.searchVector, [t.name, t.code]) : undefined;
  const rows = await db
    .select(presentedColumns)
    .from(t)
    .where(and(eq(t.editionId, edition.id), eq(t.status, 'active'), query.category ? eq(t.category, query.category) : undefined, search?.where))
    .orderBy(...tableOrder);
  return { edition, rows };
}

/** One item of an edition by its 事项编码, or 404. */
export async function editionItem(db: Db, ref: string, code: string): Promise<PresentedRow> {
  const edition = await editionByRef(db, ref);
  const [row] = await db.select(presentedColumns).from(t).where(and(eq(t.editionId, edition.id), eq(t.code, code), eq(t.status, 'active')));
  if (!row) throw problems.notFound(`Item ${code} of negative-list edition ${edition.code}`);
  return row;
}

