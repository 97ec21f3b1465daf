import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { CSV_BOM, LICENCE_HEADERS, licenceCsvHeader, licenceCsvRows, penaltyCsvHeader, penaltyCsvRows, type LicenceRecord } from '../src/export/national-csv.js';
import { runImport } from '../src/import/run-import.js';
import type { Penalty } from '../src/schemas/penalties.js';
import type { PenaltyPartyPublic } from '../src/schemas/penalty-party.js';
import { AGENCY, COMPANY, REG_NO } from './fixtures/import/data.js';

const emptyParty = {
  creditCode: null, registrationNumber: null, orgCode: null, taxNumber: null, institutionCertificate: null, socialOrgCertificate: null,
  legalRepresentative: null, legalRepresentativeIdType: null, legalRepresentativeIdNumber: null, idType: null, idNumber: null,
};
const companyParty: PenaltyPartyPublic = { ...emptyParty, name: '示例市"某某"贸易有限公司', category: '01', creditCode: COMPANY, legalRepresentative: '张三', legalRepresentativeIdType: '04', legalRepresentativeIdNumber: '**********' };
const personParty: PenaltyPartyPublic = { ...emptyParty, name: '王五', category: '02', idType: '02', idNumber: '*********' };
const shopParty: PenaltyPartyPublic = { ...emptyParty, name: '某某小吃店', category: '03', creditCode: '00000000000000000X', registrationNumber: REG_NO, legalRepresentative: '李四' };

const agency = { decidingAgency: '示例市市场监督管理局', decidingAgencyCreditCode: AGENCY, dataSource: '示例市市场监督管理局', dataSourceCreditCode: AGENCY };
/** Only the fields the export reads; the rest of the response shape does not matter here. */
const penalty = (p: Partial<Penalty>): Penalty =>
  ({
    party: companyParty, decisionNumber: '示市监处罚〔2024〕1号', violationType: '销售不符合食品安全标准的食品', facts: '当事人销售过期食品，货值"50"元,\n已召回。',
    basis: '《中华人民共和国食品安全法》第一百二十四条', penaltyTypes: ['01', '02'], content: '警告，罚款2000元。', fineAmount: '2000.00', confiscationAmount: null,
    licenceRevoked: null, decisionDate: '2024-03-15', validUntil: '2025-03-15', publicityEndDate: '2027-03-15', remarks: null, ...agency, ...p,
  }) as Penalty;

const RECORDS = [
  penalty({}),
  penalty({ party: personParty, decisionNumber: '示市监处罚〔2024〕2号', penaltyTypes: ['03', '09', '11'], fineAmount: null, confiscationAmount: '12345.67', licenceRevoked: '食品经营许可证 JY1', remarks: '备注, 含逗号' }),
  penalty({ party: shopParty, decisionNumber: '示市监处罚〔2024〕3号', penaltyTypes: ['07'], fineAmount: null, content: '其他。' }),
];

describe('penalty CSV', () => {
  it('header: the 30 national columns in order', () => {
    const header = parse(penaltyCsvHeader())[0];
    expect(header).toEqual([
      '行政相对人名称', '行政相对人类别', '行政相对人代码_1(统一社会信用代码)', '行政相对人代码_2(工商注册号)', '行政相对人代码_3(组织机构代码)',
      '行政相对人代码_4(税务登记号)', '行政相对人代码_5(事业单位证书号)', '行政相对人代码_6(社会组织登记证号)', '法定代表人', '法定代表人证件类型',
      '法定代表人证件号码', '证件类型', '证件号码', '行政处罚决定书文号', '违法行为类型', '违法事实', '处罚依据', '处罚类别', '处罚内容',
      '罚款金额(万元)', '没收违法所得、没收非法财物的金额(万元)', '暂扣或吊销证照名称及编号', '处罚决定日期', '处罚有效期', '公示截止期', '处罚机关',
      '处罚机关统一社会信用代码', '数据来源单位', '数据来源单位统一社会信用代码', '备注',
    ]);
    expect(CSV_BOM).toBe('\uFEFF');
  });

  it('rows: national names, 万元 with 6 decimals, quoting of quotes, commas and line breaks', () => {
    const csv = penaltyCsvRows(RECORDS);
    const rows = parse(csv) as string[][];
    expect(rows).toHaveLength(3);
    expect(rows[0]!.slice(0, 3)).toEqual(['示例市"某某"贸易有限公司', '法人及非法人组织', COMPANY]);
    expect(rows[0]!.slice(9, 11)).toEqual(['台湾居民来往大陆通行证', '**********']);
    expect(rows[0]![15]).toBe('当事人销售过期食品，货值"50"元,\n已召回。');
    expect(rows[0]!.slice(17, 21)).toEqual(['警告；罚款', '警告，罚款2000元。', '0.200000', '']);
    expect(rows[1]!.slice(11, 13)).toEqual(['护照号', '*********']);
    expect(rows[1]!.slice(17, 22)).toEqual(['没收违法所得；没收非法财物；暂扣许可证件', '警告，罚款2000元。', '', '1.234567', '食品经营许可证 JY1']);
    expect(rows[1]![29]).toBe('备注, 含逗号');
    expect(rows[2]![1]).toBe('个体工商户');
    expect(rows[2]![17]).toBe('法律、行政法规规定的其他行政处罚');
    expect(csv).toContain('"示例市""某某""贸易有限公司"');
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(penaltyCsvRows([])).toBe('');
  });

  it('round trip: export, then import the file, gives back the same inputs', async () => {
    const file = new TextEncoder().encode(CSV_BOM + penaltyCsvHeader() + penaltyCsvRows(RECORDS));
    const items: any[] = [];
    const result = await runImport({ file, kind: 'penalties', agencyCreditCode: AGENCY, submit: async (b) => { items.push(...b); return { ok: true }; } });
    expect(result).toMatchObject({ format: 'current', total: 3, imported: 3, rejected: [], ignoredColumns: [] });
    const strip = (o: object) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null));
    RECORDS.forEach((r, i) => {
      expect(items[i]).toEqual(
        strip({
          party: strip(r.party), decisionNumber: r.decisionNumber, violationType: r.violationType, facts: r.facts, basis: r.basis, penaltyTypes: r.penaltyTypes,
          content: r.content, fineAmount: r.fineAmount, confiscationAmount: r.confiscationAmount, licenceRevoked: r.licenceRevoked, decisionDate: r.decisionDate,
          validUntil: r.validUntil, publicityEndDate: r.publicityEndDate, remarks: r.remarks,
        }),
      );
    });
  });

  it('guards text Excel would run as a formula, and the importer takes the guard off again', async () => {
    const risky = penalty({ decisionNumber: '示市监处罚〔2024〕9号', remarks: '=HYPERLINK("http://x.example","点击")', facts: '+86 联系方式已删除', content: '@SUM(1,2)' });
    const row = (parse(penaltyCsvRows([risky])) as string[][])[0]!;
    expect([row[29], row[15], row[18]]).toEqual([`'=HYPERLINK("http://x.example","点击")`, "'+86 联系方式已删除", "'@SUM(1,2)"]);
    expect(row[19]).toBe('0.200000');
    const file = new TextEncoder().encode(CSV_BOM + penaltyCsvHeader() + penaltyCsvRows([risky]));
    const items: any[] = [];
    await runImport({ file, kind: 'penalties', agencyCreditCode: AGENCY, submit: async (b) => { items.push(...b); return { ok: true }; } });
    expect(items[0]).toMatchObject({ remarks: risky.remarks, facts: risky.facts, content: risky.content });
  });

  it('a masked 身份证 does not survive re-import: the file is for publication, not for migration', async () => {
    const masked = penalty({ party: { ...companyParty, legalRepresentativeIdType: '01', legalRepresentativeIdNumber: '440101********0033' } });
    const file = new TextEncoder().encode(CSV_BOM + penaltyCsvHeader() + penaltyCsvRows([masked]));
    const result = await runImport({ file, kind: 'penalties', agencyCreditCode: AGENCY, submit: async () => ({ ok: true }) });
    expect(result.rejected.map((r) => [r.rowNumber, r.column])).toEqual([[2, '法定代表人证件号码']]);
  });
});

describe('licence CSV', () => {
  const licence: LicenceRecord = {
    party: companyParty, documentTitle: '示例市市场监督管理局食品经营许可决定书', decisionNumber: '示市监许〔2024〕1号', category: '06', categoryDetail: '备案',
    certificateName: '食品经营许可证', licenceNumber: 'JY14401010000001', content: '准予许可。', decisionDate: '2024-03-15', validFrom: '2024-03-15',
    validTo: '2029-03-14', licensingAgency: '示例市市场监督管理局', licensingAgencyCreditCode: AGENCY, state: 'invalid', dataSource: '示例市市场监督管理局',
    dataSourceCreditCode: AGENCY, remarks: null,
  };

  it('header: the 28 national columns in order; rows with national names', () => {
    expect(parse(licenceCsvHeader())[0]).toEqual([...LICENCE_HEADERS]);
    expect(LICENCE_HEADERS.slice(13)).toEqual([
      '行政许可决定文书名称', '行政许可决定文书号', '许可类别', '许可证书名称', '许可编号', '许可内容', '许可决定日期', '有效期自', '有效期至', '许可机关',
      '许可机关统一社会信用代码', '当前状态', '数据来源单位', '数据来源单位统一社会信用代码', '备注',
    ]);
    const [row] = parse(licenceCsvRows([licence, { ...licence, category: '04', categoryDetail: null, state: 'valid' }])) as string[][];
    expect(row!.slice(13, 16)).toEqual(['示例市市场监督管理局食品经营许可决定书', '示市监许〔2024〕1号', '其他-备案']);
    expect(row![24]).toBe('无效');
    const rows = parse(licenceCsvRows([{ ...licence, category: '04', categoryDetail: null, state: 'valid' }])) as string[][];
    expect([rows[0]![15], rows[0]![24]]).toEqual(['核准', '有效']);
  });

  it('round trip through the importer', async () => {
    const file = new TextEncoder().encode(CSV_BOM + licenceCsvHeader() + licenceCsvRows([licence]));
    const items: any[] = [];
    const result = await runImport({ file, kind: 'licences', agencyCreditCode: AGENCY, submit: async (b) => { items.push(...b); return { ok: true }; } });
    expect(result).toMatchObject({ imported: 1, rejected: [] });
    expect(items[0]).toMatchObject({ category: '06', categoryDetail: '备案', state: 'invalid', validTo: '2029-03-14', licenceNumber: 'JY14401010000001' });
  });
});

describe('Workers compatibility', () => {
  it('src/export imports no Node built-in and no exceljs', async () => {
    const { readFileSync, readdirSync } = await import('node:fs');
    const dir = new URL('../src/export/', import.meta.url);
    for (const f of readdirSync(dir)) {
      const src = readFileSync(new URL(f, dir), 'utf8');
      expect(src).not.toMatch(/from '(node:|fs|path|stream|exceljs|csv-parse)/);
    }
  });
});
