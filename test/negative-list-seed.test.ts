import { beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../src/demo/seed.js';
import { useTestApp } from './support/app.js';

/* The whole demo seed, as `npm start` loads it into an empty database, checked for its 市场准入负面清单 part. */

const NOW = new Date('2026-11-27T02:00:00Z');
const t = useTestApp({ now: () => NOW });

beforeAll(async () => {
  expect(await seedDemo(t.db, NOW)).toBe(true);
});

const get = async (path: string) => {
  const res = await t.request(path);
  expect(res.status, `${path}: ${JSON.stringify(res.body)}`).toBe(200);
  return res.body;
};
const codes = async (edition: string) => (await get(`/v1/negative-list/editions/${edition}/items`)).items.map((i: any) => i.code);

/** The 2022 table's first measure of 100004, as printed. */
const FINANCE_2022 =
  '非金融机构、不从事金融活动的企业，在注册名称和经营范围中不得使用“保险（保险公司、保险资产管理公司、保险集团公司、自保公司、相互保险组织）”“证券公司”“基金管理公司（注：指从事公募基金管理业务的基金管理公司）”“信托公司”“金融控股”“金融集团”“财务公司”“理财”“财富管理”“股权众筹”“金融”“金融租赁”“汽车金融”“货币经纪”“消费金融”“融资担保”“典当”“征信”“交易中心”“交易所”等与金融相关的字样，法律、行政法规和国家另有规定的除外';

describe('demo negative list', () => {
  it('publishes the 2025 edition as current, superseding the 2022 edition', async () => {
    const current = (await get('/v1/negative-list/editions?status=current')).items;
    expect(current.map((e: any) => e.code)).toEqual(['2025']);
    expect(current[0]).toMatchObject({ documentNo: '发改体改规〔2025〕466号', issuingBodies: ['国家发展改革委', '商务部', '市场监管总局'], releasedOn: '2025-04-24', effectiveFrom: '2025-04-24', effectiveTo: null });
    const old = await get('/v1/negative-list/editions/2022');
    expect(old).toMatchObject({ status: 'superseded', documentNo: '发改体改规〔2022〕397号', effectiveTo: '2025-04-23' });
    expect(old.note).toContain('近似值');
    expect((await get('/v1/negative-list/editions/in-force?asOf=2023-06-01')).code).toBe('2022');
    expect((await get('/v1/negative-list/editions/in-force?asOf=2025-05-01')).code).toBe('2025');
  });

  it('quotes 100004’s first measure verbatim and marks every text it does not quote as an example', async () => {
    const finance = await get('/v1/negative-list/editions/2022/items/100004');
    expect(finance).toMatchObject({ category: 'prohibited', name: '禁止违规开展金融相关经营活动' });
    expect(finance.measures[0]).toMatchObject({ no: 1, text: FINANCE_2022, starred: false });
    expect(finance.measures[1].starred).toBe(true);
    expect(finance.note).toContain('第2项（★）措施为示例文本（非官方原文）');
    const news = await get('/v1/negative-list/editions/2022/items/100006');
    expect(news.note).toContain('未经官方文本核实');
    for (const edition of ['2022', '2025']) {
      const items = (await get(`/v1/negative-list/editions/${edition}/items?category=permitted`)).items;
      expect(items.length).toBeGreaterThan(1);
      for (const item of items) expect(item.note, `${edition} ${item.code}`).toContain('示例文本（非官方原文）');
    }
  });

  it('reflects the 2025 revision: 公章刻制 out, 电子烟 and 无人驾驶航空器运营 in, the local 酒类 measure cancelled', async () => {
    expect(await codes('2022')).toEqual(['100004', '100006', '290001', '290002']);
    expect(await codes('2025')).toEqual(['100004', '100006', '290002', '290003', '290004']);
    const liquor2022 = await get('/v1/negative-list/editions/2022/items/290002');
    expect(liquor2022.measures.map((m: any) => m.local)).toEqual([null, { regionCode: '440000', regionName: '示例省' }]);
    const liquor2025 = await get('/v1/negative-list/editions/2025/items/290002');
    expect(liquor2025.measures.map((m: any) => m.local)).toEqual([null]);
    const counts = (await get('/v1/negative-list/editions/2022')).counts;
    expect(counts.measures).toMatchObject({ local: 1 });
    const check = async (asOf: string) => get(`/v1/negative-list/check?activity=${encodeURIComponent('销售电子烟')}&asOf=${asOf}`);
    const in2025 = await check('2025-05-01');
    expect(in2025).toMatchObject({ listed: true, prohibited: false, edition: { code: '2025' } });
    expect(in2025.matches.map((m: any) => m.item.code)).toEqual(['290003']);
    expect(await check('2023-06-01')).toMatchObject({ listed: false, edition: { code: '2022' }, matches: [] });
  });
});
