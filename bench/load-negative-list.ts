/**
 * Loads the negative-list data set through the API (createApp over postgres.js, served in the bench process,
 * as the operator): the 示例 legal bases, a draft edition, its 120 items, then the publication. So measure
 * rows, search text and citations are exactly what the app writes; the counts are checked afterwards.
 */
import { serve } from '@hono/node-server';
import postgres from 'postgres';
import { createApp } from '../src/app.js';
import { sharedDb } from '../src/db/client.js';
import { openPostgres } from '../src/db/postgres.js';
import { legalBasisBodies, negativeListDataset, NL_EDITION, NL_ITEMS, NL_LOCAL, NL_MEASURES } from './dataset-negative-list.js';
import { freePort, POOL_MAX } from './servers.js';

const ADMIN_TOKEN = 'bench-admin-token-0123456789';

export interface NegativeListFacts {
  editionCode: string;
  items: { prohibited: number; permitted: number };
  measures: { national: number; local: number; cited: number; starred: number };
  authorities: number;
  legalBases: number;
  /** POSTs made and the wall time of the whole load. */
  requests: number;
  loadSeconds: number;
  /** Query strings of the two rotations (asOf included). */
  checks: string[];
  searches: string[];
  /** Filled in by the scenarios' preparation: what each side answered to its rotation, fetched once. */
  observed: Record<string, Partial<Record<'ours' | 'bare', RotationFacts>>>;
}

export interface RotationFacts {
  targets: number;
  /** Targets answered with at least one match (check: listed; search: a non-empty page). */
  withHits: number;
  /** Check only: targets whose answer was a 禁止准入类 match. */
  prohibited?: number;
  /** Mean rows per response (check: matched items; search: hits on the page) and mean body size. */
  meanRows: number;
  meanBytes: number;
}

export async function loadNegativeList(url: string, log: (m: string) => void): Promise<NegativeListFacts> {
  const started = performance.now();
  const database = openPostgres(url, { max: POOL_MAX });
  const app = createApp({ db: sharedDb(database.db), config: { adminToken: ADMIN_TOKEN } });
  const port = await freePort();
  const server = serve({ fetch: app.fetch, port, hostname: '127.0.0.1' });
  const sql = postgres(url, { max: 1, onnotice: () => {}, connection: { application_name: 'bench-runner' } });
  let requests = 0;
  const post = async (path: string, body: unknown, expect: number) => {
    requests++;
    const res = await fetch(`http://127.0.0.1:${port}${path}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${ADMIN_TOKEN}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    const text = await res.text();
    if (res.status !== expect) throw new Error(`POST ${path} answered ${res.status}: ${text.slice(0, 600)}`);
    return JSON.parse(text) as { id: string; code: string };
  };
  try {
    const bases: string[] = [];
    for (const body of legalBasisBodies()) bases.push((await post('/v1/legal-bases', body, 201)).id);
    const data = negativeListDataset(bases);
    const edition = await post('/v1/negative-list/editions', NL_EDITION, 201);
    for (const item of data.items) await post('/v1/negative-list/items', { editionId: edition.id, ...item }, 201);
    await post(`/v1/negative-list/editions/${edition.code}/publish`, {}, 200);
    for (const table of ['negative_list_editions', 'negative_list_items', 'negative_list_measures', 'legal_bases', 'legal_articles']) await sql.unsafe(`VACUUM ANALYZE ${table}`);
    const [c] = await sql<{ prohibited: number; permitted: number; national: number; local: number; cited: number; starred: number; authorities: number }[]>`
      SELECT (SELECT count(*)::int FROM negative_list_items WHERE edition_id = ${edition.id} AND category = 'prohibited') AS prohibited,
        (SELECT count(*)::int FROM negative_list_items WHERE edition_id = ${edition.id} AND category = 'permitted') AS permitted,
        count(*) FILTER (WHERE region_code IS NULL)::int AS national, count(*) FILTER (WHERE region_code IS NOT NULL)::int AS local,
        (SELECT count(*)::int FROM negative_list_items i, jsonb_array_elements(i.measures) m WHERE i.edition_id = ${edition.id} AND jsonb_array_length(m->'citations') > 0) AS cited,
        count(*) FILTER (WHERE starred)::int AS starred,
        (SELECT count(DISTINCT a)::int FROM negative_list_measures, unnest(authorities) a WHERE edition_id = ${edition.id}) AS authorities
      FROM negative_list_measures WHERE edition_id = ${edition.id}`;
    if (c!.prohibited + c!.permitted !== NL_ITEMS || c!.national + c!.local !== NL_MEASURES || c!.local !== NL_LOCAL) {
      throw new Error(`negative-list data set: ${JSON.stringify(c)}, expected ${NL_ITEMS} items and ${NL_MEASURES} measures (${NL_LOCAL} local)`);
    }
    const loadSeconds = (performance.now() - started) / 1000;
    log(`negative list: edition ${edition.code}, ${NL_ITEMS} items, ${NL_MEASURES} measures (${c!.local} local) through the API in ${loadSeconds.toFixed(1)} s`);
    return {
      editionCode: edition.code,
      items: { prohibited: c!.prohibited, permitted: c!.permitted },
      measures: { national: c!.national, local: c!.local, cited: c!.cited, starred: c!.starred },
      authorities: c!.authorities,
      legalBases: bases.length,
      requests,
      loadSeconds,
      checks: data.checks,
      searches: data.searches,
      observed: {},
    };
  } finally {
    server.close();
    await database.close();
    await sql.end({ timeout: 5 });
  }
}
