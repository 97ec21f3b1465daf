import { and, asc, eq, gt, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../db/client.js';
import { discretionBenchmarks, powers } from '../db/schema.js';
import { problems } from '../errors.js';
import { cursorAfter, pageLimit, pageOf } from './paging.js';
import type { Citation } from '../schemas/citations.js';
import { BenchmarkCreate, canonicalYuan, type Benchmark, type BenchmarkListQuery } from '../schemas/discretion.js';
import { publishCiting } from './citation-lists.js';
import { checkCitations, indexCitations } from './citations.js';
import { assertActsFor, type Principal } from './principal.js';
import { withRecordMeta } from './records.js';
import { createRecord, type VersionedResource } from './versioned-record.js';

export type BenchmarkRow = typeof discretionBenchmarks.$inferSelect;

function toBenchmark(row: BenchmarkRow, citations: Citation[]): Benchmark {
  return withRecordMeta(row, {
    status: row.status as Benchmark['status'],
    powerId: row.powerId,
    agencyId: row.agencyId,
    violation: row.violation,
    citations,
    tiers: row.tiers.map((t) => ({
      tier: t.tier,
      circumstances: t.circumstances,
      penalty: t.penalty,
      fineMin: t.fineMin ?? null,
      fineMax: t.fineMax ?? null,
      note: t.note ?? null,
    })),
  });
}

/** Rows as published, citations flagged with today's validity; one describeCitations call per page. */
export const publishBenchmarks = publishCiting(toBenchmark);

async function powerOwner(db: Db, powerId: string): Promise<string> {
  const [power] = await db.select({ agencyId: powers.agencyId }).from(powers).where(eq(powers.id, powerId));
  if (!power) throw problems.notFound('Power ' + powerId);
  return power.agencyId;
}

export const benchmark: VersionedResource<typeof discretionBenchmarks, BenchmarkRow, BenchmarkCreate, Benchmark> = {
  type: 'discretion_benchmark',
  name: 'Discretion benchmark',
  table: discretionBenchmarks,
  schema: BenchmarkCreate,
  // Amounts are kept in their canonical two-decimal form.
  columns: (input) => ({
    violation: input.violation,
    citations: input.citations ?? [],
    tiers: input.tiers.map((t) => ({
      ...t,
      ...(t.fineMin !== undefined ? { fineMin: canonicalYuan(t.fineMin) } : {}),
      ...(t.fineMax !== undefined ? { fineMax: canonicalYuan(t.fineMax) } : {}),
    })),
    status: input.status ?? 'active',
  }),
  publish: publishBenchmarks,
  // A patch applies to the citations as given, not as described with today's validity.
  editable: (_db, row) => ({ violation: row.violation, citations: row.citations, tiers: row.tiers, status: row.status }),
  ownerOf: (row) => row.agencyId,
  check: (tx, input) => checkCitations(tx, input.citations ?? []),
  children: { write: (tx, row) => indexCitations(tx, 'discretion_benchmark', row.id, row.citations) },
};

/** A benchmark belongs to the agency holding the power item; only it (or the operator) may publish one. */
export const createBenchmark = (db: Db, principal: Principal, now: Date, powerId: string, input: BenchmarkCreate) =>
  createRecord(db, benchmark, principal, now, input, async (tx) => {
    const agencyId = await powerOwner(tx, powerId);
    assertActsFor(principal, agencyId, 'publish');
    return { powerId, agencyId };
  });

const IdCursor = z.tuple([z.uuid()]);

/** The benchmarks of one power item, keyset-paginated by id. */
export async function listBenchmarks(db: Db, powerId: string, query: BenchmarkListQuery): Promise<{ rows: BenchmarkRow[]; next: string | null }> {
  await powerOwner(db, powerId);
  const after = cursorAfter(query, IdCursor);
  const where: SQL[] = [eq(discretionBenchmarks.powerId, powerId)];
  if (query.status) where.push(eq(discretionBenchmarks.status, query.status));
  if (after) where.push(gt(discretionBenchmarks.id, after[0]));
  const rows = await db
    .select()
    .from(discretionBenchmarks)
    .where(and(...where))
    .orderBy(asc(discretionBenchmarks.id))
    .limit(pageLimit(query) + 1);
  return pageOf(rows, query, (last) => [last.id]);
}
