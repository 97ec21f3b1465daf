import type { enforcementActions } from '../../db/schema.js';
import { EnforcementActionCreate } from '../../schemas/enforcement-actions.js';
import type { CorrectSpec } from '../decisions/correct.js';
import { defined, storedExtras } from '../decisions/request-shape.js';
import { actionCreation } from './create.js';
import type { ActionRow } from './present.js';

/** The stored action in request shape, so a merge patch applies to what the agency once sent. */
function asInput(row: ActionRow): Record<string, unknown> {
  return defined({
    actionType: row.actionType,
    target: defined(row.target),
    actionDate: row.decisionDate,
    conclusion: row.conclusion,
    facts: row.facts,
    documentNumber: row.documentNumber,
    ...storedExtras(row),
  });
}

/** A correction (更正) of an action: a plain merge patch, since a target holds no ID numbers to keep masked. */
export const actionCorrection: CorrectSpec<typeof enforcementActions, EnforcementActionCreate, true> = {
  create: actionCreation,
  schema: EnforcementActionCreate,
  asInput,
};
