import type { Db } from '../../db/client.js';
import type { enforcementActions } from '../../db/schema.js';
import type { WithdrawalCreate } from '../../schemas/decision-common.js';
import type { Principal } from '../principal.js';
import * as shared from '../decisions/lifecycle.js';
import type { DecisionRules } from '../decisions/rules.js';
import { actionKind, type ActionRow } from './present.js';

export const getActionRow = (db: Db, id: string): Promise<ActionRow> => shared.getRow(db, actionKind, id);

/** Locks an action for a change by its acting agency, against the version named by If-Match. */
export const lockForChange = (tx: Db, principal: Principal, id: string, ifMatch: string): Promise<ActionRow> =>
  shared.lockForChange(tx, actionKind, principal, id, ifMatch);

/** 撤回, as for penalties. Other actions have no publicity period, so withdrawal is the only way they leave display. */
const withdrawal: shared.WithdrawSpec<typeof enforcementActions> = {
  kind: actionKind,
  from: ['published'],
  refusal: (status) => `This action is ${status}: only a published action can be withdrawn.`,
  words: { date: 'action date', self: 'An action cannot replace itself.', unknown: 'No enforcement action has this id.' },
};

export const withdrawAction = (db: Db, principal: Principal, now: Date, rules: DecisionRules, id: string, ifMatch: string, input: WithdrawalCreate) =>
  shared.withdraw(db, withdrawal, principal, now, rules, id, ifMatch, input);
