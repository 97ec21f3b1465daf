import { citingEtag } from '../domain/citation-lists.js';
import { countItemLicences, listItemLicences } from '../domain/approval-items/licences.js';
import { approvalItem, createApprovalItem, listApprovalItems } from '../domain/approval-items/items.js';
import { licenceKind } from '../domain/licences/present.js';
import { defineRoute, type AnyRoute } from '../registry.js';
import { ApprovalItem, ApprovalItemCountQuery, ApprovalItemCreate, ApprovalItemLicenceQuery, ApprovalItemListQuery, ApprovalItemPatch } from '../schemas/approval-items.js';
import { ApprovalItemLicenceCounts } from '../schemas/approval-item-licences.js';
import { IdParams } from '../schemas/common.js';
import { LicencePage } from '../schemas/licences.js';
import { etagHeaderSpec, linkHeaderSpec, nextLinkHeader } from './links.js';
import { recordRoutes } from './record-routes.js';

const collection = '/v1/approval-items';
const tag = 'approval-items';

/** 行政许可事项 (谁审批谁公示): the item list, and the decisions published under each item. */
export const approvalItemRoutes: AnyRoute[] = [
  ...recordRoutes({
    resource: approvalItem,
    collection,
    tag,
    label: '行政许可事项',
    singular: 'ApprovalItem',
    plural: 'ApprovalItems',
    record: ApprovalItem,
    create: ApprovalItemCreate,
    patch: ApprovalItemPatch,
    query: ApprovalItemListQuery,
    list: listApprovalItems,
    insert: createApprovalItem,
    etag: (row, item) => citingEtag(row.version, item.citations),
    describe: {
      list: '行政许可事项清单: filtered by approving agency, 许可类别, 办理渠道, the 市场准入负面清单 item implemented (negativeListItem, its 6-digit 事项编码) and status; with q, ranked Chinese search over name, code, basis, conditions and materials. Keyset-paginated.',
      create:
        'A `publish`-scoped key publishes an item of its own agency (谁审批谁公示; naming another agency is 403); the operator names the agency. 事项编码 is unique among the active items of the agency (409). Cited articles must exist, and 承诺办结时限 may not exceed 法定办结时限 (422). Negative-list measures are stored as given, by 事项编码.',
      patch: 'Dynamic adjustment (动态调整) of the list: cancelling an item sets status cancelled; the item, every earlier version and the decisions under it stay published.',
    },
    problems: [409],
  }),
  defineRoute({
    method: 'get',
    path: `${collection}/{id}/licences`,
    operationId: 'listApprovalItemLicences',
    summary: '行政许可事项下的许可决定',
    description:
      "The licence decisions the item's agency published naming the item (each with its timeliness), as /v1/licences lists them: on display by default, status=withdrawn for the notices of withdrawn ones; filtered by decision date and lateness. Keyset-paginated.",
    tag,
    params: IdParams,
    query: ApprovalItemLicenceQuery,
    problems: [404],
    responses: { 200: { description: 'A page of decisions.', schema: LicencePage, headers: { ...linkHeaderSpec, ...etagHeaderSpec } } },
    handler: async ({ db, params, query, url }) => {
      const { rows, next } = await listItemLicences(db, params.id, query);
      return { status: 200 as const, body: { items: rows.map(licenceKind.present), next }, headers: nextLinkHeader(url, next) };
    },
  }),
  defineRoute({
    method: 'get',
    path: `${collection}/{id}/licences/counts`,
    operationId: 'countApprovalItemLicences',
    summary: '行政许可事项决定统计',
    description:
      "How many licence decisions the item's agency published naming the item (optionally decided within a period): by status (on display, withdrawn) and 当前状态, published on time or late against the 7-working-day deadline with the mean working days late, and withdrawals on time or late — the counts of /v1/compliance, for one item.",
    tag,
    params: IdParams,
    query: ApprovalItemCountQuery,
    problems: [404],
    responses: { 200: { description: 'The counts.', schema: ApprovalItemLicenceCounts, headers: etagHeaderSpec } },
    handler: async ({ db, params, query }) => ({ status: 200 as const, body: await countItemLicences(db, params.id, query) }),
  }),
];
