import { and, asc, eq, gt } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { changeClock, changes, revisions } from '../db/schema.js';
import type { z } from 'zod';
import type { FeedEntry } from '../schemas/changes.js';
import { REDACTED } from './records.js';

type Entry = z.output<typeof FeedEntry>;

/**
 * Changes after a position, in commit order. Positions are dense and assigned under a lock held to
 * commit (see appendChanges), so everything up to `head` is final when read.
 */
export async function readFeed(db: Db, after: number, limit: number, type?: string): Promise<{ items: Entry[]; head: number; next: number }> {
  const [clock] = await db.select({ position: changeClock.position }).from(changeClock).where(eq(changeClock.id, 1));
  const head = clock?.position ?? 0;
  const rows = await db
    .select({ change: changes, data: revisions.data, redacted: revisions.redacted })
    .from(changes)
    .innerJoin(revisions, and(eq(revisions.recordId, changes.recordId), eq(revisions.version, changes.version)))
    .where(and(gt(changes.position, after), type ? eq(changes.recordType, type) : undefined))
    .orderBy(asc(changes.position))
    .limit(limit);
  const items = rows
    .filter((r) => r.change.position <= head)
    .map(({ change, data, redacted }) => ({
      position: change.position,
      type: change.recordType as Entry['type'],
      id: change.recordId,
      version: change.version,
      event: change.event as Entry['event'],
      agencyId: change.agencyId,
      at: change.at.toISOString(),
      data: redacted ? REDACTED : (data as Record<string, unknown>),
    }));
  // When this read reached everything committed up to head, the cursor may jump to head even if the
  // type filter hid the last positions; otherwise it continues after the last item returned.
  const complete = rows.length < limit || rows[rows.length - 1]!.change.position > head;
  const next = complete ? Math.max(after, head) : items[items.length - 1]!.position;
  return { items, head, next };
}
