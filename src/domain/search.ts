import { sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { phraseQuery, prefixQuery } from '../lib/segment.js';
import { escapeLike } from './query-helpers.js';

export interface TextSearch {
  /** Rows matching the query (see textSearch). */
  where: SQL;
  /** Integer relevance (higher first), identical on PGlite and PostgreSQL so keyset pages agree. */
  rank: SQL<number>;
}

/** pg_trgm can use its index only when the pattern holds at least one whole trigram. */
const MIN_SUBSTRING = 3;

/**
 * Chinese-aware search over one record table. `vector` is the stored `simple` tsvector of the
 * app-segmented words (GIN-indexed). A query matches when its words appear as a phrase; a query of
 * 3+ characters also matches as a substring of the `raw` columns (pg_trgm GIN), which finds text
 * that segments differently. Shorter queries match words they begin (道路 finds 道路 and 道路运输)
 * instead, since a 2-character substring cannot use a trigram index and would scan the table.
 */
export function textSearch(query: string, vector: AnyColumn, raw: AnyColumn[]): TextSearch {
  const trimmed = query.trim();
  const short = [...trimmed].length < MIN_SUBSTRING;
  const words = short ? prefixQuery(trimmed) : phraseQuery(trimmed);
  const like = '%' + escapeLike(trimmed) + '%';
  const substring = sql.join(raw.map((column) => sql`${column} ILIKE ${like}`), sql` OR `);
  // Ranking runs only on rows already matched, so the substring bonus may use any length.
  const substringRank = sql`CASE WHEN ${substring} THEN 100 ELSE 0 END`;
  if (!words) {
    return short ? { where: sql`false`, rank: sql<number>`CAST(0 AS integer)` } : { where: sql`(${substring})`, rank: sql<number>`(${substringRank})` };
  }
  const tsquery = sql`to_tsquery('simple', ${words})`;
  const matched = short ? sql`${vector} @@ ${tsquery}` : sql`(${vector} @@ ${tsquery} OR ${substring})`;
  // Word matches outrank bare substrings; within them, denser matches (ts_rank_cd) come first, and
  // a literal occurrence in the raw text (e.g. the name) adds a little.
  return {
    where: matched,
    rank: sql<number>`(CASE WHEN ${vector} @@ ${tsquery} THEN 1000 + round(ts_rank_cd(${vector}, ${tsquery}) * 1000)::int ELSE 0 END + ${substringRank})`,
  };
}

/** Keyset condition after (rank, id) for rank-descending, id-ascending pages. */
export function afterRanked(rank: SQL<number>, id: AnyColumn, cursor: readonly [number, string] | null): SQL | undefined {
  if (!cursor) return undefined;
  const [lastRank, lastId] = cursor;
  return sql`(${rank} < ${lastRank} OR (${rank} = ${lastRank} AND ${id} > ${lastId}))`;
}
