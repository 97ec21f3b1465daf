import { inspectionResult as reading, inspectionResultResource, listInspectionResults, recordResults } from '../../domain/inspections/results.js';
import { bundledCalendar } from '../../lib/working-days.js';
import { defineRoute, type AnyRoute } from '../../registry.js';
import { Page } from '../../schemas/common.js';
import { DrawParams } from '../../schemas/inspections/draws.js';
import { InspectionResultBatch, InspectionResultListQuery, InspectionResultPatch, InspectionResultRecord } from '../../schemas/inspections/results.js';
import { etagHeaderSpec, linkHeaderSpec, nextLinkHeader } from '../links.js';
import { recordRoutes } from '../record-routes.js';

const tag = 'inspections';
const calendarOf = (config: { calendar?: Parameters<typeof inspectionResultResource>[0] | undefined }) => config.calendar ?? bundledCalendar();
const ResultItems = InspectionResultRecord.array().meta({ title: '检查结果' });

export const inspectionResultRoutes: AnyRoute[] = [
  ...recordRoutes({
    resource: reading,
    patching: ({ config, now }) => inspectionResultResource(calendarOf(config), now()),
    collection: '/v1/inspection-results',
    tag,
    label: '检查结果',
    singular: 'InspectionResult',
    // listInspectionResults names the 检查结果 code list.
    plural: 'InspectionResultRecords',
    record: InspectionResultRecord,
    create: InspectionResultBatch,
    patch: InspectionResultPatch,
    query: InspectionResultListQuery,
    list: listInspectionResults,
    describe: {
      list: 'Published results of random-selection inspections (一公开), filtered by task, inspecting agency, entity, 统一社会信用代码, result, lateness or year; with q, ranked Chinese search over findings. Keyset-paginated.',
      patch: 'A correction (更正) of a result: re-checked against the draw (drawn entity, assigned inspectors). The due date follows the inspection date; lateness is judged at first publication.',
    },
    problems: [409],
  }),
  defineRoute({
    method: 'post',
    path: '/v1/inspection-tasks/{id}/results',
    operationId: 'recordInspectionResults',
    summary: '录入检查结果',
    description:
      'The lead or a cooperating agency of the task (谁检查、谁录入、谁公开) records results for drawn entities, all or nothing: each names an entity the revealed draw selected (422 otherwise), the inspectors present (all assigned to it by the draw), the result (检查结果 code list), findings and follow-up. One result per entity and agency (409; correct it with PATCH /v1/inspection-results/{id}). Due 20 working days after the inspection date on the official calendar; lateness is published and counted in /v1/compliance.',
    tag,
    auth: true,
    params: DrawParams,
    body: InspectionResultBatch,
    problems: [404, 409, 422],
    responses: { 201: { description: 'Recorded.', schema: ResultItems } },
    handler: async ({ db, principal, now, config, params, body }) => {
      const written = await recordResults(db, calendarOf(config), principal, now(), params.id, body);
      return { status: 201 as const, body: written.map((w) => w.published) };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/v1/inspection-tasks/{id}/results',
    operationId: 'listInspectionTaskResults',
    summary: '抽查任务的检查结果',
    description: 'The results of one task, every agency’s part of a joint task included; keyset-paginated. The same as /v1/inspection-results?taskId=.',
    tag,
    params: DrawParams,
    query: InspectionResultListQuery.omit({ taskId: true }),
    responses: { 200: { description: 'A page of results.', schema: Page(InspectionResultRecord, 'InspectionTaskResultPage', '检查结果列表'), headers: { ...linkHeaderSpec, ...etagHeaderSpec } } },
    handler: async ({ db, params, query, url, now }) => {
      const { rows, next } = await listInspectionResults(db, { ...query, taskId: params.id });
      return { status: 200 as const, body: { items: await reading.publish(db, rows, now()), next }, headers: nextLinkHeader(url, next) };
    },
  }),
];
