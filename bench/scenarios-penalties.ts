/**
 * Read scenarios over the ingested penalties, ours vs bench/bare-server.ts running the same WHERE / ORDER BY
 * / LIMIT. Cursors deep in a list are computed from the row ids the way src/domain/penalties/list.ts encodes
 * them (encodeCursor([id], scope)); each is checked against the server before it is used.
 */
import postgres from 'postgres';
import { encodeCursor } from '../src/lib/cursor.js';
import { stableJson } from '../src/lib/stable-json.js';
import { PenaltyListQuery } from '../src/schemas/penalties.js';
import type { Dataset } from './dataset.js';
import type { IngestFacts } from './ingest.js';
import { prng } from './dataset.js';
import type { Prepare, Scenario, Target } from './scenarios.js';
import { PENALTY_COLUMNS } from './columns.js';
import { overIds, type PgbenchPrepare } from './pgbench.js';
import { penaltySearchSql } from './penalty-search-sql.js';

export interface PenaltyReads {
  ingest: IngestFacts;
  /** 1,000 ids of decisions on display (an ended one would be a notice, or an expiry write on first GET). */
  sampleIds: string[];
  /** The region with most 罚款 decisions on display, and those decisions' ids in keyset order. */
  region: string;
  regionTypeIds: string[];
  /** Ids of all 罚款 decisions on display, in keyset order (for page 10,000). */
  typeIds: string[];
  /** A rare term: the 第…号 of one company's name on display (示例…有限公司第N号), which matches that decision alone. */
  rareTerm: string;
}

export const PAGE_DEEP = 10_000;

/** Facts the read scenarios need, read straight from the table the app wrote. */
export async function penaltyReads(url: string, ingest: IngestFacts): Promise<PenaltyReads> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const shown = sql`status = 'published' AND publicity_end_date >= (now() AT TIME ZONE 'Asia/Shanghai')::date`;
    const all = (await sql<{ id: string }[]>`SELECT id FROM penalties WHERE ${shown} ORDER BY id`).map((r) => r.id);
    const rand = prng(5);
    const sampleIds = Array.from({ length: 1000 }, () => all[Math.floor(rand() * all.length)]!);
    const [top] = await sql<{ region: string }[]>`SELECT region_code AS region FROM penalties WHERE ${shown} AND penalty_types @> '{02}'
      GROUP BY region_code ORDER BY count(*) DESC, region_code LIMIT 1`;
    const ids = async (region: string | null) =>
      (await sql<{ id: string }[]>`SELECT id FROM penalties WHERE ${shown} AND penalty_types @> '{02}'
        ${region ? sql`AND region_code = ${region}` : sql``} ORDER BY id`).map((r) => r.id);
    const [named] = await sql<{ name: string }[]>`SELECT party_name AS name FROM penalties WHERE ${shown} AND party_name LIKE '示例%有限公司第%号'
      ORDER BY id LIMIT 1 OFFSET ${Math.floor(all.length / 3)}`;
    const rareTerm = /第\d+号$/.exec(named!.name)![0];
    return { ingest, sampleIds, region: top!.region, regionTypeIds: await ids(top!.region), typeIds: await ids(null), rareTerm };
  } finally {
    await sql.end({ timeout: 5 });
  }
}

const reads = (data: Dataset) => {
  if (!data.penalties) throw new Error('penalty scenarios need the ingest (bench/ingest.ts)');
  return data.penalties;
};

/** The cursor our list issues after `lastId` for these filters (the scope binds it to them). */
const ourCursor = (params: Record<string, string>, lastId: string) =>
  encodeCursor([lastId], stableJson({ ...PenaltyListQuery.parse(params), cursor: undefined, limit: undefined }));
const bareCursor = (lastId: string) => Buffer.from(JSON.stringify([lastId])).toString('base64url');

/** A target whose answer must be a non-empty JSON array (Platformatic's lists). */
async function checkedList(base: string, path: string): Promise<Target[]> {
  const res = await fetch(base + path);
  const body = (await res.json()) as unknown[];
  if (res.status !== 200 || !Array.isArray(body) || !body.length) throw new Error(`GET ${path} answered ${res.status}: ${JSON.stringify(body).slice(0, 300)}`);
  return [{ path }];
}

async function checked(base: string, path: string): Promise<Target[]> {
  const res = await fetch(base + path);
  const body = (await res.json()) as { items?: unknown[] };
  if (res.status !== 200 || !body.items?.length) throw new Error(`GET ${path} answered ${res.status} with ${body.items?.length ?? 0} items`);
  return [{ path }];
}

const query = (params: Record<string, string>) => '/v1/penalties?' + new URLSearchParams(params).toString();

/** Page `page` (1-based) of a list, the cursor being the id just before it; `side` picks the cursor encoding. */
function pageOf(side: 'ours' | 'bare', filters: (d: PenaltyReads) => { params: Record<string, string>; ids: string[]; limit: number; page: number }): Prepare {
  return async (base, data) => {
    const { params, ids, limit, page } = filters(reads(data));
    const withLimit = limit === 20 ? params : { ...params, limit: String(limit) };
    if (page === 1) return checked(base, query(withLimit));
    const lastId = ids[(page - 1) * limit - 1];
    if (!lastId) throw new Error(`page ${page} at limit ${limit} is beyond the ${ids.length} matching rows`);
    const cursor = side === 'ours' ? ourCursor(params, lastId) : bareCursor(lastId);
    return checked(base, query({ ...withLimit, cursor }));
  };
}

const filtered = (page: 'first' | 'last') => (d: PenaltyReads) => ({
  params: { regionCode: d.region, penaltyType: '02' },
  ids: d.regionTypeIds,
  limit: 20,
  page: page === 'first' ? 1 : Math.floor((d.regionTypeIds.length - 1) / 20) + 1,
});
/** Page 10,000 needs ≥ 10,000 pages: the limit is the largest that has one (matching rows / 10,000). */
export const deepLimit = (d: PenaltyReads) => Math.max(1, Math.floor(d.typeIds.length / PAGE_DEEP));
const typeDeep = (d: PenaltyReads) => ({ params: { penaltyType: '02' }, ids: d.typeIds, limit: deepLimit(d), page: PAGE_DEEP });
const typeFirst = (d: PenaltyReads) => ({ ...typeDeep(d), page: 1 });

const byId: Prepare = async (_base, data) => reads(data).sampleIds.map((id) => ({ path: `/v1/penalties/${id}` }));
const byIdSql: PgbenchPrepare = (data) => overIds('bench_penalty_ids', reads(data).sampleIds, (id) => `SELECT ${PENALTY_COLUMNS} FROM penalties WHERE id = ${id}`);
/** Page 1 of the filtered list as the baselines query it (bench/bare-server.ts), with the same bound parameters. */
const filteredSql: PgbenchPrepare = (data) => ({
  setup: [],
  script: `SELECT ${PENALTY_COLUMNS} FROM penalties WHERE status = 'published' AND publicity_end_date >= :today AND region_code = :region
    AND penalty_types @> ARRAY[:type]::text[] ORDER BY id LIMIT 21;\n`,
  defines: { today: new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10), region: reads(data).region, type: '02' },
});

/** The filtered list through Platformatic's generated query parameters: the same filters and order, 21 rows. */
const filteredPlatformatic: Prepare = (base, data) => {
  const params = new URLSearchParams({
    'where.status.eq': 'published',
    'where.publicityEndDate.gte': new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10),
    'where.regionCode.eq': reads(data).region,
    'where.penaltyTypes.any': '02',
    'orderby.id': 'asc',
    limit: '21',
  });
  return checkedList(base, `/penalties?${params}`);
};

const COMMON_TERM = '食品';
const search: Prepare = (base) => checked(base, query({ q: COMMON_TERM }));
const rareSearch: Prepare = (base, data) => checked(base, query({ q: reads(data).rareTerm }));
const chinaToday = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

/** The probe query of the baselines' search (bench/penalty-search-sql.ts) in pgbench's `:name` form: a common term fills its page there. */
const searchSql: PgbenchPrepare = () => {
  const { text, values } = penaltySearchSql(COMMON_TERM, chinaToday(), 20).probe;
  return {
    setup: [],
    script: text.replace(/\$(\d+)/g, ':p$1').replace(/\s+/g, ' ') + ';\n',
    defines: Object.fromEntries(values.map((v, i) => [`p${i + 1}`, String(v)])),
  };
};

/** Revalidation of penalties with the ETag each server sent for them. */
const revalidate: Prepare = async (base, data) => {
  const targets: Target[] = [];
  for (const id of reads(data).sampleIds.slice(0, 200)) {
    const path = `/v1/penalties/${id}`;
    const res = await fetch(base + path);
    await res.arrayBuffer();
    const etag = res.headers.get('ETag');
    if (res.status !== 200 || !etag) throw new Error(`GET ${path} answered ${res.status} with ETag ${etag}`);
    targets.push({ path, headers: { 'If-None-Match': etag } });
  }
  return targets;
};

export const penaltyScenarios: Scenario[] = [
  {
    name: 'penalty-get-by-id',
    description: 'GET /v1/penalties/{id}, 1,000 ids of decisions on display in rotation',
    expectStatus: 200,
    ours: byId,
    bare: byId,
    penalties: true,
    platformatic: async (_base, data) => reads(data).sampleIds.map((id) => ({ path: `/penalties/${id}` })),
    pgbench: byIdSql,
  },
  {
    name: 'penalty-list-filtered-p1',
    description: 'GET /v1/penalties?regionCode=<busiest region>&penaltyType=02 (page 1 of 20)',
    expectStatus: 200,
    ours: pageOf('ours', filtered('first')),
    bare: pageOf('bare', filtered('first')),
    penalties: true,
    platformatic: filteredPlatformatic,
    pgbench: filteredSql,
  },
  {
    name: 'penalty-list-filtered-last',
    description: 'The same filter at its last page (the deepest that exists at limit 20), cursor computed as list.ts encodes it',
    expectStatus: 200,
    ours: pageOf('ours', filtered('last')),
    bare: pageOf('bare', filtered('last')),
    penalties: true,
  },
  {
    name: 'penalty-list-p1',
    description: 'GET /v1/penalties?penaltyType=02&limit=<matching/10,000>, page 1 (beside penalty-list-p10000: issue 13 wants page 10,000 within 1.2× its time)',
    expectStatus: 200,
    ours: pageOf('ours', typeFirst),
    bare: pageOf('bare', typeFirst),
    penalties: true,
  },
  {
    name: 'penalty-list-p10000',
    description: 'GET /v1/penalties?penaltyType=02&limit=<matching/10,000> at page 10,000, cursor computed as list.ts encodes it',
    expectStatus: 200,
    ours: pageOf('ours', typeDeep),
    bare: pageOf('bare', typeDeep),
    penalties: true,
  },
  {
    name: 'penalty-search',
    description: `GET /v1/penalties?q=${COMMON_TERM} (a common term: first page of 20, newest first; the baselines send the same two queries, bench/penalty-search-sql.ts)`,
    expectStatus: 200,
    ours: search,
    bare: search,
    penalties: true,
    pgbench: searchSql,
  },
  {
    name: 'penalty-search-rare',
    description: 'GET /v1/penalties?q=第<N>号 (a rare term: one company’s name, one match; the probe finds none and the indexes answer)',
    expectStatus: 200,
    ours: rareSearch,
    bare: rareSearch,
    penalties: true,
  },
  {
    name: 'penalty-revalidate-304',
    description: 'GET /v1/penalties/{id} with If-None-Match from a prior GET, 200 ids (beside penalty-get-by-id: the 304 target is ≥ 2× its rate)',
    expectStatus: 304,
    ours: revalidate,
    bare: revalidate,
    penalties: true,
  },
];
