/**
 * The baseline: the same three reads with nothing but Hono routing, postgres.js and JSON.stringify: no
 * validation, no registry, no response schema check, no problem handling, no ETag middleware. The gap
 * between this and src/node.ts is what our layers cost.
 *
 * The search scenarios compare against something else: a plain `ILIKE '%q%'` on the same table, in a
 * fixed order, unranked, with no segmentation and no join; what a naive search endpoint would do.
 */
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import postgres from 'postgres';

const url = process.env.DATABASE_URL;
if (!url) throw new Error('DATABASE_URL is required');
const sql = postgres(url, { max: Number(process.env.DB_POOL_MAX ?? 10), onnotice: () => {}, connection: { application_name: 'bench-bare' } });

// camelCase aliases so the body has the same shape and size as ours (Dates serialize to the same ISO form).
const columns = sql`id, version, status, name, credit_code AS "creditCode", region_code AS "regionCode", level,
  parent_id AS "parentId", kind, entrustment, domains, contact, website, created_at AS "createdAt", updated_at AS "updatedAt"`;

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

const likePattern = (q: string) => '%' + q.trim().replace(/[\\%_]/g, (ch) => '\\' + ch) + '%';

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

const server = serve({ fetch: app.fetch, port: Number(process.env.PORT ?? 8788), hostname: process.env.HOST ?? '127.0.0.1' });
const shutdown = () => server.close(() => void sql.end({ timeout: 5 }).finally(() => process.exit(0)));
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
