import { and, asc, desc, eq, gt, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { legalArticles, legalBases } from '../../db/schema.js';
import { problems } from '../../errors.js';
import { cursorAfter, pageLimit, pageOf } from '../paging.js';
import type { ArticleSearchQuery, LegalArticle, LegalArticleHit, LegalArticleListQuery } from '../../schemas/legal-articles.js';
import { textSearch } from '../search.js';
import { getLegalBasis } from './read.js';
import { toArticle } from './rows.js';

const OrdinalCursor = z.tuple([z.int()]);
const RankedOrdinalCursor = z.tuple([z.int(), z.int()]);

/** One text's articles in order (keyset by ordinal), or, with q, ranked matches (rank desc, then in order). */
export async function listArticles(db: Db, legalBasisId: string, query: LegalArticleListQuery): Promise<{ items: LegalArticle[]; next: string | null }> {
  await getLegalBasis(db, legalBasisId);
  const limit = pageLimit(query);
  const ofBasis = eq(legalArticles.legalBasisId, legalBasisId);
  if (!query.q) {
    const after = cursorAfter(query, OrdinalCursor);
    const rows = await db
      .select()
      .from(legalArticles)
      .where(and(ofBasis, after ? gt(legalArticles.ordinal, after[0]) : undefined))
      .orderBy(asc(legalArticles.ordinal))
      .limit(limit + 1);
    const page = pageOf(rows, query, (last) => [last.ordinal]);
    return { items: page.rows.map(toArticle), next: page.next };
  }
  const search = textSearch(query.q, legalArticles.searchVector, [legalArticles.text]);
  const after = cursorAfter(query, RankedOrdinalCursor);
  const rows = await db
    .select({ row: legalArticles, rank: search.rank })
    .from(legalArticles)
    .where(
      and(
        ofBasis,
        search.where,
        after ? sql`(${search.rank} < ${after[0]} OR (${search.rank} = ${after[0]} AND ${legalArticles.ordinal} > ${after[1]}))` : undefined,
      ),
    )
    .orderBy(desc(search.rank), asc(legalArticles.ordinal))
    .limit(limit + 1);
  const page = pageOf(rows, query, (last) => [Number(last.rank), last.row.ordinal]);
  return { items: page.rows.map((r) => toArticle(r.row)), next: page.next };
}

export async function getArticle(db: Db, legalBasisId: string, no: string): Promise<LegalArticle> {
  await getLegalBasis(db, legalBasisId);
  const [row] = await db
    .select()
    .from(legalArticles)
    .where(and(eq(legalArticles.legalBasisId, legalBasisId), eq(legalArticles.no, no)));
  if (!row) throw problems.notFound(`Article ${no} of legal basis ${legalBasisId}`);
  return toArticle(row);
}

const HitCursor = z.tuple([z.int(), z.uuid(), z.int()]);

/** Articles of every text matching q, most relevant first; ties by text id, then article order. */
export async function searchArticles(db: Db, query: ArticleSearchQuery): Promise<{ items: LegalArticleHit[]; next: string | null }> {
  const search = textSearch(query.q, legalArticles.searchVector, [legalArticles.text]);
  const after = cursorAfter(query, HitCursor);
  const rank = search.rank;
  const rows = await db
    .select({ row: legalArticles, title: legalBases.title, rank })
    .from(legalArticles)
    .innerJoin(legalBases, eq(legalBases.id, legalArticles.legalBasisId))
    .where(
      and(
        search.where,
        after
          ? sql`(${rank} < ${after[0]} OR (${rank} = ${after[0]} AND (${legalArticles.legalBasisId} > ${after[1]}
              OR (${legalArticles.legalBasisId} = ${after[1]} AND ${legalArticles.ordinal} > ${after[2]}))))`
          : undefined,
      ),
    )
    .orderBy(desc(rank), asc(legalArticles.legalBasisId), asc(legalArticles.ordinal))
    .limit(pageLimit(query) + 1);
  const page = pageOf(rows, query, (last) => [Number(last.rank), last.row.legalBasisId, last.row.ordinal]);
  return { items: page.rows.map((r) => ({ ...toArticle(r.row), legalBasisTitle: r.title, rank: Number(r.rank) })), next: page.next };
}
