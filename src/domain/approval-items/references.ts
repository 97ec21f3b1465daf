/**
 * A licence decision naming the 行政许可事项 it decides (谁审批谁公示): the item must exist, belong to the licence's
 * deciding agency, and be in force. Checked for a whole batch in one query.
 */
import { inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { approvalItems } from '../../db/schema.js';
import type { FieldError } from '../../errors.js';

export interface ItemReference {
  /** The item named, if any. */
  approvalItemId: string | undefined;
  /** The licence's deciding agency. */
  agencyId: string;
  /** Where the licence sits in the request (`/items/3`, `/changes`, or '' for a single one). */
  at: string;
  /** The item the licence already names (a correction): it stays acceptable after the item is cancelled. */
  kept?: string | null | undefined;
}

export async function checkItemReferences(tx: Db, references: ItemReference[], errors: FieldError[]): Promise<void> {
  const ids = [...new Set(references.flatMap((r) => (r.approvalItemId ? [r.approvalItemId] : [])))];
  if (ids.length === 0) return;
  const rows = await tx.select({ id: approvalItems.id, agencyId: approvalItems.agencyId, status: approvalItems.status }).from(approvalItems).where(inArray(approvalItems.id, ids));
  const byId = new Map(rows.map((r) => [r.id, r]));
  for (const ref of references) {
    if (!ref.approvalItemId) continue;
    const item = byId.get(ref.approvalItemId);
    const detail = !item
      ? 'No approval item has this id.'
      : item.agencyId !== ref.agencyId
        ? "This approval item belongs to another agency: a licence names an item of its own licensing agency's list (谁审批谁公示)."
        : item.status !== 'active' && ref.approvalItemId !== ref.kept
          ? 'This approval item is cancelled: a licence names an item in force.'
          : null;
    if (detail) errors.push({ in: 'body', pointer: `${ref.at}/approvalItemId`, detail });
  }
}
