import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { mapHeaders } from '../src/import/national-headers.js';
import { ImportFileError, normalizeHeader, numberToText, readTable } from '../src/import/read-table.js';

const utf8 = (s: string) => new TextEncoder().encode(s);

describe('readTable: CSV', () => {
  it('normalizes headers, trims cells, keeps spreadsheet row numbers across blank lines', async () => {
    const t = await readTable(utf8('\uFEFF 行政相对人名称（必填） ,罚款金额（万元）,备注\n  甲 , 0.2 ,\n\n乙,,"多行\n备注"\n'));
    expect(t.headers).toEqual(['行政相对人名称', '罚款金额(万元)', '备注']);
    expect(t.rows).toEqual([
      { rowNumber: 2, cells: { 行政相对人名称: '甲', '罚款金额(万元)': '0.2', 备注: undefined } },
      { rowNumber: 4, cells: { 行政相对人名称: '乙', '罚款金额(万元)': undefined, 备注: '多行\n备注' } },
    ]);
  });
  it('decodes GB18030 when the bytes are not UTF-8', async () => {
    // "名称\n甲" in GBK: 名 C3FB 称 B3C6 甲 BCD7
    const t = await readTable(new Uint8Array([0xc3, 0xfb, 0xb3, 0xc6, 0x0a, 0xbc, 0xd7, 0x0a]));
    expect(t.rows[0]!.cells).toEqual({ 名称: '甲' });
  });
  it('refuses an empty file and a repeated header', async () => {
    await expect(readTable(new Uint8Array())).rejects.toThrow(ImportFileError);
    await expect(readTable(utf8('备注,备注（必填）\n1,2\n'))).rejects.toThrow('Column "备注" appears twice');
  });
  it('reads a quote inside an unquoted cell as text, and refuses a quote never closed as a file error', async () => {
    const t = await readTable(utf8('违法事实,备注\n当事人"张三"销售,"引用""一"""\n'));
    expect(t.rows[0]!.cells).toEqual({ 违法事实: '当事人"张三"销售', 备注: '引用"一"' });
    const unclosed = readTable(utf8('违法事实,备注\n甲,1\n"乙,2\n丙,3\n'));
    await expect(unclosed).rejects.toThrow(ImportFileError);
    await expect(unclosed).rejects.toThrow(/not readable CSV: Quote Not Closed.*line 4/);
  });
  it('header normalization', () => {
    expect(normalizeHeader(' *罚款金额（万元）（必填）')).toBe('罚款金额(万元)');
  });
});

describe('readTable: XLSX', () => {
  it('first sheet only; dates to ISO, numbers without float artefacts, rich text and formulas as text', async () => {
    const wb = new ExcelJS.Workbook();
    const s = wb.addWorksheet('a');
    s.addRow(['日期', '金额', '文本', '公式']);
    s.addRow([new Date(Date.UTC(2024, 2, 15)), 0.1 + 0.2, { richText: [{ text: '甲' }, { text: '乙' }] }, { formula: 'B2*2', result: 0.6000000000000001 }]);
    s.addRow([]);
    s.addRow([45366, 0.2, '  x  ', null]);
    wb.addWorksheet('b').addRow(['ignored']);
    const t = await readTable(new Uint8Array(await wb.xlsx.writeBuffer()));
    expect(t.headers).toEqual(['日期', '金额', '文本', '公式']);
    expect(t.rows).toEqual([
      { rowNumber: 2, cells: { 日期: '2024-03-15', 金额: '0.3', 文本: '甲乙', 公式: '0.6' } },
      { rowNumber: 4, cells: { 日期: '45366', 金额: '0.2', 文本: 'x', 公式: undefined } },
    ]);
  });
  it('numberToText', () => {
    expect([0.2, 0.035, 1e-7, 12345678.123456, 1e21].map(numberToText)).toEqual(['0.2', '0.035', '0.0000001', '12345678.123456', '1000000000000000000000']);
  });
});

describe('mapHeaders', () => {
  const current = ['行政相对人名称', '行政相对人类别', '行政处罚决定书文号', '违法行为类型', '违法事实', '处罚依据', '处罚类别', '处罚内容', '处罚决定日期', '处罚有效期'];
  it('detects the current format by Chinese names or column codes, in any order', () => {
    const codes = ['cf_yxq', 'CF_XDR_MC', 'CF_XDR_LB', 'CF_WSH', 'CF_WFXW', 'CF_SY', 'CF_YJ', 'CF_CFLB', 'CF_NR', 'CF_JDRQ', 'CF_XDR_ZZJG', 'CF_CFJG'];
    const m = mapHeaders('penalties', codes);
    expect(m.format).toBe('current');
    expect(m.fieldOf.get('cf_yxq')).toBe('validUntil');
    expect(m.fieldOf.get('CF_XDR_ZZJG')).toBe('party.orgCode');
    expect(m.columnName('party.orgCode')).toBe('行政相对人代码_3(组织机构代码)');
    expect(mapHeaders('penalties', [...current].reverse()).format).toBe('current');
  });
  it('resolves bare 代码_2/代码_3 by format, and an explicit name in parentheses in either', () => {
    const legacy = ['行政处罚决定书文号', '处罚名称', '处罚类别1', '处罚事由', '处罚依据', '行政相对人名称', '处罚结果', '处罚决定日期'];
    const l = mapHeaders('penalties', [...legacy, '行政相对人代码_2', '行政相对人代码_3', '行政相对人代码_5', '信息来源']);
    expect(l.format).toBe('legacy');
    expect([l.fieldOf.get('行政相对人代码_2'), l.fieldOf.get('行政相对人代码_3'), l.fieldOf.get('行政相对人代码_5')]).toEqual(['party.orgCode', 'party.registrationNumber', 'residentId']);
    expect(l.ignoredColumns).toEqual(['信息来源']);
    const c = mapHeaders('penalties', [...current, '行政相对人代码_2', '行政相对人代码_3(工商登记码)']);
    expect([c.fieldOf.get('行政相对人代码_2'), c.fieldOf.get('行政相对人代码_3(工商登记码)')]).toEqual(['party.registrationNumber', 'party.registrationNumber']);
  });
});
