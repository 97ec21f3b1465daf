import { and, asc, eq, lt, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { penalties } from '../../db/schema.js';
import { chinaDate } from '../../lib/validity.js';
import type { WithdrawalCreate } from '../../schemas/decision-common.js';
import { SYSTEM, type Actor, type Principal } from '../principal.js';
import * as shared from '../decisions/lifecycle.js';
import type { DecisionRules } from '../decisions/rules.js';
import { penaltyKind, type PenaltyRow } from './present.js';

export const getPenaltyRow = (db: Db, id: string): Promise<PenaltyRow> => shared.getRow(db, penaltyKind, id);

/** Locks a penalty for a change by its deciding agency, against the version named by If-Match. */
export const lockForChange = (tx: Db, principal: Principal, id: string, ifMatch: string): Promise<PenaltyRow> =>
  shared.lockForChange(tx, penaltyKind, principal, id, ifMatch);

/**
 * The status as of `now`: a published decision past its end date is expired even before the sweep or a
 * read records it, so no write can republish it (a correction would otherwise put its content back in
 * the feed, and credit repair would end a display that had already ended).
 */
export function statusAt(row: PenaltyRow, now: Date): PenaltyRow['status'] {
  return row.status === 'published' && row.publicityEndDate < chinaDate(now) ? 'expired' : row.status;
}

/** Ends public display: a new version with the notice, earlier content redacted, a feed event. */
export const endDisplay = (
  tx: Db,
  actor: Actor,
  now: Date,
  row: PenaltyRow,
  status: 'withdrawn' | 'expired' | 'repaired',
  set: { withdrawal?: unknown; repair?: unknown },
  reason: string | null,
) => shared.endDisplay(tx, penaltyKind, actor, now, row, status, set, reason);

/** 撤回 (行政处罚法 art. 48 ¶2): an expired decision may still be withdrawn (its notice then says why). */
const withdrawal: shared.WithdrawSpec<typeof penalties> = {
  kind: penaltyKind,
  from: ['published', 'expired'],
  refusal: (status) => `This decision is ${status}: only a published decision can be changed.`,
  words: { date: 'decision date', self: 'A decision cannot replace itself.', unknown: 'No penalty has this id.' },
};

export const withdrawPenalty = (db: Db, principal: Principal, now: Date, rules: DecisionRules, id: string, ifMatch: string, input: WithdrawalCreate) =>
  shared.withdraw(db, withdrawal, principal, now, rules, id, ifMatch, input);

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
    for (const row of due) await endDisplay(tx, SYSTEM, now, row, 'expired', {}, `公示期满 (${row.publicityEndDate})`);
    return due.length;
  });
}

/** A published penalty past its end date is expired on first sight, so no read shows it after its period. */
export async function expireIfDue(db: Db, now: Date, row: PenaltyRow): Promise<PenaltyRow> {
  if (row.status !== 'published' || row.publicityEndDate >= chinaDate(now)) return row;
  return db.transaction(async (tx) => {
    const [current] = await tx.select().from(penalties).where(eq(penalties.id, row.id)).for('update');
    if (current!.status !== 'published') return current!;
    return endDisplay(tx, SYSTEM, now, current!, 'expired', {}, `公示期满 (${current!.publicityEndDate})`);
  });
}

export const stillDisplayed = (today: string) => and(eq(penalties.status, 'published'), sql`${penalties.publicityEndDate} >= ${today}`);
