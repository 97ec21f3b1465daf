/**
 * Many approval items of one agency in one transaction, all or nothing: what the list import writes per batch.
 * Each item is written exactly as POST /v1/approval-items writes one (version 1, revision, citation index,
 * `created` feed event). Every item failing a check is named under its pointer (422); an item whose
 * 事项编码 the agency already uses for an active item, or that an earlier item of the list repeats, refuses
 * the batch with a 409 naming every such item, so the caller can drop them and write the rest.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { approvalItems } from '../../db/schema.js';
import { problems, type FieldError } from '../../errors.js';
import type { ApprovalItemCreate } from '../../schemas/approval-items.js';
import { collect } from '../decisions/decision-parts.js';
import type { Principal } from '../principal.js';
import { agencyOwner, createRecord } from '../versioned-record.js';
import { approvalItem, checkApprovalItem } from './items.js';

const activeCode = (item: ApprovalItemCreate) => ((item.status ?? 'active') === 'active' ? item.code : undefined);

/** 409s: codes the agency's active items already have, or an earlier item of the list has. */
async function takenCodes(tx: Db, agencyId: string, items: ApprovalItemCreate[], at: (i: number) => string): Promise<FieldError[]> {
  const wanted = [...new Set(items.flatMap((i) => activeCode(i) ?? []))];
  if (wanted.length === 0) return [];
  const t = approvalItems;
  const rows = await tx.select({ code: t.code }).from(t).where(and(eq(t.agencyId, agencyId), eq(t.status, 'active'), inArray(t.code, wanted)));
  const listed = new Set(rows.map((r) => r.code));
  const seen = new Set<string>();
  return items.flatMap((item, i) => {
    const code = activeCode(item);
    if (code === undefined) return [];
    const detail = listed.has(code)
      ? 'The agency already lists an active approval item with this 事项编码: change that item instead.'
      : seen.has(code)
        ? 'An earlier item of this list has the same 事项编码.'
        : null;
    seen.add(code);
    return detail ? [{ in: 'body' as const, pointer: `${at(i)}/code`, detail }] : [];
  });
}

/** Writes the items for `agencyId`; returns how many. The operator, or the agency's own key, may do so. */
export async function createApprovalItems(db: Db, principal: Principal, now: Date, agencyId: string, items: ApprovalItemCreate[], at: (i: number) => string): Promise<number> {
  return db.transaction(async (tx) => {
    const fixed = await agencyOwner(principal, agencyId)(tx);
    const errors: FieldError[] = [];
    for (const [i, item] of items.entries()) {
      const own: FieldError[] = [];
      await collect(own, () => checkApprovalItem(tx, item));
      errors.push(...own.map((e) => ({ ...e, pointer: at(i) + e.pointer })));
    }
    if (errors.length) throw problems.unprocessable(errors);
    const taken = await takenCodes(tx, fixed.agencyId, items, at);
    if (taken.length) throw problems.conflict('This agency already lists some of these approval items.', taken);
    for (const item of items) await createRecord(tx, approvalItem, principal, now, item, async () => fixed);
    return items.length;
  });
}
