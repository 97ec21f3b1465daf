import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { licences } from '../../db/schema.js';
import { problems, type FieldError } from '../../errors.js';
import { chinaDate } from '../../lib/validity.js';
import type { WithdrawalCreate } from '../../schemas/decision-common.js';
import { assertActsFor, type Principal } from '../principal.js';
import { appendChanges } from '../records.js';
import { redactRevisions } from '../results/end-display.js';
import type { ResultRules } from '../results/rules.js';
import { deadline, WITHDRAWAL_DAYS } from '../results/timeliness.js';
import { assertIfMatch } from '../versioning.js';
import { toLicence, type LicenceRow } from './present.js';

export async function getLicenceRow(db: Db, id: string): Promise<LicenceRow> {
  const [row] = await db.select().from(licences).where(eq(licences.id, id));
  if (!row) throw problems.notFound('Licence ' + id);
  return row;
}

/** Locks a licence for a change by its licensing agency, against the version named by If-Match. */
export async function lockForChange(tx: Db, principal: Principal, id: string, ifMatch: string): Promise<LicenceRow> {
  const [row] = await tx.select().from(licences).where(eq(licences.id, id)).for('update');
  if (!row) throw problems.notFound('Licence ' + id);
  assertActsFor(principal, row.agencyId, 'publish');
  assertIfMatch(ifMatch, row.version);
  return row;
}

/**
 * 撤回 of a licence decision that was 变更/撤销/确认违法/确认无效: a tombstone with the public reason,
 * earlier versions redacted, a `withdrawn` feed event. The 3-working-day deadline is tracked as for
 * penalties (the same 撤回 rule, DOMAIN.md §1.3).
 */
export async function withdrawLicence(db: Db, principal: Principal, now: Date, rules: ResultRules, id: string, ifMatch: string, input: WithdrawalCreate) {
  return db.transaction(async (tx) => {
    const row = await lockForChange(tx, principal, id, ifMatch);
    if (row.status !== 'published') throw problems.conflict(`This decision is ${row.status}: only a published decision can be withdrawn.`);
    const errors: FieldError[] = [];
    if (input.eventDate < row.decisionDate) errors.push({ in: 'body', pointer: '/eventDate', detail: 'The revoking event is before the decision date.' });
    if (input.eventDate > chinaDate(now)) errors.push({ in: 'body', pointer: '/eventDate', detail: 'The revoking event is in the future.' });
    if (input.replacedBy === id) errors.push({ in: 'body', pointer: '/replacedBy', detail: 'A decision cannot replace itself.' });
    if (input.replacedBy) {
      const [other] = await tx.select({ id: licences.id }).from(licences).where(eq(licences.id, input.replacedBy));
      if (!other) errors.push({ in: 'body', pointer: '/replacedBy', detail: 'No licence has this id.' });
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
      .update(licences)
      .set({ status: 'withdrawn', version: row.version + 1, updatedAt: now, endedAt: now, withdrawal })
      .where(eq(licences.id, row.id))
      .returning();
    await redactRevisions(tx, 'licence', row.id, row.version);
    await appendChanges(tx, principal, now, [
      { type: 'licence', id: row.id, version: next!.version, event: 'withdrawn', agencyId: row.agencyId, data: toLicence(next!), reason: input.explanation },
    ]);
    return next!;
  });
}
