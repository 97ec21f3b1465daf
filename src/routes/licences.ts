import { defineRoute, type AnyRoute } from '../registry.js';
import { IdParams } from '../schemas/common.js';
import { BatchReceipt, receiptOf, WithdrawalCreate } from '../schemas/decision-common.js';
import { LicenceCreate } from '../schemas/licences.js';
import { createLicences } from '../domain/licences/create.js';
import { correctLicence } from '../domain/licences/correct.js';
import { getLicenceRow, withdrawLicence } from '../domain/licences/lifecycle.js';
import { listLicences } from '../domain/licences/list.js';
import { toLicence } from '../domain/licences/present.js';
import { LicenceBatch, LicenceCorrection, LicenceListQuery, LicenceOrNotice, LicencePage } from '../domain/licences/shapes.js';
import { resultRules } from '../domain/results/rules.js';
import { versionEtag } from '../domain/versioning.js';
import { etagHeaderSpec, linkHeaderSpec, nextLinkHeader } from './links.js';
import { revisionRoutes } from './revisions.js';

const tag = 'licences';
const one = { description: 'The decision (or, once withdrawn, its notice).', schema: LicenceOrNotice, headers: etagHeaderSpec };

export const licenceRoutes: AnyRoute[] = [
  defineRoute({
    method: 'get',
    path: '/v1/licences',
    operationId: 'listLicences',
    summary: '行政许可决定列表',
    description:
      'Decisions on display (status=published, default): filtered by agency, region, party (credit code or part of the name), 文书号, decision date range, 许可类别, 当前状态, tag, campaign, joint reference and lateness; with q, ranked Chinese search. status=withdrawn lists the notices of withdrawn decisions. Keyset-paginated; a cursor is valid only with the filters that issued it.',
    tag,
    query: LicenceListQuery,
    responses: { 200: { description: 'A page of decisions.', schema: LicencePage, headers: { ...linkHeaderSpec, ...etagHeaderSpec } } },
    handler: async ({ db, query, url }) => {
      const { rows, next } = await listLicences(db, query);
      return { status: 200 as const, body: { items: rows.map(toLicence), next }, headers: nextLinkHeader(url, next) };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/v1/licences/{id}',
    operationId: 'getLicence',
    summary: '行政许可决定详情',
    description: 'The decision in the national field order (§2.2). A withdrawn decision answers with its notice: status, reason and date, no content.',
    tag,
    params: IdParams,
    problems: [404],
    responses: { 200: one },
    handler: async ({ db, params }) => {
      const row = await getLicenceRow(db, params.id);
      return { status: 200 as const, body: toLicence(row), etag: versionEtag(row.version) };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/v1/licences',
    operationId: 'createLicence',
    summary: '公示行政许可决定',
    description:
      "A `publish`-scoped key publishes a decision of its own agency (谁审批谁公示); the server fills 许可机关 and 数据来源单位. ID numbers are masked before storage; a minor party is refused. 当前状态 defaults to valid. The deadline (7 working days) and lateness are computed on the official calendar. 409 when this agency already used the 文书号.",
    tag,
    auth: true,
    body: LicenceCreate,
    problems: [409, 422],
    responses: {
      201: { description: 'Published.', schema: LicenceOrNotice, headers: { ...etagHeaderSpec, Location: { description: 'URL of the decision.', schema: { type: 'string' } } } },
    },
    handler: async ({ db, principal, now, config, body }) => {
      const [row] = await createLicences(db, principal, now(), resultRules(config), [body], () => '');
      return { status: 201 as const, body: toLicence(row!), etag: versionEtag(row!.version), headers: { Location: `/v1/licences/${row!.id}` } };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/v1/licences/batch',
    operationId: 'createLicenceBatch',
    summary: '批量公示行政许可决定',
    description:
      'Up to 1,000 decisions in one transaction: all are published or none. Every bad item is named by its pointer (/items/17/party/name); a 文书号 already used is a 409 naming the items. Send an Idempotency-Key: a retry returns the first answer.',
    tag,
    auth: true,
    body: LicenceBatch,
    problems: [409, 422],
    responses: { 201: { description: 'All published: one receipt per item, in request order.', schema: BatchReceipt } },
    handler: async ({ db, principal, now, config, body }) => {
      const rows = await createLicences(db, principal, now(), resultRules(config), body.items, (i) => `/items/${i}`);
      return { status: 201 as const, body: { items: rows.map((row) => receiptOf('/v1/licences', row)) } };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/v1/licences/{id}/corrections',
    operationId: 'correctLicence',
    summary: '更正行政许可决定',
    description:
      'A merge patch (changes) with a public reason, against the version named by If-Match, by the licensing agency. Published as a new version; the revisions show the reason. ID numbers not resent are kept (masked) as stored.',
    tag,
    auth: true,
    params: IdParams,
    body: LicenceCorrection,
    ifMatch: true,
    problems: [404, 409, 422],
    responses: { 200: one },
    handler: async ({ db, principal, now, config, params, ifMatch, body }) => {
      const row = await correctLicence(db, principal, now(), resultRules(config), params.id, ifMatch, body);
      return { status: 200 as const, body: toLicence(row), etag: versionEtag(row.version) };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/v1/licences/{id}/withdrawal',
    operationId: 'withdrawLicence',
    summary: '撤回行政许可决定信息',
    description:
      'After the decision is 变更/撤销/确认违法/确认无效, the licensing agency withdraws it with a reason category and public explanation. The record becomes a notice (no content; earlier versions redacted in revisions and the feed); the 3-working-day deadline from eventDate is tracked.',
    tag,
    auth: true,
    params: IdParams,
    body: WithdrawalCreate,
    ifMatch: true,
    problems: [404, 409, 422],
    responses: { 200: one },
    handler: async ({ db, principal, now, config, params, ifMatch, body }) => {
      const row = await withdrawLicence(db, principal, now(), resultRules(config), params.id, ifMatch, body);
      return { status: 200 as const, body: toLicence(row), etag: versionEtag(row.version) };
    },
  }),
  ...revisionRoutes({ type: 'licence', collection: '/v1/licences', tag, label: '行政许可决定', exists: getLicenceRow }),
];
