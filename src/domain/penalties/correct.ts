import type { Db } from '../../db/client.js';
import { penalties } from '../../db/schema.js';
import { fieldErrorsFromZod, problems, type FieldError } from '../../errors.js';
import { fenToYuan } from '../../lib/money.js';
import { chinaDate } from '../../lib/validity.js';
import { PenaltyCreate, type Penalty, type PenaltyCorrection } from '../../schemas/penalties.js';
import type { Principal } from '../principal.js';
import {
  agencyOf,
  claimedChangeRefused,
  correctedExtras,
  correctedPublication,
  defined,
  mergeKeepingMaskedIds,
  numberTaken,
  publishCorrection,
  storedExtras,
  storeParty,
} from '../decisions/correct.js';
import type { DecisionRules } from '../decisions/rules.js';
import { PUBLICATION_DAYS } from '../decisions/timeliness.js';
import { duplicateNumber, futureDecision, penaltyValues } from './create.js';
import { lockForChange, statusAt } from './lifecycle.js';
import { penaltyKind, type PenaltyRow } from './present.js';
import { publicityOf } from './publicity.js';

/** The stored decision in request shape, so a merge patch applies to what the agency once sent. */
function asInput(row: PenaltyRow): Record<string, unknown> {
  const publicity = row.publicity as Penalty['publicity'];
  return defined({
    party: defined(row.party as Record<string, unknown>),
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
    publicityEndDate: publicity.overridden ? row.publicityEndDate : null,
    publicity: defined({ regime: publicity.regime, severity: publicity.severity }),
    ...storedExtras(row),
  });
}

/**
 * A correction (更正): a merge patch applied to the decision as sent, re-checked in full, published as a
 * new version with its public reason. ID numbers the patch does not touch are kept (masked) as stored.
 */
export async function correctPenalty(db: Db, principal: Principal, now: Date, rules: DecisionRules, id: string, ifMatch: string, input: PenaltyCorrection) {
  return db.transaction(async (tx) => {
    const row = await lockForChange(tx, principal, id, ifMatch);
    const status = statusAt(row, now);
    if (status !== 'published') throw problems.conflict(`This decision is ${status}: only a published decision can be corrected.`);
    const errors: FieldError[] = [];
    const { merged, kept } = mergeKeepingMaskedIds(row, asInput(row), input.changes as Record<string, unknown>, '处罚决定日期', errors, rules.masking.mask);
    const parsed = PenaltyCreate.safeParse(merged);
    if (!parsed.success) errors.push(...fieldErrorsFromZod(parsed.error.issues, 'body').map((e) => ({ ...e, pointer: '/changes' + e.pointer })));
    if (errors.length || !parsed.success) throw problems.unprocessable(errors);
    const next = parsed.data;
    const claimed = claimedChangeRefused(next, row, principal);
    if (claimed) throw problems.unprocessable([claimed]);

    const party = await storeParty(next.party, kept, rules, next.decisionDate, errors);
    if (next.decisionDate > chinaDate(now)) errors.push(futureDecision('/changes/decisionDate'));
    const publicity = publicityOf(next, rules, chinaDate(row.publishedAt), '/changes', errors);
    const extras = await correctedExtras(tx, row, next, next.decisionDate, errors);
    if (next.decisionNumber !== row.decisionNumber && (await numberTaken(tx, penalties, penalties.decisionNumber, row, next.decisionNumber))) {
      throw problems.conflict('This agency already published a decision with this number.', [duplicateNumber('/changes/decisionNumber')]);
    }
    if (errors.length) throw problems.unprocessable(errors);
    const values = {
      ...penaltyValues(next, agencyOf(row), party!, publicity!, extras),
      ...correctedPublication(row, next.claimedPublishedAt, next.decisionDate, PUBLICATION_DAYS.penalty, rules),
    };
    return publishCorrection(tx, penaltyKind, principal, now, row, values, input.reason);
  });
}
