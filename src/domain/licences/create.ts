import type { Db } from '../../db/client.js';
import { licences } from '../../db/schema.js';
import type { FieldError } from '../../errors.js';
import { searchText } from '../../lib/segment.js';
import type { LicenceCreate } from '../../schemas/licences.js';
import type { StoredPenaltyParty } from '../penalty-party.js';
import type { Principal } from '../principal.js';
import { createDecisions, sharedColumns, type CreateSpec } from '../decisions/create.js';
import { futureDate } from '../decisions/lifecycle.js';
import type { AgencyIdentity, ResolvedExtras } from '../decisions/decision-parts.js';
import { storeParty } from '../decisions/party-ids.js';
import type { DecisionRules } from '../decisions/rules.js';
import { PUBLICATION_DAYS } from '../decisions/timeliness.js';
import { licenceKind, type LicenceRow } from './present.js';
import { checkItemReferences } from '../approval-items/references.js';

const duplicateNumber = (pointer: string): FieldError => ({
  in: 'body',
  pointer,
  detail: 'This agency has already published a licence decision with this 行政许可决定文书号.',
});

const futureDecision = futureDate('许可决定日期 is after today (Beijing time): a decision is published only once it is made.');

/** Every column of a licence as stored, from validated input and the checks' results. */
function licenceValues(input: LicenceCreate, agency: AgencyIdentity, party: StoredPenaltyParty, extras: ResolvedExtras) {
  return {
    party,
    documentTitle: input.documentTitle,
    decisionNumber: input.decisionNumber,
    category: input.category,
    categoryDetail: input.categoryDetail ?? null,
    certificateName: input.certificateName ?? null,
    licenceNumber: input.licenceNumber ?? null,
    content: input.content,
    decisionDate: input.decisionDate,
    validFrom: input.validFrom,
    validTo: input.validTo,
    state: input.state ?? 'valid',
    approvalItemId: input.approvalItemId ?? null,
    searchText: searchText(
      party.name,
      party.creditCode,
      input.decisionNumber,
      input.documentTitle,
      input.content,
      input.certificateName,
      input.licenceNumber,
      agency.name,
    ),
    // Last: a literal that begins with a spread and adds many properties is a slow dictionary-mode object in V8.
    ...sharedColumns(input, agency, extras),
  };
}

/** Everything create and correction need of a licence beyond what all decisions share (src/domain/decisions/create.ts). */
export const licenceCreation: CreateSpec<typeof licences, LicenceCreate, StoredPenaltyParty> = {
  kind: licenceKind,
  numbers: {
    field: 'decisionNumber',
    column: licences.decisionNumber,
    of: (item) => item.decisionNumber,
    duplicate: duplicateNumber,
    taken: 'A licence decision with this 行政许可决定文书号 was already published by this agency.',
    raced: 'A licence decision with this 行政许可决定文书号 was just published by this agency in a concurrent request.',
    takenByCorrection: 'This agency already published a licence decision with this number.',
  },
  publicationDays: PUBLICATION_DAYS.licence,
  dateOf: (item) => item.decisionDate,
  prepare: async (item, at, errors, { today, rules, keptIds }) => {
    const party = await storeParty(item.party, keptIds, rules, item.decisionDate, `${at}/party`, errors);
    if (item.decisionDate > today) errors.push(futureDecision(`${at}/decisionDate`));
    return party;
  },
  values: licenceValues,
  generated: (_item, party) => ({ partyName: party.name, partyCreditCode: party.creditCode }),
  checkReferences: (tx, items, errors) =>
    checkItemReferences(
      tx,
      items.map(({ item, agencyId, at, current }) => ({ approvalItemId: item.approvalItemId, agencyId, at, kept: current?.approvalItemId })),
      errors,
    ),
};

/**
 * Publishes licences all-or-nothing, as createPenalties does. ID numbers are masked before anything is
 * written. No publicity period: a licence stays on display until withdrawn.
 */
export const createLicences = (db: Db, principal: Principal, now: Date, rules: DecisionRules, items: LicenceCreate[], at: (i: number) => string): Promise<LicenceRow[]> =>
  createDecisions(db, licenceCreation, principal, now, rules, items, at);
