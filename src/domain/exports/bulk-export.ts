/**
 * The bulk export of one record type: the latest version, at one feed position, of every record the feed has
 * carried (tombstones included). Positions up to the head are final and the change log and revisions are
 * append-only, so pages read in short statements one after another are one consistent cut: no transaction
 * or connection is held while a slow client downloads. The only later change to a row at or below the
 * position is the redaction of a decision withdrawn since, which also moves the head; so an export at a given
 * head has the same bytes whenever it is taken, and never hands out content that is no longer public.
 */
import { and, asc, desc, eq, gt, lte, sql } from 'drizzle-orm';
import type { SelectedFields } from 'drizzle-orm/pg-core';
import type { Logger } from '../../context.js';
import type { Db } from '../../db/client.js';
import { changes, exportRuns, revisions } from '../../db/schema.js';
import { csvLines, type Cell } from '../../export/national-csv.js';
import { CSV_BOM } from '../../export/national-csv.js';
import type { RecordTypeName } from '../../schemas/changes.js';
import type { ExportFormat } from '../../schemas/exports.js';
import { PUBLISHED_TYPES, versionData } from '../../schemas/published-records.js';
import { entryColumns, feedHead, joinRevision, toFeedEntry } from '../feed.js';
import { EXPORT_PAGE, pagedStream, type Totals } from '../paged-stream.js';
import { REDACTED } from '../records.js';
import { topLevelKeys } from './columns.js';

const REDACTED_JSON = JSON.stringify(REDACTED);

/**
 * A feed entry as one NDJSON line, built in SQL so the stored JSON crosses the driver as text and is never
 * parsed and re-serialized (the export's cost is then mostly PostgreSQL's). Same members as toFeedEntry().
 */
const ndjsonLine = sql<string>`'{"position":' || ${changes.position}
  || ',"type":' || to_json(${changes.recordType})::text
  || ',"id":"' || ${changes.recordId}
  || '","version":' || ${changes.version}
  || ',"event":' || to_json(${changes.event})::text
  || ',"agencyId":' || coalesce('"' || ${changes.agencyId} || '"', 'null')
  || ',"at":"' || to_char(${changes.at} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
  || '","data":' || CASE WHEN ${revisions.redacted} THEN ${REDACTED_JSON} ELSE ${revisions.data}::text END
  || '}'`;

/** The next page of records of a type after `after` (by id), each at its latest version at or below `head`. */
function latest<C extends SelectedFields>(db: Db, type: RecordTypeName, head: number, after: string | null, columns: C) {
  return db
    .selectDistinctOn([changes.recordId], { id: changes.recordId, ...columns })
    .from(changes)
    .innerJoin(revisions, joinRevision)
    .where(and(eq(changes.recordType, type), lte(changes.position, head), after ? gt(changes.recordId, after) : undefined))
    .orderBy(asc(changes.recordId), desc(changes.version))
    .limit(EXPORT_PAGE);
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
    page: (after) => latest(db, type, position, after, { line: ndjsonLine }),
    render: (rows) => rows.map((r) => r.line + '\n').join(''),
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
  const stream = await pagedStream({
    prefix: CSV_BOM + csvLines([[...ENTRY_HEADERS, ...keys.map((k) => `data.${k}`)]]),
    page: (after) => latest(db, type, position, after, entryColumns),
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
