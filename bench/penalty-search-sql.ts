/**
 * The baselines' penalty search, the same SQL ours sends (src/domain/decisions/search.ts and textSearch in
 * src/domain/search.ts): matches newest first, the newest PROBE_ROWS rows on display tested first, then, when they
 * do not fill the page, every match through the indexes, sorted. As `$n` text and values for node-postgres and
 * postgres.js alike.
 */
import { PROBE_ROWS } from '../src/domain/decisions/search.js';
import { phraseQuery, prefixQuery } from '../src/lib/segment.js';
import { PENALTY_COLUMNS } from './columns.js';
import { likePattern } from './like-pattern.js';

export interface SearchSql {
  probe: { text: string; values: unknown[] };
  indexed: { text: string; values: unknown[] };
}

export function penaltySearchSql(q: string, today: string, limit: number): SearchSql {
  const short = [...q.trim()].length < 3;
  const values: unknown[] = [today];
  const tsq = `to_tsquery('simple', $${values.push(short ? prefixQuery(q) : phraseQuery(q))})`;
  const match = short ? `search_vector @@ ${tsq}` : (() => {
    const like = `$${values.push(likePattern(q))}`;
    return `(search_vector @@ ${tsq} OR party_name ILIKE ${like} OR decision_number ILIKE ${like})`;
  })();
  const shown = `status = 'published' AND publicity_end_date >= $1`;
  const lim = `$${values.push(limit + 1)}`;
  return {
    probe: {
      text: `SELECT ${PENALTY_COLUMNS} FROM (SELECT * FROM penalties WHERE ${shown} ORDER BY decision_date DESC, id DESC LIMIT ${PROBE_ROWS}) penalties
        WHERE ${match} ORDER BY decision_date DESC, id DESC LIMIT ${lim}`,
      values,
    },
    indexed: { text: `SELECT ${PENALTY_COLUMNS} FROM penalties WHERE ${shown} AND ${match} ORDER BY decision_date + 0 DESC, id DESC LIMIT ${lim}`, values },
  };
}
