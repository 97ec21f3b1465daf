/**
 * Everything a leak could end up in, as text: every row of every table, the whole change feed, every public
 * list, the CSV exports, the revisions of the given records, and the server log. Privacy tests look for the
 * raw numbers they injected in all of it (test/support/evasions.ts rawNumbersIn).
 */
import { sql } from 'drizzle-orm';
import { expect } from 'vitest';
import { spec } from './spec-check.js';
import { rowsOf } from './penalties.js';
import type { TestContext } from './app.js';

/** Every value of every table of this file's database. */
export async function wholeDatabase(t: TestContext): Promise<string> {
  const tables = await rowsOf<{ table_name: string }>(t, sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`);
  expect(tables.map((r) => r.table_name)).toContain('penalties');
  const dumps: string[] = [];
  for (const { table_name } of tables) {
    const rows = await rowsOf(t, sql`select * from ${sql.identifier(table_name)}`);
    dumps.push(JSON.stringify(rows, (_k, v) => (typeof v === 'bigint' ? String(v) : v)));
  }
  return dumps.join('\n');
}

async function wholeFeed(t: TestContext): Promise<string> {
  const pages: string[] = [];
  for (let after = '0'; ; ) {
    const page = await t.request(`/v1/feed?limit=1000&after=${after}`);
    expect(page.status).toBe(200);
    pages.push(JSON.stringify(page.body));
    if (page.body.next === after) break;
    after = page.body.next;
  }
  return pages.join('\n');
}

/** GET paths of the document without path parameters: every public list and export. */
const collectionPaths = Object.entries(spec.paths ?? {})
  .filter(([path, item]) => !path.includes('{') && (item as Record<string, unknown>).get && path.startsWith('/v1/') && path !== '/v1/keys')
  .map(([path]) => path);

/** Lists that show notices of decisions no longer on display only when asked. */
const NOTICE_STATUSES: Record<string, string[]> = {
  '/v1/penalties': ['withdrawn', 'expired', 'repaired'],
  '/v1/licences': ['withdrawn'],
  '/v1/enforcement-actions': ['withdrawn'],
};

/**
 * The public surface after a test's writes: feed, lists (all statuses), exports, revisions of `records`
 * (paths like /v1/penalties/<id>), plus the database and the log.
 */
export async function everything(t: TestContext, records: string[] = []): Promise<string> {
  const parts = [await wholeDatabase(t), await wholeFeed(t), JSON.stringify(t.logs)];
  const text = (body: unknown) => (typeof body === 'string' ? body : JSON.stringify(body));
  for (const path of collectionPaths) {
    const query = path === '/v1/compliance' ? '?from=2015-01-01&to=2026-12-31' : '?limit=200';
    parts.push(text((await t.request(path + query)).body));
  }
  for (const [path, statuses] of Object.entries(NOTICE_STATUSES)) {
    for (const status of statuses) parts.push(text((await t.request(`${path}?status=${status}&limit=200`)).body));
  }
  for (const record of records) {
    parts.push(JSON.stringify((await t.request(record)).body), JSON.stringify((await t.request(`${record}/revisions`)).body));
  }
  return parts.join('\n');
}
