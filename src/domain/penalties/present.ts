import { penalties } from '../../db/schema.js';
import { fenToYuan } from '../../lib/money.js';
import type { DecisionNotice } from '../../schemas/decision-common.js';
import type { Penalty } from '../../schemas/penalties.js';
import { toNotice } from '../decisions/notice.js';
import { withRecordMeta } from '../records.js';
import type { DecisionKind, ReadRow } from '../decisions/kind.js';
import { extrasOf, publishedParty, timelinessOf } from '../decisions/present.js';
import { nameOf } from '../../codes/code-list.js';
import { PENALTY_TYPES } from '../../codes/penalty-types.js';

export type PenaltyRow = ReadRow<typeof penalties>;

/** A published penalty in national order, or the notice of one no longer displayed. Pure: one row, no queries. */
export function toPenalty(row: PenaltyRow): Penalty | DecisionNotice {
  if (row.status !== 'published') {
    return toNotice(row, row.status, row.decisionNumber, { publicityEndDate: row.publicityEndDate, repair: row.repair });
  }
  return toPublishedPenalty(row);
}

export function toPublishedPenalty(row: PenaltyRow): Penalty {
  return withRecordMeta(row, {
    status: 'published',
    party: publishedParty(row.party),
    decisionNumber: row.decisionNumber,
    violationType: row.violationType,
    facts: row.facts,
    basis: row.basis,
    penaltyTypes: row.penaltyTypes,
    penaltyTypeNames: row.penaltyTypes.map((code) => nameOf(PENALTY_TYPES, code)),
    content: row.content,
    fineAmount: row.fineFen === null ? null : fenToYuan(row.fineFen),
    confiscationAmount: row.confiscationFen === null ? null : fenToYuan(row.confiscationFen),
    licenceRevoked: row.licenceRevoked,
    decisionDate: row.decisionDate,
    validUntil: row.validUntil,
    publicityEndDate: row.publicityEndDate,
    decidingAgencyId: row.agencyId,
    decidingAgency: row.agencyName,
    decidingAgencyCreditCode: row.agencyCreditCode,
    dataSource: row.dataSource,
    dataSourceCreditCode: row.dataSourceCreditCode,
    ...extrasOf(row),
    publicity: row.publicity,
    timeliness: timelinessOf(row),
  });
}

export const penaltyKind: DecisionKind<typeof penalties, Penalty | DecisionNotice> = { table: penalties, type: 'penalty', label: 'Penalty', present: toPenalty, noun: 'decision' };
