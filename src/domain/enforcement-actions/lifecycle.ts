import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { enforcementActions } from '../../db/schema.js';
import { problems, type FieldError } from '../../errors.js';
import { chinaDate } from '../../lib/validity.js';
import type { WithdrawalCreate } from '../../schemas/decision-common.js';
import { assertActsFor, type Principal } from '../principal.js';
import { appendChanges } from '../records.js';
import { redactRevisions } from '../results/end-display.js';
import type { ResultRules } from '../results/rules.js';
import { deadline, WITHDRAWAL_DAYS } from '../results/timeliness.js';
import { assertIfMatch } from '../versioning.js';
import { toEnforcementAction, type ActionRow } from './present.js';

export async function getActionRow(db: Db, id: string): Promise<ActionRow> {
  const [row] = await db.select().from(enforcementActions).where(eq(enforcementActions.id, id));
  if (!row) throw problems.notFound('Enforcement action ' + id);
  return row;
}

/** Locks an action for a change by its acting agency, against the version named by If-Match. */
export async function lockAction(tx: Db, principal: Principal, id: string, ifMatch: string): Promise<ActionRow> {
  const [row] = await tx.select().from(enforcementActions).where(eq(enforcementActions.id, id)).for('update');
  if (!row) throw problems.notFound('Enforcement action ' + id);
  assertActsFor(principal, row.agencyId, 'publish');
  assertIfMatch(ifMatch, row.version);
  return row;
}

/**
 * 撤回, as for penalties: the record becomes a notice (who, which document, which day, why), earlier
 * versions are redacted in revisions and the feed, and the 3-working-day deadline from eventDate is tracked.
 * Other actions have no publicity period, so withdrawal is the only way they leave display.
 */
export async function withdrawAction(db: Db, principal: Principal, now: Date, rules: ResultRules, id: string, ifMatch: string, input: WithdrawalCreate) {
  return db.transaction(async (tx) => {
    const row = await lockAction(tx, principal, id, ifMatch);
    if (row.status !== 'published') throw problems.conflict(`This action is ${row.status}: only a published action can be withdrawn.`);
    const errors: FieldError[] = [];
    if (input.eventDate < row.decisionDate) errors.push({ in: 'body', pointer: '/eventDate', detail: 'The revoking event is before the action date.' });
    if (input.eventDate > chinaDate(now)) errors.push({ in: 'body', pointer: '/eventDate', detail: 'The revoking event is in the future.' });
    if (input.replacedBy === id) errors.push({ in: 'body', pointer: '/replacedBy', detail: 'An action cannot replace itself.' });
    else if (input.replacedBy) {
      const [other] = await tx.select({ id: enforcementActions.id }).from(enforcementActions).where(eq(enforcementActions.id, input.replacedBy));
      if (!other) errors.push({ in: 'body', pointer: '/replacedBy', detail: 'No enforcement action has this id.' });
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
    const [next] = await tx
      .update(enforcementActions)
      .set({ status: 'withdrawn', version: row.version + 1, updatedAt: now, endedAt: now, withdrawal })
      .where(eq(enforcementActions.id, id))
      .returning();
    await redactRevisions(tx, 'enforcement_action', id, row.version);
    await appendChanges(tx, principal, now, [
      { type: 'enforcement_action', id, version: next!.version, event: 'withdrawn', agencyId: row.agencyId, data: toEnforcementAction(next!), reason: input.explanation },
    ]);
    return next!;
  });
}
