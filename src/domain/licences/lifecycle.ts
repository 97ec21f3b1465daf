import type { licences } from '../../db/schema.js';
import type { WithdrawSpec } from '../decisions/lifecycle.js';
import { licenceKind } from './present.js';

/** 撤回 of a licence decision that was 变更/撤销/确认违法/确认无效, as for penalties (docs/decisions.md#withdrawals). */
export const licenceWithdrawal: WithdrawSpec<typeof licences> = {
  kind: licenceKind,
  from: ['published'],
  refusal: (status) => `This decision is ${status}: only a published decision can be withdrawn.`,
  words: { date: 'decision date', self: 'A decision cannot replace itself.', unknown: 'No licence has this id.' },
};
