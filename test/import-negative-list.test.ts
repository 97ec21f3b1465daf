/**
 * `npm run import -- --kind negative-list` (importNegativeListCommand) through the real database: a CSV and an
 * XLSX edition with header variants, continuation rows, ★ and local measures read back through the API; a bad
 * file, a clash with the draft, and a published edition each leave the database untouched.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { count } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { afterAll, describe, expect, it } from 'vitest';
import { changes, negativeListEditions, negativeListItems, negativeListMeasures, revisions } from '../src/db/schema.js';
import { importNegativeListCommand, type NegativeListImportArgs } from '../src/cli/import-negative-list.js';
import { useTestApp } from './support/app.js';
import { addItem, createEditionDraft, publishedEdition } from './support/negative-list.js';

const t = useTestApp();
const fixture = (name: string) => new URL(`fixtures/negative-list/${name}`, import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'gongshi-nl-import-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let serial = 0;
const newCode = () => `imp${process.pid}-${++serial}`;

async function run(args: Partial<NegativeListImportArgs> & { file: string; edition: string }) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await importNegativeListCommand({ create: false, dryRun: false, ...args }, { db: t.db, out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** Rows of every table an import writes: a refused import leaves each as it was. */
async function written() {
  const n = async (table: PgTable) => (await t.db.select({ n: count() }).from(table))[0]!.n;
  return { editions: await n(negativeListEditions), items: await n(negativeListItems), measures: await n(negativeListMeasures), revisions: await n(revisions), changes: await n(changes) };
}

const itemsOf = async (edition: string) => {
  const res = await t.request(`/v1/negative-list/editions/${edition}/items`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as { edition: any; items: any[] };
};

describe('negative-list import', () => {
  it('creates a draft from a CSV with header variants, section headings, continuation rows, ★ and a local measure', async () => {
    const code = newCode();
    const before = await written();
    const r = await run({ file: fixture('edition.csv'), edition: code, create: true, title: '市场准入负面清单（导入测试版）', effectiveFrom: '2032-01-01', documentNo: '发改体改规〔2032〕1号' });
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain(`edition ${code} (draft): written`);
    expect(r.out).toContain('rows: 7; items: 3 (禁止准入类 1, 许可准入类 2); measures: 5 (local 1, ★ 2)');
    expect(r.out).toContain('category of 3 items: from section headings');
    expect(r.out).toContain('ignored columns: 备注');
    const { edition, items } = await itemsOf(code);
    expect(edition).toMatchObject({ status: 'draft', title: '市场准入负面清单（导入测试版）', documentNo: '发改体改规〔2032〕1号', effectiveFrom: '2032-01-01' });
    expect(edition.counts).toEqual({ items: { prohibited: 1, permitted: 2, total: 3 }, measures: { prohibited: 2, permitted: 3, national: 4, local: 1, total: 5 } });
    expect(items.map((i) => [i.category, i.itemNo, i.code, i.name, i.version])).toEqual([
      ['prohibited', 1, '100901', '禁止违规开展某类测试经营活动', 1],
      ['permitted', 1, '200901', '未获得许可，不得从事甲类测试经营', 1],
      ['permitted', 2, '200902', '未获得许可，不得从事乙类测试经营', 1],
    ]);
    expect(items[0].measures.map((m: any) => [m.no, m.text, m.starred, m.authorities])).toEqual([
      [1, '非测试机构不得在名称中使用“测试”字样', false, ['市场监管总局', '测试部']],
      [2, '非测试机构原则上不得在经营范围中使用“测试服务”字样', true, ['市场监管总局', '测试部', '商务部']],
    ]);
    expect(items[1].measures).toMatchObject([
      { no: 1, text: '未获得许可，不得从事甲类测试经营', starred: true, local: null, basisText: '《测试条例》第三条' },
      { no: 2, starred: false, local: { regionCode: '440000', regionName: '广东省' }, authorities: ['广东省测试厅'], basisText: null },
    ]);
    // Each item went through the one write flow: version 1, its revision and a `created` event.
    const after = await written();
    expect(after).toEqual({ ...before, editions: before.editions + 1, items: before.items + 3, measures: before.measures + 5, revisions: before.revisions + 4, changes: before.changes + 4 });
    const feed = (await t.request('/v1/feed?limit=200')).body.items.filter((e: any) => e.type === 'negative_list_item' && items.some((i) => i.id === e.id));
    expect(feed.map((e: any) => e.event)).toEqual(['created', 'created', 'created']);
    // The local measure is found by region, as any other.
    const local = await t.request(`/v1/negative-list/measures?edition=${code}&local=true`);
    expect(local.body.items.map((h: any) => [h.item.code, h.measure.no])).toEqual([['200901', 2]]);
  });

  it('loads an XLSX with a title row, a 类别 column and repeated codes into an existing draft', async () => {
    const draft = await createEditionDraft(t);
    const r = await run({ file: fixture('edition.xlsx'), edition: draft.code });
    expect(r.code, r.out + r.err).toBe(0);
    expect(r.out).toContain('rows: 4; items: 3 (禁止准入类 1, 许可准入类 2); measures: 4 (local 1, ★ 1)');
    expect(r.out).toContain('category of 3 items: from the 类别 column');
    const { items } = await itemsOf(draft.code);
    expect(items.map((i) => [i.category, i.itemNo, i.code, i.measures.length])).toEqual([
      ['prohibited', 1, '100902', 2],
      ['permitted', 3, '200903', 1],
      ['permitted', 4, '200904', 1],
    ]);
    expect(items[0].measures[1]).toMatchObject({ text: '非公有资本不得投资设立某类测试机构', authorities: ['测试宣传部', '测试广电总局'] });
    expect(items[1].measures[0]).toMatchObject({ text: '未获得许可，不得从事丙类测试生产', starred: true });
    // "是" names no province: the measure's text does (海南省).
    expect(items[2].measures[0].local).toEqual({ regionCode: '460000', regionName: '海南省' });
  });

  it('rejects a bad file whole: the report names each row, column and reason, and nothing is written', async () => {
    const code = newCode();
    const report = join(dir, 'rejected.csv');
    const before = await written();
    const r = await run({ file: fixture('bad.csv'), edition: code, create: true, title: '市场准入负面清单（坏文件）', effectiveFrom: '2033-01-01', report });
    expect(r.code).toBe(1);
    expect(r.out).toContain('rejected: 7. The edition is imported whole or not at all: nothing was written.');
    expect(await written()).toEqual(before);
    expect((await t.request(`/v1/negative-list/editions/${code}`)).status).toBe(404);
    const lines = readFileSync(report, 'utf8').split('\r\n');
    expect(lines[0]).toBe('\uFEFF行号,字段,原因');
    expect(lines.slice(1, -1).map((l) => l.split(',').slice(0, 2).join(','))).toEqual([
      '2,事项编码',
      '4,事项编码',
      '5,禁止或许可准入措施描述',
      '6,禁止或许可准入措施描述',
      '7,事项编码',
      '8,地方性许可事项',
      '9,事项编码',
    ]);
    expect(lines[2]).toContain('must be 6 digits');
    expect(lines[4]).toContain('mobile phone number');
    expect(lines[5]).toContain('Same 事项编码 as row 3');
    expect(lines[7]).toContain('Cannot tell the category');
    expect(lines.join('\n') + r.out).not.toContain('13800138000');
  });

  it('rolls back every item when the draft refuses one (a 事项编码 it has already), naming that row', async () => {
    const draft = await createEditionDraft(t);
    await addItem(t, draft.id, { code: '200902', itemNo: 90 });
    const before = await written();
    const r = await run({ file: fixture('edition.csv'), edition: draft.code });
    expect(r.code).toBe(1);
    expect(r.out).toContain('rejected: 1. The edition is imported whole or not at all');
    expect(r.out).toContain('row 8, 事项编码: Another item of this edition has this 事项编码.');
    expect(await written()).toEqual(before);
    expect((await itemsOf(draft.code)).items.map((i) => i.code)).toEqual(['200902']);
  });

  it('refuses a published edition, an unknown one, and --create over an existing code, before reading the file (exit 2)', async () => {
    const { edition } = await publishedEdition(t);
    const draft = await createEditionDraft(t);
    const before = await written();
    const published = await run({ file: fixture('edition.csv'), edition: edition.code });
    expect(published).toMatchObject({ code: 2, out: '' });
    expect(published.err).toBe(`Edition ${edition.code} is current: a published edition never changes. Import into a new draft edition (--create) and publish that.`);
    const unknown = await run({ file: fixture('edition.csv'), edition: newCode() });
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('create it with --create');
    const taken = await run({ file: fixture('edition.csv'), edition: draft.code, create: true, title: '重复', effectiveFrom: '2034-01-01' });
    expect(taken.code).toBe(2);
    expect(taken.err).toContain(`Edition ${draft.code} exists already (draft)`);
    expect(await written()).toEqual(before);
  });

  it('--dry-run validates the file and writes nothing, even into a draft that exists', async () => {
    const draft = await createEditionDraft(t);
    const before = await written();
    const r = await run({ file: fixture('edition.xlsx'), edition: draft.code, dryRun: true });
    expect(r.code).toBe(0);
    expect(r.out).toContain('the file is valid (dry run, nothing written)');
    expect(await written()).toEqual(before);
  });
});
