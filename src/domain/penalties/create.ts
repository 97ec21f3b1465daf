import type { Db } from '../../db/client.js';
import type { penalties } from '../../db/schema.js';
import type { FieldError } from '../../errors.js';
import { yuanToFen } from '../../lib/money.js';
import { searchText } from '../../lib/segment.js';
import type { PenaltyCreate } from '../../schemas/penalties.js';
import { preparePartyForStorage, type StoredPenaltyParty } from '../penalty-party.js';
import type { Principal } from '../principal.js';
import { createDecisions, sharedColumns, type CreateSpec } from '../decisions/create.js';
import { futureDate } from '../decisions/lifecycle.js';
import { collect, type AgencyIdentity, type ResolvedExtras } from '../decisions/decision-parts.js';
import type { DecisionRules } from '../decisions/rules.js';
import { PUBLICATION_DAYS } from '../decisions/timeliness.js';
import { penaltyKind, type PenaltyRow } from './present.js';
import { publicityOf, type StoredPublicity } from './publicity.js';

export const duplicateNumber = (pointer: string): FieldError => ({
  in: 'body',
  pointer,
  detail: 'This agency has already published a decision with this 行政处罚决定书文号.',
});

export const futureDecision = futureDate('处罚决定日期 is after today (Beijing time): a decision is published only once it is made.');

/** Every column of a penalty as stored, from validated input and the checks' results. */
export function penaltyValues(
  input: PenaltyCreate,
  agency: AgencyIdentity,
  party: StoredPenaltyParty,
  publicity: StoredPublicity,
  extras: ResolvedExtras,
) {
  return {
    ...sharedColumns(input, agency, extras),
    party,
    decisionNumber: input.decisionNumber,
    violationType: input.violationType,
    facts: input.facts,
    basis: input.basis,
    penaltyTypes: input.penaltyTypes,
    content: input.content,
    fineFen: input.fineAmount === undefined ? null : yuanToFen(input.fineAmount),
    confiscationFen: input.confiscationAmount === undefined ? null : yuanToFen(input.confiscationAmount),
    licenceRevoked: input.licenceRevoked ?? null,
    decisionDate: input.decisionDate,
    validUntil: input.validUntil,
    publicityEndDate: publicity.endDate,
    publicity,
    searchText: searchText(party.name, party.creditCode, input.decisionNumber, input.violationType, input.facts, input.content, agency.name),
  };
}

/** Everything create needs of a penalty beyond what all decisions share (src/domain/decisions/create.ts). */
const createSpec: CreateSpec<typeof penalties, PenaltyCreate, { party: StoredPenaltyParty; publicity: StoredPublicity }> = {
  kind: penaltyKind,
  numbers: {
    field: 'decisionNumber',
    duplicate: duplicateNumber,
    taken: 'A decision with this 行政处罚决定书文号 was already published by this agency.',
    raced: 'A decision with this 行政处罚决定书文号 was just published by this agency in a concurrent request.',
  },
  publicationDays: PUBLICATION_DAYS.penalty,
  dateOf: (item) => item.decisionDate,
  prepare: async (item, at, errors, { today, rules }) => {
    if (item.decisionDate > today) errors.push(futureDecision(`${at}/decisionDate`));
    let party: StoredPenaltyParty | undefined;
    await collect(errors, () => (party = preparePartyForStorage(item.party, rules.masking, item.decisionDate, `${at}/party`)));
    const publicity = publicityOf(item, rules, today, at, errors);
    return party && publicity ? { party, publicity } : undefined;
  },
  values: (item, agency, p, extras) => ({ ...penaltyValues(item, agency, p.party, p.publicity, extras), repair: null }),
  generated: (v) => ({ partyName: (v.party as StoredPenaltyParty).name, partyCreditCode: (v.party as StoredPenaltyParty).creditCode }),
};

/**
 * Publishes penalties all-or-nothing in one transaction (createDecisions): every bad field of every item
 * is named; a decision number already used by the same agency is a 409. Masking happens before any write.
 */
export const createPenalties = (db: Db, principal: Principal, now: Date, rules: DecisionRules, items: PenaltyCreate[], at: (i: number) => string): Promise<PenaltyRow[]> =>
  createDecisions(db, createSpec, principal, now, rules, items, at);
