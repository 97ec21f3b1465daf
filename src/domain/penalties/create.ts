import type { Db } from '../../db/client.js';
import { penalties } from '../../db/schema.js';
import type { FieldError } from '../../errors.js';
import { yuanToFen } from '../../lib/money.js';
import { searchText } from '../../lib/segment.js';
import type { PenaltyCreate } from '../../schemas/penalties.js';
import type { StoredPenaltyParty } from '../penalty-party.js';
import type { Principal } from '../principal.js';
import { createDecisions, sharedColumns, type CreateSpec } from '../decisions/create.js';
import { futureDate } from '../decisions/lifecycle.js';
import type { AgencyIdentity, ResolvedExtras } from '../decisions/decision-parts.js';
import { storeParty } from '../decisions/party-ids.js';
import type { DecisionRules } from '../decisions/rules.js';
import { PUBLICATION_DAYS } from '../decisions/timeliness.js';
import { penaltyKind, type PenaltyRow } from './present.js';
import { publicityOf, type StoredPublicity } from './publicity.js';

const duplicateNumber = (pointer: string): FieldError => ({
  in: 'body',
  pointer,
  detail: 'This agency has already published a decision with this 行政处罚决定书文号.',
});

const futureDecision = futureDate('处罚决定日期 is after today (Beijing time): a decision is published only once it is made.');

/** Every column of a penalty as stored, from validated input and the checks' results. */
export function penaltyValues(
  input: PenaltyCreate,
  agency: AgencyIdentity,
  party: StoredPenaltyParty,
  publicity: StoredPublicity,
  extras: ResolvedExtras,
) {
  return {
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
    // Last: a literal that begins with a spread and adds many properties is a slow dictionary-mode object in V8.
    ...sharedColumns(input, agency, extras),
  };
}

/** What a penalty's own checks yield: its party as stored and its publicity period. */
export type CheckedPenalty = { party: StoredPenaltyParty; publicity: StoredPublicity };

/** Everything create and correction need of a penalty beyond what all decisions share (src/domain/decisions/create.ts). */
export const penaltyCreation: CreateSpec<typeof penalties, PenaltyCreate, CheckedPenalty> = {
  kind: penaltyKind,
  numbers: {
    field: 'decisionNumber',
    column: penalties.decisionNumber,
    of: (item) => item.decisionNumber,
    duplicate: duplicateNumber,
    taken: 'A decision with this 行政处罚决定书文号 was already published by this agency.',
    raced: 'A decision with this 行政处罚决定书文号 was just published by this agency in a concurrent request.',
    takenByCorrection: 'This agency already published a decision with this number.',
  },
  publicationDays: PUBLICATION_DAYS.penalty,
  dateOf: (item) => item.decisionDate,
  prepare: async (item, at, errors, { today, publishedOn, rules, keptIds }) => {
    if (item.decisionDate > today) errors.push(futureDecision(`${at}/decisionDate`));
    const party = await storeParty(item.party, keptIds, rules, item.decisionDate, `${at}/party`, errors);
    const publicity = publicityOf(item, rules, publishedOn, at, errors);
    return party && publicity ? { party, publicity } : undefined;
  },
  values: (item, agency, p, extras) => ({ ...penaltyValues(item, agency, p.party, p.publicity, extras), repair: null }),
  generated: (_item, p) => ({ partyName: p.party.name, partyCreditCode: p.party.creditCode }),
};

/**
 * Publishes penalties all-or-nothing in one transaction (createDecisions): every bad field of every item
 * is named; a decision number already used by the same agency is a 409. Masking happens before any write.
 */
export const createPenalties = (db: Db, principal: Principal, now: Date, rules: DecisionRules, items: PenaltyCreate[], at: (i: number) => string): Promise<PenaltyRow[]> =>
  createDecisions(db, penaltyCreation, principal, now, rules, items, at);
