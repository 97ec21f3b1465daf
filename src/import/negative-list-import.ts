/**
 * The negative-list import (docs/negative-list-import.md): read a whole edition's table, and — only when every
 * row is valid — write its items into a draft edition in ONE transaction, each through createItem (so each is
 * version 1 with its revision, its feed event and its measure rows, exactly as POST /v1/negative-list/items
 * writes one). An edition is issued whole, so its import is all or nothing: one rejected row, or one item the
 * database refuses (a 事项编码 or 项目号 the draft already has), and nothing is written.
 */
import type { Db } from '../db/client.js';
import { createEdition, editionByRef, type EditionRow } from '../domain/negative-list/editions.js';
import { createItem } from '../domain/negative-list/items.js';
import { Problem } from '../errors.js';
import type { EditionCreate } from '../schemas/negative-list/editions.js';
import { HEADER_SEARCH_ROWS, isNegativeListHeader, mapNegativeListHeaders } from './negative-list-headers.js';
import { ItemCollector, type CategoryRule, type ParsedItem } from './negative-list-items.js';
import type { LocalRegion } from './negative-list-values.js';
import { openTable } from './read-table.js';
import type { RowError } from './row-common.js';

/** The list is national: the platform operator writes it (the import runs as the operator). */
const OPERATOR = { kind: 'admin' } as const;

export type NegativeListProgress = { phase: 'read'; rows: number; bytesRead: number; size: number } | { phase: 'write'; written: number; total: number };

export interface NegativeListFile {
  /** Rows read below the header, section headings included (blank rows are skipped). */
  rows: number;
  items: ParsedItem[];
  /** Each rejected row's reasons, in row order. */
  rejected: RowError[];
  rejectedRows: number;
  /** Headers of no known column: not read. */
  ignoredColumns: string[];
  /** How many items took their category from each rule. */
  categoryRules: Record<CategoryRule, number>;
}

/** Reads and validates the whole file, writing nothing. A file that is not a table or lacks a column throws (ImportFileError, HeaderError). */
export async function readNegativeList(opts: { file: string | Uint8Array; localRegion?: LocalRegion | undefined; onProgress?: (p: NegativeListProgress) => void }): Promise<NegativeListFile> {
  const table = await openTable(opts.file, { findHeader: { within: HEADER_SEARCH_ROWS, isHeader: isNegativeListHeader } });
  try {
    const mapping = mapNegativeListHeaders(table.headers);
    const collector = new ItemCollector(mapping, opts.localRegion);
    let rows = 0;
    for await (const row of table.rows) {
      rows++;
      collector.add(row);
      opts.onProgress?.({ phase: 'read', rows, bytesRead: table.bytesRead(), size: table.size });
    }
    const { items, rejected, rules } = collector.done();
    return { rows, items, rejected, rejectedRows: new Set(rejected.map((r) => r.rowNumber)).size, ignoredColumns: mapping.ignoredColumns, categoryRules: rules };
  } finally {
    table.close();
  }
}

/** The edition cannot take this import (absent, published, or its code taken): nothing was written. */
export class EditionRefusedError extends Error {
  override name = 'EditionRefusedError';
}

/** The draft edition to import into: `code`, or a new draft when `create` is given. */
export interface EditionTarget {
  code: string;
  create?: EditionCreate | undefined;
}

/** Checks the target before anything is read or written (and again, under lock, when writing). */
export async function checkEditionTarget(db: Db, target: EditionTarget): Promise<EditionRow | undefined> {
  const existing = await editionByRef(db, target.code).catch((e: unknown) => {
    if (e instanceof Problem && e.status === 404) return undefined;
    throw e;
  });
  if (target.create) {
    if (existing) throw new EditionRefusedError(`Edition ${target.code} exists already (${existing.status}): drop --create to import into it, if it is a draft.`);
    return undefined;
  }
  if (!existing) throw new EditionRefusedError(`No negative-list edition has the code ${target.code}: create it with --create --title … --effective-from YYYY-MM-DD.`);
  if (existing.status !== 'draft') {
    throw new EditionRefusedError(`Edition ${existing.code} is ${existing.status}: a published edition never changes. Import into a new draft edition (--create) and publish that.`);
  }
  return existing;
}

async function draftFor(tx: Db, target: EditionTarget, now: Date): Promise<EditionRow> {
  const existing = await checkEditionTarget(tx, target);
  if (existing) return existing;
  try {
    return (await createEdition(tx, OPERATOR, now, target.create!)).row;
  } catch (e) {
    if (e instanceof Problem) throw new EditionRefusedError(`Edition ${target.code} cannot be created: ${[e.detail, ...(e.errors ?? []).map((x) => `${x.pointer} ${x.detail}`)].join('; ')}`);
    throw e;
  }
}

/** Unwinds the transaction when any item was refused; its rows are reported instead. */
class Refused extends Error {}

/** A refusal of createItem on the rows it concerns: /code and /itemNo on the item's first row, /measures/N/… on measure N's. */
function placeRefusal(parsed: ParsedItem, e: Problem): RowError[] {
  if (!e.errors?.length) throw new EditionRefusedError(e.detail);
  for (const err of e.errors) {
    const [field, index, sub] = err.pointer.split('/').slice(1);
    const row = field === 'measures' && parsed.rows[Number(index)] ? parsed.rows[Number(index)]! : parsed.rows[0]!;
    // A 409's own detail says what clashed ("Another item of this edition has this 事项编码."); its field's only "Already used".
    row.add(field === 'measures' ? (sub ?? 'text') : (field ?? ''), e.status === 409 ? e.detail : err.detail);
  }
  return parsed.rows.flatMap((r) => r.errors);
}

/**
 * Writes every item into the draft edition (created first with `target.create`) in one transaction; each
 * createItem is a savepoint inside it. Every item is tried, so the report names all refused rows, and then the
 * transaction is rolled back if any was refused: `written: false` and the rows, or `written: true`.
 */
export async function writeNegativeList(
  db: Db,
  target: EditionTarget,
  items: ParsedItem[],
  opts: { now: Date; onProgress?: (p: NegativeListProgress) => void },
): Promise<{ written: true; edition: EditionRow } | { written: false; rejected: RowError[] }> {
  const rejected: RowError[] = [];
  try {
    const edition = await db.transaction(async (tx) => {
      const draft = await draftFor(tx, target, opts.now);
      for (const [i, parsed] of items.entries()) {
        try {
          await createItem(tx, OPERATOR, opts.now, { ...parsed.item, editionId: draft.id });
        } catch (e) {
          if (!(e instanceof Problem)) throw e;
          rejected.push(...placeRefusal(parsed, e));
        }
        opts.onProgress?.({ phase: 'write', written: i + 1, total: items.length });
      }
      if (rejected.length) throw new Refused();
      return draft;
    });
    return { written: true, edition };
  } catch (e) {
    if (!(e instanceof Refused)) throw e;
    return { written: false, rejected: rejected.sort((a, b) => a.rowNumber - b.rowNumber) };
  }
}
