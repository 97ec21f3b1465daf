import { sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { phraseQuery } from '../lib/segment.js';
import { escapeLike } from './query-helpers.js';

export interface TextSearch {
  /** Rows matching the query: its words as a phrase in the segmented text, or the query as a substring. */
  where: SQL;
  /** Integer relevance (higher first), identical on PGlite and PostgreSQL so keyset pages agree. */
  rank: SQL<number>;
}

/**
 * Chinese-aware search over one record table. `segmented` holds app-segmented words (simple tsvector,
 * GIN-indexed); `raw` columns are matched as substrings (pg_trgm GIN indexes), which also finds a
 * 2-character word inside a longer segmented word (道路 in 道路运输).
 */
export function textSearch(query: string, segmented: AnyColumn, raw: AnyColumn[]): TextSearch {
  const like = '%' + escapeLike(query.trim()) + '%';
  const substring = sql.join(
    raw.map((column) => sql`${column} ILIKE ${like}`),
    sql` OR `,
  );
  const phrase = phraseQuery(query);
  if (!phrase) {
    return { where: sql`(${substring})`, rank: sql<number>`(CASE WHEN ${substring} THEN 100 ELSE 0 END)` };
  }
  const vector = sql`to_tsvector('simple', ${segmented})`;
  const tsquery = sql`to_tsquery('simple', ${phrase})`;
  return {
    where: sql`(${vector} @@ ${tsquery} OR ${substring})`,
    // Word matches outrank bare substrings; within them, denser matches (ts_rank_cd) come first.
    rank: sql<number>`(CASE WHEN ${vector} @@ ${tsquery} THEN 1000 + round(ts_rank_cd(${vector}, ${tsquery}) * 1000)::int ELSE 0 END
      + CASE WHEN ${substring} THEN 100 ELSE 0 END)`,
  };
}

/** Keyset condition after (rank, id) for rank-descending, id-ascending pages. */
export function afterRanked(rank: SQL<number>, id: AnyColumn, cursor: readonly [number, string] | null): SQL | undefined {
  if (!cursor) return undefined;
  const [lastRank, lastId] = cursor;
  return sql`(${rank} < ${lastRank} OR (${rank} = ${lastRank} AND ${id} > ${lastId}))`;
}
