/**
 * BENCH_EXPLAIN=1 with a negative-list scenario: where a check and a search spend their time. One request of
 * each kind goes through createApp in this process over a drizzle database that records every statement our
 * code sends; each statement is then run under EXPLAIN (ANALYZE, BUFFERS) with its own parameters, beside the
 * bare handler's single SELECT. The in-process time per request (one at a time, warm) is set against the
 * statements' summed execution time, which tells time in PostgreSQL from time in our layers. Then the CPU this
 * process spends per request with 32 in flight over the app's own pool (as src/node.ts opens it), and per
 * statement for a few single reads, which prices the number of statements a request makes.
 */
import { eq, inArray } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { createApp } from '../src/app.js';
import { sharedDb, type Db } from '../src/db/client.js';
import * as schema from '../src/db/schema.js';
import { openPostgres } from '../src/db/postgres.js';
import { lexeme, words } from '../src/lib/segment.js';
import { NL_AS_OF } from './dataset-negative-list.js';
import { POOL_MAX } from './servers.js';

const IN_FLIGHT = 32;

/** CPU (user + system) of this process per call of `fn`, with IN_FLIGHT calls in flight, after a warm-up. */
async function cpuPerCall(fn: () => Promise<unknown>, calls: number): Promise<number> {
  const run = async (n: number) => {
    let started = 0;
    await Promise.all(Array.from({ length: IN_FLIGHT }, async () => {
      while (started++ < n) await fn();
    }));
  };
  await run(calls / 5);
  const before = process.cpuUsage();
  await run(calls);
  const used = process.cpuUsage(before);
  return (used.user + used.system) / calls;
}

const SAMPLES: [string, string, string][] = [
  // label, path, the bare handler's statement for the same question
  [
    'check, an activity meeting an item, in a region',
    `/v1/negative-list/check?${new URLSearchParams({ activity: '从事食品经营', region: '440100', asOf: NL_AS_OF })}`,
    `SELECT item_id, position, item_code, category, text, starred, region_code, authorities FROM negative_list_measures WHERE edition_id = (SELECT id FROM negative_list_editions WHERE status IN ('current', 'superseded') AND effective_from <= '${NL_AS_OF}' ORDER BY effective_from DESC LIMIT 1) AND (region_code IS NULL OR '440100' LIKE regexp_replace(region_code, '(00)+$', '') || '%') AND search_vector @@ to_tsquery('simple', ${lit(words('从事食品经营').map(lexeme).join(' | '))}) LIMIT 20`,
  ],
  ['check, 非禁即入', `/v1/negative-list/check?${new URLSearchParams({ activity: '开设咖啡馆', asOf: NL_AS_OF })}`, ''],
  [
    'search q=食品',
    `/v1/negative-list/measures?${new URLSearchParams({ q: '食品', asOf: NL_AS_OF })}`,
    `SELECT item_id, position, item_code, category, text, starred, region_code, authorities FROM negative_list_measures WHERE edition_id = (SELECT id FROM negative_list_editions WHERE status IN ('current', 'superseded') AND effective_from <= '${NL_AS_OF}' ORDER BY effective_from DESC LIMIT 1) AND search_vector @@ to_tsquery('simple', '''食品'':*') LIMIT 21`,
  ],
  ['search authority=市场监管总局', `/v1/negative-list/measures?${new URLSearchParams({ authority: '市场监管总局', asOf: NL_AS_OF })}`, ''],
];

function lit(s: string): string {
  return `'${s.replace(/'/g, "''")}'`;
}

const ms = (n: number) => n.toFixed(3);

export async function explainNegativeList(url: string): Promise<string[]> {
  const client = postgres(url, { max: 1, onnotice: () => {} });
  const recorded: { query: string; params: unknown[] }[] = [];
  let recording = false;
  // The app's Db type is shared by PGlite and postgres.js databases; this one is postgres.js, as src/db/postgres.ts makes it.
  const db = drizzle({ client, schema, logger: { logQuery: (query, params) => void (recording && recorded.push({ query, params })) } }) as unknown as Db;
  const app = createApp({ db: sharedDb(db), config: {} });
  const pooled = openPostgres(url, { max: POOL_MAX });
  const pooledApp = createApp({ db: sharedDb(pooled.db), config: {} });
  const out = ['', '## Negative list: where the time goes (EXPLAIN ANALYZE, BUFFERS)', ''];
  try {
    for (const [label, path, bare] of SAMPLES) {
      for (let i = 0; i < 30; i++) await (await app.request(path)).arrayBuffer();
      const runs = 100;
      const started = performance.now();
      for (let i = 0; i < runs; i++) await (await app.request(path)).arrayBuffer();
      const perRequest = (performance.now() - started) / runs;
      const cpu = await cpuPerCall(async () => (await pooledApp.request(path)).arrayBuffer(), 1000);
      recorded.length = 0;
      recording = true;
      const res = await app.request(path);
      const bytes = (await res.arrayBuffer()).byteLength;
      recording = false;
      out.push(`### ${label}`, '', `\`GET ${path}\` → ${res.status}, ${num(bytes)} bytes; ${recorded.length} statements. In process, one at a time over one connection: ${ms(perRequest)} ms per request; ${IN_FLIGHT} in flight over a pool of ${POOL_MAX}: ${num(Math.round(cpu))} µs CPU per request.`, '');
      let execution = 0;
      let planning = 0;
      const plans: string[] = [];
      for (const [k, { query, params }] of recorded.entries()) {
        // biome-ignore lint/suspicious/noExplicitAny: drizzle logs parameters as unknown[]; postgres.js takes them as they were sent.
        const plan = (await client.unsafe(`EXPLAIN (ANALYZE, BUFFERS) ${query}`, params as any[])).map((r) => String(r['QUERY PLAN']));
        const exec = Number(/Execution Time: ([\d.]+)/.exec(plan.join('\n'))?.[1] ?? 0);
        const plan_ = Number(/Planning Time: ([\d.]+)/.exec(plan.join('\n'))?.[1] ?? 0);
        execution += exec;
        planning += plan_;
        plans.push(`${k + 1}. ${exec.toFixed(3)} ms execution, ${plan_.toFixed(3)} ms planning: \`${query.slice(0, 400).replace(/`/g, "'")}${query.length > 400 ? ' …' : ''}\``, '', '```', ...plan, '```', '');
      }
      out.push(`Statements: ${ms(execution)} ms execution + ${ms(planning)} ms planning in all (${ms(perRequest - execution - planning)} ms of the request is outside PostgreSQL's execution and planning: round trips, our code, serialization).`, '', ...plans);
      if (bare) {
        const plan = (await client.unsafe(`EXPLAIN (ANALYZE, BUFFERS) ${bare}`)).map((r) => String(r['QUERY PLAN']));
        out.push('Bare handler\'s statement for the same question:', '', '```', bare, '', ...plan, '```', '');
      }
    }
    out.push(...(await statementCosts(pooled.db)));
  } finally {
    await client.end({ timeout: 5 });
    await pooled.close();
  }
  return out;
}

const num = (n: number) => n.toLocaleString('en-US');

/** What one statement costs this process, by what it reads (the same pool and drizzle as the app). */
async function statementCosts(db: Db): Promise<string[]> {
  const { negativeListEditions: e, negativeListItems: i } = schema;
  const [edition] = await db.select().from(e).limit(1);
  const ids = (await db.select({ id: i.id }).from(i).limit(5)).map((r) => r.id);
  const reads: [string, () => Promise<unknown>][] = [
    ['one edition row by id, all columns', () => db.select().from(e).where(eq(e.id, edition!.id))],
    ['5 item rows by id, all columns (as check and search read them)', () => db.select().from(i).where(inArray(i.id, ids))],
    ['5 item rows by id, without search_text and search_vector', () => db.select({ id: i.id, code: i.code, name: i.name, measures: i.measures }).from(i).where(inArray(i.id, ids))],
  ];
  const out = ['### CPU per statement', '', `${IN_FLIGHT} in flight over the app's pool; user + system CPU of this process per statement.`, '', '| statement | µs CPU |', '| --- | ---: |'];
  for (const [label, read] of reads) out.push(`| ${label} | ${num(Math.round(await cpuPerCall(read, 5000)))} |`);
  return [...out, ''];
}
