/**
 * A 行政许可事项清单 file as a kind the streaming import loads (stream-import.ts): rows validated as POST
 * /v1/approval-items validates them (approval-item-row.ts); an item with a 事项编码 is listed once.
 */
import type { ApprovalItemCreate } from '../schemas/approval-items.js';
import { mapApprovalItemHeaders } from './approval-item-headers.js';
import { prepareApprovalItemRow } from './approval-item-row.js';
import type { RowKind } from './stream-import.js';

export const approvalItemRows: RowKind<ApprovalItemCreate> = {
  // An agency's list runs to hundreds of items at most; each is written with its own revision and citation index.
  defaultBatch: 500,
  mapHeaders: mapApprovalItemHeaders,
  prepare: prepareApprovalItemRow,
  identities: [{ field: 'code', label: '事项编码' }],
  once: 'an agency lists an approval item once.',
};
