/**
 * Pieces every correction (更正) shares: the stored decision in request shape (so a merge patch applies to
 * what the agency once sent), the merge that keeps masked ID numbers, the number check and the write.
 */
import { and, eq, ne } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.js';
import type { FieldError } from '../../errors.js';
import { completeResidentId } from '../../lib/resident-id.js';
import type { Citation } from '../../schemas/citations.js';
import type { PenaltyParty } from '../../schemas/penalty-party.js';
import { RESIDENT_ID_TYPE } from '../../schemas/penalty-party.js';
import { IDENTITY_SLOTS, preparePartyForStorage, type DocumentSlot, type IdentitySlot, type StoredPenaltyParty } from '../penalty-party.js';
import type { Principal } from '../principal.js';
import { appendChanges } from '../records.js';
import { mergePatch, sameContent } from '../versioning.js';
import { collect, existingCampaigns, loadAgencies, resolveExtras, type ExtrasInput } from './decision-parts.js';
import type { DecisionKind, DecisionTable } from './kind.js';
import type { DecisionRules } from './rules.js';
import { publicationTimeliness } from './timeliness.js';

export const defined = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null && v !== undefined));

type Row = DecisionTable['$inferSelect'];

/** The request fields every kind shares (decisionExtras), as stored. */
export function storedExtras(row: Row): Record<string, unknown> {
  const joint = row.joint as { reference: string; agencies: { id: string }[] } | null;
  return {
    citations: (row.citations as Citation[]).map((c) => defined({ legalBasisId: c.legalBasisId, articleNo: c.articleNo, paragraph: c.paragraph, item: c.item })),
    remarks: row.remarks,
    tags: row.tags,
    joint: joint ? { reference: joint.reference, agencyIds: joint.agencies.map((a) => a.id) } : null,
    campaignId: row.campaignId,
    claimedPublishedAt: row.claimedPublishedAt?.toISOString() ?? null,
  };
}

const DOCUMENT_TYPE: Record<DocumentSlot, 'idType' | 'legalRepresentativeIdType'> = { idNumber: 'idType', legalRepresentativeIdNumber: 'legalRepresentativeIdType' };
const isDocumentSlot = (slot: IdentitySlot): slot is DocumentSlot => slot in DOCUMENT_TYPE;
// Any valid adult 身份证 number: stands in for a kept masked one so the merged party passes its checks.
const STAND_IN = completeResidentId('11010519800101001');

/**
 * The merge patch over a decision with a party (penalties, licences). Identity slots are stored only masked:
 * one the patch does not touch is kept as stored (a 证件号码's type must then stay too; a stand-in lets the
 * merged party pass its checks); a new one arrives raw and is checked and masked by storeParty. A kept value
 * that may have been a 身份证 number (a masked 证件号码 of its 18 characters, a code slot with a masked number
 * in it) must be sent again when the decision date moves: the age on the new date is checked from it.
 */
export function mergeKeepingMaskedIds(row: Row & { party: unknown }, current: Record<string, unknown>, changes: Record<string, unknown>, dateLabel: string, errors: FieldError[], mask: string) {
  const stored = row.party as StoredPenaltyParty;
  const merged = mergePatch(current, changes);
  const party = (merged.party ?? {}) as Record<string, unknown>;
  const patched = (changes.party ?? {}) as Partial<Record<IdentitySlot, unknown>>;
  const kept: Partial<Record<IdentitySlot, string>> = {};
  for (const slot of IDENTITY_SLOTS) {
    const value = stored[slot];
    if (patched[slot] !== undefined || value === null || party[slot] === undefined) continue;
    const document = isDocumentSlot(slot);
    if (!document && !value.includes(mask)) continue; // an ordinary code, re-checked as it is
    if (document && party[DOCUMENT_TYPE[slot]] !== stored[DOCUMENT_TYPE[slot]]) {
      errors.push({ in: 'body', pointer: `/changes/party/${slot}`, detail: 'Send the 证件号码 again when its 证件类型 changes.' });
    } else if ((!document || Array.from(value).length === 18) && merged.decisionDate !== row.decisionDate) {
      errors.push({ in: 'body', pointer: `/changes/party/${slot}`, detail: `Send this number again when ${dateLabel} changes: the party's age on that date is checked from it.` });
    }
    kept[slot] = value;
    party[slot] = document && party[DOCUMENT_TYPE[slot]] !== RESIDENT_ID_TYPE ? value : STAND_IN;
  }
  return { merged, kept };
}

/** The corrected party as stored: new identity values checked and masked, kept ones as they were. */
export async function storeParty(party: PenaltyParty, kept: Partial<Record<IdentitySlot, string>>, rules: DecisionRules, decisionDate: string, errors: FieldError[]) {
  const fresh = { ...party };
  for (const slot of Object.keys(kept) as IdentitySlot[]) delete fresh[slot];
  let stored: StoredPenaltyParty | undefined;
  await collect(errors, () => (stored = preparePartyForStorage(fresh, rules.masking, decisionDate, '/changes/party')));
  return stored && ({ ...stored, ...kept } as StoredPenaltyParty);
}

export const claimedChangeRefused = (next: { claimedPublishedAt?: string | undefined }, row: Row, principal: Principal): FieldError | null =>
  next.claimedPublishedAt !== (row.claimedPublishedAt?.toISOString() ?? undefined) && principal.kind !== 'admin'
    ? { in: 'body', pointer: '/changes/claimedPublishedAt', detail: 'Only the operator may change a claimed publication date.' }
    : null;

/** Joint participants, campaign and citations of the corrected decision, checked as the operator would be. */
export async function correctedExtras(tx: Db, row: Row, next: ExtrasInput, date: string, errors: FieldError[]) {
  const known = {
    agencies: await loadAgencies(tx, [row.agencyId, ...(next.joint?.agencyIds ?? [])]),
    campaigns: await existingCampaigns(tx, next.campaignId ? [next.campaignId] : []),
  };
  return resolveExtras(tx, { kind: 'admin' }, next, row.agencyId, date, known, '/changes', errors);
}

/** The agency as first published: a correction does not rename it. */
export const agencyOf = (row: Row) => ({ id: row.agencyId, name: row.agencyName, creditCode: row.agencyCreditCode, regionCode: row.regionCode });

/** Columns a correction recomputes or keeps whatever the kind: data source as first published, timeliness from the new date. */
export function correctedPublication(row: Row, claimedPublishedAt: string | undefined, date: string, days: number, rules: DecisionRules) {
  const claimed = claimedPublishedAt ? new Date(claimedPublishedAt) : null;
  return {
    dataSource: row.dataSource,
    dataSourceCreditCode: row.dataSourceCreditCode,
    claimedPublishedAt: claimed,
    ...publicationTimeliness(date, days, row.publishedAt, claimed, rules.calendar),
  };
}

/** Whether another record of the same agency already uses this number. */
export async function numberTaken(tx: Db, table: DecisionTable, column: PgColumn, row: Row, value: string): Promise<boolean> {
  const [other] = await tx
    .select({ id: table.id })
    .from(table)
    .where(and(eq(table.agencyId, row.agencyId), eq(column, value), ne(table.id, row.id)));
  return other !== undefined;
}

/** Publishes the corrected values as a new version with its public reason; unchanged content is no version. */
export async function publishCorrection<T extends DecisionTable>(
  tx: Db,
  kind: DecisionKind<T>,
  principal: Principal,
  now: Date,
  row: T['$inferSelect'],
  values: Record<string, unknown>,
  reason: string,
): Promise<T['$inferSelect']> {
  if (sameContent(row, values)) return row;
  const t = kind.table as DecisionTable;
  const [updated] = await tx
    .update(t)
    .set({ ...values, version: row.version + 1, updatedAt: now })
    .where(eq(t.id, row.id))
    .returning();
  const next = updated as T['$inferSelect'];
  await appendChanges(tx, principal, now, [
    { type: kind.type, id: row.id, version: next.version, event: 'updated', agencyId: row.agencyId, data: kind.present(next), reason },
  ]);
  return next;
}
