import { type AnyRoute, defineRoute } from '../registry.js';
import { IdParams, Page } from '../schemas/common.js';
import { CreditRepairCreate, PenaltyBatch, PenaltyCorrection, PenaltyCreate, PenaltyListQuery, PenaltyOrNotice } from '../schemas/penalties.js';
import { penaltyCreation } from '../domain/penalties/create.js';
import { penaltyCorrection } from '../domain/penalties/correct.js';
import { expireIfDue, penaltyWithdrawal } from '../domain/penalties/lifecycle.js';
import { listPenalties } from '../domain/penalties/list.js';
import { penaltyKind, toPenalty } from '../domain/penalties/present.js';
import { repairPenalty } from '../domain/penalties/repair.js';
import { versionEtag } from '../domain/versioning.js';
import { decisionRoutes } from './decision-routes.js';
import { etagHeaderSpec } from './links.js';

const tag = 'penalties';

const creditRepair = defineRoute({
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
  ifMatch: 'version',
  problems: [404, 409, 422],
  responses: { 200: { description: 'The decision (or, once no longer displayed, its notice).', schema: PenaltyOrNotice, headers: etagHeaderSpec } },
  handler: async ({ db, principal, now, params, ifMatch, body }) => {
    const row = await repairPenalty(db, principal, now(), params.id, ifMatch, body);
    return { status: 200 as const, body: toPenalty(row), etag: versionEtag(row.version) };
  },
});

export const penaltyRoutes: AnyRoute[] = decisionRoutes({
  collection: '/v1/penalties',
  tag,
  label: '行政处罚决定',
  schemas: {
    listQuery: PenaltyListQuery,
    page: Page(PenaltyOrNotice, 'PenaltyPage', '行政处罚决定列表'),
    one: PenaltyOrNotice,
    create: PenaltyCreate,
    batch: PenaltyBatch,
    correction: PenaltyCorrection,
  },
  describe: { one: 'The decision (or, once no longer displayed, its notice).', page: 'A page of decisions.', location: 'URL of the decision.' },
  words: {
    list: {
      operationId: 'listPenalties',
      summary: '行政处罚决定列表',
      description:
        'Decisions on display (status=published, default): filtered by agency, region, party (credit code or part of the name), decision number, decision date range, 处罚类别, tag, campaign, joint reference and lateness; with q, ranked Chinese search. A decision leaves this list the day after its 公示截止期. Other statuses list the notices of withdrawn, expired or repaired decisions. Keyset-paginated; a cursor is valid only with the filters that issued it.',
    },
    get: {
      operationId: 'getPenalty',
      summary: '行政处罚决定详情',
      description: 'The decision in the national field order. Withdrawn, expired and repaired decisions answer with their notice: status, reason and date, no content.',
    },
    create: {
      operationId: 'createPenalty',
      summary: '公示行政处罚决定',
      description:
        "A `publish`-scoped key publishes a decision of its own agency (谁执法谁公示); the server fills 处罚机关 and 数据来源单位. ID numbers are masked before storage; a minor party is refused. The deadline (7 working days) and lateness are computed on the official calendar. 409 when this agency already used the 决定书文号.",
    },
    batch: {
      operationId: 'createPenaltyBatch',
      summary: '批量公示行政处罚决定',
      description:
        'Up to 1,000 decisions in one transaction: all are published or none. Every bad item is named by its pointer (/items/17/party/name); a decision number already used is a 409 naming the items. Send an Idempotency-Key: a retry returns the first answer.',
    },
    correct: {
      operationId: 'correctPenalty',
      summary: '更正行政处罚决定',
      description:
        'A merge patch (changes) with a public reason, against the version named by If-Match, by the deciding agency. Published as a new version; the revisions show the reason. ID numbers not resent are kept (masked) as stored.',
    },
    withdraw: {
      operationId: 'withdrawPenalty',
      summary: '撤回行政处罚决定信息',
      description:
        '行政处罚法 art. 48 ¶2: after the decision is 变更/撤销/确认违法/确认无效, the deciding agency withdraws it with a reason category and public explanation. The record becomes a notice (no content; earlier versions redacted); the 3-working-day deadline from eventDate is tracked.',
    },
  },
  domain: {
    kind: penaltyKind,
    list: listPenalties,
    current: expireIfDue,
    create: penaltyCreation,
    correct: penaltyCorrection,
    withdraw: penaltyWithdrawal,
    numberOf: (row) => row.decisionNumber,
  },
  extra: [creditRepair],
});
