/**
 * BENCH_EXPLAIN=1: EXPLAIN (ANALYZE, BUFFERS) of the penalty read queries over the ingested rows, in the form
 * our server sends them (every column, as drizzle's select() does, so search_text and search_vector too)
 * and in the bare handler's form (public columns), to tell database time from time in our layers.
 */
import postgres from 'postgres';
import { prefixQuery } from '../src/lib/segment.js';
import { deepLimit, PAGE_DEEP, type PenaltyReads } from './scenarios-penalties.js';

export async function explainPenaltyReads(url: string, p: PenaltyReads): Promise<string[]> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  const shown = `status = 'published' AND publicity_end_date >= '${today}'`;
  const lit = (s: string) => `'${s.replace(/'/g, "''")}'`;
  const deep = deepLimit(p);
  const tsq = `to_tsquery('simple', ${lit(prefixQuery('食品'))})`;
  const rank = `(CASE WHEN search_vector @@ ${tsq} THEN 1000 + round(ts_rank_cd(search_vector, ${tsq}) * 1000)::int ELSE 0 END
    + CASE WHEN party_name ILIKE '%食品%' OR decision_number ILIKE '%食品%' THEN 100 ELSE 0 END)`;
  const lastFiltered = p.regionTypeIds[Math.floor((p.regionTypeIds.length - 1) / 20) * 20 - 1]!;
  const queries: [string, string][] = [
    ['get by id', `SELECT * FROM penalties WHERE id = ${lit(p.sampleIds[0]!)}`],
    ['filtered page 1', `SELECT * FROM penalties WHERE ${shown} AND region_code = ${lit(p.region)} AND penalty_types @> '{02}' ORDER BY id LIMIT 21`],
    ['filtered last page', `SELECT * FROM penalties WHERE ${shown} AND region_code = ${lit(p.region)} AND penalty_types @> '{02}' AND id > ${lit(lastFiltered)} ORDER BY id LIMIT 21`],
    [
      `penaltyType=02 page ${PAGE_DEEP} (limit ${deep})`,
      `SELECT * FROM penalties WHERE ${shown} AND penalty_types @> '{02}' AND id > ${lit(p.typeIds[(PAGE_DEEP - 1) * deep - 1]!)} ORDER BY id LIMIT ${deep + 1}`,
    ],
    ['search q=食品 (all columns, as ours)', `SELECT *, ${rank} AS rank FROM penalties WHERE ${shown} AND search_vector @@ ${tsq} ORDER BY rank DESC, id LIMIT 21`],
    ['search q=食品 (id only)', `SELECT id, ${rank} AS rank FROM penalties WHERE ${shown} AND search_vector @@ ${tsq} ORDER BY rank DESC, id LIMIT 21`],
  ];
  const out: string[] = ['', '## Query plans (EXPLAIN ANALYZE, BUFFERS)', ''];
  try {
    for (const [label, text] of queries) {
      const plan = await sql.unsafe(`EXPLAIN (ANALYZE, BUFFERS) ${text}`);
      out.push(`### ${label}`, '', '```', ...plan.map((r) => String(r['QUERY PLAN'])), '```', '');
    }
    const [size] = await sql.unsafe(`SELECT avg(octet_length(search_text))::int AS text, avg(pg_column_size(search_vector))::int AS vector,
      avg(pg_column_size(p.*))::int AS row FROM penalties p`);
    out.push(`Average bytes per row: whole row ${size!.row}, search_text ${size!.text}, search_vector ${size!.vector}.`);
  } finally {
    await sql.end({ timeout: 5 });
  }
  return out;
}
