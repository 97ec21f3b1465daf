/**
 * The baseline: the same three reads with nothing but Hono routing, postgres.js and JSON.stringify: no
 * validation, no registry, no response schema check, no problem handling, no ETag middleware. The gap
 * between this and src/node.ts is what our layers cost.
 *
 * The search scenarios compare against something else: a plain `ILIKE '%q%'` on the same table, in a
 * fixed order, unranked, with no segmentation and no join; what a naive search endpoint would do.
 * The negative-list scenarios compare against one plain indexed SELECT on the measure rows of the edition
 * in force (a tsquery or 主管部门 lookup, LIMIT 20): no ranking, no items, no citations, no edition record.
 */
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import postgres from 'postgres';
import { lexeme, phraseQuery, prefixQuery, words } from '../src/lib/segment.js';
import { likePattern } from './like-pattern.js';
import { penaltySearchSql } from './penalty-search-sql.js';
import { AGENCY_COLUMNS, PENALTY_COLUMNS, TASK_COLUMNS } from './columns.js';

const url = process.env.DATABASE_URL;
if (!url) throw new Error('DATABASE_URL is required');
const sql = postgres(url, { max: Number(process.env.DB_POOL_MAX ?? 10), onnotice: () => {}, connection: { application_name: 'bench-bare' } });

// camelCase aliases so the body has the same shape and size as ours (Dates serialize to the same ISO form).
const columns = sql.unsafe(AGENCY_COLUMNS);

const encodeCursor = (id: string) => Buffer.from(JSON.stringify([id])).toString('base64url');
const decodeCursor = (cursor: string) => (JSON.parse(Buffer.from(cursor, 'base64url').toString()) as string[])[0]!;

const app = new Hono();

app.get('/v1/agencies/:id', async (c) => {
  const [row] = await sql`SELECT ${columns} FROM agencies WHERE id = ${c.req.param('id')}`;
  if (!row) return c.json({ status: 404 }, 404);
  // Same validator as ours (the version), compared before serializing anything.
  const tag = `"v${row.version}"`;
  if (c.req.header('If-None-Match') === tag) return c.body(null, 304, { ETag: tag });
  return c.json(row, 200, { ETag: tag });
});

app.get('/v1/agencies', async (c) => {
  const limit = Number(c.req.query('limit') ?? 20);
  const cursor = c.req.query('cursor');
  // limit + 1, like ours: the extra row tells whether there is a next page.
  const rows = cursor
    ? await sql`SELECT ${columns} FROM agencies WHERE id > ${decodeCursor(cursor)} ORDER BY id LIMIT ${limit + 1}`
    : await sql`SELECT ${columns} FROM agencies ORDER BY id LIMIT ${limit + 1}`;
  const more = rows.length > limit;
  const items = more ? rows.slice(0, limit) : rows;
  return c.json({ items, next: more ? encodeCursor(items[items.length - 1]!.id as string) : null });
});


const articleColumns = sql`legal_basis_id AS "legalBasisId", no, label, chapter, text, paragraphs`;

app.get('/v1/articles', async (c) => {
  const limit = Number(c.req.query('limit') ?? 20);
  const rows = await sql`SELECT ${articleColumns} FROM legal_articles WHERE text ILIKE ${likePattern(c.req.query('q') ?? '')}
    ORDER BY legal_basis_id, ordinal LIMIT ${limit + 1}`;
  const more = rows.length > limit;
  const items = more ? rows.slice(0, limit) : rows;
  const last = items[items.length - 1];
  return c.json({ items, next: more && last ? Buffer.from(JSON.stringify([last.legalBasisId, last.no])).toString('base64url') : null });
});

const powerColumns = sql`id, version, status, agency_id AS "agencyId", code, name, type, sub_items AS "subItems", citations,
  responsibilities, accountability, review_transfer AS "reviewTransfer", created_at AS "createdAt", updated_at AS "updatedAt"`;

app.get('/v1/powers', async (c) => {
  const limit = Number(c.req.query('limit') ?? 20);
  const rows = await sql`SELECT ${powerColumns} FROM powers WHERE name ILIKE ${likePattern(c.req.query('q') ?? '')} ORDER BY id LIMIT ${limit + 1}`;
  const more = rows.length > limit;
  const items = more ? rows.slice(0, limit) : rows;
  return c.json({ items, next: more ? encodeCursor(items[items.length - 1]!.id as string) : null });
});

// Penalties (issue 5): the same WHERE / ORDER BY / LIMIT as src/domain/penalties/list.ts, public columns only.
const penaltyColumns = sql.unsafe(PENALTY_COLUMNS);
const chinaToday = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

app.get('/v1/penalties/:id', async (c) => {
  const [row] = await sql`SELECT ${penaltyColumns} FROM penalties WHERE id = ${c.req.param('id')}`;
  if (!row) return c.json({ status: 404 }, 404);
  const tag = `"v${row.version}"`;
  if (c.req.header('If-None-Match') === tag) return c.body(null, 304, { ETag: tag });
  return c.json(row, 200, { ETag: tag });
});

app.get('/v1/penalties', async (c) => {
  const limit = Number(c.req.query('limit') ?? 20);
  const region = c.req.query('regionCode');
  const type = c.req.query('penaltyType');
  const q = c.req.query('q');
  const cursor = c.req.query('cursor');
  const where = [sql`status = 'published'`, sql`publicity_end_date >= ${chinaToday()}`];
  if (region) where.push(sql`region_code = ${region}`);
  if (type) where.push(sql`penalty_types @> ${[type]}::text[]`);
  const and = where.reduce((acc, w) => sql`${acc} AND ${w}`);
  if (q) {
    const search = penaltySearchSql(q, chinaToday(), limit);
    let rows = await sql.unsafe(search.probe.text, search.probe.values as never[], { prepare: true });
    if (rows.length <= limit) rows = await sql.unsafe(search.indexed.text, search.indexed.values as never[], { prepare: true });
    const more = rows.length > limit;
    const items = more ? rows.slice(0, limit) : rows;
    const last = items[items.length - 1];
    return c.json({ items, next: more && last ? Buffer.from(JSON.stringify([last.decisionDate, last.id])).toString('base64url') : null });
  }
  const rows = await sql`SELECT ${penaltyColumns} FROM penalties WHERE ${and} ${cursor ? sql`AND id > ${decodeCursor(cursor)}` : sql``}
    ORDER BY id LIMIT ${limit + 1}`;
  const more = rows.length > limit;
  const items = more ? rows.slice(0, limit) : rows;
  return c.json({ items, next: more ? encodeCursor(items[items.length - 1]!.id as string) : null });
});

// Inspection tasks (issue 13): one record by id, its public columns shaped as ours publishes it.
const taskColumns = sql.unsafe(TASK_COLUMNS);
app.get('/v1/inspection-tasks/:id', async (c) => {
  const [row] = await sql`SELECT ${taskColumns} FROM inspection_tasks WHERE id = ${c.req.param('id')}`;
  if (!row) return c.json({ status: 404 }, 404);
  return c.json(row, 200, { ETag: `"v${row.version}"` });
});

// Negative list (issue 11): the same measure rows, one indexed SELECT per request. The edition in force is a
// subquery of it; words are the app's segmentation (src/lib/segment.ts), any of them matching.
const editionInForce = (asOf: string) =>
  sql`(SELECT id FROM negative_list_editions WHERE status IN ('current', 'superseded') AND effective_from <= ${asOf} ORDER BY effective_from DESC LIMIT 1)`;
const measureColumns = sql`item_id AS "itemId", position, item_code AS "itemCode", category, text, starred, region_code AS "regionCode", authorities`;
// National measures, plus the local ones of the region's province or city (as src/domain/negative-list/measures.ts).
const regionIn = (region: string | undefined) =>
  region ? sql`(region_code IS NULL OR ${region}::text LIKE regexp_replace(region_code, '(00)+$', '') || '%')` : sql`region_code IS NULL`;

app.get('/v1/negative-list/check', async (c) => {
  const activity = c.req.query('activity') ?? '';
  const asOf = c.req.query('asOf') ?? chinaToday();
  const any = words(activity).map(lexeme).join(' | ');
  const rows = any
    ? await sql`SELECT ${measureColumns} FROM negative_list_measures WHERE edition_id = ${editionInForce(asOf)} AND ${regionIn(c.req.query('region'))}
        AND search_vector @@ to_tsquery('simple', ${any}) LIMIT 20`
    : [];
  return c.json({ asOf, activity, listed: rows.length > 0, matches: rows });
});

app.get('/v1/negative-list/measures', async (c) => {
  const limit = Number(c.req.query('limit') ?? 20);
  const q = c.req.query('q')?.trim();
  const authority = c.req.query('authority');
  const where = [sql`edition_id = ${editionInForce(c.req.query('asOf') ?? chinaToday())}`];
  // The tsquery ours builds (prefix words under 3 characters, else a phrase), without its substring match or rank.
  if (q) where.push(sql`search_vector @@ to_tsquery('simple', ${[...q].length < 3 ? prefixQuery(q) : phraseQuery(q)})`);
  if (authority) where.push(sql`authorities @> ${[authority]}::text[]`);
  const rows = await sql`SELECT ${measureColumns} FROM negative_list_measures WHERE ${where.reduce((acc, w) => sql`${acc} AND ${w}`)} LIMIT ${limit + 1}`;
  const more = rows.length > limit;
  const items = more ? rows.slice(0, limit) : rows;
  const last = items[items.length - 1];
  return c.json({ items, next: more && last ? Buffer.from(JSON.stringify([last.itemCode, last.position])).toString('base64url') : null });
});

const server = serve({ fetch: app.fetch, port: Number(process.env.PORT ?? 8788), hostname: process.env.HOST ?? '127.0.0.1' });
const shutdown = () => server.close(() => void sql.end({ timeout: 5 }).finally(() => process.exit(0)));
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
