import { and, arrayContains, eq, like, type SQL } from 'drizzle-orm';
import { riskClasses } from '../../codes/risk-classes.js';
import type { Db } from '../../db/client.js';
import { inspectionEntities } from '../../db/schema.js';
import { problems } from '../../errors.js';
import { searchText } from '../../lib/segment.js';
import { InspectionEntityCreate, type InspectionEntity, type InspectionEntityListQuery } from '../../schemas/inspections/entities.js';
import type { Principal } from '../principal.js';
import { regionPrefix } from '../query-helpers.js';
import { listRecords } from '../record-list.js';
import { withRecordMeta } from '../records.js';
import { agencyOwner, createRecord, type VersionedResource } from '../versioned-record.js';

export type InspectionEntityRow = typeof inspectionEntities.$inferSelect;

function toInspectionEntity(row: InspectionEntityRow): InspectionEntity {
  return withRecordMeta(row, {
    status: row.status as InspectionEntity['status'],
    agencyId: row.agencyId,
    name: row.name,
    creditCode: row.creditCode,
    registrationNo: row.registrationNo,
    objectType: row.objectType as InspectionEntity['objectType'],
    entityKind: row.entityKind,
    regionCode: row.regionCode,
    industryCode: row.industryCode,
    address: row.address,
    riskClass: row.riskClass as InspectionEntity['riskClass'],
    riskClassName: row.riskClass ? riskClasses.entry(row.riskClass).name : null,
    tags: row.tags,
  });
}

/** The stored columns of a directory entry: shared by the API and the bulk import, which must agree. */
export function inspectionEntityColumns(input: InspectionEntityCreate) {
  return {
    name: input.name,
    creditCode: input.creditCode ?? null,
    registrationNo: input.registrationNo ?? null,
    objectType: input.objectType,
    entityKind: input.entityKind ?? null,
    regionCode: input.regionCode,
    industryCode: input.industryCode ?? null,
    address: input.address ?? null,
    riskClass: input.riskClass ?? null,
    tags: input.tags ?? [],
    status: input.status ?? 'active',
    searchText: searchText(input.name, input.creditCode, input.registrationNo, input.address),
  };
}

export const inspectionEntity: VersionedResource<typeof inspectionEntities, InspectionEntityRow, InspectionEntityCreate, InspectionEntity> = {
  type: 'inspection_entity',
  name: 'Inspection entity',
  table: inspectionEntities,
  schema: InspectionEntityCreate,
  readOnly: ['agencyId', 'riskClassName'],
  columns: inspectionEntityColumns,
  publish: (_db, rows) => rows.map(toInspectionEntity),
  ownerOf: (row) => row.agencyId,
  // Each code has its own unique index: the 409 names the code that is taken.
  conflict: (constraint) => {
    const pointer = constraint === 'inspection_entities_agency_registration_no_key' ? '/registrationNo' : '/creditCode';
    return problems.conflict("This agency's directory already lists an active entity with this code.", [{ in: 'body', pointer, detail: 'Already listed: update that entry instead.' }]);
  },
};

export const createInspectionEntity = (db: Db, principal: Principal, now: Date, input: InspectionEntityCreate) =>
  createRecord(db, inspectionEntity, principal, now, input, agencyOwner(principal, input.agencyId));

export function listInspectionEntities(db: Db, query: InspectionEntityListQuery) {
  const t = inspectionEntities;
  const where: (SQL | undefined)[] = [
    query.agencyId ? eq(t.agencyId, query.agencyId) : undefined,
    query.objectType ? eq(t.objectType, query.objectType) : undefined,
    query.regionCode ? like(t.regionCode, regionPrefix(query.regionCode) + '%') : undefined,
    query.industryCode ? like(t.industryCode, query.industryCode + '%') : undefined,
    query.riskClass ? eq(t.riskClass, query.riskClass) : undefined,
    query.tag ? arrayContains(t.tags, [query.tag]) : undefined,
    query.creditCode ? eq(t.creditCode, query.creditCode) : undefined,
    query.status ? eq(t.status, query.status) : undefined,
  ];
  return listRecords(db, t, query, [and(...where)], { vector: t.searchVector, raw: [t.name, t.address] });
}
