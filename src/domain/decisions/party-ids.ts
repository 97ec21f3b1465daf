/**
 * The identity slots of a decision's party (penalties, licences) across writes: stored only masked, so a
 * correction keeps what it does not resend, and whatever is new is checked and masked before storage.
 */
import type { FieldError } from '../../errors.js';
import { completeResidentId } from '../../lib/resident-id.js';
import type { PenaltyParty } from '../../schemas/penalty-party.js';
import { RESIDENT_ID_TYPE } from '../../schemas/penalty-party.js';
import { IDENTITY_SLOTS, preparePartyForStorage, type DocumentSlot, type IdentitySlot, type MaskedIdNumber, type StoredPenaltyParty } from '../penalty-party.js';
import { mergePatch } from '../versioning.js';
import { collect } from './decision-parts.js';
import type { DecisionRules } from './rules.js';

/** Identity values a correction keeps as stored (masked), by slot. */
export type KeptIds = Partial<Record<IdentitySlot, MaskedIdNumber>>;

/** How a correction's merge patch applies to the stored record in request shape; errors are collected. */
export type Merge<R> = (
  row: R,
  current: Record<string, unknown>,
  changes: Record<string, unknown>,
  errors: FieldError[],
  mask: string,
) => { merged: Record<string, unknown>; kept: KeptIds };

const DOCUMENT_TYPE: Record<DocumentSlot, 'idType' | 'legalRepresentativeIdType'> = { idNumber: 'idType', legalRepresentativeIdNumber: 'legalRepresentativeIdType' };
const isDocumentSlot = (slot: IdentitySlot): slot is DocumentSlot => slot in DOCUMENT_TYPE;
// Any valid adult 身份证 number: stands in for a kept masked one so the merged party passes its checks.
const STAND_IN = completeResidentId('11010519800101001');

/**
 * The merge patch over a decision with a party (penalties, licences). Identity slots are stored only masked:
 * one the patch does not touch is kept as stored (a 证件号码's type must then stay too; a stand-in lets the
 * merged party pass its checks); a new one arrives raw and is checked and masked by storeParty. A kept value
 * that may have been a 身份证 number (a masked 证件号码 of its 18 characters, a code slot with a masked number
 * in it) must be sent again when the decision date (`dateLabel`) moves: the age on the new date is checked from it.
 */
export const keepingMaskedIds =
  (dateLabel: string): Merge<{ party: StoredPenaltyParty; decisionDate: string }> =>
  (row, current, changes, errors, mask) => {
    const stored = row.party;
    const merged = mergePatch(current, changes);
    // Request JSON not validated yet (the merged record is, after this): read by slot name only.
    const party = (merged.party ?? {}) as Record<string, unknown>;
    const patched = (changes.party ?? {}) as Partial<Record<IdentitySlot, unknown>>;
    const kept: KeptIds = {};
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
  };

/** The party as stored: new identity values checked and masked (errors under `at`), kept ones as they were. */
export async function storeParty(party: PenaltyParty, kept: KeptIds, rules: DecisionRules, decisionDate: string, at: string, errors: FieldError[]) {
  const fresh = { ...party };
  for (const slot of Object.keys(kept) as IdentitySlot[]) delete fresh[slot]; // Object.keys types its keys as string
  let stored: StoredPenaltyParty | undefined;
  await collect(errors, () => (stored = preparePartyForStorage(fresh, rules.masking, decisionDate, at)));
  return stored && { ...stored, ...kept };
}
