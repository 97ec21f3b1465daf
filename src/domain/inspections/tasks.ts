import { and, arrayContains, eq, ne, or, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { inspectionDraws, inspectionPlans, inspectionTasks } from '../../db/schema.js';
import { problems } from '../../errors.js';
import { searchText } from '../../lib/segment.js';
import { riskClasses } from '../../codes/risk-classes.js';
import { InspectionTaskCreate, type InspectionTask, type InspectionTaskListQuery } from '../../schemas/inspections/tasks.js';
import type { Principal } from '../principal.js';
import { listRecords } from '../record-list.js';
import { withRecordMeta } from '../records.js';
import { agencyOwner, createRecord, type VersionedResource } from '../versioned-record.js';
import { assertPartnerAgencies } from './agencies.js';
import { assertUsableItems } from './usable-items.js';

export type InspectionTaskRow = typeof inspectionTasks.$inferSelect;

/** 定向 when the selection filters the directory, 不定向 when it takes all of it. */
export const isTargeted = (selection: InspectionTaskRow['selection']): boolean => Object.keys(selection).length > 0;

function toInspectionTask(row: InspectionTaskRow): InspectionTask {
  return withRecordMeta(row, {
    status: row.status as InspectionTask['status'],
    agencyId: row.agencyId,
    year: row.year,
    planId: row.planId,
    name: row.name,
    itemIds: row.itemIds,
    cooperatingAgencyIds: row.cooperatingAgencyIds,
    joint: row.cooperatingAgencyIds.length > 0,
    selection: row.selection.riskClasses ? { ...row.selection, riskClassNames: row.selection.riskClasses.map((c) => riskClasses.entry(c).name) } : row.selection,
    targeted: isTargeted(row.selection),
    sample: row.sample,
    inspectorsPerEntity: row.inspectorsPerEntity,
    inspectorDomains: row.inspectorDomains,
    window: { from: row.windowFrom, to: row.windowTo },
    description: row.description,
    draw: `/v1/inspection-tasks/${row.id}/draw`,
    results: `/v1/inspection-tasks/${row.id}/results`,
  });
}

const committed = () =>
  problems.conflict('The task’s draw is committed: its items, pools and parameters are frozen.', [
    { in: 'body', pointer: '', detail: 'Void the draw (POST …/draw/void, with a public reason) before changing the task.' },
  ]);

async function checkTask(tx: Db, input: InspectionTaskCreate, current: InspectionTaskRow | undefined, principal: Principal): Promise<void> {
  if (current) {
    const [live] = await tx
      .select({ id: inspectionDraws.id })
      .from(inspectionDraws)
      .where(and(eq(inspectionDraws.taskId, current.id), ne(inspectionDraws.status, 'voided')));
    if (live) throw committed();
  }
  const lead = current?.agencyId ?? input.agencyId ?? (principal.kind === 'key' ? principal.agencyId : '');
  await assertUsableItems(tx, input.itemIds, lead, current ? current.itemIds : []);
  await assertPartnerAgencies(tx, input.cooperatingAgencyIds ?? [], lead, 'cooperatingAgencyIds');
  if (input.planId) {
    const [plan] = await tx.select({ agencyId: inspectionPlans.agencyId, year: inspectionPlans.year }).from(inspectionPlans).where(eq(inspectionPlans.id, input.planId));
    const problem = !plan ? 'No plan has this id.' : plan.agencyId !== lead ? "A plan of another agency: name the lead agency's own plan." : plan.year !== input.year ? `The plan is for ${plan.year}, the task for ${input.year}.` : null;
    if (problem) throw problems.unprocessable([{ in: 'body', pointer: '/planId', detail: problem }]);
  }
}

export const inspectionTask: VersionedResource<typeof inspectionTasks, InspectionTaskRow, InspectionTaskCreate, InspectionTask> = {
  type: 'inspection_task',
  name: 'Inspection task',
  table: inspectionTasks,
  schema: InspectionTaskCreate,
  readOnly: ['agencyId', 'joint', 'targeted', 'draw', 'results'],
  columns: (input) => ({
    year: input.year,
    planId: input.planId ?? null,
    name: input.name,
    itemIds: input.itemIds,
    cooperatingAgencyIds: input.cooperatingAgencyIds ?? [],
    selection: input.selection ?? {},
    sample: input.sample,
    inspectorsPerEntity: input.inspectorsPerEntity,
    inspectorDomains: input.inspectorDomains ?? [],
    windowFrom: input.window.from,
    windowTo: input.window.to,
    description: input.description ?? null,
    status: input.status ?? 'active',
    searchText: searchText(input.name, input.description),
  }),
  publish: (_db, rows) => rows.map(toInspectionTask),
  // An empty list is how "no domain filter" is published; the request leaves the field out instead. The
  // selection is patched as stored: the names beside its codes are the server's.
  editable: (_db, row, { inspectorDomains, ...task }) => ({ ...task, selection: row.selection, ...(inspectorDomains.length > 0 ? { inspectorDomains } : {}) }),
  ownerOf: (row) => row.agencyId,
  check: checkTask,
};

export const createInspectionTask = (db: Db, principal: Principal, now: Date, input: InspectionTaskCreate) =>
  createRecord(db, inspectionTask, principal, now, input, agencyOwner(principal, input.agencyId));

export function listInspectionTasks(db: Db, query: InspectionTaskListQuery) {
  const t = inspectionTasks;
  const where: (SQL | undefined)[] = [
    query.agencyId ? or(eq(t.agencyId, query.agencyId), arrayContains(t.cooperatingAgencyIds, [query.agencyId])) : undefined,
    query.planId ? eq(t.planId, query.planId) : undefined,
    query.itemId ? arrayContains(t.itemIds, [query.itemId]) : undefined,
    query.year ? eq(t.year, query.year) : undefined,
    query.status ? eq(t.status, query.status) : undefined,
  ];
  return listRecords(db, t, query, [and(...where)], { vector: t.searchVector, raw: [t.name] });
}
