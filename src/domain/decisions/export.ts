/**
 * The national 双公示 CSV of the decisions on display, read from the database in keyset pages of 1,000 as the
 * client reads, so memory stays flat whatever the size; "on display" is fixed at the request's date, so a long
 * download is one consistent cut. Rows are mapped by the kinds' presenters, rendered by src/export/national-csv.ts.
 */
import { and, asc, eq, gt, gte, lte, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { licences, penalties } from '../../db/schema.js';
import type { Logger } from '../../context.js';
import { CSV_BOM, licenceCsvHeader, licenceCsvRows, penaltyCsvHeader, penaltyCsvRows } from '../../export/national-csv.js';
import { chinaDate } from '../../lib/validity.js';
import { databaseError } from '../db-errors.js';
import { toPublishedLicence } from '../licences/present.js';
import { toPublishedPenalty } from '../penalties/present.js';

const EXPORT_PAGE = 1000;

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

/**
 * Reads and renders the first page before anything is sent, so a failure there (the database, a stored row
 * that does not render) is a proper problem+json answer rather than a 200 cut short. The stream then
 * starts with the BOM, the header and that page, and reads one page per pull; a later failing page can
 * only end the stream with an error.
 */
async function csvStream<R extends { id: string }>(header: string, page: (after: string | null) => Promise<R[]>, render: (rows: R[]) => string, log: Logger) {
  const encoder = new TextEncoder();
  const first = await page(null);
  const head = encoder.encode(CSV_BOM + header + render(first));
  let after: string | null = first.length < EXPORT_PAGE ? null : first[first.length - 1]!.id;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(head);
      if (after === null) controller.close();
    },
    async pull(controller) {
      try {
        const rows = await page(after);
        if (rows.length) controller.enqueue(encoder.encode(render(rows)));
        if (rows.length < EXPORT_PAGE) controller.close();
        else after = rows[rows.length - 1]!.id;
      } catch (err) {
        // The driver's error carries the SQL: log its SQLSTATE only and end the stream with a bare error,
        // which the runtime may print (workerd does).
        log('error', 'CSV export page failed', { sqlstate: databaseError(err)?.code ?? null, error: err instanceof Error ? err.name : typeof err });
        controller.error(new Error('CSV export failed'));
      }
    },
  });
}

export function penaltyCsv(db: Db, q: ExportFilters, now: Date, log: Logger): Promise<ReadableStream<Uint8Array>> {
  // Display ends with the publicity end date even before the expiry sweep records it (as the list does).
  const where = [...filters(penalties, q), gte(penalties.publicityEndDate, chinaDate(now))];
  const page = (after: string | null) =>
    db.select().from(penalties).where(and(...where, after ? gt(penalties.id, after) : undefined)).orderBy(asc(penalties.id)).limit(EXPORT_PAGE);
  return csvStream(penaltyCsvHeader(), page, (rows) => penaltyCsvRows(rows.map(toPublishedPenalty)), log);
}

export function licenceCsv(db: Db, q: ExportFilters, log: Logger): Promise<ReadableStream<Uint8Array>> {
  const where = filters(licences, q);
  const page = (after: string | null) =>
    db.select().from(licences).where(and(...where, after ? gt(licences.id, after) : undefined)).orderBy(asc(licences.id)).limit(EXPORT_PAGE);
  return csvStream(licenceCsvHeader(), page, (rows) => licenceCsvRows(rows.map(toPublishedLicence)), log);
}
