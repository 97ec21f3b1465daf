import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { rejectedReportCsv } from '../src/import/report.js';
import { runImport, type ImportResult } from '../src/import/run-import.js';
import { ADULT_ID, AGENCY, COMPANY, FACTS, ORG_CODE, OTHER_AGENCY, RAW_IDS, REG_NO, REP_ID } from './fixtures/import/data.js';

const fixture = (name: string) => new URL(`./fixtures/import/${name}`, import.meta.url).pathname;

/** Runs an import that accepts every batch, returning the result and what was submitted. */
async function importAll(name: string, kind: 'penalties' | 'licences' = 'penalties') {
  const items: any[] = [];
  const result = await runImport({ file: fixture(name), kind, agencyCreditCode: AGENCY, submit: async (b) => { items.push(...b); return { ok: true }; } });
  return { result, items };
}

const PENALTY_REJECTIONS = [
  { rowNumber: 5, column: '行政相对人代码_1(统一社会信用代码)', reason: '统一社会信用代码 check character (position 18, GB 32100 mod 31) does not match.' },
  { rowNumber: 6, column: '证件号码', reason: '居民身份证号码 check character (position 18, GB 11643 mod 11) does not match.' },
  { rowNumber: 7, column: '证件号码', reason: 'This 身份证 number is of a minor (under 18) on the decision date: decisions about minors are not published.' },
  { rowNumber: 8, column: '处罚决定日期', reason: '"2024-02-30" is not a calendar date.' },
  { rowNumber: 9, column: '罚款金额(万元)', reason: 'Amount in 万元 has more than 6 decimals: the smallest unit is 1 fen (0.01 元 = 0.000001 万元).' },
  {
    rowNumber: 10,
    column: '处罚类别',
    reason: 'Unknown 处罚类别 "罚金" in 处罚类别: expected names such as 警告、罚款、没收违法所得、责令停产停业 (GET /v1/code-lists/penalty-types).',
  },
  {
    rowNumber: 11,
    column: '处罚机关统一社会信用代码',
    reason: `The decision belongs to another agency (credit code ${OTHER_AGENCY}); an agency may publish only its own decisions.`,
  },
];

function expectNoRawIds(result: ImportResult) {
  const report = rejectedReportCsv(result.rejected);
  for (const id of RAW_IDS) expect(report).not.toContain(id);
  expect(JSON.stringify(result)).not.toContain(ADULT_ID.slice(6, 14));
}

describe('current-format penalties', () => {
  for (const name of ['penalties-current.csv', 'penalties-current.xlsx']) {
    it(`${name}: 3 rows importable, 7 rejected with the exact column and reason`, async () => {
      const { result, items } = await importAll(name);
      expect(result).toMatchObject({ total: 10, imported: 3, rejectedRows: 7, format: 'current', ignoredColumns: ['内部编号'] });
      expect(result.rejected).toEqual(PENALTY_REJECTIONS);
      expectNoRawIds(result);
      expect(items.map((i) => i.decisionNumber)).toEqual(['示市监处罚〔2024〕1号', '示市监处罚〔2024〕2号', '示市监处罚〔2024〕3号']);
      expect(items[0]).toMatchObject({
        party: { name: '示例市某某贸易有限公司', category: '01', creditCode: COMPANY, legalRepresentativeIdType: '01', legalRepresentativeIdNumber: REP_ID },
        facts: FACTS,
        penaltyTypes: ['01', '02'],
        fineAmount: '2000.00', // 0.2 万元, from a text cell (CSV) and a number cell (XLSX) alike
        decisionDate: '2024-03-15',
        validUntil: '2025-03-15',
        remarks: '已履行',
      });
      expect(items[1]).toMatchObject({ party: { category: '02', idType: '01', idNumber: ADULT_ID }, penaltyTypes: ['03'], confiscationAmount: '350.00', decisionDate: '2024-03-16' });
      expect(items[2]).toMatchObject({ party: { category: '03', creditCode: '00000000000000000X', registrationNumber: REG_NO }, decisionDate: '2024-03-17' });
    });
  }

  it('a GBK-encoded CSV reads the same Chinese text', async () => {
    const { result, items } = await importAll('penalties-gbk.csv');
    expect(readFileSync(fixture('penalties-gbk.csv')).includes(Buffer.from('示例市', 'utf8'))).toBe(false); // really not UTF-8
    expect(result).toMatchObject({ total: 3, imported: 3, rejectedRows: 0 });
    expect(items[0].party.name).toBe('示例市某某贸易有限公司');
    expect(items[0].facts).toBe(FACTS);
  });
});

describe('legacy-format penalties', () => {
  it('maps the swapped 代码_2/代码_3, infers the category and fills the missing dates and amount', async () => {
    const { result, items } = await importAll('penalties-legacy.csv');
    expect(result).toMatchObject({ format: 'legacy', total: 3, imported: 2, ignoredColumns: [] });
    expect(items[0]).toMatchObject({
      party: { category: '01', creditCode: COMPANY, orgCode: ORG_CODE, registrationNumber: REG_NO, legalRepresentative: '张三' },
      violationType: '销售不合格商品',
      facts: '当事人销售不合格商品。',
      content: '警告，罚款人民币2000元。',
      penaltyTypes: ['01', '02'],
      fineAmount: '2000.00',
      validUntil: '2017-06-01',
    });
    expect(items[1].party).toEqual({ name: '王五', category: '02', idType: '01', idNumber: ADULT_ID });
    expect(result.rejected).toEqual([
      {
        rowNumber: 4,
        column: '处罚类别1',
        reason:
          'Unknown 处罚类别 "暂扣或者吊销许可证" in 处罚类别1 (暂扣 and 吊销 are different 处罚类别: name the one applied): expected names such as 警告、罚款、没收违法所得、责令停产停业 (GET /v1/code-lists/penalty-types).',
      },
    ]);
  });
});

describe('licences', () => {
  it('licences.xlsx: codes and names mapped, three rows rejected', async () => {
    const { result, items } = await importAll('licences.xlsx', 'licences');
    expect(result).toMatchObject({ format: 'current', total: 5, imported: 2, rejectedRows: 3 });
    expect(items[0]).toMatchObject({ party: { name: '示例市某某贸易有限公司' }, decisionNumber: '示市监许〔2024〕1号', category: '01', state: 'valid', validTo: '2029-03-14' });
    expect(items[1]).toMatchObject({ category: '06', categoryDetail: '备案', state: 'invalid' });
    expect(result.rejected).toEqual([
      { rowNumber: 4, column: '有效期至', reason: '有效期至 must not be before 有效期自.' },
      { rowNumber: 5, column: '许可机关统一社会信用代码', reason: `The decision belongs to another agency (credit code ${OTHER_AGENCY}); an agency may publish only its own decisions.` },
      { rowNumber: 6, column: '许可类别', reason: 'Unknown 许可类别 "特殊": expected one of 普通/特许/认可/核准/登记/其他.' },
    ]);
  });

  it('a penalties file imported as licences is refused by its headers', async () => {
    await expect(importAll('penalties-current.csv', 'licences')).rejects.toThrow(/match neither national 行政许可 template/);
  });
});

describe('rejected-rows report', () => {
  it('is CSV with a BOM and the columns 行号, 字段, 原因', async () => {
    const { result } = await importAll('penalties-current.csv');
    const csv = rejectedReportCsv(result.rejected);
    expect(csv.startsWith('\uFEFF行号,字段,原因\r\n5,行政相对人代码_1(统一社会信用代码),')).toBe(true);
    expect(csv.split('\r\n').filter(Boolean)).toHaveLength(8);
    expectNoRawIds(result);
  });
});

describe('inline files', () => {
  const bytes = (rows: string[][]) => new TextEncoder().encode(rows.map((r) => r.join(',')).join('\n'));
  const collect = async (file: Uint8Array, kind: 'penalties' | 'licences') => {
    const items: any[] = [];
    const result = await runImport({ file, kind, agencyCreditCode: AGENCY, submit: async (b) => { items.push(...b); return { ok: true }; } });
    return { result, items };
  };

  it('legacy licences: 项目名称, 审批类别, 许可截止期; 有效期自 defaults to the decision date', async () => {
    const { result, items } = await collect(
      bytes([
        ['行政许可决定书文号', '项目名称', '审批类别', '许可内容', '行政相对人名称', '行政相对人代码_1', '行政相对人代码_2', '法定代表人姓名', '许可决定日期', '许可截止期', '许可机关', '当前状态', '地方编码'],
        ['示工商许〔2016〕1号', '食品流通许可', '普通', '准予许可', '某某公司', COMPANY, ORG_CODE, '张三', '2016/5/1', '2019/4/30', '示例市工商局', '正常', '440100'],
        ['示工商许〔2016〕2号', '食品流通许可', '普通', '准予许可', '某某公司', COMPANY, ORG_CODE, '张三', '2016/5/1', '', '示例市工商局', '正常', '440100'],
      ]),
      'licences',
    );
    expect(result.format).toBe('legacy');
    expect(items).toEqual([
      expect.objectContaining({ documentTitle: '食品流通许可', category: '01', party: expect.objectContaining({ orgCode: ORG_CODE }), validFrom: '2016-05-01', validTo: '2019-04-30', state: 'valid' }),
    ]);
    expect(result.rejected).toEqual([{ rowNumber: 3, column: '许可截止期', reason: 'Required: the cell is empty.' }]);
  });

  it('an empty required cell names its column', async () => {
    const headers = ['行政相对人名称', '行政相对人类别', '统一社会信用代码', '法定代表人', '行政处罚决定书文号', '违法行为类型', '违法事实', '处罚依据', '处罚类别', '处罚内容', '处罚决定日期', '处罚有效期'];
    const { result } = await collect(bytes([headers, ['某某公司', '法人及非法人组织', COMPANY, '', '示处〔2024〕1号', '类型', '', '依据', '警告', '警告。', '2024-03-15', '2024-03-01']]), 'penalties');
    // zod runs the cross-field rules (处罚有效期 before 处罚决定日期) only once every field parses: that one
    // shows up on the next import attempt.
    expect(result.rejected).toEqual([
      { rowNumber: 2, column: '法定代表人', reason: '法定代表人 is required for a 法人及非法人组织.' },
      { rowNumber: 2, column: '违法事实', reason: 'Required: the cell is empty.' },
    ]);
  });
});
