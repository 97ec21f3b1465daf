import { and, asc, eq, lt, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { penalties } from '../../db/schema.js';
import { problems, type FieldError } from '../../errors.js';
import { chinaDate } from '../../lib/validity.js';
import type { WithdrawalCreate } from '../../schemas/decision-common.js';
import { assertActsFor, SYSTEM, type Actor, type Principal } from '../principal.js';
import { appendChanges, type ChangeEventName } from '../records.js';
import { redactRevisions } from '../results/end-display.js';
import type { ResultRules } from '../results/rules.js';
import { deadline, WITHDRAWAL_DAYS } from '../results/timeliness.js';
import { assertIfMatch } from '../versioning.js';
import { toPenalty, type PenaltyRow } from './present.js';

export async function getPenaltyRow(db: Db, id: string): Promise<PenaltyRow> {
  const [row] = await db.select().from(penalties).where(eq(penalties.id, id));
  if (!row) throw problems.notFound('Penalty ' + id);
  return row;
}

/** Locks a penalty for a change by its deciding agency, against the version named by If-Match. */
export async function lockForChange(tx: Db, principal: Principal, id: string, ifMatch: string): Promise<PenaltyRow> {
  const [row] = await tx.select().from(penalties).where(eq(penalties.id, id)).for('update');
  if (!row) throw problems.notFound('Penalty ' + id);
  assertActsFor(principal, row.agencyId, 'publish');
  assertIfMatch(ifMatch, row.version);
  return row;
}

/**
 * The status as of `now`: a published decision past its end date is expired even before the sweep or a
 * read records it, so no write can republish it (a correction would otherwise put its content back in
 * the feed, and credit repair would end a display that had already ended).
 */
export function statusAt(row: PenaltyRow, now: Date): PenaltyRow['status'] {
  return row.status === 'published' && row.publicityEndDate < chinaDate(now) ? 'expired' : row.status;
}

/** Ends public display: a new version with the notice, earlier content redacted, a feed event. */
async function endDisplay(
  tx: Db,
  actor: Actor,
  now: Date,
  row: PenaltyRow,
  status: 'withdrawn' | 'expired' | 'repaired',
  set: { withdrawal?: unknown; repair?: unknown },
  reason: string | null,
): Promise<PenaltyRow> {
  const [next] = await tx
    .update(penalties)
    .set({ status, version: row.version + 1, updatedAt: now, endedAt: now, ...set })
    .where(eq(penalties.id, row.id))
    .returning();
  await redactRevisions(tx, 'penalty', row.id, row.version);
  const event: ChangeEventName = status;
  await appendChanges(tx, actor, now, [{ type: 'penalty', id: row.id, version: next!.version, event, agencyId: row.agencyId, data: toPenalty(next!), reason }]);
  return next!;
}

const notPublished = (row: PenaltyRow) =>
  problems.conflict(`This decision is ${row.status}: only a published decision can be changed.`);

/** 撤回 (行政处罚法 art. 48 ¶2): a tombstone with the reason; the 3-working-day deadline is tracked. */
export async function withdrawPenalty(db: Db, principal: Principal, now: Date, rules: ResultRules, id: string, ifMatch: string, input: WithdrawalCreate) {
  return db.transaction(async (tx) => {
    const row = await lockForChange(tx, principal, id, ifMatch);
    if (row.status !== 'published' && row.status !== 'expired') throw notPublished(row);
    const errors: FieldError[] = [];
    if (input.eventDate < row.decisionDate) errors.push({ in: 'body', pointer: '/eventDate', detail: 'The revoking event is before the decision date.' });
    if (input.eventDate > chinaDate(now)) errors.push({ in: 'body', pointer: '/eventDate', detail: 'The revoking event is in the future.' });
    if (input.replacedBy === id) errors.push({ in: 'body', pointer: '/replacedBy', detail: 'A decision cannot replace itself.' });
    if (input.replacedBy) {
      const [other] = await tx.select({ id: penalties.id }).from(penalties).where(eq(penalties.id, input.replacedBy));
      if (!other) errors.push({ in: 'body', pointer: '/replacedBy', detail: 'No penalty has this id.' });
    }
    if (errors.length) throw problems.unprocessable(errors);
    const due = deadline(input.eventDate, WITHDRAWAL_DAYS, now, rules.calendar);
    const withdrawal = {
      reasonCategory: input.reasonCategory,
      explanation: input.explanation,
      eventDate: input.eventDate,
      withdrawnAt: now.toISOString(),
      dueDate: due.dueDate,
      late: due.late,
      workingDaysLate: due.workingDaysLate,
      replacedBy: input.replacedBy ?? null,
    };
    return endDisplay(tx, principal, now, row, 'withdrawn', { withdrawal }, input.explanation);
  });
}

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

export { endDisplay };
export const stillDisplayed = (today: string) => and(eq(penalties.status, 'published'), sql`${penalties.publicityEndDate} >= ${today}`);
