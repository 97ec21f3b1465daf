/**
 * The boundary between a validated party (raw identifiers) and storage: refuse a minor, then mask. Pure: no
 * database, no clock. The importer and the batch endpoint call it per item with their own pointer prefix
 * (e.g. '/items/17/party').
 *
 * Identity slots are the two 证件号码 and the identifier codes that often carry a person's number (a
 * 个体工商户's 税务登记号 is usually the operator's 身份证 number). Whatever the slot and its 证件类型 (a 身份证
 * number sent as 护照 or "其他-…" is still one), a 身份证 number found there is used for the age check and
 * masked exactly as a 身份证 in 证件号码 is.
 */
import { problems, type FieldError } from '../errors.js';
import { maskId, type MaskingRule } from '../lib/masking.js';
import { findPersonalData, maskResidentIdsIn } from '../lib/personal-data-scan.js';
import { ageOn, AGE_OF_MAJORITY, birthDateOf, normalizeResidentId, residentIdMessages, residentIdProblem } from '../lib/resident-id.js';
import { RESIDENT_ID_TYPE, type PenaltyParty } from '../schemas/penalty-party.js';

declare const maskedBrand: unique symbol;
/** An identity slot after masking; storage functions take this type, so a raw number does not type-check. */
export type MaskedIdNumber = string & { readonly [maskedBrand]: true };

/** 证件号码 slots: the whole value is masked, whatever the document. */
const DOCUMENT_SLOTS = ['idNumber', 'legalRepresentativeIdNumber'] as const;
/** Code slots: published as given, but a 身份证 number inside is masked in place. */
const CODE_SLOTS = ['taxNumber', 'institutionCertificate', 'socialOrgCertificate'] as const;
export type DocumentSlot = (typeof DOCUMENT_SLOTS)[number];
export type IdentitySlot = DocumentSlot | (typeof CODE_SLOTS)[number];
export const IDENTITY_SLOTS: readonly IdentitySlot[] = [...DOCUMENT_SLOTS, ...CODE_SLOTS];

/** The party as it may be stored: identity slots masked, absent optional slots null (PenaltyPartyPublic's shape). */
export type StoredPenaltyParty = {
  [K in Exclude<keyof PenaltyParty, IdentitySlot>]-?: undefined extends PenaltyParty[K] ? Exclude<PenaltyParty[K], undefined> | null : PenaltyParty[K];
} & { [K in IdentitySlot]: MaskedIdNumber | null };

/** The 身份证 number a slot holds as its whole value (separators aside), if it is nothing but that. */
function soleResidentId(value: string, ids: string[]): string | null {
  const digits = value.normalize('NFKC').replace(/[^0-9Xx]/g, '').toUpperCase();
  return ids.length === 1 && digits === ids[0] ? ids[0] : null;
}

function maskSlot(slot: IdentitySlot, value: string | undefined, ids: string[], party: PenaltyParty, rule: MaskingRule): MaskedIdNumber | null {
  if (value === undefined) return null;
  if (slot === 'idNumber' || slot === 'legalRepresentativeIdNumber') {
    // The normalized form (trailing x -> X) so one person always yields the same stored string.
    const type = slot === 'idNumber' ? party.idType : party.legalRepresentativeIdType;
    const whole = type === RESIDENT_ID_TYPE ? normalizeResidentId(value) : (soleResidentId(value, ids) ?? maskResidentIdsIn(value, rule));
    return maskId(whole, rule) as MaskedIdNumber;
  }
  // Not an ID-number slot: the code stays readable; only a person's number inside it is hidden.
  return maskResidentIdsIn(value, rule) as MaskedIdNumber;
}

/** Why the 身份证 numbers of one slot stop the decision from being published on `decisionDate`, if they do. */
function ageProblem(ids: string[], decisionDate: string): string | null {
  for (const id of ids) {
    if (birthDateOf(id)! > decisionDate) return 'The birth date in this 身份证 number is after the decision date.';
    if (ageOn(id, decisionDate) < AGE_OF_MAJORITY) {
      return 'This 身份证 number is of a minor (under 18) on the decision date: decisions about minors are not published.';
    }
  }
  return null;
}

/**
 * Refuses (422) a decision whose party, legal representative or 个体工商户 operator was under 18 (周岁) on the
 * decision date, by any 身份证 number in any identity slot: local 公示制度 do not publish minors (未成年人保护法
 * art. 103; docs/personal-data.md#minors), and the age is known only before masking. A 证件类型 01 number must
 * also be a valid 身份证 number. Then masks every identity slot with `rule`. Errors never echo the number.
 */
export function preparePartyForStorage(party: PenaltyParty, rule: MaskingRule, decisionDate: string, at = '/party'): StoredPenaltyParty {
  const errors: FieldError[] = [];
  const found = {} as Record<IdentitySlot, string[]>;
  for (const slot of IDENTITY_SLOTS) {
    const value = party[slot];
    found[slot] = value === undefined ? [] : findPersonalData(value).residentIds.map((r) => r.id);
    const typed = slot === 'idNumber' ? party.idType : slot === 'legalRepresentativeIdNumber' ? party.legalRepresentativeIdType : undefined;
    const invalid = typed === RESIDENT_ID_TYPE && value !== undefined ? residentIdProblem(value) : null;
    const problem = invalid ? residentIdMessages[invalid] : ageProblem(found[slot], decisionDate);
    if (problem) errors.push({ in: 'body', pointer: `${at}/${slot}`, detail: problem });
  }
  if (errors.length) throw problems.unprocessable(errors);

  const masked = Object.fromEntries(IDENTITY_SLOTS.map((slot) => [slot, maskSlot(slot, party[slot], found[slot], party, rule)])) as Record<IdentitySlot, MaskedIdNumber | null>;
  return {
    name: party.name,
    category: party.category,
    creditCode: party.creditCode ?? null,
    registrationNumber: party.registrationNumber ?? null,
    orgCode: party.orgCode ?? null,
    legalRepresentative: party.legalRepresentative ?? null,
    legalRepresentativeIdType: party.legalRepresentativeIdType ?? null,
    idType: party.idType ?? null,
    ...masked,
  };
}
