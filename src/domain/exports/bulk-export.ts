/**
 * The bulk export of one record type: the latest version, at one feed position, of every record the feed has
 * carried (tombstones included). Positions up to the head are final and the change log and revisions are
 * append-only, so pages read in short statements one after another are one consistent cut: no transaction
 * or connection is held while a slow client downloads. The only later change to a row at or below the
 * position is the redaction of a decision withdrawn since, which also moves the head; so an export at a given
 * head has the same bytes whenever it is taken, and never hands out content that is no longer public.
 */
import { and, asc, eq, gt, lte, sql } from 'drizzle-orm';
import type { SelectedFields } from 'drizzle-orm/pg-core';
import type { Logger } from '../../context.js';
import type { Db } from '../../db/client.js';
import { changes, exportRuns, revisions } from '../../db/schema.js';
import { csvLines, type Cell } from '../../export/national-csv.js';
import { CSV_BOM } from '../../export/national-csv.js';
import type { RecordTypeName } from '../../schemas/changes.js';
import type { ExportFormat } from '../../schemas/exports.js';
import { PUBLISHED_TYPES, versionData } from '../../schemas/published-records.js';
import { entryColumns, entryJson, feedHead, joinRevision, toFeedEntry } from '../feed.js';
import { rawRows } from '../../db/raw-rows.js';
import { rangedPages } from '../page-source.js';
import { concatBytes, EXPORT_PAGE, pagedStream, type PagedStream, type Totals } from '../paged-stream.js';
import { topLevelKeys } from './columns.js';

/**
 * Records of a type in `(after, upTo]` by id (null: unbounded), as the feed had them at `head`. The range
 * bounds the change log only: each revision is then one primary-key lookup. Bounding revisions by the same
 * range let the planner, which estimates a range of new ids (beyond its last ANALYZE) at one row, rescan the
 * whole range of revisions for every change: 100 ms instead of 15 ms a page, most pages of a fresh log.
 */
function inRange(type: RecordTypeName, head: number, after: string | null, upTo: string | null) {
  return and(eq(changes.recordType, type), lte(changes.position, head), after ? gt(changes.recordId, after) : undefined, upTo ? lte(changes.recordId, upTo) : undefined);
}

/**
 * A page of records of a type, each at its latest version at or below `head`, in id order. The order is the
 * index's (record_type, record_id, version DESC NULLS LAST), so no sort runs.
 */
function latest<C extends SelectedFields>(db: Db, type: RecordTypeName, head: number, after: string | null, upTo: string | null, columns: C) {
  return db
    .selectDistinctOn([changes.recordId], { id: changes.recordId, ...columns })
    .from(changes)
    .innerJoin(revisions, joinRevision)
    .where(inRange(type, head, after, upTo))
    .orderBy(asc(changes.recordId), sql`${changes.version} desc nulls last`)
    .limit(EXPORT_PAGE);
}

/** The id EXPORT_PAGE records after `after`, or null when fewer are left: where a page ends. */
async function pageEnd(db: Db, type: RecordTypeName, head: number, after: string | null): Promise<string | null> {
  const [end] = await db
    .select({ id: changes.recordId })
    .from(changes)
    .where(and(eq(changes.recordType, type), lte(changes.position, head), after ? gt(changes.recordId, after) : undefined))
    .groupBy(changes.recordId)
    .orderBy(asc(changes.recordId))
    .offset(EXPORT_PAGE - 1)
    .limit(1);
  return end?.id ?? null;
}

/**
 * Pages read this many at a time. Rendering the stored JSON as text is most of an export's work in
 * PostgreSQL, which spreads it over its cores for a COPY; on a 2-core machine 3 pages in flight took an
 * export of 200,000 penalties from 5.3 s (one at a time) to 3.5 s, and 4 gained nothing more.
 */
const PARALLEL_PAGES = 3;

function exportPages<R>(db: Db, type: RecordTypeName, head: number, page: (after: string | null, upTo: string | null) => Promise<R[]>) {
  return rangedPages(page, (after) => pageEnd(db, type, head, after), PARALLEL_PAGES);
}

const NEWLINE = new TextEncoder().encode('\n');

/**
 * The NDJSON lines of the pages as bytes: straight from the driver where it can give them (see
 * db/raw-rows.ts), else decoded and encoded again, which gives the same bytes.
 */
function ndjsonPages(db: Db, type: RecordTypeName, head: number): Pick<PagedStream<Uint8Array>, 'pages' | 'render'> {
  const query = (after: string | null, upTo: string | null) => latest(db, type, head, after, upTo, { line: entryJson });
  const raw = rawRows(db);
  const utf8 = new TextEncoder();
  return {
    pages: exportPages(db, type, head, raw
      ? // One column, a concatenation of non-null parts: never NULL.
        async (after, upTo) => (await raw(query(after, upTo).toSQL())).map(([, line]) => line!)
      : async (after, upTo) => (await query(after, upTo)).map(({ line }) => utf8.encode(line))),
    render: (lines) => concatBytes(lines.flatMap((line) => [line, NEWLINE])),
  };
}

async function recordRun(db: Db, resource: string, format: ExportFormat, position: number, totals: Totals, at: Date): Promise<void> {
  const run = { resource, format, position, records: totals.records, bytes: totals.bytes, sha256: totals.sha256, completedAt: at };
  // A slower export taken at an earlier position never replaces a later one.
  await db
    .insert(exportRuns)
    .values(run)
    .onConflictDoUpdate({ target: [exportRuns.resource, exportRuns.format], set: run, setWhere: lte(exportRuns.position, position) });
}

export interface BulkExport {
  position: number;
  stream: ReadableStream<Uint8Array>;
}

/** NDJSON: a header line naming the position, one feed entry per record, a trailer line with the count. */
export async function ndjsonExport(db: Db, type: RecordTypeName, now: () => Date, log: Logger): Promise<BulkExport> {
  const position = await feedHead(db);
  const resource = PUBLISHED_TYPES[type].collection;
  const stream = await pagedStream({
    prefix: JSON.stringify({ export: { format: 1, resource, type, position } }) + '\n',
    ...ndjsonPages(db, type, position),
    suffix: (records) => JSON.stringify({ end: { records } }) + '\n',
    complete: (totals) => recordRun(db, resource, 'ndjson', position, totals, now()),
    what: 'NDJSON export',
    log,
  });
  return { position, stream };
}

const ENTRY_HEADERS = ['position', 'type', 'id', 'version', 'event', 'agencyId', 'at'] as const;

const cell = (value: unknown): Cell =>
  value === null || value === undefined ? '' : typeof value === 'string' ? value : typeof value === 'object' ? JSON.stringify(value) : String(value);

/**
 * CSV: the feed entry's own columns, then one column per top-level key the type's schema can publish (nested
 * values as JSON). For spreadsheets; mirror from the NDJSON, whose values are exact.
 */
export async function csvExport(db: Db, type: RecordTypeName, now: () => Date, log: Logger): Promise<BulkExport> {
  const position = await feedHead(db);
  const resource = PUBLISHED_TYPES[type].collection;
  const keys = topLevelKeys(versionData(type));
  // Built apart from pagedStream's argument so the row type is inferred from the query, not from render.
  const pages = exportPages(db, type, position, (after: string | null, upTo: string | null) =>
    latest(db, type, position, after, upTo, entryColumns).execute(),
  );
  const stream = await pagedStream({
    prefix: CSV_BOM + csvLines([[...ENTRY_HEADERS, ...keys.map((k) => `data.${k}`)]]),
    pages,
    render: (rows) =>
      csvLines(
        rows.map((row) => {
          const entry = toFeedEntry(row);
          const data = entry.data as Record<string, unknown>;
          return [...ENTRY_HEADERS.map((h) => cell(entry[h])), ...keys.map((k) => cell(data[k]))];
        }),
      ),
    complete: (totals) => recordRun(db, resource, 'csv', position, totals, now()),
    what: 'CSV bulk export',
    log,
  });
  return { position, stream };
}

