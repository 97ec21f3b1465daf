import type { AnyRoute } from '../registry.js';
import {
  EnforcementActionBatch,
  EnforcementActionCorrection,
  EnforcementActionCreate,
  EnforcementActionListQuery,
  EnforcementActionOrNotice,
  EnforcementActionPage,
} from '../schemas/enforcement-actions.js';
import { actionCorrection } from '../domain/enforcement-actions/correct.js';
import { actionCreation } from '../domain/enforcement-actions/create.js';
import { actionWithdrawal } from '../domain/enforcement-actions/lifecycle.js';
import { listActions } from '../domain/enforcement-actions/list.js';
import { actionKind } from '../domain/enforcement-actions/present.js';
import { decisionRoutes } from './decision-routes.js';

export const enforcementActionRoutes: AnyRoute[] = decisionRoutes({
  collection: '/v1/enforcement-actions',
  tag: 'enforcement-actions',
  label: '执法决定信息',
  schemas: {
    listQuery: EnforcementActionListQuery,
    page: EnforcementActionPage,
    one: EnforcementActionOrNotice,
    create: EnforcementActionCreate,
    batch: EnforcementActionBatch,
    correction: EnforcementActionCorrection,
  },
  describe: { one: 'The action (or, once withdrawn, its notice).', page: 'A page of actions.', location: 'URL of the action.' },
  words: {
    list: {
      operationId: 'listEnforcementActions',
      summary: '执法决定信息列表',
      description:
        'Actions on display (status=published, default): filtered by agency, region, 执法类别, target (credit code or part of the name), action date range (decidedFrom/decidedTo), tag, campaign, joint reference and lateness; with q, ranked Chinese search. status=withdrawn lists the notices of withdrawn actions. Keyset-paginated; a cursor is valid only with the filters that issued it.',
    },
    get: {
      operationId: 'getEnforcementAction',
      summary: '执法决定信息详情',
      description: 'A withdrawn action answers with its notice: status, reason and date, no content.',
    },
    create: {
      operationId: 'createEnforcementAction',
      summary: '公示执法决定信息',
      description:
        "执法机关、执法对象、执法类别、执法结论 of a 行政检查, 行政强制 or other action (not 行政许可/行政处罚). A `publish`-scoped key publishes for its own agency (谁执法谁公示); the server fills the agency fields. The target is published by name, never with an ID number. Due 20 working days after actionDate on the official calendar. 409 when this agency already used the 执法文书号.",
    },
    batch: {
      operationId: 'createEnforcementActionBatch',
      summary: '批量公示执法决定信息',
      description:
        'Up to 1,000 actions in one transaction: all are published or none. Every bad item is named by its pointer (/items/17/target/name); an 执法文书号 already used is a 409 naming the items. Each receipt names the 执法文书号 (decisionNumber, null when the action has none). Send an Idempotency-Key: a retry returns the first answer.',
    },
    correct: {
      operationId: 'correctEnforcementAction',
      summary: '更正执法决定信息',
      description: 'A merge patch (changes) with a public reason, against the version named by If-Match, by the acting agency. Published as a new version; the revisions show the reason.',
    },
    withdraw: {
      operationId: 'withdrawEnforcementAction',
      summary: '撤回执法决定信息',
      description:
        'After the action is 变更/撤销/确认违法/确认无效, the acting agency withdraws it with a reason category and public explanation. The record becomes a notice (no content; earlier versions redacted); the 3-working-day deadline from eventDate is tracked.',
    },
  },
  domain: {
    kind: actionKind,
    list: listActions,
    create: actionCreation,
    correct: actionCorrection,
    withdraw: actionWithdrawal,
    numberOf: (row) => row.documentNumber,
  },
});
