import { eq } from 'drizzle-orm';
import { powerType } from '../codes/power-types.js';
import type { Db } from '../db/client.js';
import { agencies, powers } from '../db/schema.js';
import { fieldErrorsFromZod, problems } from '../errors.js';
import { newId } from '../lib/ids.js';
import { searchText } from '../lib/segment.js';
import type { Citation, CitationInput } from '../schemas/citations.js';
import { PowerCreate, type Power, type PowerPatch } from '../schemas/powers.js';
import { describeCitationLists } from './citation-lists.js';
import { checkCitations, indexCitations } from './citations.js';
import { sqlState, UNIQUE_VIOLATION } from './db-errors.js';
import { assertActsFor, owningAgency, type Principal } from './principal.js';
import { appendChanges, recordMetaOf } from './records.js';
import { assertIfMatch } from './versioning.js';
import { mergePatch, sameContent } from './versioning.js';

export type PowerRow = typeof powers.$inferSelect;
type Editable = Omit<PowerCreate, 'agencyId'>;

export function toPower(row: PowerRow, citations: Citation[]): Power {
  return {
    ...recordMetaOf(row),
    status: row.status as Power['status'],
    agencyId: row.agencyId,
    code: row.code,
    name: row.name,
    type: row.type as Power['type'],
    typeName: powerType(row.type).name,
    subItems: row.subItems as Power['subItems'],
    citations,
    responsibilities: row.responsibilities as string[],
    accountability: row.accountability as string[],
    reviewTransfer: row.reviewTransfer,
  };
}

/**
 * Rows as published, their citations described with today's validity (a repealed text is flagged).
 * One describeCitations call for the whole page.
 */
export async function publishPowers(db: Db, rows: PowerRow[], now: Date): Promise<Power[]> {
  const lists = await describeCitationLists(db, rows.map((r) => r.citations as CitationInput[]), now);
  return rows.map((row, i) => toPower(row, lists[i]!));
}

/** The stored columns for a validated create payload (or a patch merged onto the current version). */
function columns(input: Editable) {
  const subItems = input.subItems ?? [];
  const responsibilities = input.responsibilities ?? [];
  const accountability = input.accountability ?? [];
  return {
    code: input.code,
    name: input.name,
    type: input.type,
    subItems,
    citations: input.citations ?? [],
    responsibilities,
    accountability,
    reviewTransfer: input.reviewTransfer ?? false,
    status: input.status ?? 'active',
    searchText: searchText(input.name, input.code, powerType(input.type).name, ...subItems.flatMap((s) => [s.code, s.name]), ...responsibilities, ...accountability),
  };
}

/** The editable fields of a stored version, in create-payload shape: what a merge patch applies to. */
function editableOf(row: PowerRow): Record<string, unknown> {
  return {
    code: row.code,
    name: row.name,
    type: row.type,
    subItems: row.subItems,
    citations: row.citations,
    responsibilities: row.responsibilities,
    accountability: row.accountability,
    reviewTransfer: row.reviewTransfer,
    status: row.status,
  };
}

function duplicateCode(err: unknown): never {
  if (sqlState(err) === UNIQUE_VIOLATION) {
    throw problems.conflict('This agency already has a power item with this 职权编码.', [
      { in: 'body', pointer: '/code', detail: 'Already used by another power item of this agency.' },
    ]);
  }
  throw err;
}

export async function createPower(db: Db, principal: Principal, now: Date, input: PowerCreate): Promise<Power> {
  const agencyId = owningAgency(principal, input.agencyId);
  return db
    .transaction(async (tx) => {
      const [agency] = await tx.select({ id: agencies.id }).from(agencies).where(eq(agencies.id, agencyId));
      if (!agency) throw problems.unprocessable([{ in: 'body', pointer: '/agencyId', detail: 'No agency has this id.' }]);
      const cols = columns(input);
      await checkCitations(tx, cols.citations);
      const [row] = await tx
        .insert(powers)
        .values({ id: newId(), version: 1, agencyId, createdAt: now, updatedAt: now, ...cols })
        .returning();
      await indexCitations(tx, 'power', row!.id, cols.citations);
      const [published] = await publishPowers(tx, [row!], now);
      await appendChanges(tx, principal, now, [{ type: 'power', id: row!.id, version: 1, event: 'created', agencyId, data: published! }]);
      return published!;
    })
    .catch(duplicateCode);
}

export async function getPowerRow(db: Db, id: string): Promise<PowerRow> {
  const [row] = await db.select().from(powers).where(eq(powers.id, id));
  if (!row) throw problems.notFound('Power ' + id);
  return row;
}

/** Merge patch against the version named by If-Match; only the holding agency (or the operator) may edit. */
export async function patchPower(db: Db, principal: Principal, now: Date, id: string, ifMatch: string, patch: PowerPatch): Promise<Power> {
  return db
    .transaction(async (tx) => {
      const [current] = await tx.select().from(powers).where(eq(powers.id, id)).for('update');
      if (!current) throw problems.notFound('Power ' + id);
      assertActsFor(principal, current.agencyId, 'publish');
      assertIfMatch(ifMatch, current.version);
      const merged = PowerCreate.safeParse(mergePatch(editableOf(current), patch));
      if (!merged.success) throw problems.unprocessable(fieldErrorsFromZod(merged.error.issues, 'body'));
      const next = columns(merged.data);
      if (sameContent(current, next)) return (await publishPowers(tx, [current], now))[0]!;
      await checkCitations(tx, next.citations);
      const [row] = await tx
        .update(powers)
        .set({ ...next, version: current.version + 1, updatedAt: now })
        .where(eq(powers.id, id))
        .returning();
      await indexCitations(tx, 'power', id, next.citations);
      const [published] = await publishPowers(tx, [row!], now);
      await appendChanges(tx, principal, now, [{ type: 'power', id, version: row!.version, event: 'updated', agencyId: row!.agencyId, data: published! }]);
      return published!;
    })
    .catch(duplicateCode);
}
