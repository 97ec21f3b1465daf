import type { Dataset } from './dataset.js';
import { prng } from './dataset.js';
import { AGENCY_COLUMNS, TASK_COLUMNS } from './columns.js';
import { overIds, type PgbenchPrepare } from './pgbench.js';
import { negativeListScenarios } from './scenarios-negative-list.js';
import { penaltyScenarios } from './scenarios-penalties.js';

/** One request of a rotation; the load tool cycles through them across all connections. */
export interface Target {
  path: string;
  headers?: Record<string, string>;
}

/** Builds a rotation against a live server, fetching cursors or ETags from it the way a client would. */
export type Prepare = (base: string, data: Dataset) => Promise<Target[]>;

export interface Scenario {
  name: string;
  description: string;
  /** Any other status counts as an error. */
  expectStatus: number;
  ours: Prepare;
  bare: Prepare;
  /**
   * Set for a side-by-side comparison with a different baseline (the search scenarios against a plain
   * ILIKE, the negative list against a plain tsquery lookup): the report shows both and applies no overhead target. Unset: the 15 % overhead target applies.
   */
  versus?: string;
  /** Needs the legal-text and power-list data set (bench/dataset-duties.ts) loaded as well. */
  duties?: boolean;
  /** The query and table, for the report's match counts. */
  search?: { table: 'legal_articles' | 'powers'; q: string };
  /** Needs the 100,000 ingested penalties (bench/ingest.ts); selecting one runs the ingest benchmark. */
  penalties?: boolean;
  /** Needs the negative-list edition (bench/load-negative-list.ts), loaded through the API when selected. */
  negativeList?: boolean;
  /** Needs the inspection tasks (bench/dataset-tasks.ts), created through the app when selected. */
  tasks?: boolean;
  /** The same read through Platformatic DB's generated REST API (bench/platformatic.ts), where it has one. */
  platformatic?: Prepare;
  /** The scenario's SQL for pgbench (bench/pgbench.ts), the ceiling: the same rows, no server in between. */
  pgbench?: PgbenchPrepare;
}

/** A deterministic sample of ids, spread over the whole table so no single page stays hot. */
function sampleIds(data: Dataset, n: number, seed: number): string[] {
  const rand = prng(seed);
  return Array.from({ length: n }, () => data.ids[Math.floor(rand() * data.ids.length)]!);
}

async function getOk(url: string): Promise<Response> {
  const res = await fetch(url);
  if (res.status !== 200) throw new Error(`GET ${url} answered ${res.status}: ${(await res.text()).slice(0, 300)}`);
  return res;
}

const byId: Prepare = async (_base, data) => sampleIds(data, 1000, 2).map((id) => ({ path: `/v1/agencies/${id}` }));
const byIdSql: PgbenchPrepare = (data) => overIds('bench_agency_ids', sampleIds(data, 1000, 2), (id) => `SELECT ${AGENCY_COLUMNS} FROM agencies WHERE id = ${id}`);

/** Follows `next` from the first page, as a syncing client would, and replays those real cursors. */
const keysetPages: Prepare = async (base) => {
  const targets: Target[] = [];
  let path = '/v1/agencies?limit=20';
  for (let page = 0; page < 50; page++) {
    const body = (await (await getOk(base + path)).json()) as { next: string | null };
    if (!body.next) break;
    path = `/v1/agencies?limit=20&cursor=${encodeURIComponent(body.next)}`;
    targets.push({ path });
  }
  if (!targets.length) throw new Error('the list returned no next cursor');
  return targets;
};

/** Revalidation with the ETag the server itself sent for each record. */
const revalidate: Prepare = async (base, data) => {
  const targets: Target[] = [];
  for (const id of sampleIds(data, 200, 3)) {
    const path = `/v1/agencies/${id}`;
    const res = await getOk(base + path);
    await res.arrayBuffer();
    const etag = res.headers.get('ETag');
    if (!etag) throw new Error(`GET ${path} sent no ETag`);
    targets.push({ path, headers: { 'If-None-Match': etag } });
  }
  return targets;
};

/**
 * A search: the first page (default limit 20) for one query, checked once to answer 200 with items so a
 * broken search cannot pass as a fast one. Same path on both servers; bare answers it with a plain ILIKE.
 */
const searchPage =
  (collection: '/v1/articles' | '/v1/powers', q: string): Prepare =>
  async (base) => {
    const path = `${collection}?q=${encodeURIComponent(q)}`;
    const body = (await (await getOk(base + path)).json()) as { items?: unknown[] };
    if (!Array.isArray(body.items) || body.items.length === 0) throw new Error(`GET ${path} returned no items`);
    return [{ path }];
  };

function search(name: string, table: 'legal_articles' | 'powers', q: string): Scenario {
  const collection = table === 'legal_articles' ? '/v1/articles' : '/v1/powers';
  const baseline =
    table === 'legal_articles'
      ? `SELECT … FROM legal_articles WHERE text ILIKE '%${q}%' ORDER BY legal_basis_id, ordinal LIMIT 21`
      : `SELECT … FROM powers WHERE name ILIKE '%${q}%' ORDER BY id LIMIT 21`;
  return {
    name,
    description: `GET ${collection}?q=${q} (${[...q].length} characters, first page of 20, ranked) against bare \`${baseline}\``,
    expectStatus: 200,
    ours: searchPage(collection, q),
    bare: searchPage(collection, q),
    versus: 'plain ILIKE',
    duties: true,
    search: { table, q },
  };
}

const tasks = (data: Dataset) => {
  if (!data.tasks?.length) throw new Error('the inspection-task read needs the tasks (bench/dataset-tasks.ts)');
  return data.tasks;
};
const taskById: Prepare = async (_base, data) => tasks(data).map((id) => ({ path: `/v1/inspection-tasks/${id}` }));

/** Later issues append here; a scenario needs a bare handler in bench/bare-server.ts answering the same query. */
export const scenarios: Scenario[] = [
  {
    name: 'get-by-id',
    description: 'GET /v1/agencies/{id}, 1,000 ids in rotation',
    expectStatus: 200,
    ours: byId,
    bare: byId,
    platformatic: async (_base, data) => sampleIds(data, 1000, 2).map((id) => ({ path: `/agencies/${id}` })),
    pgbench: byIdSql,
  },
  { name: 'keyset-list', description: 'GET /v1/agencies?limit=20&cursor=…, 50 real cursors in rotation', expectStatus: 200, ours: keysetPages, bare: keysetPages },
  { name: 'revalidate-304', description: 'GET /v1/agencies/{id} with If-None-Match from a prior GET, 200 ids', expectStatus: 304, ours: revalidate, bare: revalidate },
  // Issue 3: Chinese search over 50,000 articles and 20,000 power items, beside a plain ILIKE.
  search('search-articles-2char', 'legal_articles', '道路'),
  search('search-articles-4char', 'legal_articles', '道路运输'),
  search('search-powers-2char', 'powers', '道路'),
  search('search-powers-4char', 'powers', '道路运输'),
  // Issue 5: penalties read back after the batch ingest benchmark.
  ...penaltyScenarios,
  // Issue 13: a 双随机 task by id (1,000 tasks of 20 agencies in rotation).
  {
    name: 'inspection-task-read',
    description: 'GET /v1/inspection-tasks/{id}, 1,000 tasks in rotation',
    expectStatus: 200,
    ours: taskById,
    bare: taskById,
    tasks: true,
    platformatic: async (_base, data) => {
      const targets = tasks(data).map((id) => ({ path: `/inspectionTasks/${id}` }));
      const res = await fetch(_base + targets[0]!.path);
      if (res.status !== 200) throw new Error(`Platformatic GET ${targets[0]!.path} answered ${res.status}: ${(await res.text()).slice(0, 300)}`);
      return targets;
    },
    pgbench: (data) => overIds('bench_task_ids', tasks(data), (id) => `SELECT ${TASK_COLUMNS} FROM inspection_tasks WHERE id = ${id}`),
  },
  // Issue 11: the negative list's check and measure search over one published edition, beside a plain tsquery lookup.
  ...negativeListScenarios,
];
