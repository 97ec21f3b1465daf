import { enforcementActions } from '../../db/schema.js';
import type { DecisionNotice } from '../../schemas/decision-common.js';
import type { EnforcementAction } from '../../schemas/enforcement-actions.js';
import { withRecordMeta } from '../records.js';
import type { DecisionKind, ReadRow } from '../decisions/kind.js';
import { extrasOf, timelinessOf } from '../decisions/present.js';
import { toNotice } from '../decisions/notice.js';
import { nameOf } from '../../codes/code-list.js';
import { PARTY_CATEGORY_LIST } from '../../codes/party-categories.js';
import { POWER_TYPES } from '../../codes/power-types.js';

export type ActionRow = ReadRow<typeof enforcementActions>;

/** A published action, or the notice of a withdrawn one. Pure: one row, no queries. */
function toEnforcementAction(row: ActionRow): EnforcementAction | DecisionNotice {
  if (row.status !== 'published') return toNotice(row, row.status, row.documentNumber);
  const { target } = row;
  return withRecordMeta(row, {
    status: 'published',
    actionType: row.actionType,
    actionTypeName: nameOf(POWER_TYPES, row.actionType),
    target: { name: target.name, category: target.category, categoryName: nameOf(PARTY_CATEGORY_LIST, target.category), creditCode: target.creditCode ?? null },
    actionDate: row.decisionDate,
    conclusion: row.conclusion,
    facts: row.facts,
    documentNumber: row.documentNumber,
    agencyId: row.agencyId,
    agency: row.agencyName,
    agencyCreditCode: row.agencyCreditCode,
    ...extrasOf(row),
    timeliness: timelinessOf(row),
  });
}

export const actionKind: DecisionKind<typeof enforcementActions, EnforcementAction | DecisionNotice> = {
  table: enforcementActions,
  type: 'enforcement_action',
  label: 'Enforcement action',
  present: toEnforcementAction,
  noun: 'action',
};
