/**
 * Results of a drawn task: one record per drawn entity and inspecting agency (a joint task has one per
 * agency), only for entities the draw selected and only by the inspectors it assigned. Each is versioned:
 * a correction is a merge patch, re-checked in full against the draw.
 */
import { and, eq, inArray, ne, sql, type SQL } from 'drizzle-orm';
import { inspectionResults as resultCodes } from '../../codes/inspection-results.js';
import type { Db } from '../../db/client.js';
import type { DrawResult } from '../../draw/algorithm.js';
import { inspectionDraws, inspectionEntities, inspectionResults, inspectionTasks, penalties } from '../../db/schema.js';
import { problems, type FieldError } from '../../errors.js';
import { searchText } from '../../lib/segment.js';
import { chinaDate } from '../../lib/validity.js';
import { bundledCalendar, type WorkCalendar } from '../../lib/working-days.js';
import { InspectionResultFields, type InspectionResultBatch, type InspectionResultListQuery, type InspectionResultRecord } from '../../schemas/inspections/results.js';
import { deadline } from '../decisions/timeliness.js';
import { assertActsFor, owningAgency, type Principal } from '../principal.js';
import { listRecords } from '../record-list.js';
import { withRecordMeta } from '../records.js';
import { createRecord, type VersionedResource } from '../versioned-record.js';

export type InspectionResultRow = typeof inspectionResults.$inferSelect;
type Selections = DrawResult['selections'];

/** 国办发〔2018〕118号: enforcement information other than licences and penalties within 20 working days. */
const RESULT_DAYS = 20;

async function publishResults(db: Db, rows: InspectionResultRow[]): Promise<InspectionResultRecord[]> {
  if (rows.length === 0) return [];
  const names = await db
    .select({ id: inspectionEntities.id, name: inspectionEntities.name, creditCode: inspectionEntities.creditCode })
    .from(inspectionEntities)
    .where(inArray(inspectionEntities.id, [...new Set(rows.map((r) => r.entityId))]));
  const byId = new Map(names.map((n) => [n.id, n]));
  return rows.map((row) => (withRecordMeta(row, {
    status: 'published' as const,
    taskId: row.taskId,
    drawId: row.drawId,
    entityId: row.entityId,
    entityName: byId.get(row.entityId)!.name,
    creditCode: byId.get(row.entityId)!.creditCode,
    agencyId: row.agencyId,
    resultCode: row.resultCode as InspectionResultRecord['resultCode'],
    resultName: resultCodes.entry(row.resultCode).name,
    findings: row.findings,
    followUp: row.followUp,
    inspectedOn: row.inspectedOn,
    inspectorIds: row.inspectorIds,
    dueOn: row.dueOn,
    publishedAt: row.firstPublishedAt.toISOString(),
    late: row.late,
    workingDaysLate: row.workingDaysLate,
  })));
}

/** Problems of one result against the draw, each pointing below `at` (a batch item, or the body itself). */
async function resultErrors(tx: Db, selections: Selections, revealedOn: string, today: string, input: InspectionResultFields, at: string): Promise<FieldError[]> {
  const errors: FieldError[] = [];
  const drawn = selections.find((s) => s.entityId === input.entityId);
  if (!drawn) errors.push({ in: 'body', pointer: `${at}/entityId`, detail: 'This entity was not drawn for the task.' });
  input.inspectorIds.forEach((id, j) => {
    if (drawn && !drawn.inspectorIds.includes(id)) errors.push({ in: 'body', pointer: `${at}/inspectorIds/${j}`, detail: 'Not an inspector the draw assigned to this entity.' });
  });
  if (input.inspectedOn < revealedOn) errors.push({ in: 'body', pointer: `${at}/inspectedOn`, detail: `Before the draw was revealed (${revealedOn}).` });
  if (input.inspectedOn > today) errors.push({ in: 'body', pointer: `${at}/inspectedOn`, detail: 'In the future.' });
  const penaltyId = input.followUp?.penaltyId;
  if (penaltyId && !(await tx.select({ id: penalties.id }).from(penalties).where(eq(penalties.id, penaltyId))).length) {
    errors.push({ in: 'body', pointer: `${at}/followUp/penaltyId`, detail: 'No penalty decision has this id.' });
  }
  return errors;
}

async function revealedDraw(tx: Db, taskId: string) {
  const [draw] = await tx.select().from(inspectionDraws).where(and(eq(inspectionDraws.taskId, taskId), ne(inspectionDraws.status, 'voided')));
  if (draw?.status !== 'revealed' || !draw.revealedAt || !draw.result) throw problems.conflict('The task has no revealed draw: results follow the draw.');
  return { id: draw.id, revealedOn: chinaDate(draw.revealedAt), selections: draw.result.selections };
}

/** The resource, bound to the calendar due dates are counted on and to the request's clock. */
export function inspectionResultResource(calendar: WorkCalendar, now: Date): VersionedResource<typeof inspectionResults, InspectionResultRow, InspectionResultFields, InspectionResultRecord> {
  return {
    type: 'inspection_result',
    name: 'Inspection result',
    table: inspectionResults,
    schema: InspectionResultFields,
    readOnly: ['taskId', 'drawId', 'entityName', 'creditCode', 'agencyId', 'resultName', 'dueOn', 'publishedAt', 'late', 'workingDaysLate', 'status'],
    columns: (input, current) => {
      const due = deadline(input.inspectedOn, RESULT_DAYS, current?.firstPublishedAt ?? now, calendar);
      return {
        entityId: input.entityId,
        resultCode: input.resultCode,
        findings: input.findings ?? null,
        followUp: input.followUp ?? null,
        inspectedOn: input.inspectedOn,
        inspectorIds: input.inspectorIds,
        dueOn: due.dueDate,
        late: due.late,
        workingDaysLate: due.workingDaysLate,
        status: 'published',
        searchText: searchText(input.findings, input.followUp?.note),
      };
    },
    publish: publishResults,
    ownerOf: (row) => row.agencyId,
    check: async (tx, input, current) => {
      if (!current) return; // a batch checked every item first, with pointers into the batch
      const draw = await revealedDraw(tx, current.taskId);
      const errors = await resultErrors(tx, draw.selections, draw.revealedOn, chinaDate(now), input, '');
      if (errors.length > 0) throw problems.unprocessable(errors);
    },
    conflict: () => problems.conflict('This agency already published a result for this entity: correct it instead (PATCH).'),
  };
}

/** The resource as reads and revisions use it: they need neither the clock nor the calendar (only a patch recomputes the due date). */
export const inspectionResult = inspectionResultResource(bundledCalendar(), new Date(0));

/** Records a batch of results for a task, all or nothing. */
export async function recordResults(db: Db, calendar: WorkCalendar, principal: Principal, now: Date, taskId: string, batch: InspectionResultBatch) {
  return db.transaction(async (tx) => {
    const [task] = await tx.select({ agencyId: inspectionTasks.agencyId, cooperating: inspectionTasks.cooperatingAgencyIds }).from(inspectionTasks).where(eq(inspectionTasks.id, taskId));
    if (!task) throw problems.notFound(`Inspection task ${taskId}`);
    const agencyId = owningAgency(principal, batch.agencyId);
    if (agencyId !== task.agencyId && !task.cooperating.includes(agencyId)) {
      if (principal.kind === 'admin') throw problems.unprocessable([{ in: 'body', pointer: '/agencyId', detail: 'Neither the lead nor a cooperating agency of the task.' }]);
      throw problems.forbidden('Only the lead and cooperating agencies of the task record its results.');
    }
    assertActsFor(principal, agencyId, 'publish');
    const draw = await revealedDraw(tx, taskId);
    const today = chinaDate(now);
    const errors: FieldError[] = [];
    const seen = new Set<string>();
    for (const [i, item] of batch.items.entries()) {
      errors.push(...(await resultErrors(tx, draw.selections, draw.revealedOn, today, item, `/items/${i}`)));
      if (seen.has(item.entityId)) errors.push({ in: 'body', pointer: `/items/${i}/entityId`, detail: 'A second result for this entity in the batch.' });
      seen.add(item.entityId);
    }
    if (errors.length > 0) throw problems.unprocessable(errors);
    const resource = inspectionResultResource(calendar, now);
    const written = [];
    for (const { entityId, ...fields } of batch.items) {
      written.push(
        await createRecord(tx, resource, principal, now, { entityId, ...fields }, async () => ({ taskId, drawId: draw.id, agencyId, firstPublishedAt: now })),
      );
    }
    return written;
  });
}

export function listInspectionResults(db: Db, query: InspectionResultListQuery) {
  const t = inspectionResults;
  const where: (SQL | undefined)[] = [
    query.taskId ? eq(t.taskId, query.taskId) : undefined,
    query.agencyId ? eq(t.agencyId, query.agencyId) : undefined,
    query.entityId ? eq(t.entityId, query.entityId) : undefined,
    query.creditCode ? inArray(t.entityId, db.select({ id: inspectionEntities.id }).from(inspectionEntities).where(eq(inspectionEntities.creditCode, query.creditCode))) : undefined,
    query.resultCode ? eq(t.resultCode, query.resultCode) : undefined,
    query.late ? eq(t.late, query.late === 'true') : undefined,
    query.year ? sql`extract(year from ${t.inspectedOn}) = ${query.year}` : undefined,
  ];
  return listRecords(db, t, query, [and(...where)], { vector: t.searchVector, raw: [t.findings] });
}
