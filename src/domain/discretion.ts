import { and, asc, eq, gt, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../db/client.js';
import { discretionBenchmarks, powers } from '../db/schema.js';
import { fieldErrorsFromZod, problems } from '../errors.js';
import { decodeCursor, encodeCursor, filterScope } from '../lib/cursor.js';
import { newId } from '../lib/ids.js';
import type { Citation, CitationInput } from '../schemas/citations.js';
import { BenchmarkCreate, canonicalYuan, type Benchmark, type BenchmarkListQuery, type BenchmarkPatch, type Tier } from '../schemas/discretion.js';
import { describeCitationLists } from './citation-lists.js';
import { checkCitations, indexCitations } from './citations.js';
import { assertActsFor, type Principal } from './principal.js';
import { appendChanges, recordMetaOf } from './records.js';
import { assertIfMatch } from './versioning.js';
import { mergePatch, sameContent } from './versioning.js';

export type BenchmarkRow = typeof discretionBenchmarks.$inferSelect;

export function toBenchmark(row: BenchmarkRow, citations: Citation[]): Benchmark {
  return {
    ...recordMetaOf(row),
    status: row.status as Benchmark['status'],
    powerId: row.powerId,
    agencyId: row.agencyId,
    violation: row.violation,
    citations,
    tiers: (row.tiers as Tier[]).map((t) => ({
      tier: t.tier,
      circumstances: t.circumstances,
      penalty: t.penalty,
      fineMin: t.fineMin ?? null,
      fineMax: t.fineMax ?? null,
      note: t.note ?? null,
    })),
  };
}

/** Rows as published, citations flagged with today's validity; one describeCitations call per page. */
export async function publishBenchmarks(db: Db, rows: BenchmarkRow[], now: Date): Promise<Benchmark[]> {
  const lists = await describeCitationLists(db, rows.map((r) => r.citations as CitationInput[]), now);
  return rows.map((row, i) => toBenchmark(row, lists[i]!));
}

/** Stored columns; amounts are kept in their canonical two-decimal form. */
function columns(input: BenchmarkCreate) {
  return {
    violation: input.violation,
    citations: input.citations ?? [],
    tiers: input.tiers.map((t) => ({
      ...t,
      ...(t.fineMin !== undefined ? { fineMin: canonicalYuan(t.fineMin) } : {}),
      ...(t.fineMax !== undefined ? { fineMax: canonicalYuan(t.fineMax) } : {}),
    })),
    status: input.status ?? 'active',
  };
}

async function powerOwner(db: Db, powerId: string): Promise<string> {
  const [power] = await db.select({ agencyId: powers.agencyId }).from(powers).where(eq(powers.id, powerId));
  if (!power) throw problems.notFound('Power ' + powerId);
  return power.agencyId;
}

/** A benchmark belongs to the agency holding the power item; only it (or the operator) may publish one. */
export async function createBenchmark(db: Db, principal: Principal, now: Date, powerId: string, input: BenchmarkCreate): Promise<Benchmark> {
  return db.transaction(async (tx) => {
    const agencyId = await powerOwner(tx, powerId);
    assertActsFor(principal, agencyId, 'publish');
    const cols = columns(input);
    await checkCitations(tx, cols.citations);
    const [row] = await tx
      .insert(discretionBenchmarks)
      .values({ id: newId(), version: 1, powerId, agencyId, createdAt: now, updatedAt: now, ...cols })
      .returning();
    await indexCitations(tx, 'discretion_benchmark', row!.id, cols.citations);
    const [published] = await publishBenchmarks(tx, [row!], now);
    await appendChanges(tx, principal, now, [{ type: 'discretion_benchmark', id: row!.id, version: 1, event: 'created', agencyId, data: published! }]);
    return published!;
  });
}

export async function getBenchmarkRow(db: Db, id: string): Promise<BenchmarkRow> {
  const [row] = await db.select().from(discretionBenchmarks).where(eq(discretionBenchmarks.id, id));
  if (!row) throw problems.notFound('Discretion benchmark ' + id);
  return row;
}

export async function patchBenchmark(db: Db, principal: Principal, now: Date, id: string, ifMatch: string, patch: BenchmarkPatch): Promise<Benchmark> {
  return db.transaction(async (tx) => {
    const [current] = await tx.select().from(discretionBenchmarks).where(eq(discretionBenchmarks.id, id)).for('update');
    if (!current) throw problems.notFound('Discretion benchmark ' + id);
    assertActsFor(principal, current.agencyId, 'publish');
    assertIfMatch(ifMatch, current.version);
    const editable = { violation: current.violation, citations: current.citations, tiers: current.tiers, status: current.status };
    const merged = BenchmarkCreate.safeParse(mergePatch(editable, patch));
    if (!merged.success) throw problems.unprocessable(fieldErrorsFromZod(merged.error.issues, 'body'));
    const next = columns(merged.data);
    if (sameContent(current, next)) return (await publishBenchmarks(tx, [current], now))[0]!;
    await checkCitations(tx, next.citations);
    const [row] = await tx
      .update(discretionBenchmarks)
      .set({ ...next, version: current.version + 1, updatedAt: now })
      .where(eq(discretionBenchmarks.id, id))
      .returning();
    await indexCitations(tx, 'discretion_benchmark', id, next.citations);
    const [published] = await publishBenchmarks(tx, [row!], now);
    await appendChanges(tx, principal, now, [
      { type: 'discretion_benchmark', id, version: row!.version, event: 'updated', agencyId: row!.agencyId, data: published! },
    ]);
    return published!;
  });
}

const IdCursor = z.tuple([z.uuid()]);

/** The benchmarks of one power item, keyset-paginated by id. */
export async function listBenchmarks(db: Db, powerId: string, query: BenchmarkListQuery): Promise<{ rows: BenchmarkRow[]; next: string | null }> {
  await powerOwner(db, powerId);
  const limit = query.limit ?? 20;
  const after = query.cursor ? decodeCursor(query.cursor, IdCursor, filterScope(query)) : null;
  if (query.cursor && !after) throw problems.badCursor();
  const where: SQL[] = [eq(discretionBenchmarks.powerId, powerId)];
  if (query.status) where.push(eq(discretionBenchmarks.status, query.status));
  if (after) where.push(gt(discretionBenchmarks.id, after[0]));
  const rows = await db
    .select()
    .from(discretionBenchmarks)
    .where(and(...where))
    .orderBy(asc(discretionBenchmarks.id))
    .limit(limit + 1);
  const more = rows.length > limit;
  const page = more ? rows.slice(0, limit) : rows;
  return { rows: page, next: more ? encodeCursor([page[page.length - 1]!.id], filterScope(query)) : null };
}
