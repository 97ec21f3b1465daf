import { sql, type SQL } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { importIntoDatabase } from '../src/import/submit.js';
import { admin, useTestApp, type TestContext, testClock } from './support/app.js';
import { AGENCY, RAW_IDS } from './fixtures/import/data.js';

// The fixtures' decisions are of March 2024 (legacy: June 2017): import them while they are on display.
const clock = testClock('2024-03-20T02:00:00Z');
const t = useTestApp({ now: () => clock.now });
const fixture = (name: string) => new URL(`./fixtures/import/${name}`, import.meta.url).pathname;
const NUMBERS = ['示市监处罚〔2024〕1号', '示市监处罚〔2024〕2号', '示市监处罚〔2024〕3号'];

async function rowsOf<T = Record<string, unknown>>(ctx: TestContext, query: SQL): Promise<T[]> {
  const result = (await ctx.db.execute(query)) as unknown as { rows?: T[] } & T[];
  return result.rows ?? [...result];
}

/** Every row of every table as text: no raw ID number may be anywhere in storage. */
async function wholeDatabase(): Promise<string> {
  const tables = await rowsOf<{ name: string }>(t, sql`SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public'`);
  let all = '';
  for (const { name } of tables) {
    const rows = await rowsOf<{ r: string }>(t, sql`SELECT row_to_json(x)::text AS r FROM ${sql.identifier(name)} x`);
    all += rows.map((r) => r.r).join('\n');
  }
  return all;
}

const listed = async (agencyId: string) => {
  const res = await t.request(`/v1/penalties?agencyId=${agencyId}&limit=200`);
  expect(res.status).toBe(200);
  return (res.body.items as { decisionNumber: string }[]).map((i) => i.decisionNumber).sort();
};
const run = (agencyId: string, file: string, batchSize?: number, agencyCreditCode?: string) =>
  importIntoDatabase(t.db, { agencyId, agencyCreditCode, kind: 'penalties', file: fixture(file), batchSize, now: () => clock.now });
/** Only one agency can hold the fixtures' code: other tests import as another agency, told that code. */
const runAsAnother = async (file: string, batchSize?: number) => {
  const agencyId = (await t.createAgency({ name: '另一市场监督管理局' })).id;
  return { agencyId, result: await run(agencyId, file, batchSize, AGENCY) };
};

describe('importing national-template files into the database', () => {
  it('publishes the valid rows of the current CSV, reports the rest, and stores no raw ID number', async () => {
    const agencyId = (await t.createAgency({ name: '示例市市场监督管理局', creditCode: AGENCY })).id;
    const result = await run(agencyId, 'penalties-current.csv');
    expect(result).toMatchObject({ total: 10, imported: 3, rejectedRows: 7, format: 'current' });
    expect(new Set(result.rejected.map((r) => r.rowNumber))).toEqual(new Set([5, 6, 7, 8, 9, 10, 11]));
    expect(result.rejected.find((r) => r.rowNumber === 11)).toMatchObject({ column: '处罚机关统一社会信用代码' });
    expect(await listed(agencyId)).toEqual(NUMBERS);
    const one = await t.request(`/v1/penalties?agencyId=${agencyId}&decisionNumber=${encodeURIComponent(NUMBERS[1]!)}`);
    expect(one.body.items[0]).toMatchObject({ confiscationAmount: '350.00', decidingAgencyCreditCode: AGENCY, party: { category: '02' } });
    const stored = await wholeDatabase();
    expect(stored).toContain(NUMBERS[1]);
    for (const id of RAW_IDS) expect(stored).not.toContain(id);
    expect(JSON.stringify(result)).not.toMatch(new RegExp(RAW_IDS.join('|')));
  });

  it('re-running the same file rejects every valid row as a duplicate and writes nothing', async () => {
    const { agencyId, result: first } = await runAsAnother('penalties-current.csv');
    expect(first).toMatchObject({ imported: 3 });
    const before = await t.request('/v1/feed?limit=1');
    const result = await run(agencyId, 'penalties-current.csv', 2, AGENCY);
    expect(result).toMatchObject({ total: 10, imported: 0, rejectedRows: 10 });
    const duplicates = result.rejected.filter((r) => r.column === '行政处罚决定书文号');
    expect(duplicates.map((r) => r.rowNumber)).toEqual([2, 3, 4]);
    expect(duplicates[0]!.reason).toMatch(/already published/);
    expect(await listed(agencyId)).toEqual(NUMBERS);
    expect((await t.request('/v1/feed?limit=1')).body.head).toBe(before.body.head);
  });

  it('a batch refused for one row is written without it, never half', async () => {
    const other = await t.createAgency({ name: '另一市场监督管理局' });
    // Row 3's number is taken first through the API: the importer's batch of three is refused (409) as a
    // whole, then the other two rows go in. The own-agency check is told the fixtures' code (--agency-credit-code).
    const pre = await t.post('/v1/penalties', {
      agencyId: other.id,
      party: { name: '王五', category: '02', idType: '01', idNumber: RAW_IDS[0] },
      decisionNumber: NUMBERS[1], violationType: '类型', facts: '事实', basis: '依据', penaltyTypes: ['01'], content: '警告。',
      decisionDate: '2024-03-16', validUntil: '2025-03-16',
    }, admin);
    expect(pre.status, JSON.stringify(pre.body)).toBe(201);
    const result = await importIntoDatabase(t.db, {
      agencyId: other.id, agencyCreditCode: AGENCY, kind: 'penalties', file: fixture('penalties-current.csv'), batchSize: 10, now: () => clock.now,
    });
    expect(result).toMatchObject({ imported: 2, rejectedRows: 8 });
    expect(result.rejected.filter((r) => r.column === '行政处罚决定书文号').map((r) => r.rowNumber)).toEqual([3]);
    expect(await listed(other.id)).toEqual(NUMBERS);
    const [row] = await rowsOf<{ n: number }>(t, sql`SELECT count(*)::int AS n FROM penalties WHERE agency_id = ${other.id}`);
    expect(row!.n).toBe(3);
  });

  it('imports the legacy 2015–2018 format', async () => {
    clock.now = new Date('2017-06-05T02:00:00Z');
    const { agencyId, result } = await runAsAnother('penalties-legacy.csv');
    expect(result).toMatchObject({ format: 'legacy', total: 3, imported: 2, rejectedRows: 1 });
    const res = await t.request(`/v1/penalties?agencyId=${agencyId}&decidedTo=2017-12-31`);
    expect(res.body.items.map((i: { decisionNumber: string }) => i.decisionNumber).sort()).toEqual(['示工商处字〔2017〕1号', '示工商处字〔2017〕2号']);
    expect(res.body.items.find((i: { decisionNumber: string }) => i.decisionNumber.endsWith('1号'))).toMatchObject({ fineAmount: '2000.00' });
    for (const id of RAW_IDS) expect(await wholeDatabase()).not.toContain(id);
  });

  it('an agency id that does not exist is refused before anything is read', async () => {
    await expect(run('00000000-0000-4000-8000-000000000000', 'penalties-current.csv')).rejects.toThrow('No agency has this id.');
    await expect(run('not-a-uuid', 'penalties-current.csv')).rejects.toThrow('must be an agency id');
  });
});
