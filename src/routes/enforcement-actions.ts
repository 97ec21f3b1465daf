import { defineRoute, type AnyRoute } from '../registry.js';
import { IdParams, Page } from '../schemas/common.js';
import { WithdrawalCreate } from '../schemas/decision-common.js';
import { EnforcementActionCreate } from '../schemas/enforcement-actions.js';
import { correctAction } from '../domain/enforcement-actions/correct.js';
import { createActions } from '../domain/enforcement-actions/create.js';
import { getActionRow, withdrawAction } from '../domain/enforcement-actions/lifecycle.js';
import { listActions } from '../domain/enforcement-actions/list.js';
import { toEnforcementAction } from '../domain/enforcement-actions/present.js';
import {
  EnforcementActionBatch,
  EnforcementActionCorrection,
  EnforcementActionListQuery,
  EnforcementActionOrNotice,
} from '../domain/enforcement-actions/schemas.js';
import { resultRules } from '../domain/results/rules.js';
import { versionEtag } from '../domain/versioning.js';
import { etagHeaderSpec, linkHeaderSpec, nextLinkHeader } from './links.js';
import { revisionRoutes } from './revisions.js';

const ActionPage = Page(EnforcementActionOrNotice, 'EnforcementActionPage', '执法决定信息列表');
const tag = 'enforcement-actions';
const one = { description: 'The action (or, once withdrawn, its notice).', schema: EnforcementActionOrNotice, headers: etagHeaderSpec };

export const enforcementActionRoutes: AnyRoute[] = [
  defineRoute({
    method: 'get',
    path: '/v1/enforcement-actions',
    operationId: 'listEnforcementActions',
    summary: '执法决定信息列表',
    description:
      'Actions on display (status=published, default): filtered by agency, region, 执法类别, target (credit code or part of the name), action date range (decidedFrom/decidedTo), tag, campaign, joint reference and lateness; with q, ranked Chinese search. status=withdrawn lists the notices of withdrawn actions. Keyset-paginated; a cursor is valid only with the filters that issued it.',
    tag,
    query: EnforcementActionListQuery,
    responses: { 200: { description: 'A page of actions.', schema: ActionPage, headers: { ...linkHeaderSpec, ...etagHeaderSpec } } },
    handler: async ({ db, query, url }) => {
      const { rows, next } = await listActions(db, query);
      return { status: 200 as const, body: { items: rows.map(toEnforcementAction), next }, headers: nextLinkHeader(url, next) };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/v1/enforcement-actions/{id}',
    operationId: 'getEnforcementAction',
    summary: '执法决定信息详情',
    description: 'A withdrawn action answers with its notice: status, reason and date, no content.',
    tag,
    params: IdParams,
    problems: [404],
    responses: { 200: one },
    handler: async ({ db, params }) => {
      const row = await getActionRow(db, params.id);
      return { status: 200 as const, body: toEnforcementAction(row), etag: versionEtag(row.version) };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/v1/enforcement-actions',
    operationId: 'createEnforcementAction',
    summary: '公示执法决定信息',
    description:
      "执法机关、执法对象、执法类别、执法结论 of a 行政检查, 行政强制 or other action (not 行政许可/行政处罚). A `publish`-scoped key publishes for its own agency (谁执法谁公示); the server fills the agency fields. The target is published by name, never with an ID number. Due 20 working days after actionDate on the official calendar. 409 when this agency already used the 执法文书号.",
    tag,
    auth: true,
    body: EnforcementActionCreate,
    problems: [409, 422],
    responses: {
      201: { description: 'Published.', schema: EnforcementActionOrNotice, headers: { ...etagHeaderSpec, Location: { description: 'URL of the action.', schema: { type: 'string' } } } },
    },
    handler: async ({ db, principal, now, config, body }) => {
      const [row] = await createActions(db, principal, now(), resultRules(config), [body], () => '');
      return { status: 201 as const, body: toEnforcementAction(row!), etag: versionEtag(row!.version), headers: { Location: `/v1/enforcement-actions/${row!.id}` } };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/v1/enforcement-actions/batch',
    operationId: 'createEnforcementActionBatch',
    summary: '批量公示执法决定信息',
    description:
      'Up to 1,000 actions in one transaction: all are published or none. Every bad item is named by its pointer (/items/17/target/name); an 执法文书号 already used is a 409 naming the items. Send an Idempotency-Key: a retry returns the first answer.',
    tag,
    auth: true,
    body: EnforcementActionBatch,
    problems: [409, 422],
    responses: { 201: { description: 'All published, in request order.', schema: Page(EnforcementActionOrNotice, 'EnforcementActionBatchResult', '批量公示结果') } },
    handler: async ({ db, principal, now, config, body }) => {
      const rows = await createActions(db, principal, now(), resultRules(config), body.items, (i) => `/items/${i}`);
      return { status: 201 as const, body: { items: rows.map(toEnforcementAction), next: null } };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/v1/enforcement-actions/{id}/corrections',
    operationId: 'correctEnforcementAction',
    summary: '更正执法决定信息',
    description: 'A merge patch (changes) with a public reason, against the version named by If-Match, by the acting agency. Published as a new version; the revisions show the reason.',
    tag,
    auth: true,
    params: IdParams,
    body: EnforcementActionCorrection,
    ifMatch: true,
    problems: [404, 409, 422],
    responses: { 200: one },
    handler: async ({ db, principal, now, config, params, ifMatch, body }) => {
      const row = await correctAction(db, principal, now(), resultRules(config), params.id, ifMatch, body);
      return { status: 200 as const, body: toEnforcementAction(row), etag: versionEtag(row.version) };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/v1/enforcement-actions/{id}/withdrawal',
    operationId: 'withdrawEnforcementAction',
    summary: '撤回执法决定信息',
    description:
      'After the action is 变更/撤销/确认违法/确认无效, the acting agency withdraws it with a reason category and public explanation. The record becomes a notice (no content; earlier versions redacted); the 3-working-day deadline from eventDate is tracked.',
    tag,
    auth: true,
    params: IdParams,
    body: WithdrawalCreate,
    ifMatch: true,
    problems: [404, 409, 422],
    responses: { 200: one },
    handler: async ({ db, principal, now, config, params, ifMatch, body }) => {
      const row = await withdrawAction(db, principal, now(), resultRules(config), params.id, ifMatch, body);
      return { status: 200 as const, body: toEnforcementAction(row), etag: versionEtag(row.version) };
    },
  }),
  ...revisionRoutes({ type: 'enforcement_action', collection: '/v1/enforcement-actions', tag, label: '执法决定信息', exists: getActionRow }),
];
