import { and, eq, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { inspectionRules } from '../../db/schema.js';
import { searchText } from '../../lib/segment.js';
import { InspectionRulesCreate, type InspectionRules, type InspectionRulesListQuery } from '../../schemas/inspections/rules.js';
import type { Principal } from '../principal.js';
import { listRecords } from '../record-list.js';
import { withRecordMeta } from '../records.js';
import { agencyOwner, createRecord, type VersionedResource } from '../versioned-record.js';

export type InspectionRulesRow = typeof inspectionRules.$inferSelect;

const toRules = (row: InspectionRulesRow): InspectionRules => (withRecordMeta(row, {
  status: row.status as InspectionRules['status'],
  agencyId: row.agencyId,
  title: row.title,
  docNumber: row.docNumber,
  effectiveOn: row.effectiveOn,
  text: row.text,
}));

export const inspectionRulesResource: VersionedResource<typeof inspectionRules, InspectionRulesRow, InspectionRulesCreate, InspectionRules> = {
  type: 'inspection_rules',
  name: 'Inspection rules',
  table: inspectionRules,
  schema: InspectionRulesCreate,
  readOnly: ['agencyId'],
  columns: (input) => ({
    title: input.title,
    docNumber: input.docNumber ?? null,
    effectiveOn: input.effectiveOn,
    text: input.text,
    status: input.status ?? 'active',
    searchText: searchText(input.title, input.docNumber, input.text),
  }),
  publish: (_db, rows) => rows.map(toRules),
  ownerOf: (row) => row.agencyId,
};

export const createInspectionRules = (db: Db, principal: Principal, now: Date, input: InspectionRulesCreate) =>
  createRecord(db, inspectionRulesResource, principal, now, input, agencyOwner(principal, input.agencyId));

export function listInspectionRules(db: Db, query: InspectionRulesListQuery) {
  const t = inspectionRules;
  const where: (SQL | undefined)[] = [query.agencyId ? eq(t.agencyId, query.agencyId) : undefined, query.status ? eq(t.status, query.status) : undefined];
  return listRecords(db, t, query, [and(...where)], { vector: t.searchVector, raw: [t.title] });
}
