import type { Db } from '../../db/client.js';
import { problems } from '../../errors.js';
import { chinaDate } from '../../lib/validity.js';
import type { CreditRepairCreate } from '../../schemas/penalties.js';
import { endDisplay, lockForChange } from '../decisions/lifecycle.js';
import type { Principal } from '../principal.js';
import { statusAt } from './lifecycle.js';
import { penaltyKind } from './present.js';

/**
 * 信用修复 / 提前停止公示 by the deciding agency: refused for the penalty types its regime excludes and
 * before the minimum period; otherwise the record ends public display and the termination is published.
 */
export async function repairPenalty(db: Db, principal: Principal, now: Date, id: string, ifMatch: string, input: CreditRepairCreate) {
  return db.transaction(async (tx) => {
    const row = await lockForChange(tx, penaltyKind, principal, id, ifMatch);
    const status = statusAt(row, now);
    if (status !== 'published') throw problems.conflict(`This decision is ${status}: publicity can only be ended early while it is published.`);
    const { publicity } = row;
    if (publicity.earlyTerminationExcluded) {
      throw problems.unprocessable([
        {
          in: 'body',
          pointer: '/conditions',
          detail: `Early termination is excluded for this penalty's types (${row.penaltyTypes.join(', ')}) under rule ${publicity.ruleId}: it stays public until ${publicity.endDate}.`,
        },
      ]);
    }
    if (input.conditions.regime !== publicity.regime) {
      throw problems.unprocessable([{ in: 'body', pointer: '/conditions/regime', detail: `This penalty follows the ${publicity.regime} regime: attest its conditions.` }]);
    }
    const today = chinaDate(now);
    if (today < publicity.earliestTerminationDate) {
      throw problems.unprocessable([
        { in: 'body', pointer: '/conditions', detail: `The minimum publicity period runs until ${publicity.earliestTerminationDate}; early termination may be requested from then.` },
      ]);
    }
    const { regime, ...attested } = input.conditions;
    const repair = { terminatedAt: now.toISOString(), regime, conditions: Object.keys(attested), explanation: input.explanation };
    return endDisplay(tx, penaltyKind, principal, now, row, 'repaired', { repair }, input.explanation);
  });
}
