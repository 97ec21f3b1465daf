import type { penalties } from '../../db/schema.js';
import { fenToYuan } from '../../lib/money.js';
import { PenaltyCreate } from '../../schemas/penalties.js';
import type { CorrectSpec } from '../decisions/correct.js';
import { keepingMaskedIds } from '../decisions/party-ids.js';
import { defined, storedExtras } from '../decisions/request-shape.js';
import { penaltyCreation, type CheckedPenalty } from './create.js';
import { statusAt } from './lifecycle.js';
import type { PenaltyRow } from './present.js';

/** The stored decision in request shape, so a merge patch applies to what the agency once sent. */
function asInput(row: PenaltyRow): Record<string, unknown> {
  return defined({
    party: defined(row.party),
    decisionNumber: row.decisionNumber,
    violationType: row.violationType,
    facts: row.facts,
    basis: row.basis,
    penaltyTypes: row.penaltyTypes,
    content: row.content,
    fineAmount: row.fineFen === null ? null : fenToYuan(row.fineFen),
    confiscationAmount: row.confiscationFen === null ? null : fenToYuan(row.confiscationFen),
    licenceRevoked: row.licenceRevoked,
    decisionDate: row.decisionDate,
    validUntil: row.validUntil,
    publicityEndDate: row.publicity.overridden ? row.publicityEndDate : null,
    publicity: defined({ regime: row.publicity.regime, severity: row.publicity.severity }),
    ...storedExtras(row),
  });
}

/**
 * A correction (更正) of a penalty (src/domain/decisions/correct.ts): ID numbers the patch does not touch
 * are kept (masked) as stored; a decision past its publicity end date is expired, not correctable.
 */
export const penaltyCorrection: CorrectSpec<typeof penalties, PenaltyCreate, CheckedPenalty> = {
  create: penaltyCreation,
  schema: PenaltyCreate,
  asInput,
  merge: keepingMaskedIds('处罚决定日期'),
  statusAt,
};
