/**
 * The published inspection results as a CSV (src/export/inspection-results-csv.ts), streamed in keyset pages
 * of results joined to their task, entity and agencies (src/domain/csv-stream.ts). A result only exists for a
 * revealed draw that was never voided: a draw with results cannot be voided.
 */
import { and, asc, eq, gt, gte, inArray, lte, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { inspectionResults as resultCodes } from '../../codes/inspection-results.js';
import type { Logger } from '../../context.js';
import type { Db } from '../../db/client.js';
import { agencies, inspectionEntities, inspectionResults, inspectionTasks } from '../../db/schema.js';
import { inspectionResultCsvHeader, inspectionResultCsvRows } from '../../export/inspection-results-csv.js';
import { chinaDate } from '../../lib/validity.js';
import { csvStream, EXPORT_PAGE } from '../csv-stream.js';
import { isTargeted } from './tasks.js';

/** The filters the export takes: the inspecting agency (or its region) and the inspection date. */
export interface ResultExportFilters {
  agencyId?: string | undefined;
  regionCode?: string | undefined;
  year?: number | undefined;
  inspectedFrom?: string | undefined;
  inspectedTo?: string | undefined;
}

function filters(db: Db, q: ResultExportFilters): SQL[] {
  const r = inspectionResults;
  const where: SQL[] = [eq(r.status, 'published')];
  if (q.agencyId) where.push(eq(r.agencyId, q.agencyId));
  if (q.regionCode) where.push(inArray(r.agencyId, db.select({ id: agencies.id }).from(agencies).where(eq(agencies.regionCode, q.regionCode))));
  if (q.year) where.push(gte(r.inspectedOn, `${q.year}-01-01`), lte(r.inspectedOn, `${q.year}-12-31`));
  if (q.inspectedFrom) where.push(gte(r.inspectedOn, q.inspectedFrom));
  if (q.inspectedTo) where.push(lte(r.inspectedOn, q.inspectedTo));
  return where;
}

export function inspectionResultCsv(db: Db, q: ResultExportFilters, log: Logger): Promise<ReadableStream<Uint8Array>> {
  const r = inspectionResults;
  const t = inspectionTasks;
  const e = inspectionEntities;
  const lead = alias(agencies, 'lead');
  const inspecting = alias(agencies, 'inspecting');
  const where = filters(db, q);
  const page = (after: string | null) =>
    db
      .select({
        id: r.id, taskId: t.id, taskName: t.name, selection: t.selection, leadAgencyName: lead.name, entityName: e.name, creditCode: e.creditCode,
        registrationNo: e.registrationNo, inspectedOn: r.inspectedOn, resultCode: r.resultCode, agencyName: inspecting.name, firstPublishedAt: r.firstPublishedAt,
      })
      .from(r)
      .innerJoin(t, eq(t.id, r.taskId))
      .innerJoin(e, eq(e.id, r.entityId))
      .innerJoin(lead, eq(lead.id, t.agencyId))
      .innerJoin(inspecting, eq(inspecting.id, r.agencyId))
      .where(and(...where, after ? gt(r.id, after) : undefined))
      .orderBy(asc(r.id))
      .limit(EXPORT_PAGE);
  return csvStream(
    inspectionResultCsvHeader(),
    page,
    (rows) =>
      inspectionResultCsvRows(
        rows.map(({ selection, resultCode, firstPublishedAt, ...row }) => ({
          ...row,
          targeted: isTargeted(selection),
          resultName: resultCodes.entry(resultCode).name,
          publishedOn: chinaDate(firstPublishedAt),
        })),
      ),
    log,
  );
}
