import type { AnyRoute } from '../registry.js';
import { LicenceBatch, LicenceCorrection, LicenceCreate, LicenceListQuery, LicenceOrNotice, LicencePage } from '../schemas/licences.js';
import { licenceCreation } from '../domain/licences/create.js';
import { licenceCorrection } from '../domain/licences/correct.js';
import { licenceWithdrawal } from '../domain/licences/lifecycle.js';
import { listLicences } from '../domain/licences/list.js';
import { licenceKind } from '../domain/licences/present.js';
import { decisionRoutes } from './decision-routes.js';

export const licenceRoutes: AnyRoute[] = decisionRoutes({
  collection: '/v1/licences',
  tag: 'licences',
  label: '行政许可决定',
  schemas: { listQuery: LicenceListQuery, page: LicencePage, one: LicenceOrNotice, create: LicenceCreate, batch: LicenceBatch, correction: LicenceCorrection },
  describe: { one: 'The decision (or, once withdrawn, its notice).', page: 'A page of decisions.', location: 'URL of the decision.' },
  words: {
    list: {
      operationId: 'listLicences',
      summary: '行政许可决定列表',
      description:
        'Decisions on display (status=published, default): filtered by agency, region, party (credit code or part of the name), 文书号, decision date range, 许可类别, 当前状态, tag, campaign, joint reference and lateness; with q, ranked Chinese search. status=withdrawn lists the notices of withdrawn decisions. Keyset-paginated; a cursor is valid only with the filters that issued it.',
    },
    get: {
      operationId: 'getLicence',
      summary: '行政许可决定详情',
      description: 'The decision in the national 双公示 行政许可 field order (fields 1–28). A withdrawn decision answers with its notice: status, reason and date, no content.',
    },
    create: {
      operationId: 'createLicence',
      summary: '公示行政许可决定',
      description:
        "A `publish`-scoped key publishes a decision of its own agency (谁审批谁公示); the server fills 许可机关 and 数据来源单位. ID numbers are masked before storage; a minor party is refused. 当前状态 defaults to valid. The deadline (7 working days) and lateness are computed on the official calendar. 409 when this agency already used the 文书号.",
    },
    batch: {
      operationId: 'createLicenceBatch',
      summary: '批量公示行政许可决定',
      description:
        'Up to 1,000 decisions in one transaction: all are published or none. Every bad item is named by its pointer (/items/17/party/name); a 文书号 already used is a 409 naming the items. Send an Idempotency-Key: a retry returns the first answer.',
    },
    correct: {
      operationId: 'correctLicence',
      summary: '更正行政许可决定',
      description:
        'A merge patch (changes) with a public reason, against the version named by If-Match, by the licensing agency. Published as a new version; the revisions show the reason. ID numbers not resent are kept (masked) as stored.',
    },
    withdraw: {
      operationId: 'withdrawLicence',
      summary: '撤回行政许可决定信息',
      description:
        'After the decision is 变更/撤销/确认违法/确认无效, the licensing agency withdraws it with a reason category and public explanation. The record becomes a notice (no content; earlier versions redacted in revisions and the feed); the 3-working-day deadline from eventDate is tracked.',
    },
  },
  domain: {
    kind: licenceKind,
    list: listLicences,
    create: licenceCreation,
    correct: licenceCorrection,
    withdraw: licenceWithdrawal,
    numberOf: (row) => row.decisionNumber,
  },
});
