import { and, eq, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { agencies, inspectionPlans } from '../../db/schema.js';
import { problems } from '../../errors.js';
import { InspectionPlanCreate, type InspectionPlan, type InspectionPlanListQuery } from '../../schemas/inspections/plans.js';
import type { Principal } from '../principal.js';
import { listRecords } from '../record-list.js';
import { withRecordMeta } from '../records.js';
import { agencyOwner, createRecord, type VersionedResource } from '../versioned-record.js';
import { assertUsableItems } from './usable-items.js';

export type InspectionPlanRow = typeof inspectionPlans.$inferSelect;

const toPlan = (row: InspectionPlanRow): InspectionPlan => (withRecordMeta(row, {
  status: row.status as InspectionPlan['status'],
  agencyId: row.agencyId,
  year: row.year,
  title: row.title,
  itemIds: row.itemIds,
  filedWithAgencyId: row.filedWithAgencyId,
  description: row.description,
  tasks: `/v1/inspection-tasks?planId=${row.id}`,
}));

export const inspectionPlan: VersionedResource<typeof inspectionPlans, InspectionPlanRow, InspectionPlanCreate, InspectionPlan> = {
  type: 'inspection_plan',
  name: 'Inspection plan',
  table: inspectionPlans,
  schema: InspectionPlanCreate,
  readOnly: ['agencyId', 'tasks'],
  columns: (input) => ({
    year: input.year,
    title: input.title,
    itemIds: input.itemIds,
    filedWithAgencyId: input.filedWithAgencyId ?? null,
    description: input.description ?? null,
    status: input.status ?? 'active',
  }),
  publish: (_db, rows) => rows.map(toPlan),
  ownerOf: (row) => row.agencyId,
  check: async (tx, input, current, principal) => {
    const owner = current?.agencyId ?? input.agencyId ?? (principal.kind === 'key' ? principal.agencyId : '');
    await assertUsableItems(tx, input.itemIds, owner, current ? current.itemIds : []);
    if (input.filedWithAgencyId) {
      const [found] = await tx.select({ id: agencies.id }).from(agencies).where(eq(agencies.id, input.filedWithAgencyId));
      if (!found) throw problems.unprocessable([{ in: 'body', pointer: '/filedWithAgencyId', detail: 'No agency has this id.' }]);
    }
  },
  conflict: () =>
    problems.conflict('This agency already has an active plan for this year.', [{ in: 'body', pointer: '/year', detail: 'Adjust that plan (a new version) instead.' }]),
};

export const createInspectionPlan = (db: Db, principal: Principal, now: Date, input: InspectionPlanCreate) =>
  createRecord(db, inspectionPlan, principal, now, input, agencyOwner(principal, input.agencyId));

export function listInspectionPlans(db: Db, query: InspectionPlanListQuery) {
  const t = inspectionPlans;
  const where: (SQL | undefined)[] = [
    query.agencyId ? eq(t.agencyId, query.agencyId) : undefined,
    query.year ? eq(t.year, query.year) : undefined,
    query.status ? eq(t.status, query.status) : undefined,
  ];
  return listRecords(db, t, query, [and(...where)]);
}
