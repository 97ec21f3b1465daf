/**
 * The import CLI path (importIntoDatabase, as `npm run import` runs it) under the same personal-data guard as
 * the API: a 身份证 or mobile number in any text column is rejected naming the column, a minor's number is
 * refused whatever its 证件类型 says, an adult's number under 护照 is masked, and no raw number reaches the
 * report or the database.
 */
import { describe, expect, it } from 'vitest';
import { importIntoDatabase } from '../src/import/submit.js';
import { maskId } from '../src/lib/masking.js';
import { ID_EVASIONS, freshAdultId, idBornOn, rawNumbersIn } from './support/evasions.js';
import { everything } from './support/public-surface.js';
import { uniqueCreditCode, useTestApp } from './support/app.js';

const now = new Date('2024-03-20T02:00:00Z');
const t = useTestApp({ now: () => now });

const HEADERS = [
  '行政相对人名称', '行政相对人类别', '行政相对人代码_1(统一社会信用代码)', '法定代表人', '法定代表人证件类型', '法定代表人证件号码', '证件类型', '证件号码',
  '行政处罚决定书文号', '违法行为类型', '违法事实', '处罚依据', '处罚类别', '处罚内容', '罚款金额（万元）', '处罚决定日期', '处罚有效期', '处罚机关', '处罚机关统一社会信用代码', '备注',
] as const;
type Row = Partial<Record<(typeof HEADERS)[number], string>>;
const TEXT_COLUMNS = ['行政相对人名称', '法定代表人', '行政处罚决定书文号', '违法行为类型', '违法事实', '处罚依据', '处罚内容', '备注'] as const;

let serial = 0;
function row(agencyCode: string, fields: Row): Row {
  serial += 1;
  return {
    行政相对人名称: '示例市某某贸易有限公司', 行政相对人类别: '法人及非法人组织', '行政相对人代码_1(统一社会信用代码)': uniqueCreditCode(), 法定代表人: '张三',
    行政处罚决定书文号: `示市监处罚〔2024〕${serial}号`, 违法行为类型: '销售过期食品', 违法事实: '当事人销售超过保质期的食品。', 处罚依据: '《中华人民共和国食品安全法》第一百二十四条',
    处罚类别: '罚款', 处罚内容: '罚款人民币2000元。', '罚款金额（万元）': '0.2', 处罚决定日期: '2024-03-15', 处罚有效期: '2025-03-15', 处罚机关: '示例市市场监督管理局',
    处罚机关统一社会信用代码: agencyCode, 备注: '',
    ...fields,
  };
}

const csv = (rows: Row[]) => {
  const cell = (v = '') => (/[",\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
  return new TextEncoder().encode([HEADERS.join(','), ...rows.map((r) => HEADERS.map((h) => cell(r[h])).join(','))].join('\n'));
};

describe('importing a file with personal data in it', () => {
  it('rejects numbers in text columns and minors under any 证件类型, masks an adult under 护照, and stores no raw number', async () => {
    const agencyCode = uniqueCreditCode();
    const agency = await t.createAgency({ creditCode: agencyCode });
    const raws: string[] = [];
    const rows: Row[] = [];
    const expected: { rowNumber: number; column: string }[] = [];
    const add = (fields: Row, rejectedAt?: string) => {
      rows.push(row(agencyCode, fields));
      if (rejectedAt) expected.push({ rowNumber: rows.length + 1, column: rejectedAt });
    };
    // An evasion per text column, rotating, so every column and every way of writing is tried.
    ID_EVASIONS.forEach((evasion, i) => {
      const column = TEXT_COLUMNS[i % TEXT_COLUMNS.length]!;
      const raw = freshAdultId();
      raws.push(raw);
      add({ [column]: `${column === '行政处罚决定书文号' ? '示市监处罚' : ''}${evasion.write(raw)}` }, column);
    });
    const minor = idBornOn('2010-05-01');
    raws.push(minor);
    add({ 行政相对人名称: '李四', 行政相对人类别: '自然人', '行政相对人代码_1(统一社会信用代码)': '', 法定代表人: '', 证件类型: '护照', 证件号码: minor }, '证件号码');
    add({ 行政相对人类别: '个体工商户', 法定代表人证件类型: '其他-营业执照', 法定代表人证件号码: minor }, '法定代表人证件号码');
    const adult = freshAdultId();
    raws.push(adult);
    add({ 行政相对人名称: '王五', 行政相对人类别: '自然人', '行政相对人代码_1(统一社会信用代码)': '', 法定代表人: '', 证件类型: '护照', 证件号码: adult });

    const result = await importIntoDatabase(t.db, { agencyId: agency.id, kind: 'penalties', file: csv(rows), now: () => now });
    expect(result).toMatchObject({ total: rows.length, imported: 1, rejectedRows: rows.length - 1 });
    expect(result.rejected.map(({ rowNumber, column }) => ({ rowNumber, column }))).toEqual(expected);
    expect(rawNumbersIn(JSON.stringify(result), raws)).toEqual([]);

    const published = await t.request(`/v1/penalties?agencyId=${agency.id}`);
    expect(published.body.items.map((p: any) => p.party.idNumber)).toEqual([maskId(adult)]);
    expect(rawNumbersIn(await everything(t), raws)).toEqual([]);
  });
});
