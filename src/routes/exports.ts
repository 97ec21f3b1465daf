/**
 * The national 双公示 CSV exports of the decisions on display, for agencies and aggregators that load
 * spreadsheets: UTF-8 with a BOM (Excel on Chinese Windows reads BOM-less UTF-8 as GBK), national column order
 * and headers, streamed (src/domain/decisions/export.ts).
 */
import { z } from 'zod';
import { licenceCsv, penaltyCsv } from '../domain/decisions/export.js';
import { defineRoute, type AnyRoute } from '../registry.js';
import { decisionListFilters } from '../schemas/decision-common.js';

const ExportQuery = z
  .strictObject({
    agencyId: decisionListFilters.agencyId,
    regionCode: decisionListFilters.regionCode,
    decidedFrom: decisionListFilters.decidedFrom,
    decidedTo: decisionListFilters.decidedTo,
  })
  .refine((q) => !q.decidedFrom || !q.decidedTo || q.decidedFrom <= q.decidedTo, { path: ['decidedTo'], message: 'decidedTo is before decidedFrom.' });

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
