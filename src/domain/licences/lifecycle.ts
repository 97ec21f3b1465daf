import type { Db } from '../../db/client.js';
import type { licences } from '../../db/schema.js';
import type { WithdrawalCreate } from '../../schemas/decision-common.js';
import type { Principal } from '../principal.js';
import * as shared from '../decisions/lifecycle.js';
import type { DecisionRules } from '../decisions/rules.js';
import { licenceKind, type LicenceRow } from './present.js';

export const getLicenceRow = (db: Db, id: string): Promise<LicenceRow> => shared.getRow(db, licenceKind, id);

/** Locks a licence for a change by its licensing agency, against the version named by If-Match. */
export const lockForChange = (tx: Db, principal: Principal, id: string, ifMatch: string): Promise<LicenceRow> =>
  shared.lockForChange(tx, licenceKind, principal, id, ifMatch);

/** 撤回 of a licence decision that was 变更/撤销/确认违法/确认无效, as for penalties (docs/decisions.md#withdrawals). */
const withdrawal: shared.WithdrawSpec<typeof licences> = {
  kind: licenceKind,
  from: ['published'],
  refusal: (status) => `This decision is ${status}: only a published decision can be withdrawn.`,
  words: { date: 'decision date', self: 'A decision cannot replace itself.', unknown: 'No licence has this id.' },
};

export const withdrawLicence = (db: Db, principal: Principal, now: Date, rules: DecisionRules, id: string, ifMatch: string, input: WithdrawalCreate) =>
  shared.withdraw(db, withdrawal, principal, now, rules, id, ifMatch, input);
