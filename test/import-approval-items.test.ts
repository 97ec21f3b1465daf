/**
 * The 行政许可事项清单 import (`npm run import -- --kind approval-items`, importApprovalItemsIntoDatabase) through the
 * real database: header variants, list cells as text or JSON, the rejected-rows report, and items that read
 * back through the API and the feed exactly as POST /v1/approval-items would have published them.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import type { RowError } from '../src/import/row-common.js';
import { importApprovalItemsIntoDatabase } from '../src/import/submit.js';
import { useTestApp } from './support/app.js';
import { validApprovalItem } from './support/approval-items.js';
import { entityCsv, entityXlsx, type EntityRow } from './support/entity-files.js';
import { created, uniqueCode } from './support/inspections.js';

const t = useTestApp({ now: () => new Date('2026-03-02T02:00:00Z') });

/** Variants of the headers, in an order of their own, 依据 in two columns, and a column the import does not know. */
const HEADERS = ['行政许可事项名称', '基本编码', '审批类别', '设定依据', '实施依据', '受理条件', '申请材料目录', '办理流程', '法定时限', '承诺时限', '收费', '办理方式', '网办地址', '负面清单事项编码', '备注'];
const row = (fields: EntityRow = {}): EntityRow => ({
  行政许可事项名称: '食品经营许可',
  基本编码: uniqueCode('XK'),
  审批类别: '普通',
  设定依据: '《中华人民共和国食品安全法》第三十五条',
  实施依据: '《食品经营许可和备案管理办法》',
  受理条件: '具有与经营的食品品种、数量相适应的经营场所。',
  申请材料目录: '1、食品经营许可申请书（1份）\n2、营业执照复印件\n3、食品安全管理制度（容缺）',
  办理流程: '受理（1个工作日）→审查（7个工作日）→决定',
  法定时限: '20个工作日',
  承诺时限: '10',
  收费: '不收费',
  办理方式: '窗口办理、网上办理',
  网办地址: 'https://zwfw.example.gov.cn/item/spjy',
  负面清单事项编码: '200001-1；200002',
  备注: '内部备注',
  ...fields,
});

async function importList(agencyId: string, rows: EntityRow[], batchSize?: number) {
  const report: RowError[] = [];
  const result = await importApprovalItemsIntoDatabase(t.db, { agencyId, file: entityCsv(HEADERS, rows), batchSize, onRejected: (errors) => void report.push(...errors) });
  return { result, report };
}

const listed = async (agencyId: string) => {
  const res = await t.request(`/v1/approval-items?agencyId=${agencyId}&limit=200`);
  expect(res.status).toBe(200);
  return res.body.items as any[];
};

describe('approval-item import', () => {
  it('writes the valid rows as the API would and reports each rejected one by row, column and reason', async () => {
    const agency = await t.createAgency({ name: '示例市市场监督管理局' });
    const listedCode = uniqueCode('XK');
    await created(t, '/v1/approval-items', validApprovalItem({ agencyId: agency.id, code: listedCode }));
    const first = row();
    const json = JSON.stringify([{ name: '申请书', required: true, form: { title: '食品经营许可申请书', url: 'https://scjgj.example.gov.cn/forms/spjy.docx' } }]);
    const rows = [
      first, // row 2
      row({ 审批类别: '其他-备案', 申请材料目录: json, 收费: '证书工本费：10元（《某某收费管理办法》第五条）', 办理方式: '窗口', 网办地址: undefined, 负面清单事项编码: undefined, 承诺时限: undefined }),
      row({ 承诺时限: '25' }), // 4: beyond the statutory 20: the server refuses it
      row({ 收费: '工本费10元' }), // 5
      row({ 基本编码: first['基本编码'] }), // 6: repeats row 2
      row({ 基本编码: listedCode }), // 7: the agency lists it already
      row({ 办理方式: '邮寄' }), // 8
      row({ 受理条件: '咨询电话13800138000' }), // 9
      row({ 负面清单事项编码: '20001' }), // 10
      row({ 法定时限: '二十日' }), // 11
    ];
    const { result, report } = await importList(agency.id, rows);
    expect(result).toEqual({ total: 10, imported: 2, rejectedRows: 8, ignoredColumns: ['备注'] });
    expect(report.map((r) => [r.rowNumber, r.column])).toEqual([
      [4, '承诺办结时限'],
      [5, '收费标准'],
      [6, '事项编码'],
      [7, '事项编码'],
      [8, '办理渠道'],
      [9, '许可条件'],
      [10, '负面清单事项编码'],
      [11, '法定办结时限'],
    ]);
    const reason = new Map(report.map((r) => [r.rowNumber, r.reason]));
    expect(reason.get(4)).toMatch(/承诺办结时限 \(25\) exceeds the 法定办结时限/);
    expect(reason.get(5)).toMatch(/is not a fee/);
    expect(reason.get(6)).toBe('Same 事项编码 as row 2 of this file: an agency lists an approval item once.');
    expect(reason.get(7)).toMatch(/already lists an active approval item with this 事项编码/);
    expect(reason.get(8)).toMatch(/Unknown 办理渠道/);
    expect(reason.get(9)).toMatch(/mobile phone number/);
    expect(reason.get(10)).toMatch(/not a 负面清单事项编码/);
    expect(reason.get(11)).toMatch(/not a time limit/);
    expect(JSON.stringify(report)).not.toContain('13800138000');

    const items = await listed(agency.id);
    expect(items).toHaveLength(3);
    expect(items.find((i) => i.code === first['基本编码'])).toMatchObject({
      name: '食品经营许可',
      category: '01',
      basisText: '设定依据：《中华人民共和国食品安全法》第三十五条\n实施依据：《食品经营许可和备案管理办法》',
      materials: [
        { name: '食品经营许可申请书', copies: 1, required: true },
        { name: '营业执照复印件', required: true },
        { name: '食品安全管理制度', required: false },
      ],
      steps: [{ name: '受理', days: 1 }, { name: '审查', days: 7 }, { name: '决定' }],
      statutoryDays: 20,
      promisedDays: 10,
      fees: [],
      free: true,
      channels: ['window', 'online'],
      negativeListMeasures: [{ itemCode: '200001', measureNo: 1 }, { itemCode: '200002' }],
    });
    expect(items.find((i) => i.code === rows[1]!['基本编码'])).toMatchObject({
      category: '06',
      categoryDetail: '备案',
      materials: JSON.parse(json),
      fees: [{ name: '证书工本费', amount: '10.00', basis: '《某某收费管理办法》第五条' }],
      channels: ['window'],
      onlineUrl: null,
      promisedDays: null,
    });

    // Each imported item is version 1 with its revision and one `created` event, as POST would publish it.
    const feed = (await t.request('/v1/feed?type=approval_item&limit=1000')).body.items.filter((e: any) => e.agencyId === agency.id);
    expect(feed.map((e: any) => e.event)).toEqual(['created', 'created', 'created']);
    for (const item of items) {
      expect(feed.find((e: any) => e.id === item.id).data).toEqual(item);
      expect((await t.request(`/v1/approval-items/${item.id}/revisions`)).body.items.map((r: any) => r.data)).toEqual([item]);
    }
  });

  it('refuses a repeat across batches through the database, and reads XLSX alike', async () => {
    const agency = await t.createAgency();
    const code = uniqueCode('XK');
    const rows = [row({ 基本编码: code }), row(), row({ 基本编码: code })];
    const report: RowError[] = [];
    const result = await importApprovalItemsIntoDatabase(t.db, { agencyId: agency.id, file: await entityXlsx(HEADERS, rows), batchSize: 2, onRejected: (e) => void report.push(...e) });
    expect(result).toMatchObject({ total: 3, imported: 2, rejectedRows: 1 });
    expect(report).toEqual([{ rowNumber: 4, column: '事项编码', reason: expect.stringMatching(/already lists an active approval item/) }]);
    expect(await listed(agency.id)).toHaveLength(2);
  });

  it('refuses a file that is not an approval-item list, naming the missing columns, and writes nothing', async () => {
    const agency = await t.createAgency();
    const file = entityCsv(['事项名称', '许可类别'], [{ 事项名称: '食品经营许可', 许可类别: '普通' }]);
    await expect(importApprovalItemsIntoDatabase(t.db, { agencyId: agency.id, file })).rejects.toThrow(/missing 许可条件、法定办结时限、办理渠道/);
    expect(await listed(agency.id)).toEqual([]);
  });
});

describe('approval-item import CLI', () => {
  const run = promisify(execFile);
  const dir = mkdtempSync(join(tmpdir(), 'gongshi-approval-import-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('--dry-run validates every row, writes the report and exits 1 when rows were rejected', async () => {
    const path = join(dir, 'list.csv');
    const code = uniqueCode('XK');
    writeFileSync(path, entityCsv(HEADERS, [row({ 基本编码: code }), row({ 基本编码: code }), row({ 收费: '工本费10元' })]));
    const report = join(dir, 'rejected.csv');
    const r = await run('npx', ['tsx', 'src/cli/import.ts', '--kind', 'approval-items', '--agency', 'a', '--dry-run', '--report', report, path], {
      cwd: new URL('..', import.meta.url).pathname,
    }).then(
      (ok) => ({ code: 0, ...ok }),
      (e: { code: number; stdout: string; stderr: string }) => e,
    );
    expect(r.code, r.stderr).toBe(1);
    expect(r.stdout).toContain('rows: 3, importable (dry run, nothing written): 1, rejected: 2');
    expect(r.stdout).toContain('ignored columns: 备注');
    expect(readFileSync(report, 'utf8').split('\r\n').slice(0, 3)).toEqual([
      '\uFEFF行号,字段,原因',
      '3,事项编码,Same 事项编码 as row 2 of this file: an agency lists an approval item once.',
      expect.stringMatching(/^4,收费标准,.*is not a fee/),
    ]);
  });
});
