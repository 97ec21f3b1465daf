import { and, asc, eq, sql } from 'drizzle-orm';
import { insertRows } from '../db/bulk-insert.js';
import type { Db } from '../db/client.js';
import { changeClock, changes, revisions } from '../db/schema.js';
import type { CHANGE_EVENTS, RecordTypeName } from '../schemas/changes.js';
import type { Revision } from '../schemas/feed.js';
import { actorColumns, type Actor } from './principal.js';

export type RecordType = RecordTypeName;
export type ChangeEventName = (typeof CHANGE_EVENTS)[number];

export interface RecordChange {
  type: RecordType;
  id: string;
  version: number;
  event: ChangeEventName;
  agencyId: string | null;
  /** The record exactly as it is published at this version. */
  data: Record<string, unknown>;
  reason?: string | null;
}

/**
 * Writes the immutable revisions and change-log rows for the given changes. Call it as the last statement
 * of the writing transaction: allocating positions takes the change_clock row lock, which is held until
 * commit, so log positions follow commit order and stay dense (a rollback gives its positions back).
 */
export async function appendChanges(tx: Db, principal: Actor, at: Date, list: RecordChange[]): Promise<void> {
  if (list.length === 0) return;
  const actor = actorColumns(principal);
  await insertRows(
    tx,
    revisions,
    list.map((c) => ({
      recordType: c.type,
      recordId: c.id,
      version: c.version,
      event: c.event,
      data: c.data,
      reason: c.reason ?? null,
      at,
      ...actor,
    })),
  );
  const [clock] = await tx
    .insert(changeClock)
    .values({ id: 1, position: list.length })
    .onConflictDoUpdate({ target: changeClock.id, set: { position: sql`${changeClock.position} + ${list.length}` } })
    .returning({ position: changeClock.position });
  const first = clock!.position - list.length + 1;
  await insertRows(
    tx,
    changes,
    list.map((c, i) => ({
      position: first + i,
      recordType: c.type,
      recordId: c.id,
      version: c.version,
      event: c.event,
      agencyId: c.agencyId,
      at,
    })),
  );
}

/** A redacted revision (of a decision no longer displayed) shows no content, only that it was withdrawn from view. */
export const REDACTED = { redacted: true, detail: 'This version is no longer public: the decision was withdrawn, or its publicity period ended.' };

function toRevision(row: typeof revisions.$inferSelect): Revision {
  return {
    version: row.version,
    event: row.event as Revision['event'],
    at: row.at.toISOString(),
    actor: { kind: row.actorKind as Revision['actor']['kind'], keyId: row.actorKeyId, agencyId: row.actorAgencyId },
    reason: row.reason,
    data: row.redacted ? REDACTED : (row.data as Record<string, unknown>),
  };
}

export async function listRevisions(db: Db, type: RecordType, id: string): Promise<Revision[]> {
  const rows = await db
    .select()
    .from(revisions)
    .where(and(eq(revisions.recordType, type), eq(revisions.recordId, id)))
    .orderBy(asc(revisions.version));
  return rows.map(toRevision);
}

export async function getRevision(db: Db, type: RecordType, id: string, version: number): Promise<Revision | null> {
  const [row] = await db
    .select()
    .from(revisions)
    .where(and(eq(revisions.recordType, type), eq(revisions.recordId, id), eq(revisions.version, version)));
  return row ? toRevision(row) : null;
}

/** The metadata every published record carries, as published (timestamps in ISO 8601 UTC). */
export function withRecordMeta<T extends object>(row: { id: string; version: number; createdAt: Date; updatedAt: Date }, fields: T) {
  // Meta first, then the fields spread in: a literal that begins with a spread and then adds more than a dozen
  // properties leaves V8 with a dictionary-mode object, seven times slower to build and to serialize.
  return { id: row.id, version: row.version, createdAt: row.createdAt.toISOString(), updatedAt: row.updatedAt.toISOString(), ...fields };
}
