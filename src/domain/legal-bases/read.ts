import { and, arrayContains, asc, desc, eq, gt, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { legalBases } from '../../db/schema.js';
import { problems } from '../../errors.js';
import { cursorAfter, pageLimit, pageOf } from '../paging.js';
import type { LegalBasis, LegalBasisListQuery } from '../../schemas/legal-bases.js';
import { afterRanked, textSearch } from '../search.js';
import { deriveAll, validityCondition } from './derived.js';
import { toLegalBasis, type LegalBasisRow } from './rows.js';

export async function getLegalBasis(db: Db, id: string): Promise<LegalBasisRow> {
  const [row] = await db.select().from(legalBases).where(eq(legalBases.id, id));
  if (!row) throw problems.notFound('Legal basis ' + id);
  return row;
}

/** Plain lists page by id; searches by (rank desc, id). A cursor from one kind of list is refused by the other. */
const IdCursor = z.tuple([z.uuid()]);
const RankCursor = z.tuple([z.int(), z.uuid()]);

export async function listLegalBases(db: Db, query: LegalBasisListQuery, today: string): Promise<{ items: LegalBasis[]; next: string | null }> {
  const limit = pageLimit(query);
  const where: (SQL | undefined)[] = [];
  if (query.level) where.push(eq(legalBases.level, query.level));
  if (query.validity) where.push(validityCondition(query.validity, today));
  if (query.topic) where.push(arrayContains(legalBases.topics, [query.topic]));
  if (query.issuer) where.push(eq(legalBases.issuer, query.issuer));
  if (query.agencyId) where.push(eq(legalBases.agencyId, query.agencyId));
  if (query.amendsId) where.push(eq(legalBases.amendsId, query.amendsId));

  let rows: (LegalBasisRow & { rank?: number })[];
  if (query.q) {
    const search = textSearch(query.q, legalBases.searchVector, [legalBases.title]);
    const after = cursorAfter(query, RankCursor);
    rows = await db
      .select({ row: legalBases, rank: search.rank })
      .from(legalBases)
      .where(and(search.where, ...where, afterRanked(search.rank, legalBases.id, after)))
      .orderBy(desc(search.rank), asc(legalBases.id))
      .limit(limit + 1)
      .then((rs) => rs.map((r) => ({ ...r.row, rank: Number(r.rank) })));
  } else {
    const after = cursorAfter(query, IdCursor);
    rows = await db
      .select()
      .from(legalBases)
      .where(and(...where, after ? gt(legalBases.id, after[0]) : undefined))
      .orderBy(asc(legalBases.id))
      .limit(limit + 1);
  }
  const { rows: page, next } = pageOf(rows, query, (last) => (query.q ? [last.rank!, last.id] : [last.id]));
  const derived = await deriveAll(db, page, today);
  return { items: page.map((r) => toLegalBasis(stripRank(r), derived.get(r.id)!)), next };
}

function stripRank(row: LegalBasisRow & { rank?: number }): LegalBasisRow {
  const { rank: _rank, ...rest } = row;
  return rest;
}
