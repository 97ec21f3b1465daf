/**
 * The national 双公示 CSV of the decisions on display, for agencies and aggregators that load spreadsheets:
 * UTF-8 with a BOM (Excel on Chinese Windows reads BOM-less UTF-8 as GBK), national column order and headers.
 * Rows come from the database in keyset pages of 1,000 as the client reads, so memory stays flat whatever
 * the size; "on display" is fixed at the request's date, so a long download is one consistent cut.
 */
import { databaseError } from '../domain/db-errors.js';
import { and, asc, eq, gt, gte, lte, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../db/client.js';
import { licences, penalties } from '../db/schema.js';
import { toPublishedPenalty } from '../domain/penalties/present.js';
import { CSV_BOM, licenceCsvHeader, licenceCsvRows, penaltyCsvHeader, penaltyCsvRows, type LicenceRecord } from '../export/national-csv.js';
import type { Logger } from '../context.js';
import { chinaDate } from '../lib/validity.js';
import { defineRoute, type AnyRoute } from '../registry.js';
import { decisionListFilters } from '../schemas/penalties.js';

export const EXPORT_PAGE = 1000;

const ExportQuery = z
  .strictObject({
    agencyId: decisionListFilters.agencyId,
    regionCode: decisionListFilters.regionCode,
    decidedFrom: decisionListFilters.decidedFrom,
    decidedTo: decisionListFilters.decidedTo,
  })
  .refine((q) => !q.decidedFrom || !q.decidedTo || q.decidedFrom <= q.decidedTo, { path: ['decidedTo'], message: 'decidedTo is before decidedFrom.' });
type ExportQuery = z.output<typeof ExportQuery>;

type DecisionTable = typeof penalties | typeof licences;

function filters(table: DecisionTable, q: ExportQuery): SQL[] {
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

export function penaltyCsv(db: Db, q: ExportQuery, now: Date, log: Logger): Promise<ReadableStream<Uint8Array>> {
  // Display ends with the publicity end date even before the expiry sweep records it (as the list does).
  const where = [...filters(penalties, q), gte(penalties.publicityEndDate, chinaDate(now))];
  const page = (after: string | null) =>
    db.select().from(penalties).where(and(...where, after ? gt(penalties.id, after) : undefined)).orderBy(asc(penalties.id)).limit(EXPORT_PAGE);
  return csvStream(penaltyCsvHeader(), page, (rows) => penaltyCsvRows(rows.map(toPublishedPenalty)), log);
}

type LicenceRow = typeof licences.$inferSelect;
const licenceRecord = (r: LicenceRow): LicenceRecord => ({
  party: r.party as LicenceRecord['party'],
  documentTitle: r.documentTitle,
  decisionNumber: r.decisionNumber,
  category: r.category,
  categoryDetail: r.categoryDetail,
  certificateName: r.certificateName,
  licenceNumber: r.licenceNumber,
  content: r.content,
  decisionDate: r.decisionDate,
  validFrom: r.validFrom,
  validTo: r.validTo,
  licensingAgency: r.agencyName,
  licensingAgencyCreditCode: r.agencyCreditCode,
  state: r.state === 'invalid' ? 'invalid' : 'valid',
  dataSource: r.dataSource,
  dataSourceCreditCode: r.dataSourceCreditCode,
  remarks: r.remarks,
});

export function licenceCsv(db: Db, q: ExportQuery, log: Logger): Promise<ReadableStream<Uint8Array>> {
  const where = filters(licences, q);
  const page = (after: string | null) =>
    db.select().from(licences).where(and(...where, after ? gt(licences.id, after) : undefined)).orderBy(asc(licences.id)).limit(EXPORT_PAGE);
  return csvStream(licenceCsvHeader(), page, (rows) => licenceCsvRows(rows.map(licenceRecord)), log);
}

const csvResponse = (what: string) => ({
  description: `${what} in the national column order with Chinese headers (UTF-8 with BOM, CRLF, RFC 4180 quoting).`,
  stream: { mediaType: 'text/csv; charset=utf-8' },
  headers: { 'Content-Disposition': { description: 'attachment; filename="….csv"', schema: { type: 'string' as const } } },
});
const disposition = (name: string) => ({ 'Content-Disposition': `attachment; filename="${name}"` });

export const exportRoutes: AnyRoute[] = [
  defineRoute({
    method: 'get',
    path: '/v1/penalties.csv',
    operationId: 'exportPenaltiesCsv',
    summary: '行政处罚决定导出 (CSV)',
    description:
      'Every penalty decision on display (published, 公示截止期 not passed), in the national 双公示 行政处罚 template, columns 1–30; amounts in 万元 with 6 decimals, ID numbers masked as stored. Filters as the list. Streamed: any size.',
    tag: 'exports',
    query: ExportQuery,
    responses: { 200: csvResponse('The decisions') },
    handler: async ({ db, query, now, log }) => ({ status: 200 as const, body: await penaltyCsv(db, query, now(), log), headers: disposition('penalties.csv') }),
  }),
  defineRoute({
    method: 'get',
    path: '/v1/licences.csv',
    operationId: 'exportLicencesCsv',
    summary: '行政许可决定导出 (CSV)',
    description: 'Every licence decision on display (published), in the national 双公示 行政许可 template, columns 1–28; 当前状态 有效/无效. Filters as the list. Streamed: any size.',
    tag: 'exports',
    query: ExportQuery,
    responses: { 200: csvResponse('The licence decisions') },
    handler: async ({ db, query, log }) => ({ status: 200 as const, body: await licenceCsv(db, query, log), headers: disposition('licences.csv') }),
  }),
];
