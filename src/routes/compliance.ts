import { complianceReport } from '../domain/compliance.js';
import { defineRoute, type AnyRoute } from '../registry.js';
import { ComplianceQuery, ComplianceReport } from '../schemas/compliance.js';
import { etagHeaderSpec } from './links.js';

export const complianceRoutes: AnyRoute[] = [
  defineRoute({
    method: 'get',
    path: '/v1/compliance',
    operationId: 'getComplianceReport',
    summary: '公示时效报告',
    description:
      'For the decisions decided between from and to: per agency and kind (行政处罚, 行政许可, 其他执法行为), how many were published on time and late, the mean working days late, and withdrawals on time and late; and for the 双随机 inspection results of inspections made between from and to (kind inspection_result, per inspecting agency; due 20 working days after the inspection date, 国办发〔2018〕118号), the same counts without withdrawals. Deadlines and lateness were computed on the official calendar when each record was first published. Public.',
    tag: 'compliance',
    query: ComplianceQuery,
    responses: { 200: { description: 'The report.', schema: ComplianceReport, headers: etagHeaderSpec } },
    handler: async ({ db, query }) => ({ status: 200 as const, body: { from: query.from, to: query.to, items: await complianceReport(db, query) } }),
  }),
];
