/**
 * The directory import (`npm run import -- --kind inspection-entities`, importEntitiesIntoDatabase) through the
 * real database: header variants, the rejected-rows report, and entries that read back through the API and the
 * feed exactly as POST /v1/inspection-entities would have published them.
 */
import { describe, expect, it } from 'vitest';
import type { RowError } from '../src/import/row-common.js';
import { importEntitiesIntoDatabase } from '../src/import/submit.js';
import { useTestApp } from './support/app.js';
import { entityCreditCode, entityCsv, registrationNo, type EntityRow } from './support/entity-files.js';
import { freshAdultId, rawNumbersIn } from './support/evasions.js';
import { created, validEntity } from './support/inspections.js';
import { wholeDatabase } from './support/public-surface.js';

const t = useTestApp();

/** Variants of the headers, in an order no template has, and a column the directory does not know. */
const HEADERS = ['企业名称', '所在地区划', '统一社会信用代码', '工商注册号', '对象类型', '企业类型', '国民经济行业分类', '住所', '风险等级', '标签', '备注'];
const entity = (fields: EntityRow = {}): EntityRow => ({
  企业名称: '示例市某某食品有限公司', 所在地区划: '440106', 统一社会信用代码: entityCreditCode(), 对象类型: '市场主体', 企业类型: '有限责任公司',
  国民经济行业分类: 'F5211', 住所: '示例市示例区示例路1号', 风险等级: 'B', 标签: '食品经营', ...fields,
});

async function importRows(agencyId: string, rows: EntityRow[], batchSize?: number) {
  const report: RowError[] = [];
  const result = await importEntitiesIntoDatabase(t.db, { agencyId, file: entityCsv(HEADERS, rows), batchSize, onRejected: (errors) => void report.push(...errors) });
  return { result, report };
}

const listed = async (agencyId: string) => {
  const res = await t.request(`/v1/inspection-entities?agencyId=${agencyId}&limit=200`);
  expect(res.status).toBe(200);
  return res.body.items as any[];
};

describe('directory import', () => {
  it('writes the valid rows and reports each rejected one by row, column and reason', async () => {
    const agency = await t.createAgency({ name: '示例市市场监督管理局' });
    const inDirectory = entityCreditCode();
    await created(t, '/v1/inspection-entities', validEntity({ agencyId: agency.id, creditCode: inDirectory }));
    const first = entity({ 风险等级: '低', 标签: '食品经营，重点、冷链' });
    const id = freshAdultId();
    const rows = [
      first, // row 2
      entity({ 统一社会信用代码: undefined, 工商注册号: registrationNo(), 风险等级: '信用风险较高' }),
      entity({ 企业名称: '某品牌婴幼儿配方乳粉', 统一社会信用代码: undefined, 对象类型: '产品', 企业类型: undefined, 风险等级: undefined }),
      entity({ 统一社会信用代码: '91440106MA59XXXX0' + 'A' }), // 5: not a valid code
      entity({ 住所: '示例路1号 联系 138 0013 8000' }),
      entity({ 统一社会信用代码: undefined }), // 7: a market entity without identity
      entity({ 统一社会信用代码: first['统一社会信用代码'] }), // 8: repeats row 2
      entity({ 风险等级: 'E' }),
      entity({ 企业名称: `某某个体店${id}` }), // 10: a 身份证 number in the name
      entity({ 统一社会信用代码: inDirectory }), // 11: already in the directory
      entity({ 国民经济行业分类: 'f5211 百货零售' }),
    ];
    const { result, report } = await importRows(agency.id, rows);
    expect(result).toEqual({ total: 11, imported: 4, rejectedRows: 7, ignoredColumns: ['备注'] });
    expect(report.map((r) => [r.rowNumber, r.column])).toEqual([
      [5, '统一社会信用代码'],
      [6, '登记住所'],
      [7, '统一社会信用代码'],
      [8, '统一社会信用代码'],
      [9, '信用风险分类'],
      [10, '名称'],
      [11, '统一社会信用代码'],
    ]);
    const reason = new Map(report.map((r) => [r.rowNumber, r.reason]));
    expect(reason.get(5)).toMatch(/check character/);
    expect(reason.get(6)).toMatch(/mobile phone number/);
    expect(reason.get(7)).toMatch(/needs its 统一社会信用代码 or its 15-digit 注册号/);
    expect(reason.get(8)).toBe('Same 统一社会信用代码 as row 2 of this file: the directory lists an entity once.');
    expect(reason.get(9)).toMatch(/Unknown 信用风险分类/);
    expect(reason.get(10)).toMatch(/身份证 number/);
    expect(reason.get(11)).toMatch(/already lists an active entity with this 统一社会信用代码/);
    expect(rawNumbersIn(JSON.stringify(report) + (await wholeDatabase(t)), [id])).toEqual([]);

    const items = await listed(agency.id);
    expect(items).toHaveLength(5);
    const byName = (name: string) => items.filter((i) => i.name === name);
    expect(items.find((i) => i.creditCode === first['统一社会信用代码'])).toMatchObject({
      version: 1, objectType: 'entity', regionCode: '440106', entityKind: '有限责任公司', riskClass: 'A', tags: ['食品经营', '重点', '冷链'], address: '示例市示例区示例路1号',
    });
    expect(items.find((i) => i.registrationNo === rows[1]!['工商注册号'])).toMatchObject({ creditCode: null, riskClass: 'C', riskClassName: '信用风险较高' });
    expect(byName('某品牌婴幼儿配方乳粉')).toMatchObject([{ objectType: 'product', creditCode: null, riskClass: null, entityKind: null }]);
    expect(items.find((i) => i.creditCode === rows[10]!['统一社会信用代码'])).toMatchObject({ industryCode: 'F5211' });
  });

  it('publishes each entry as the API would: GET answers the version-1 data its created feed event carries', async () => {
    const agency = await t.createAgency();
    const head = (await t.request('/v1/feed?limit=1')).body.head as number;
    const { result } = await importRows(agency.id, [entity(), entity({ 标签: undefined, 风险等级: undefined, 住所: undefined, 国民经济行业分类: undefined }), entity()], 2);
    expect(result.imported).toBe(3);
    const feed = await t.request(`/v1/feed?after=${head}&type=inspection_entity&limit=100`);
    expect(feed.body.items).toHaveLength(3);
    expect(feed.body.items.map((e: any) => e.position)).toEqual([head + 1, head + 2, head + 3]);
    for (const event of feed.body.items) {
      expect(event).toMatchObject({ version: 1, event: 'created', agencyId: agency.id });
      const res = await t.request(`/v1/inspection-entities/${event.id}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('etag')).toBe('"v1"');
      expect(res.body).toEqual(event.data);
      const revisions = await t.request(`/v1/inspection-entities/${event.id}/revisions`);
      expect(revisions.body.items.map((r: any) => [r.version, r.event, r.actor.kind])).toEqual([[1, 'created', 'admin']]);
      expect(revisions.body.items[0].data).toEqual(res.body);
    }
  });

  it('a re-run of the same file writes nothing: every row it wrote is now a duplicate', async () => {
    const agency = await t.createAgency();
    const rows = [entity(), entity({ 统一社会信用代码: undefined, 工商注册号: registrationNo() }), entity({ 风险等级: 'E' }), entity()];
    const first = await importRows(agency.id, rows, 2);
    expect(first.result).toMatchObject({ total: 4, imported: 3, rejectedRows: 1 });
    const head = (await t.request('/v1/feed?limit=1')).body.head;
    const again = await importRows(agency.id, rows, 3);
    expect(again.result).toMatchObject({ total: 4, imported: 0, rejectedRows: 4 });
    expect(again.report.map((r) => [r.rowNumber, r.column])).toEqual([
      [2, '统一社会信用代码'],
      [3, '注册号'],
      [4, '信用风险分类'],
      [5, '统一社会信用代码'],
    ]);
    expect(again.report[1]!.reason).toMatch(/already lists an active entity with this 注册号/);
    expect((await t.request('/v1/feed?limit=1')).body.head).toBe(head);
    expect(await listed(agency.id)).toHaveLength(3);
  });

  it('a row repeating a row of an earlier batch is refused as listed, the rest of its batch is written', async () => {
    const agency = await t.createAgency();
    const repeated = entity();
    const { result, report } = await importRows(agency.id, [repeated, entity(), entity(), { ...repeated, 企业名称: '改名后的公司' }, entity()], 2);
    expect(result).toMatchObject({ total: 5, imported: 4, rejectedRows: 1 });
    expect(report).toEqual([{ rowNumber: 5, column: '统一社会信用代码', reason: expect.stringMatching(/already lists an active entity/) }]);
    expect((await listed(agency.id)).map((i) => i.name)).not.toContain('改名后的公司');
  });
});
