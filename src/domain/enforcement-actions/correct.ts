import type { Db } from '../../db/client.js';
import { enforcementActions } from '../../db/schema.js';
import { fieldErrorsFromZod, problems, type FieldError } from '../../errors.js';
import { chinaDate } from '../../lib/validity.js';
import { EnforcementActionCreate, type EnforcementActionCorrection } from '../../schemas/enforcement-actions.js';
import type { Principal } from '../principal.js';
import {
  agencyOf,
  claimedChangeRefused,
  correctedExtras,
  correctedPublication,
  defined,
  numberTaken,
  publishCorrection,
  storedExtras,
} from '../decisions/correct.js';
import type { DecisionRules } from '../decisions/rules.js';
import { PUBLICATION_DAYS } from '../decisions/timeliness.js';
import { mergePatch } from '../versioning.js';
import { actionValues, duplicateDocument, futureAction } from './create.js';
import { lockForChange } from './lifecycle.js';
import { actionKind, type ActionRow } from './present.js';

/** The stored action in request shape, so a merge patch applies to what the agency once sent. */
function asInput(row: ActionRow): Record<string, unknown> {
  return defined({
    actionType: row.actionType,
    target: defined(row.target as Record<string, unknown>),
    actionDate: row.decisionDate,
    conclusion: row.conclusion,
    facts: row.facts,
    documentNumber: row.documentNumber,
    ...storedExtras(row),
  });
}

/**
 * A correction (更正): a merge patch re-checked in full, published as a new version with its public
 * reason. A target holds no ID numbers, so nothing is kept masked; every other error is named at once.
 */
export async function correctAction(db: Db, principal: Principal, now: Date, rules: DecisionRules, id: string, ifMatch: string, input: EnforcementActionCorrection) {
  return db.transaction(async (tx) => {
    const row = await lockForChange(tx, principal, id, ifMatch);
    if (row.status !== 'published') throw problems.conflict(`This action is ${row.status}: only a published action can be corrected.`);
    const parsed = EnforcementActionCreate.safeParse(mergePatch(asInput(row), input.changes as Record<string, unknown>));
    if (!parsed.success) {
      throw problems.unprocessable(fieldErrorsFromZod(parsed.error.issues, 'body').map((e) => ({ ...e, pointer: '/changes' + e.pointer })));
    }
    const next = parsed.data;
    const errors: FieldError[] = [];
    const claimed = claimedChangeRefused(next, row, principal);
    if (claimed) errors.push(claimed);
    if (next.actionDate > chinaDate(now)) errors.push(futureAction('/changes/actionDate'));
    const extras = await correctedExtras(tx, row, next, next.actionDate, errors);
    if (errors.length) throw problems.unprocessable(errors);
    const number = next.documentNumber;
    if (number !== undefined && number !== row.documentNumber && (await numberTaken(tx, enforcementActions, enforcementActions.documentNumber, row, number))) {
      throw problems.conflict('This agency already published an action with this 执法文书号.', [duplicateDocument('/changes/documentNumber')]);
    }
    const values = {
      ...actionValues(next, agencyOf(row), extras),
      ...correctedPublication(row, next.claimedPublishedAt, next.actionDate, PUBLICATION_DAYS.enforcement_action, rules),
    };
    return publishCorrection(tx, actionKind, principal, now, row, values, input.reason);
  });
}
