/**
 * What a team would write by hand instead: Fastify 5 and node-postgres (pg), one handler per read, the same
 * WHERE / ORDER BY / LIMIT and the same public columns as bench/bare-server.ts, answered with Fastify's own
 * serializer (no response schema, as a hand-written service usually has none). Queries are named, so pg
 * prepares each once per connection. It answers the same targets as the bare handler (same cursors).
 */
import Fastify from 'fastify';
import pg from 'pg';
import { penaltySearchSql } from './penalty-search-sql.js';
import { AGENCY_COLUMNS, PENALTY_COLUMNS, TASK_COLUMNS } from './columns.js';

const url = process.env.DATABASE_URL;
if (!url) throw new Error('DATABASE_URL is required');
const pool = new pg.Pool({ connectionString: url, max: Number(process.env.DB_POOL_MAX ?? 10), application_name: 'bench-fastify' });

const agencyColumns = AGENCY_COLUMNS;
const penaltyColumns = PENALTY_COLUMNS;

const encodeCursor = (values: unknown[]) => Buffer.from(JSON.stringify(values)).toString('base64url');
const decodeCursor = (cursor: string) => (JSON.parse(Buffer.from(cursor, 'base64url').toString()) as string[])[0]!;
const chinaToday = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

type Query = Record<string, string | undefined>;
const app = Fastify({ logger: false });

app.get<{ Params: { id: string } }>('/v1/agencies/:id', async (req, reply) => {
  const { rows } = await pool.query({ name: 'agency', text: `SELECT ${agencyColumns} FROM agencies WHERE id = $1`, values: [req.params.id] });
  const row = rows[0];
  if (!row) return reply.code(404).send({ status: 404 });
  const tag = `"v${row.version}"`;
  if (req.headers['if-none-match'] === tag) return reply.code(304).header('ETag', tag).send();
  return reply.header('ETag', tag).send(row);
});

app.get<{ Querystring: Query }>('/v1/agencies', async (req) => {
  const limit = Number(req.query.limit ?? 20);
  const cursor = req.query.cursor;
  const { rows } = cursor
    ? await pool.query({ name: 'agencies-after', text: `SELECT ${agencyColumns} FROM agencies WHERE id > $1 ORDER BY id LIMIT $2`, values: [decodeCursor(cursor), limit + 1] })
    : await pool.query({ name: 'agencies', text: `SELECT ${agencyColumns} FROM agencies ORDER BY id LIMIT $1`, values: [limit + 1] });
  const more = rows.length > limit;
  const items = more ? rows.slice(0, limit) : rows;
  return { items, next: more ? encodeCursor([items[items.length - 1].id]) : null };
});

app.get<{ Params: { id: string } }>('/v1/penalties/:id', async (req, reply) => {
  const { rows } = await pool.query({ name: 'penalty', text: `SELECT ${penaltyColumns} FROM penalties WHERE id = $1`, values: [req.params.id] });
  const row = rows[0];
  if (!row) return reply.code(404).send({ status: 404 });
  const tag = `"v${row.version}"`;
  if (req.headers['if-none-match'] === tag) return reply.code(304).header('ETag', tag).send();
  return reply.header('ETag', tag).send(row);
});

app.get<{ Params: { id: string } }>('/v1/inspection-tasks/:id', async (req, reply) => {
  const { rows } = await pool.query({ name: 'task', text: `SELECT ${TASK_COLUMNS} FROM inspection_tasks WHERE id = $1`, values: [req.params.id] });
  const row = rows[0];
  if (!row) return reply.code(404).send({ status: 404 });
  return reply.header('ETag', `"v${row.version}"`).send(row);
});

app.get<{ Querystring: Query }>('/v1/penalties', async (req) => {
  const { regionCode, penaltyType, q, cursor } = req.query;
  const limit = Number(req.query.limit ?? 20);
  const values: unknown[] = [chinaToday()];
  const where = [`status = 'published'`, `publicity_end_date >= $1`];
  if (regionCode) where.push(`region_code = $${values.push(regionCode)}`);
  if (penaltyType) where.push(`penalty_types @> ARRAY[$${values.push(penaltyType)}]::text[]`);
  if (q) {
    const search = penaltySearchSql(q, chinaToday(), limit);
    const named = (kind: string, part: { text: string; values: unknown[] }) => ({ name: `penalty-search-${kind}-${part.values.length}`, ...part });
    let { rows } = await pool.query(named('probe', search.probe));
    if (rows.length <= limit) ({ rows } = await pool.query(named('indexed', search.indexed)));
    const more = rows.length > limit;
    const items = more ? rows.slice(0, limit) : rows;
    const last = items[items.length - 1];
    return { items, next: more && last ? encodeCursor([last.decisionDate, last.id]) : null };
  }
  if (cursor) where.push(`id > $${values.push(decodeCursor(cursor))}`);
  const text = `SELECT ${penaltyColumns} FROM penalties WHERE ${where.join(' AND ')} ORDER BY id LIMIT $${values.push(limit + 1)}`;
  // One prepared statement per shape of filter.
  const { rows } = await pool.query({ name: `penalties-${Boolean(regionCode)}-${Boolean(penaltyType)}-${Boolean(cursor)}`, text, values });
  const more = rows.length > limit;
  const items = more ? rows.slice(0, limit) : rows;
  return { items, next: more ? encodeCursor([items[items.length - 1].id]) : null };
});

await app.listen({ port: Number(process.env.PORT ?? 8789), host: process.env.HOST ?? '127.0.0.1' });
const shutdown = () => void app.close().then(() => pool.end()).finally(() => process.exit(0));
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
