import { and, asc, eq, gt, inArray, lte, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { changeClock, changes, revisions } from '../db/schema.js';
import { problems } from '../errors.js';
import type { RecordTypeName } from '../schemas/changes.js';
import type { FeedEntry } from '../schemas/feed.js';
import { REDACTED } from './records.js';

/** The highest committed position: everything at or below it is final (see appendChanges). */
export async function feedHead(db: Db): Promise<number> {
  const [clock] = await db.select({ position: changeClock.position }).from(changeClock).where(eq(changeClock.id, 1));
  return clock?.position ?? 0;
}

/** A position a client sends must be one the log has reached: anything ahead of the head is a forged or foreign cursor. */
function assertReached(position: number, head: number, field: string): void {
  if (position > head) {
    throw problems.validation([{ in: 'query', pointer: `/${field}`, detail: `Position ${position} is ahead of the change log's head (${head}): use a position from a previous answer.` }]);
  }
}

/** The columns of a change-log entry with the revision it made, as the feed and the exports send them. */
export const entryColumns = {
  position: changes.position,
  type: changes.recordType,
  id: changes.recordId,
  version: changes.version,
  event: changes.event,
  agencyId: changes.agencyId,
  at: changes.at,
  data: revisions.data,
  redacted: revisions.redacted,
};

interface EntryRow {
  position: number;
  type: string;
  id: string;
  version: number;
  event: string;
  agencyId: string | null;
  at: Date;
  data: unknown;
  redacted: boolean;
}

export function toFeedEntry(row: EntryRow): FeedEntry {
  // The stored strings are RECORD_TYPES and CHANGE_EVENTS members (appendChanges writes only those), and data
  // is the record as its type publishes it; the response schema checks all three on the way out.
  return {
    position: row.position,
    type: row.type,
    id: row.id,
    version: row.version,
    event: row.event,
    agencyId: row.agencyId,
    at: row.at.toISOString(),
    data: row.redacted ? REDACTED : row.data,
  } as FeedEntry;
}

const REDACTED_JSON = JSON.stringify(REDACTED);

/**
 * A feed entry as JSON text, built in SQL so the stored JSON crosses the driver as text and is never parsed
 * and serialized again: the feed, the push deliveries and the NDJSON export send it as is. Same members, in
 * the same order, as toFeedEntry(); `data` keeps jsonb's own text form. Its conformance to the published
 * schema is checked by the test suite, which validates every response against the OpenAPI document.
 */
export const entryJson = sql<string>`'{"position":' || ${changes.position}
  || ',"type":' || to_json(${changes.recordType})::text
  || ',"id":"' || ${changes.recordId}
  || '","version":' || ${changes.version}
  || ',"event":' || to_json(${changes.event})::text
  || ',"agencyId":' || coalesce('"' || ${changes.agencyId} || '"', 'null')
  || ',"at":"' || to_char(${changes.at} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
  || '","data":' || CASE WHEN ${revisions.redacted} THEN ${REDACTED_JSON} ELSE ${revisions.data}::text END
  || '}'`;

export const joinRevision = and(eq(revisions.recordId, changes.recordId), eq(revisions.version, changes.version));

const typeFilter = (types: RecordTypeName[] | undefined): SQL | undefined =>
  types === undefined ? undefined : types.length === 1 ? eq(changes.recordType, types[0]!) : inArray(changes.recordType, types);

/**
 * Changes after a position, in commit order, up to the head read first. Positions are dense and assigned
 * under a lock held to commit (see appendChanges), so everything up to `head` is final when read.
 */
export async function readFeed(db: Db, after: number, limit: number, types?: RecordTypeName[]): Promise<FeedPage> {
  const head = await feedHead(db);
  assertReached(after, head, 'after');
  const rows = await db
    .select({ position: changes.position, at: changes.at, entry: entryJson })
    .from(changes)
    .innerJoin(revisions, joinRevision)
    .where(and(gt(changes.position, after), lte(changes.position, head), typeFilter(types)))
    .orderBy(asc(changes.position))
    .limit(limit);
  // When this read reached everything committed up to head, the cursor may jump to head even if the
  // type filter hid the last positions; otherwise it continues after the last item returned.
  const next = rows.length < limit ? head : rows[rows.length - 1]!.position;
  const latest = Math.max(...rows.map((row) => row.at.getTime()));
  return { entries: rows.map((row) => row.entry), head, next, lastAt: rows.length ? new Date(latest) : null };
}

/** A page of the feed: its entries as JSON text (see entryJson), in position order. */
export interface FeedPage {
  entries: string[];
  head: number;
  next: number;
  /** When the latest of the entries was made; null for an empty page. */
  lastAt: Date | null;
}

/** A feed page's body (schemas/feed.ts Feed, or a push delivery with `before` first) as JSON text. */
export function feedPageJson(page: FeedPage, before = ''): string {
  return `{${before}"items":[${page.entries.join(',')}],"next":${JSON.stringify(String(page.next))},"head":${page.head}}`;
}
