import { enforcementActions } from '../../db/schema.js';
import type { FieldError } from '../../errors.js';
import { searchText } from '../../lib/segment.js';
import type { EnforcementActionCreate } from '../../schemas/enforcement-actions.js';
import { sharedColumns, type CreateSpec } from '../decisions/create.js';
import { futureDate } from '../decisions/lifecycle.js';
import type { AgencyIdentity, ResolvedExtras } from '../decisions/decision-parts.js';
import { PUBLICATION_DAYS } from '../decisions/timeliness.js';
import { actionKind } from './present.js';

const duplicateDocument = (pointer: string): FieldError => ({
  in: 'body',
  pointer,
  detail: 'This agency has already published an action with this 执法文书号.',
});

const futureAction = futureDate('执法日期 is after today (Beijing time): an action is published only once it is taken.');

/** Every column of an action as stored, from validated input. The target is stored as sent: it holds no ID numbers. */
function actionValues(input: EnforcementActionCreate, agency: AgencyIdentity, extras: ResolvedExtras) {
  const target = { name: input.target.name, category: input.target.category, creditCode: input.target.creditCode ?? null };
  return {
    actionType: input.actionType,
    target,
    decisionDate: input.actionDate,
    conclusion: input.conclusion,
    facts: input.facts ?? null,
    documentNumber: input.documentNumber ?? null,
    searchText: searchText(target.name, target.creditCode, input.documentNumber, input.conclusion, input.facts, agency.name),
    // Last: a literal that begins with a spread and adds many properties is a slow dictionary-mode object in V8.
    ...sharedColumns(input, agency, extras),
  };
}

/**
 * Everything create and correction need of an action beyond what all decisions share (src/domain/decisions/create.ts):
 * the 执法文书号 is optional, and unique per agency when given; due 20 working days after the action date.
 */
export const actionCreation: CreateSpec<typeof enforcementActions, EnforcementActionCreate, true> = {
  kind: actionKind,
  numbers: {
    field: 'documentNumber',
    column: enforcementActions.documentNumber,
    of: (item) => item.documentNumber,
    duplicate: duplicateDocument,
    taken: 'An action with this 执法文书号 was already published by this agency.',
    raced: 'An action with this 执法文书号 was just published by this agency in a concurrent request.',
    takenByCorrection: 'This agency already published an action with this 执法文书号.',
  },
  publicationDays: PUBLICATION_DAYS.enforcement_action,
  dateOf: (item) => item.actionDate,
  prepare: async (item, at, errors, { today }) => {
    if (item.actionDate > today) errors.push(futureAction(`${at}/actionDate`));
    return true;
  },
  values: (item, agency, _ok, extras) => actionValues(item, agency, extras),
  generated: (item) => ({ targetName: item.target.name, targetCreditCode: item.target.creditCode ?? null }),
};
