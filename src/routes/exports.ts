/**
 * The national 双公示 CSV exports of the decisions on display, and the 抽查检查结果 of 双随机 inspections, for
 * agencies and aggregators that load spreadsheets: UTF-8 with a BOM (Excel on Chinese Windows reads BOM-less
 * UTF-8 as GBK), national column order and headers, streamed (src/domain/csv-stream.ts).
 */
import { z } from 'zod';
import { licenceCsv, penaltyCsv } from '../domain/decisions/export.js';
import { inspectionResultCsv } from '../domain/inspections/results-export.js';
import { defineRoute, type AnyRoute } from '../registry.js';
import { dateParam, Id, RegionCode } from '../schemas/common.js';
import { decisionListFilters } from '../schemas/decision-common.js';
import { InspectionResultListQuery } from '../schemas/inspections/results.js';
import { ExportFileParams, ExportManifest, type ExportFormat } from '../schemas/exports.js';
import { PUBLISHED_TYPES, RECORD_TYPE_NAMES } from '../schemas/published-records.js';
import { csvExport, ndjsonExport } from '../domain/exports/bulk-export.js';
import { exportManifest } from '../domain/exports/manifest.js';

const ExportQuery = z
  .strictObject({
    agencyId: decisionListFilters.agencyId,
    regionCode: decisionListFilters.regionCode,
    decidedFrom: decisionListFilters.decidedFrom,
    decidedTo: decisionListFilters.decidedTo,
  })
  .refine((q) => !q.decidedFrom || !q.decidedTo || q.decidedFrom <= q.decidedTo, { path: ['decidedTo'], message: 'decidedTo is before decidedFrom.' });

const ResultExportQuery = z
  .strictObject({
    agencyId: Id.optional().meta({ title: '检查实施机关', description: 'Results this agency published (the lead or a cooperating agency of the task).' }),
    regionCode: RegionCode.optional().meta({ title: '行政区划代码', description: "The inspecting agency's region." }),
    year: InspectionResultListQuery.shape.year.meta({ title: '检查年度', description: 'Inspections made in this calendar year.' }),
    inspectedFrom: dateParam({ title: '检查日期起', description: 'Inspection date on or after (inclusive).' }).optional(),
    inspectedTo: dateParam({ title: '检查日期止', description: 'Inspection date on or before (inclusive); not before inspectedFrom.' }).optional(),
  })
  .refine((q) => !q.inspectedFrom || !q.inspectedTo || q.inspectedFrom <= q.inspectedTo, { path: ['inspectedTo'], message: 'inspectedTo is before inspectedFrom.' });

const csvResponse = (what: string) => ({
  description: `${what} in the national column order with Chinese headers (UTF-8 with BOM, CRLF, RFC 4180 quoting).`,
  stream: { mediaType: 'text/csv; charset=utf-8' },
  headers: { 'Content-Disposition': { description: 'attachment; filename="….csv"', schema: { type: 'string' as const } } },
});
const disposition = (name: string) => ({ 'Content-Disposition': `attachment; filename="${name}"` });

const BULK_MEDIA = { ndjson: 'application/x-ndjson', csv: 'text/csv; charset=utf-8' } as const;

/** `penalties.ndjson` → the record type whose collection is `penalties`, and the format. */
function exportFile(file: string) {
  const dot = file.lastIndexOf('.');
  const collection = file.slice(0, dot);
  const format = file.slice(dot + 1) as ExportFormat; // the path parameter's enum holds only `<collection>.<format>`
  const type = RECORD_TYPE_NAMES.find((t) => PUBLISHED_TYPES[t].collection === collection)!;
  return { type, collection, format };
}

/** Bumped whenever the bytes an export at a given position renders to change (its ETag then changes too). */
const EXPORT_FORMAT_VERSION = 1;

export const bulkExportRoutes: AnyRoute[] = [
  defineRoute({
    method: 'get',
    path: '/v1/exports',
    operationId: 'getExportManifest',
    readsPrimary: 'It names the feed position of each latest export; a replica behind the primary would name an older one.',
    summary: '批量导出清单',
    description:
      'The bulk exports for mirroring: every record type with its record count at the current feed position, the URLs of its NDJSON and CSV exports, and the position, size and SHA-256 of the latest complete export of each. A mirror loads one export and then reads `/v1/feed` from the position in its first line.',
    tag: 'exports',
    cache: 'revalidate',
    responses: { 200: { description: 'The manifest.', schema: ExportManifest } },
    handler: async ({ db }) => ({ status: 200 as const, body: await exportManifest(db) }),
  }),
  defineRoute({
    method: 'get',
    path: '/v1/exports/{file}',
    operationId: 'downloadExport',
    readsPrimary: 'An export is taken at the head of the feed, and a mirror reads the feed on from there: both from the primary, so the position never goes back.',
    summary: '批量导出',
    description:
      'The whole public state of one record type at one feed position: every record the feed has carried, each at its latest version (tombstones of withdrawn or expired decisions, and redaction notices, included), streamed in id order with constant memory. ' +
      '`.ndjson`: the first line `{"export":{…,"position":N}}` (schema ExportHeader), then one feed entry per record (schema FeedEntry, exactly as `/v1/feed` sends it), then `{"end":{"records":n}}` (ExportTrailer; a file without it was cut short). ' +
      'Reading `/v1/feed?after=N` from then on and keeping the latest version of each record gives an exact mirror. `.csv`: the same records, the entry columns then one `data.*` column per top-level field (nested values as JSON; text starting with =, +, - or @ gets a leading apostrophe, as in the national CSVs), UTF-8 with a BOM; use NDJSON for exact values. ' +
      'The `Feed-Position` header names N before the body starts; the ETag is derived from it, as an export at the same position has the same bytes (SHA-256 in `/v1/exports`).',
    tag: 'exports',
    params: ExportFileParams,
    cache: 'revalidate',
    responses: {
      200: {
        description: 'The export.',
        stream: { mediaType: [BULK_MEDIA.ndjson, BULK_MEDIA.csv], description: 'NDJSON: one ExportLine per line. CSV: RFC 4180 with a header row.' },
        headers: {
          'Feed-Position': { description: 'The feed position the export was taken at.', schema: { type: 'string' } },
          'Content-Disposition': { description: 'attachment; filename="<collection>-<position>.<format>"', schema: { type: 'string' } },
          ETag: { description: 'Strong validator of the bytes: changes when the feed moves on.', schema: { type: 'string' } },
        },
      },
    },
    handler: async ({ db, params, now, log }) => {
      const { type, collection, format } = exportFile(params.file);
      const run = await (format === 'ndjson' ? ndjsonExport : csvExport)(db, type, now, log);
      return {
        status: 200 as const,
        body: run.stream,
        etag: `"${format}.${EXPORT_FORMAT_VERSION}.${run.position}"`,
        headers: {
          'Content-Type': BULK_MEDIA[format],
          'Feed-Position': String(run.position),
          'Content-Disposition': `attachment; filename="${collection}-${run.position}.${format}"`,
        },
      };
    },
  }),
];

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
  defineRoute({
    method: 'get',
    path: '/v1/inspection-results.csv',
    operationId: 'exportInspectionResultsCsv',
    summary: '抽查检查结果导出 (CSV)',
    description:
      'Every published result of a 双随机 inspection, one row per entity and inspecting agency, in the columns the 国家企业信用信息公示系统 publishes 抽查检查结果 with: 抽查任务编号 (the task id), 抽查任务名称, 抽查类型 (定向/不定向), 抽查机关 (the lead agency), 检查对象名称, 统一社会信用代码/注册号, 检查日期, 检查结果, 检查实施机关 (the agency that inspected and published), 公示日期 (first publication, Beijing date). No inspector is named. Filters: the inspecting agency or its region, the inspection year or dates (all must hold). Streamed: any size.',
    tag: 'exports',
    query: ResultExportQuery,
    responses: { 200: csvResponse('The inspection results') },
    handler: async ({ db, query, log }) => ({ status: 200 as const, body: await inspectionResultCsv(db, query, log), headers: disposition('inspection-results.csv') }),
  }),
];
