import { and, eq, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { inspectionConflicts, inspectionEntities, inspectors } from '../../db/schema.js';
import { problems } from '../../errors.js';
import { InspectionConflictCreate, type InspectionConflict, type InspectionConflictListQuery } from '../../schemas/inspections/conflicts.js';
import { assertActsFor, type Principal } from '../principal.js';
import { listRecords } from '../record-list.js';
import { withRecordMeta } from '../records.js';
import { createRecord, type VersionedResource } from '../versioned-record.js';

export type InspectionConflictRow = typeof inspectionConflicts.$inferSelect;

const toConflict = (row: InspectionConflictRow): InspectionConflict => (withRecordMeta(row, {
  status: row.status as InspectionConflict['status'],
  agencyId: row.agencyId,
  inspectorId: row.inspectorId,
  entityId: row.entityId,
  declaredBy: row.declaredBy as InspectionConflict['declaredBy'],
  reason: row.reason,
}));

export const inspectionConflict: VersionedResource<typeof inspectionConflicts, InspectionConflictRow, InspectionConflictCreate, InspectionConflict> = {
  type: 'inspection_conflict',
  name: 'Conflict of interest',
  table: inspectionConflicts,
  schema: InspectionConflictCreate,
  readOnly: ['agencyId'],
  columns: (input) => ({
    inspectorId: input.inspectorId,
    entityId: input.entityId,
    declaredBy: input.declaredBy,
    reason: input.reason ?? null,
    status: input.status ?? 'active',
  }),
  publish: (_db, rows) => rows.map(toConflict),
  ownerOf: (row) => row.agencyId,
  conflict: () =>
    problems.conflict('This conflict of interest is already declared.', [{ in: 'body', pointer: '/entityId', detail: 'An active declaration for this inspector and entity exists.' }]),
};

/**
 * Either side declares: the inspector's agency (declaredBy inspector) or the agency whose directory lists the
 * entity (declaredBy entity). The declaring side's agency owns the record.
 */
function declaringSide(principal: Principal, input: InspectionConflictCreate) {
  return async (tx: Db) => {
    const [person] = await tx.select({ agencyId: inspectors.agencyId }).from(inspectors).where(eq(inspectors.id, input.inspectorId));
    if (!person) throw problems.unprocessable([{ in: 'body', pointer: '/inspectorId', detail: 'No inspector has this id.' }]);
    const [entity] = await tx.select({ agencyId: inspectionEntities.agencyId }).from(inspectionEntities).where(eq(inspectionEntities.id, input.entityId));
    if (!entity) throw problems.unprocessable([{ in: 'body', pointer: '/entityId', detail: 'No directory entry has this id.' }]);
    const agencyId = input.declaredBy === 'inspector' ? person.agencyId : entity.agencyId;
    assertActsFor(principal, agencyId, 'publish');
    return { agencyId };
  };
}

export const createInspectionConflict = (db: Db, principal: Principal, now: Date, input: InspectionConflictCreate) =>
  createRecord(db, inspectionConflict, principal, now, input, declaringSide(principal, input));

export function listInspectionConflicts(db: Db, query: InspectionConflictListQuery) {
  const t = inspectionConflicts;
  const where: (SQL | undefined)[] = [
    query.inspectorId ? eq(t.inspectorId, query.inspectorId) : undefined,
    query.entityId ? eq(t.entityId, query.entityId) : undefined,
    query.agencyId ? eq(t.agencyId, query.agencyId) : undefined,
    query.status ? eq(t.status, query.status) : undefined,
  ];
  return listRecords(db, t, query, [and(...where)]);
}
