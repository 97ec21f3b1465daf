import { defineRoute, type AnyRoute } from '../registry.js';
import { IdParams, Page } from '../schemas/common.js';
import { BatchReceipt, receiptOf, WithdrawalCreate } from '../schemas/decision-common.js';
import { CreditRepairCreate, PenaltyBatch, PenaltyCorrection, PenaltyCreate, PenaltyListQuery, PenaltyOrNotice } from '../schemas/penalties.js';
import { createPenalties } from '../domain/penalties/create.js';
import { correctPenalty } from '../domain/penalties/correct.js';
import { expireIfDue, getPenaltyRow, withdrawPenalty } from '../domain/penalties/lifecycle.js';
import { listPenalties } from '../domain/penalties/list.js';
import { toPenalty } from '../domain/penalties/present.js';
import { repairPenalty } from '../domain/penalties/repair.js';
import { resultRules } from '../domain/results/rules.js';
import { versionEtag } from '../domain/versioning.js';
import { etagHeaderSpec, linkHeaderSpec, nextLinkHeader } from './links.js';
import { revisionRoutes } from './revisions.js';

const PenaltyPage = Page(PenaltyOrNotice, 'PenaltyPage', '行政处罚决定列表');
const tag = 'penalties';
const one = { description: 'The decision (or, once no longer displayed, its notice).', schema: PenaltyOrNotice, headers: etagHeaderSpec };

export const penaltyRoutes: AnyRoute[] = [
  defineRoute({
    method: 'get',
    path: '/v1/penalties',
    operationId: 'listPenalties',
    summary: '行政处罚决定列表',
    description:
      'Decisions on display (status=published, default): filtered by agency, region, party (credit code or part of the name), decision number, decision date range, 处罚类别, tag, campaign, joint reference and lateness; with q, ranked Chinese search. A decision leaves this list the day after its 公示截止期. Other statuses list the notices of withdrawn, expired or repaired decisions. Keyset-paginated; a cursor is valid only with the filters that issued it.',
    tag,
    query: PenaltyListQuery,
    responses: { 200: { description: 'A page of decisions.', schema: PenaltyPage, headers: { ...linkHeaderSpec, ...etagHeaderSpec } } },
    handler: async ({ db, query, url, now }) => {
      const { rows, next } = await listPenalties(db, query, now());
      return { status: 200 as const, body: { items: rows.map(toPenalty), next }, headers: nextLinkHeader(url, next) };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/v1/penalties/{id}',
    operationId: 'getPenalty',
    summary: '行政处罚决定详情',
    description: 'The decision in the national field order. Withdrawn, expired and repaired decisions answer with their notice: status, reason and date, no content.',
    tag,
    params: IdParams,
    problems: [404],
    responses: { 200: one },
    handler: async ({ db, params, now }) => {
      const row = await expireIfDue(db, now(), await getPenaltyRow(db, params.id));
      return { status: 200 as const, body: toPenalty(row), etag: versionEtag(row.version) };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/v1/penalties',
    operationId: 'createPenalty',
    summary: '公示行政处罚决定',
    description:
      "A `publish`-scoped key publishes a decision of its own agency (谁执法谁公示); the server fills 处罚机关 and 数据来源单位. ID numbers are masked before storage; a minor party is refused. The deadline (7 working days) and lateness are computed on the official calendar. 409 when this agency already used the 决定书文号.",
    tag,
    auth: true,
    body: PenaltyCreate,
    problems: [409, 422],
    responses: {
      201: { description: 'Published.', schema: PenaltyOrNotice, headers: { ...etagHeaderSpec, Location: { description: 'URL of the decision.', schema: { type: 'string' } } } },
    },
    handler: async ({ db, principal, now, config, body }) => {
      const [row] = await createPenalties(db, principal, now(), resultRules(config), [body], () => '');
      return { status: 201 as const, body: toPenalty(row!), etag: versionEtag(row!.version), headers: { Location: `/v1/penalties/${row!.id}` } };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/v1/penalties/batch',
    operationId: 'createPenaltyBatch',
    summary: '批量公示行政处罚决定',
    description:
      'Up to 1,000 decisions in one transaction: all are published or none. Every bad item is named by its pointer (/items/17/party/name); a decision number already used is a 409 naming the items. Send an Idempotency-Key: a retry returns the first answer.',
    tag,
    auth: true,
    body: PenaltyBatch,
    problems: [409, 422],
    responses: { 201: { description: 'All published: one receipt per item, in request order.', schema: BatchReceipt } },
    handler: async ({ db, principal, now, config, body }) => {
      const rows = await createPenalties(db, principal, now(), resultRules(config), body.items, (i) => `/items/${i}`);
      return { status: 201 as const, body: { items: rows.map((row) => receiptOf('/v1/penalties', row)) } };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/v1/penalties/{id}/corrections',
    operationId: 'correctPenalty',
    summary: '更正行政处罚决定',
    description:
      'A merge patch (changes) with a public reason, against the version named by If-Match, by the deciding agency. Published as a new version; the revisions show the reason. ID numbers not resent are kept (masked) as stored.',
    tag,
    auth: true,
    params: IdParams,
    body: PenaltyCorrection,
    ifMatch: true,
    problems: [404, 409, 422],
    responses: { 200: one },
    handler: async ({ db, principal, now, config, params, ifMatch, body }) => {
      const row = await correctPenalty(db, principal, now(), resultRules(config), params.id, ifMatch, body);
      return { status: 200 as const, body: toPenalty(row), etag: versionEtag(row.version) };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/v1/penalties/{id}/withdrawal',
    operationId: 'withdrawPenalty',
    summary: '撤回行政处罚决定信息',
    description:
      '行政处罚法 art. 48 ¶2: after the decision is 变更/撤销/确认违法/确认无效, the deciding agency withdraws it with a reason category and public explanation. The record becomes a notice (no content; earlier versions redacted); the 3-working-day deadline from eventDate is tracked.',
    tag,
    auth: true,
    params: IdParams,
    body: WithdrawalCreate,
    ifMatch: true,
    problems: [404, 409, 422],
    responses: { 200: one },
    handler: async ({ db, principal, now, config, params, ifMatch, body }) => {
      const row = await withdrawPenalty(db, principal, now(), resultRules(config), params.id, ifMatch, body);
      return { status: 200 as const, body: toPenalty(row), etag: versionEtag(row.version) };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/v1/penalties/{id}/credit-repair',
    operationId: 'repairPenalty',
    summary: '提前停止公示(信用修复)',
    description:
      "The deciding agency ends publicity early once the minimum period has passed and it attests the regime's conditions. Refused for excluded penalty types (e.g. 吊销许可证件, 责令停产停业). The termination itself is published as the record's notice and a `repaired` feed event.",
    tag,
    auth: true,
    params: IdParams,
    body: CreditRepairCreate,
    ifMatch: true,
    problems: [404, 409, 422],
    responses: { 200: one },
    handler: async ({ db, principal, now, params, ifMatch, body }) => {
      const row = await repairPenalty(db, principal, now(), params.id, ifMatch, body);
      return { status: 200 as const, body: toPenalty(row), etag: versionEtag(row.version) };
    },
  }),
  ...revisionRoutes({ type: 'penalty', collection: '/v1/penalties', tag, label: '行政处罚决定', exists: getPenaltyRow }),
];
