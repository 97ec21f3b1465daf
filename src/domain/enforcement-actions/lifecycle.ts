import type { enforcementActions } from '../../db/schema.js';
import type { WithdrawSpec } from '../decisions/lifecycle.js';
import { actionKind } from './present.js';

/** 撤回, as for penalties. Other actions have no publicity period, so withdrawal is the only way they leave display. */
export const actionWithdrawal: WithdrawSpec<typeof enforcementActions> = {
  kind: actionKind,
  from: ['published'],
  refusal: (status) => `This action is ${status}: only a published action can be withdrawn.`,
  words: { date: 'action date', self: 'An action cannot replace itself.', unknown: 'No enforcement action has this id.' },
};
