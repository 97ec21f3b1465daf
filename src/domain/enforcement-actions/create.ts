import type { Db } from '../../db/client.js';
import type { enforcementActions } from '../../db/schema.js';
import type { FieldError } from '../../errors.js';
import { searchText } from '../../lib/segment.js';
import type { EnforcementActionCreate } from '../../schemas/enforcement-actions.js';
import type { Principal } from '../principal.js';
import { createDecisions, sharedColumns, type CreateSpec } from '../decisions/create.js';
import { futureDate } from '../decisions/lifecycle.js';
import type { AgencyIdentity, ResolvedExtras } from '../decisions/decision-parts.js';
import type { DecisionRules } from '../decisions/rules.js';
import { PUBLICATION_DAYS } from '../decisions/timeliness.js';
import { actionKind, type ActionRow } from './present.js';

export const duplicateDocument = (pointer: string): FieldError => ({
  in: 'body',
  pointer,
  detail: 'This agency has already published an action with this 执法文书号.',
});

export const futureAction = futureDate('执法日期 is after today (Beijing time): an action is published only once it is taken.');

/** Every column of an action as stored, from validated input. The target is stored as sent: it holds no ID numbers. */
export function actionValues(input: EnforcementActionCreate, agency: AgencyIdentity, extras: ResolvedExtras) {
  const target = { name: input.target.name, category: input.target.category, creditCode: input.target.creditCode ?? null };
  return {
    ...sharedColumns(input, agency, extras),
    actionType: input.actionType,
    target,
    decisionDate: input.actionDate,
    conclusion: input.conclusion,
    facts: input.facts ?? null,
    documentNumber: input.documentNumber ?? null,
    searchText: searchText(target.name, target.creditCode, input.documentNumber, input.conclusion, input.facts, agency.name),
  };
}

/** Everything create needs of an action beyond what all decisions share (src/domain/decisions/create.ts). */
const createSpec: CreateSpec<typeof enforcementActions, EnforcementActionCreate, true> = {
  kind: actionKind,
  numbers: {
    field: 'documentNumber',
    duplicate: duplicateDocument,
    taken: 'An action with this 执法文书号 was already published by this agency.',
    raced: 'An action with this 执法文书号 was just published by this agency in a concurrent request.',
  },
  publicationDays: PUBLICATION_DAYS.enforcement_action,
  dateOf: (item) => item.actionDate,
  prepare: async (item, at, errors, { today }) => {
    if (item.actionDate > today) errors.push(futureAction(`${at}/actionDate`));
    return true;
  },
  values: (item, agency, _ok, extras) => actionValues(item, agency, extras),
  generated: (v) => {
    const target = v.target as { name: string; creditCode: string | null };
    return { targetName: target.name, targetCreditCode: target.creditCode };
  },
};

/**
 * Publishes actions all-or-nothing, like createPenalties; the 执法文书号 is optional, and unique per agency
 * when given. Due 20 working days after the action date.
 */
export const createActions = (db: Db, principal: Principal, now: Date, rules: DecisionRules, items: EnforcementActionCreate[], at: (i: number) => string): Promise<ActionRow[]> =>
  createDecisions(db, createSpec, principal, now, rules, items, at);
