/**
 * The national 双公示 CSV of the decisions on display, streamed in keyset pages (src/domain/csv-stream.ts);
 * "on display" is fixed at the request's date, so a long download is one consistent cut. Rows are mapped by
 * the kinds' presenters, rendered by src/export/national-csv.ts.
 */
import { and, asc, eq, gt, gte, lte, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { licences, penalties } from '../../db/schema.js';
import type { Logger } from '../../context.js';
import { licenceCsvHeader, licenceCsvRows, penaltyCsvHeader, penaltyCsvRows } from '../../export/national-csv.js';
import { chinaDate } from '../../lib/validity.js';
import { csvStream, EXPORT_PAGE } from '../csv-stream.js';
import { toPublishedLicence } from '../licences/present.js';
import { toPublishedPenalty } from '../penalties/present.js';
import { readColumns } from './kind.js';

/** The list filters an export takes. */
export interface ExportFilters {
  agencyId?: string | undefined;
  regionCode?: string | undefined;
  decidedFrom?: string | undefined;
  decidedTo?: string | undefined;
}

function filters(table: typeof penalties | typeof licences, q: ExportFilters): SQL[] {
  const where: SQL[] = [eq(table.status, 'published')];
  if (q.agencyId) where.push(eq(table.agencyId, q.agencyId));
  if (q.regionCode) where.push(eq(table.regionCode, q.regionCode));
  if (q.decidedFrom) where.push(gte(table.decisionDate, q.decidedFrom));
  if (q.decidedTo) where.push(lte(table.decisionDate, q.decidedTo));
  return where;
}

export function penaltyCsv(db: Db, q: ExportFilters, now: Date, log: Logger): Promise<ReadableStream<Uint8Array>> {
  // Display ends with the publicity end date even before the expiry sweep records it (as the list does).
  const where = [...filters(penalties, q), gte(penalties.publicityEndDate, chinaDate(now))];
  const page = (after: string | null) =>
    db.select(readColumns(penalties)).from(penalties).where(and(...where, after ? gt(penalties.id, after) : undefined)).orderBy(asc(penalties.id)).limit(EXPORT_PAGE);
  return csvStream(penaltyCsvHeader(), page, (rows) => penaltyCsvRows(rows.map(toPublishedPenalty)), log);
}

export function licenceCsv(db: Db, q: ExportFilters, log: Logger): Promise<ReadableStream<Uint8Array>> {
  const where = filters(licences, q);
  const page = (after: string | null) =>
    db.select(readColumns(licences)).from(licences).where(and(...where, after ? gt(licences.id, after) : undefined)).orderBy(asc(licences.id)).limit(EXPORT_PAGE);
  return csvStream(licenceCsvHeader(), page, (rows) => licenceCsvRows(rows.map(toPublishedLicence)), log);
}
