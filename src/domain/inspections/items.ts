import { and, arrayContains, eq, or, sql, type SQL } from 'drizzle-orm';
import { inspectionMethods } from '../../codes/inspection-methods.js';
import type { Db } from '../../db/client.js';
import { inspectionItems } from '../../db/schema.js';
import { problems } from '../../errors.js';
import { searchText } from '../../lib/segment.js';
import type { Citation } from '../../schemas/citations.js';
import { InspectionItemCreate, type InspectionItem, type InspectionItemListQuery } from '../../schemas/inspections/items.js';
import { publishCiting } from '../citation-lists.js';
import { checkCitations, indexCitations } from '../citations.js';
import type { Principal } from '../principal.js';
import { listRecords } from '../record-list.js';
import { withRecordMeta } from '../records.js';
import { agencyOwner, createRecord, type VersionedResource } from '../versioned-record.js';
import { assertPartnerAgencies } from './agencies.js';

export type InspectionItemRow = typeof inspectionItems.$inferSelect;

function toItem(row: InspectionItemRow, citations: Citation[]): InspectionItem {
  return withRecordMeta(row, {
    status: row.status as InspectionItem['status'],
    agencyId: row.agencyId,
    code: row.code,
    name: row.name,
    subItems: row.subItems,
    citations,
    basisText: row.basisText,
    objectType: row.objectType as InspectionItem['objectType'],
    content: row.content,
    methods: row.methods as InspectionItem['methods'],
    methodNames: row.methods.map((m) => inspectionMethods.entry(m).name),
    category: row.category as InspectionItem['category'],
    ratioBasisPoints: row.ratioBasisPoints,
    frequency: row.frequency,
    joint: row.cooperatingAgencyIds.length > 0,
    cooperatingAgencyIds: row.cooperatingAgencyIds,
  });
}

const publishItems = publishCiting(toItem);

export const inspectionItem: VersionedResource<typeof inspectionItems, InspectionItemRow, InspectionItemCreate, InspectionItem> = {
  type: 'inspection_item',
  name: 'Inspection item',
  table: inspectionItems,
  schema: InspectionItemCreate,
  columns: (input) => {
    const subItems = input.subItems ?? [];
    return {
      code: input.code,
      name: input.name,
      subItems,
      citations: input.citations ?? [],
      basisText: input.basisText ?? null,
      objectType: input.objectType,
      content: input.content,
      methods: input.methods,
      category: input.category,
      ratioBasisPoints: input.ratioBasisPoints ?? null,
      frequency: input.frequency ?? null,
      cooperatingAgencyIds: input.cooperatingAgencyIds ?? [],
      status: input.status ?? 'active',
      searchText: searchText(input.name, input.code, input.content, ...subItems.flatMap((s) => [s.code, s.name])),
    };
  },
  publish: publishItems,
  // A patch applies to the citations as given, not as described with today's validity.
  editable: (_db, row, published) => ({ ...published, citations: row.citations }),
  readOnly: ['agencyId', 'joint', 'methodNames'],
  ownerOf: (row) => row.agencyId,
  check: async (tx, input, current, principal) => {
    await checkCitations(tx, input.citations ?? []);
    const owner = current?.agencyId ?? input.agencyId ?? (principal.kind === 'key' ? principal.agencyId : '');
    await assertPartnerAgencies(tx, input.cooperatingAgencyIds ?? [], owner, 'cooperatingAgencyIds');
  },
  children: { write: (tx, row) => indexCitations(tx, 'inspection_item', row.id, row.citations) },
  conflict: () =>
    problems.conflict('This agency already has an inspection item with this 事项编码.', [
      { in: 'body', pointer: '/code', detail: 'Already used by another item of this agency.' },
    ]),
};

export const createInspectionItem = (db: Db, principal: Principal, now: Date, input: InspectionItemCreate) =>
  createRecord(db, inspectionItem, principal, now, input, agencyOwner(principal, input.agencyId));

export function listInspectionItems(db: Db, query: InspectionItemListQuery) {
  const t = inspectionItems;
  const where: (SQL | undefined)[] = [
    query.agencyId ? or(eq(t.agencyId, query.agencyId), arrayContains(t.cooperatingAgencyIds, [query.agencyId])) : undefined,
    query.category ? eq(t.category, query.category) : undefined,
    query.objectType ? eq(t.objectType, query.objectType) : undefined,
    query.method ? arrayContains(t.methods, [query.method]) : undefined,
    query.joint ? (query.joint === 'true' ? sql`cardinality(${t.cooperatingAgencyIds}) > 0` : sql`cardinality(${t.cooperatingAgencyIds}) = 0`) : undefined,
    query.status ? eq(t.status, query.status) : undefined,
  ];
  return listRecords(db, t, query, [and(...where)], { vector: t.searchVector, raw: [t.name, t.code] });
}
