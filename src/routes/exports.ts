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
