import { inspectionCoverage } from '../../domain/inspections/coverage.js';
import { defineRoute, type AnyRoute } from '../../registry.js';
import { InspectionCoverageQuery, InspectionCoverageReport } from '../../schemas/inspections/coverage.js';
import { etagHeaderSpec } from '../links.js';

export const inspectionCoverageRoutes: AnyRoute[] = [
  defineRoute({
    method: 'get',
    path: '/v1/inspection-coverage',
    operationId: 'getInspectionCoverage',
    summary: '抽查覆盖率',
    description: [
      'Per lead agency, plan year and item (one row each, only where a task of that year listing the item has a revealed draw): tasks = those tasks;',
      "directory = the agency's active directory entries now; pooled = distinct entities in the pools the counted draws froze; drawn = distinct entities they selected;",
      'inspected = distinct drawn entities with a published result of a counted draw, by the lead or a cooperating agency (each agency’s part in parts);',
      'inspectedOfDirectory = inspected ÷ directory and inspectedOfPool = inspected ÷ pooled, in basis points (2500 = 25 %), rounded down, null over 0.',
      'A result counts for every item of its task. Voided draws and draws only committed never count. Public.',
    ].join(' '),
    tag: 'inspections',
    query: InspectionCoverageQuery,
    responses: { 200: { description: 'The coverage.', schema: InspectionCoverageReport, headers: etagHeaderSpec } },
    handler: async ({ db, query }) => ({ status: 200 as const, body: { items: await inspectionCoverage(db, query) } }),
  }),
];
