import { and, asc, eq, lt } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { penalties } from '../../db/schema.js';
import { chinaDate } from '../../lib/validity.js';
import type { WithdrawalCreate } from '../../schemas/decision-common.js';
import { SYSTEM, type Principal } from '../principal.js';
import { endDisplay, endDisplayOf, withdraw, type WithdrawSpec } from '../decisions/lifecycle.js';
import type { DecisionRules } from '../decisions/rules.js';
import { penaltyKind, type PenaltyRow } from './present.js';

/**
 * The status as of `now`: a published decision past its end date is expired even before the sweep or a
 * read records it, so no write can republish it (a correction would otherwise put its content back in
 * the feed, and credit repair would end a display that had already ended).
 */
export function statusAt(row: PenaltyRow, now: Date): PenaltyRow['status'] {
  return row.status === 'published' && row.publicityEndDate < chinaDate(now) ? 'expired' : row.status;
}

/** 撤回 (行政处罚法 art. 48 ¶2): an expired decision may still be withdrawn (its notice then says why). */
export const penaltyWithdrawal: WithdrawSpec<typeof penalties> = {
  kind: penaltyKind,
  from: ['published', 'expired'],
  refusal: (status) => `This decision is ${status}: only a published decision can be changed.`,
  words: { date: 'decision date', self: 'A decision cannot replace itself.', unknown: 'No penalty has this id.' },
};

export const withdrawPenalty = (db: Db, principal: Principal, now: Date, rules: DecisionRules, id: string, ifMatch: string, input: WithdrawalCreate) =>
  withdraw(db, penaltyWithdrawal, principal, now, rules, id, ifMatch, input);

const expiryReason = (row: PenaltyRow) => `公示期满 (${row.publicityEndDate})`;
const expire = (tx: Db, now: Date, row: PenaltyRow) => endDisplay(tx, penaltyKind, SYSTEM, now, row, 'expired', {}, expiryReason(row));

/** Publicity periods that ended before today (Beijing): each becomes an `expired` event. */
export async function expireDuePenalties(db: Db, now: Date, limit = 500): Promise<number> {
  const today = chinaDate(now);
  return db.transaction(async (tx) => {
    const due = await tx
      .select()
      .from(penalties)
      .where(and(eq(penalties.status, 'published'), lt(penalties.publicityEndDate, today)))
      .orderBy(asc(penalties.publicityEndDate), asc(penalties.id))
      .limit(limit)
      .for('update', { skipLocked: true });
    await endDisplayOf(tx, penaltyKind, SYSTEM, now, due, 'expired', {}, expiryReason);
    return due.length;
  });
}

/**
 * A published penalty past its end date is expired on first sight, so no read shows it after its period. The
 * write goes to the primary even when a replica served the read (which is then the row as of the replica).
 */
export async function expireIfDue(primary: () => Db, now: Date, row: PenaltyRow): Promise<PenaltyRow> {
  if (row.status !== 'published' || row.publicityEndDate >= chinaDate(now)) return row;
  return primary().transaction(async (tx) => {
    const [current] = await tx.select().from(penalties).where(eq(penalties.id, row.id)).for('update');
    if (current!.status !== 'published') return current!;
    return expire(tx, now, current!);
  });
}
