import { eq, getTableName, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { penalties, type DecisionStatus } from '../../db/schema.js';
import { prepared } from '../../db/prepared.js';
import { problems, type FieldError } from '../../errors.js';
import { chinaDate } from '../../lib/validity.js';
import type { WithdrawalCreate } from '../../schemas/decision-common.js';
import { assertActsFor, type Actor, type Principal } from '../principal.js';
import { appendChanges, type ChangeEventName } from '../records.js';
import { assertIfMatch } from '../versioning.js';
import { redactRevisions } from './end-display.js';
import { readColumns, readRowOf, rowOf, type DecisionKind, type DecisionTable, type ReadRow } from './kind.js';
import type { DecisionRules } from './rules.js';
import { deadline, WITHDRAWAL_DAYS } from './timeliness.js';

type Row<T extends DecisionTable> = T['$inferSelect'];

export async function getRow<T extends DecisionTable>(db: Db, kind: DecisionKind<T>, id: string): Promise<ReadRow<T>> {
  const t: DecisionTable = kind.table;
  // A hot public read: prepared once per handle, so drizzle does not rebuild the ~45-column select each time.
  const name = `${getTableName(t)}_by_id`;
  const byId = prepared(db, name, (d) => d.select(readColumns(t)).from(t).where(eq(t.id, sql.placeholder('id'))).prepare(name));
  const [row] = await byId.execute({ id });
  if (!row) throw problems.notFound(`${kind.label} ${id}`);
  return readRowOf(kind, row);
}

/**
 * What a conditional GET needs of a record (registry etagProbe): its version and whether a full read would
 * change it (a penalty past its publicity end is expired on first sight). Null: no such record.
 */
export async function probeRow<T extends DecisionTable>(db: Db, kind: DecisionKind<T>, id: string, now: Date): Promise<{ version: number; changesOnRead: boolean } | null> {
  const t: DecisionTable = kind.table;
  const name = `${getTableName(t)}_probe`;
  const end = t === penalties ? penalties.publicityEndDate : sql<string | null>`NULL`;
  const probe = prepared(db, name, (d) => d.select({ version: t.version, status: t.status, end }).from(t).where(eq(t.id, sql.placeholder('id'))).prepare(name));
  const [row] = await probe.execute({ id });
  if (!row) return null;
  return { version: row.version, changesOnRead: row.status === 'published' && row.end !== null && row.end < chinaDate(now) };
}

/** Locks a record for a change by its deciding (licensing, acting) agency, against the version named by If-Match. */
export async function lockForChange<T extends DecisionTable>(tx: Db, kind: DecisionKind<T>, principal: Principal, id: string, ifMatch: string): Promise<Row<T>> {
  const t: DecisionTable = kind.table;
  const [row] = await tx.select().from(t).where(eq(t.id, id)).for('update');
  if (!row) throw problems.notFound(`${kind.label} ${id}`);
  assertActsFor(principal, row.agencyId, 'publish');
  assertIfMatch(ifMatch, row.version);
  return rowOf(kind, row);
}

/** Ends public display: a new version with the notice (repair: a penalty's only), earlier content redacted, a feed event. */
export async function endDisplay<T extends DecisionTable>(
  tx: Db,
  kind: DecisionKind<T>,
  actor: Actor,
  now: Date,
  row: ReadRow<T>,
  status: 'withdrawn' | 'expired' | 'repaired',
  set: Pick<typeof penalties.$inferInsert, 'withdrawal' | 'repair'>,
  reason: string | null,
): Promise<ReadRow<T>> {
  const [ended] = await endDisplayOf(tx, kind, actor, now, [row], status, set, () => reason);
  return ended!;
}

/**
 * endDisplay of locked records in three statements whatever their number (the expiry sweep ends hundreds at a
 * time), their feed events in the order given.
 */
export async function endDisplayOf<T extends DecisionTable>(
  tx: Db,
  kind: DecisionKind<T>,
  actor: Actor,
  now: Date,
  rows: ReadRow<T>[],
  status: 'withdrawn' | 'expired' | 'repaired',
  set: Pick<typeof penalties.$inferInsert, 'withdrawal' | 'repair'>,
  reasonOf: (row: ReadRow<T>) => string | null,
): Promise<ReadRow<T>[]> {
  if (!rows.length) return [];
  const t: DecisionTable = kind.table;
  const ids = rows.map((row) => row.id);
  const updated = await tx
    .update(t)
    .set({ status, version: sql`${t.version} + 1`, updatedAt: now, endedAt: now, ...set })
    .where(inArray(t.id, ids))
    .returning(readColumns(t));
  await redactRevisions(tx, kind.type, ids);
  const after = new Map(updated.map((r) => [r.id, readRowOf(kind, r)]));
  const ended = rows.map((row) => after.get(row.id)!);
  const event: ChangeEventName = status;
  await appendChanges(
    tx,
    actor,
    now,
    rows.map((row, i) => ({ type: kind.type, id: row.id, version: ended[i]!.version, event, agencyId: row.agencyId, data: kind.present(ended[i]!), reason: reasonOf(row) })),
  );
  return ended;
}

/** What differs between the kinds' withdrawals: which statuses may be withdrawn and how a refusal reads. */
export interface WithdrawSpec<T extends DecisionTable> {
  kind: DecisionKind<T>;
  /** The statuses a withdrawal applies to: an expired penalty may still be withdrawn. */
  from: readonly DecisionStatus[];
  refusal: (status: string) => string;
  words: { date: string; self: string; unknown: string };
}

/**
 * 撤回 (行政处罚法 art. 48 ¶2, and the same rule for the other kinds, docs/decisions.md#withdrawals): the record becomes
 * a notice with the reason, earlier versions are redacted, and the 3-working-day deadline from eventDate
 * is tracked.
 */
export async function withdraw<T extends DecisionTable>(
  db: Db,
  spec: WithdrawSpec<T>,
  principal: Principal,
  now: Date,
  rules: DecisionRules,
  id: string,
  ifMatch: string,
  input: WithdrawalCreate,
): Promise<ReadRow<T>> {
  const t: DecisionTable = spec.kind.table;
  return db.transaction(async (tx) => {
    const row = await lockForChange(tx, spec.kind, principal, id, ifMatch);
    if (!spec.from.includes(row.status)) throw problems.conflict(spec.refusal(row.status));
    const errors: FieldError[] = [];
    if (input.eventDate < row.decisionDate) errors.push({ in: 'body', pointer: '/eventDate', detail: `The revoking event is before the ${spec.words.date}.` });
    if (input.eventDate > chinaDate(now)) errors.push({ in: 'body', pointer: '/eventDate', detail: 'The revoking event is in the future.' });
    if (input.replacedBy === id) errors.push({ in: 'body', pointer: '/replacedBy', detail: spec.words.self });
    else if (input.replacedBy) {
      const [other] = await tx.select({ id: t.id }).from(t).where(eq(t.id, input.replacedBy));
      if (!other) errors.push({ in: 'body', pointer: '/replacedBy', detail: spec.words.unknown });
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
    return endDisplay(tx, spec.kind, principal, now, row, 'withdrawn', { withdrawal }, input.explanation);
  });
}

/**
 * A record is published after it is made. A future date would also dodge the minor check, which is
 * judged on the decision date (a 17-year-old would pass as 18 on a date two years ahead), and push the
 * deadline out. Each kind names its date in `detail`.
 */
export const futureDate =
  (detail: string) =>
  (pointer: string): FieldError => ({ in: 'body', pointer, detail });
