/**
 * 行政许可事项 as a versioned record (src/domain/versioned-record.ts): only the approving agency's key (or the
 * operator) publishes or changes an agency's items (谁审批谁公示); each change is a new version with its
 * revision and feed event. Cited articles must exist and are indexed like every other citing record.
 */
import { and, arrayContains, eq, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { approvalItems } from '../../db/schema.js';
import { problems } from '../../errors.js';
import { searchText } from '../../lib/segment.js';
import { nameOf } from '../../codes/code-list.js';
import { LICENCE_CATEGORIES } from '../../codes/licence-categories.js';
import { ApprovalItemCreate, type ApprovalItem, type ApprovalItemListQuery } from '../../schemas/approval-items.js';
import type { Citation } from '../../schemas/citations.js';
import { publishCiting } from '../citation-lists.js';
import { checkCitations, indexCitations } from '../citations.js';
import type { Principal } from '../principal.js';
import { listRecords } from '../record-list.js';
import { withRecordMeta } from '../records.js';
import { agencyOwner, createRecord, type VersionedResource } from '../versioned-record.js';

export type ApprovalItemRow = typeof approvalItems.$inferSelect;

function toItem(row: ApprovalItemRow, citations: Citation[]): ApprovalItem {
  return withRecordMeta(row, {
    status: row.status as ApprovalItem['status'],
    agencyId: row.agencyId,
    code: row.code,
    name: row.name,
    category: row.category,
    categoryName: nameOf(LICENCE_CATEGORIES, row.category),
    categoryDetail: row.categoryDetail,
    citations,
    basisText: row.basisText,
    conditions: row.conditions,
    materials: row.materials,
    steps: row.steps,
    statutoryDays: row.statutoryDays,
    promisedDays: row.promisedDays,
    fees: row.fees,
    free: row.fees.length === 0,
    channels: row.channels,
    onlineUrl: row.onlineUrl,
    negativeListMeasures: row.negativeListMeasures,
  });
}

/** A promise beyond the statutory limit promises nothing: 422 naming /promisedDays. */
function checkDays(input: ApprovalItemCreate): void {
  if (input.promisedDays !== undefined && input.promisedDays > input.statutoryDays) {
    throw problems.unprocessable([
      { in: 'body', pointer: '/promisedDays', detail: `承诺办结时限 (${input.promisedDays}) exceeds the 法定办结时限 (${input.statutoryDays} working days).` },
    ]);
  }
}

/** The checks of one item against the rules and other records, before anything is written (422). */
export async function checkApprovalItem(tx: Db, input: ApprovalItemCreate): Promise<void> {
  checkDays(input);
  await checkCitations(tx, input.citations ?? []);
}

export const approvalItem: VersionedResource<typeof approvalItems, ApprovalItemRow, ApprovalItemCreate, ApprovalItem> = {
  type: 'approval_item',
  name: 'Approval item',
  table: approvalItems,
  schema: ApprovalItemCreate,
  columns: (input) => {
    const materials = input.materials ?? [];
    return {
      code: input.code ?? null,
      name: input.name,
      category: input.category,
      categoryDetail: input.categoryDetail ?? null,
      citations: input.citations ?? [],
      basisText: input.basisText ?? null,
      conditions: input.conditions,
      materials,
      steps: input.steps ?? [],
      statutoryDays: input.statutoryDays,
      promisedDays: input.promisedDays ?? null,
      fees: input.fees ?? [],
      channels: input.channels,
      onlineUrl: input.onlineUrl ?? null,
      negativeListMeasures: input.negativeListMeasures ?? [],
      status: input.status ?? 'active',
      searchText: searchText(input.name, input.code, input.basisText, input.conditions, ...materials.map((m) => m.name)),
    };
  },
  publish: publishCiting(toItem),
  // A patch applies to the citations as given, not as described with today's validity.
  editable: (_db, row, published) => ({ ...published, citations: row.citations }),
  readOnly: ['agencyId', 'free', 'categoryName'],
  ownerOf: (row) => row.agencyId,
  check: (tx, input) => checkApprovalItem(tx, input),
  children: { write: (tx, row) => indexCitations(tx, 'approval_item', row.id, row.citations) },
  conflict: () =>
    problems.conflict('This agency already has an active approval item with this 事项编码.', [
      { in: 'body', pointer: '/code', detail: 'Already used by another active item of this agency.' },
    ]),
};

export const createApprovalItem = (db: Db, principal: Principal, now: Date, input: ApprovalItemCreate) =>
  createRecord(db, approvalItem, principal, now, input, agencyOwner(principal, input.agencyId));

export function listApprovalItems(db: Db, query: ApprovalItemListQuery) {
  const t = approvalItems;
  const where: (SQL | undefined)[] = [
    query.agencyId ? eq(t.agencyId, query.agencyId) : undefined,
    query.category ? eq(t.category, query.category) : undefined,
    query.channel ? arrayContains(t.channels, [query.channel]) : undefined,
    // jsonb containment, served by the jsonb_path_ops index.
    query.negativeListItem ? sql`${t.negativeListMeasures} @> ${JSON.stringify([{ itemCode: query.negativeListItem }])}::jsonb` : undefined,
    query.status ? eq(t.status, query.status) : undefined,
  ];
  return listRecords(db, t, query, [and(...where)], { vector: t.searchVector, raw: [t.name, t.code] });
}
