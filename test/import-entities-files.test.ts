/**
 * The directory import's file handling through the real database: an XLSX with other header variants and
 * numeric cells, a file refused before any row is read (a personal-data column, a missing column), and a
 * file read window by window with its progress.
 */
import { describe, expect, it } from 'vitest';
import type { EntityImportProgress } from '../src/import/entity-import.js';
import { importEntitiesIntoDatabase } from '../src/import/submit.js';
import { useTestApp } from './support/app.js';
import { entityCreditCode, entityCsv, entityXlsx, registrationNo, type EntityRow } from './support/entity-files.js';

const t = useTestApp();

const listed = async (agencyId: string, query = '') => {
  const res = await t.request(`/v1/inspection-entities?agencyId=${agencyId}&limit=200${query}`);
  expect(res.status).toBe(200);
  return res.body.items as any[];
};

describe('directory import files', () => {
  it('reads an XLSX with other header variants, numeric cells and every spelling of the codes', async () => {
    const agency = await t.createAgency();
    const headers = ['市场主体名称', '注册号', '统一社会信用代码', '行政区划代码', '主体类型', '行业代码', '登记住所', '信用风险分类', '对象类型', '标签'];
    const number = registrationNo();
    const rows: EntityRow[] = [
      { 市场主体名称: '示例市甲贸易有限公司', 注册号: Number(number), 行政区划代码: 440103, 主体类型: '有限责任公司', 行业代码: 'F5211', 登记住所: '示例市示例路2号', 信用风险分类: '信用风险较高', 对象类型: 'entity', 标签: '批发|零售；重点' },
      { 市场主体名称: '示例市乙餐饮店', 统一社会信用代码: entityCreditCode().toLowerCase(), 行政区划代码: 440104, 信用风险分类: 'd', 对象类型: '市场主体' },
      { 市场主体名称: '示例牌电动自行车', 行政区划代码: 440105, 信用风险分类: 'A类', 对象类型: 'PRODUCT' },
    ];
    const result = await importEntitiesIntoDatabase(t.db, { agencyId: agency.id, file: await entityXlsx(headers, rows) });
    expect(result).toEqual({ total: 3, imported: 3, rejectedRows: 0, ignoredColumns: [] });
    const items = await listed(agency.id);
    const byName = new Map(items.map((i) => [i.name, i]));
    expect(byName.get('示例市甲贸易有限公司')).toMatchObject({ registrationNo: number, regionCode: '440103', riskClass: 'C', tags: ['批发', '零售', '重点'], industryCode: 'F5211' });
    expect(byName.get('示例市乙餐饮店')).toMatchObject({ creditCode: String(rows[1]!['统一社会信用代码']).toUpperCase(), riskClass: 'D', tags: [] });
    expect(byName.get('示例牌电动自行车')).toMatchObject({ objectType: 'product', riskClass: 'A' });
  });

  it('refuses a file with a column of personal data, naming it, before reading any row', async () => {
    const agency = await t.createAgency();
    const row = { 名称: '示例市丙商行', 统一社会信用代码: entityCreditCode(), 行政区划代码: '440106', 联系人: '张三', 手机号码: '13800138000' };
    for (const file of [entityCsv(Object.keys(row), [row]), await entityXlsx(Object.keys(row), [row])]) {
      const attempt = importEntitiesIntoDatabase(t.db, { agencyId: agency.id, file });
      await expect(attempt).rejects.toThrow('columns of personal data the directory does not hold: 联系人、手机号码');
    }
    const legalRep = entityCsv(['名称', '统一社会信用代码', '行政区划代码', '法定代表人身份证号'], [row]);
    await expect(importEntitiesIntoDatabase(t.db, { agencyId: agency.id, file: legalRep })).rejects.toThrow('a column of personal data the directory does not hold: 法定代表人身份证号');
    const noRegion = entityCsv(['名称', '统一社会信用代码'], [row]);
    await expect(importEntitiesIntoDatabase(t.db, { agencyId: agency.id, file: noRegion })).rejects.toThrow('missing 行政区划代码');
    expect(await listed(agency.id)).toEqual([]);
  });

  it('reads the file window by window: every entry written once, progress up to the whole file', async () => {
    const agency = await t.createAgency();
    const headers = ['名称', '统一社会信用代码', '行政区划代码', '风险等级'];
    const rows = Array.from({ length: 1200 }, (_, i) => ({ 名称: `示例市第${i + 1}商店`, 统一社会信用代码: entityCreditCode(), 行政区划代码: '440106', 风险等级: i % 10 === 0 ? 'D' : 'A' }));
    const file = entityCsv(headers, rows);
    const head = (await t.request('/v1/feed?limit=1')).body.head as number;
    const progress: EntityImportProgress[] = [];
    const result = await importEntitiesIntoDatabase(t.db, { agencyId: agency.id, file, batchSize: 500, onProgress: (p) => void progress.push(p) });
    expect(result).toMatchObject({ total: 1200, imported: 1200, rejectedRows: 0 });
    expect(progress.map((p) => [p.rows, p.imported])).toEqual([[500, 500], [1000, 1000], [1200, 1200]]);
    expect(progress.at(-1)).toMatchObject({ bytesRead: file.length, size: file.length });
    expect((await t.request('/v1/feed?limit=1')).body.head).toBe(head + 1200);
    expect(await listed(agency.id, '&riskClass=D')).toHaveLength(120);
  });
});
