/**
 * The boundary between a validated party (raw ID numbers) and storage (DESIGN.md property 5): refuse a
 * minor, then mask. Pure: no database, no clock. The importer and the batch endpoint call it per item with
 * their own pointer prefix (e.g. '/items/17/party').
 */
import { problems, type FieldError } from '../errors.js';
import { birthDateOf, isMinorOn, normalizeResidentId, residentIdMessages, residentIdProblem } from '../lib/resident-id.js';
import { maskId, type MaskingRule } from '../lib/masking.js';
import { RESIDENT_ID_TYPE, type PenaltyParty } from '../schemas/penalty-party.js';

declare const maskedBrand: unique symbol;
/** A 证件号码 after maskId; storage functions take this type, so a raw number does not type-check. */
export type MaskedIdNumber = string & { readonly [maskedBrand]: true };

/** The party as it may be stored: ID numbers masked, absent slots null (PenaltyPartyPublic's shape). */
export type StoredPenaltyParty = {
  [K in Exclude<keyof PenaltyParty, 'idNumber' | 'legalRepresentativeIdNumber'>]-?: Exclude<PenaltyParty[K], undefined> | null;
} & { idNumber: MaskedIdNumber | null; legalRepresentativeIdNumber: MaskedIdNumber | null };

const mask = (value: string | undefined, type: string | undefined, rule: MaskingRule): MaskedIdNumber | null => {
  if (value === undefined) return null;
  // Mask the normalized form (trailing x -> X) so one person always yields the same stored string.
  return maskId(type === RESIDENT_ID_TYPE ? normalizeResidentId(value) : value, rule) as MaskedIdNumber;
};

/**
 * Refuses (422) a natural person who was under 18 (周岁) on the decision date: local 公示制度 do not
 * publish minors (DOMAIN.md §1.4), and the age is derivable only from a 身份证 number, only before
 * masking. Other document types carry no birth date, so they cannot be refused here. Then masks both
 * ID numbers with `rule`. Errors never echo the number.
 */
export function preparePartyForStorage(party: PenaltyParty, rule: MaskingRule, decisionDate: string, at = '/party'): StoredPenaltyParty {
  const errors: FieldError[] = [];
  const pointer = `${at}/idNumber`;
  if (party.idType === RESIDENT_ID_TYPE && party.idNumber !== undefined) {
    const problem = residentIdProblem(party.idNumber);
    const birth = birthDateOf(party.idNumber);
    if (problem) errors.push({ in: 'body', pointer, detail: residentIdMessages[problem] });
    else if (birth! > decisionDate) errors.push({ in: 'body', pointer, detail: 'The birth date in 证件号码 is after 处罚决定日期.' });
    else if (isMinorOn(party.idNumber, decisionDate)) {
      errors.push({
        in: 'body',
        pointer,
        detail: 'The party was a minor (under 18) on 处罚决定日期: decisions against minors are not published.',
      });
    }
  }
  if (errors.length) throw problems.unprocessable(errors);

  return {
    name: party.name,
    category: party.category,
    creditCode: party.creditCode ?? null,
    registrationNumber: party.registrationNumber ?? null,
    orgCode: party.orgCode ?? null,
    taxNumber: party.taxNumber ?? null,
    institutionCertificate: party.institutionCertificate ?? null,
    socialOrgCertificate: party.socialOrgCertificate ?? null,
    legalRepresentative: party.legalRepresentative ?? null,
    legalRepresentativeIdType: party.legalRepresentativeIdType ?? null,
    legalRepresentativeIdNumber: mask(party.legalRepresentativeIdNumber, party.legalRepresentativeIdType, rule),
    idType: party.idType ?? null,
    idNumber: mask(party.idNumber, party.idType, rule),
  };
}
