import { describe, expect, it } from 'vitest';
import { useTestApp } from './support/app.js';
import { measure, publishedEdition } from './support/negative-list.js';

const t = useTestApp();

/** A small edition shaped like the real one: a 禁止准入类 item and 许可准入类 items with national and local measures. */
async function realisticEdition() {
  const { edition, items } = await publishedEdition(t, [
    {
      category: 'prohibited',
      itemNo: 4,
      code: '100004',
      name: '禁止违规开展金融相关经营活动',
      measures: [measure('非金融机构、不从事金融活动的企业，在注册名称和经营范围中不得使用“金融”“理财”“融资担保”等与金融相关的字样', { authorities: ['人民银行', '金融监管总局'] })],
    },
    {
      category: 'permitted',
      itemNo: 101,
      code: '201101',
      name: '未获得许可，不得从事电子烟相关生产经营',
      measures: [measure('未获得许可，不得从事电子烟生产、批发、零售业务', { authorities: ['国家烟草专卖局'] })],
      industryCodes: ['C16'],
    },
    {
      category: 'permitted',
      itemNo: 102,
      code: '201102',
      name: '未获得许可，不得从事食品生产经营',
      measures: [
        measure('未获得许可，不得从事食品生产、食品销售', { authorities: ['市场监管总局'] }),
        measure('未获得许可，不得从事小型餐饮经营', { authorities: ['市场监管总局'], local: { regionCode: '440000', regionName: '广东省' } }),
      ],
      industryCodes: ['F5221', 'H62'],
    },
  ]);
  return { edition, items, on: `asOf=${edition.effectiveFrom}` };
}

const check = (query: string) => t.request(`/v1/negative-list/check?${query}`);

describe('may I do this? (/v1/negative-list/check)', () => {
  it('finds a 许可准入类 item by the words of the activity, naming the measure and the edition', async () => {
    const { edition, on } = await realisticEdition();
    const res = await check(`activity=${encodeURIComponent('我想开一家店销售电子烟')}&${on}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ listed: true, prohibited: false, edition: { code: edition.code } });
    expect(res.body.matches.map((x: { item: { code: string }; measureNos: number[] }) => [x.item.code, x.measureNos])).toEqual([['201101', [1]]]);
    expect(res.body.matches[0].matchedWords).toEqual(expect.arrayContaining(['电子', '烟']));
    expect(res.body.conclusion).toContain('许可准入类');
    // 申请 says how one asks, not what one does: counted as a word, it would leave 食品 short of a match.
    const asking = await check(`activity=${encodeURIComponent('申请食品销售')}&${on}`);
    expect(asking.body.matches.map((x: { item: { code: string } }) => x.item.code)).toEqual(['201102']);
  });

  it('puts a 禁止准入类 item first and says entry is prohibited', async () => {
    const { on } = await realisticEdition();
    const res = await check(`activity=${encodeURIComponent('在企业名称中使用理财字样')}&${on}`);
    expect(res.body).toMatchObject({ listed: true, prohibited: true });
    expect(res.body.matches[0].item.code).toBe('100004');
    expect(res.body.conclusion).toContain('禁止准入类');
  });

  it('answers 非禁即入 when nothing matches', async () => {
    const { on } = await realisticEdition();
    const res = await check(`activity=${encodeURIComponent('开一家书店')}&${on}`);
    expect(res.body).toMatchObject({ listed: false, prohibited: false, matches: [] });
    expect(res.body.conclusion).toContain('非禁即入');
  });

  it("includes a region's local measures only for that region (a province's measure applies in its cities)", async () => {
    const { on } = await realisticEdition();
    const activity = `activity=${encodeURIComponent('小型餐饮经营')}&${on}`;
    expect((await check(activity)).body.listed).toBe(false);
    const guangzhou = await check(`${activity}&region=440100`);
    expect(guangzhou.body.matches.map((x: { item: { code: string }; measureNos: number[] }) => [x.item.code, x.measureNos])).toEqual([['201102', [2]]]);
    expect((await check(`${activity}&region=350100`)).body.listed).toBe(false);
  });

  it('matches by industry code, broader or narrower, when the words are generic', async () => {
    const { on } = await realisticEdition();
    const res = await check(`activity=${encodeURIComponent('开办公司')}&industry=F52&${on}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.matches.map((x: { item: { code: string }; industryMatched: boolean }) => [x.item.code, x.industryMatched])).toEqual([['201102', true]]);
  });

  it('refuses an activity of generic words only (422 naming activity) and a date before the first edition (422 naming asOf)', async () => {
    const { on } = await realisticEdition();
    const generic = await check(`activity=${encodeURIComponent('我想开一家公司')}&${on}`);
    expect(generic.status).toBe(422);
    expect(generic.body.errors).toEqual([expect.objectContaining({ in: 'query', pointer: '/activity' })]);
    const early = await check(`activity=${encodeURIComponent('销售电子烟')}&asOf=2001-01-01`);
    expect(early.status).toBe(422);
    expect(early.body.errors).toEqual([expect.objectContaining({ in: 'query', pointer: '/asOf' })]);
  });
});

describe('measure search (/v1/negative-list/measures)', () => {
  const codes = (body: { items: { item: { code: string }; measure: { no: number } }[] }) => body.items.map((h) => `${h.item.code}#${h.measure.no}`);

  it('searches by keyword, 主管部门, industry, category and local flag in the edition in force', async () => {
    const { on } = await realisticEdition();
    const get = async (q: string) => {
      const res = await t.request(`/v1/negative-list/measures?${q}&${on}`);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return codes(res.body);
    };
    expect(await get(`q=${encodeURIComponent('电子烟')}`)).toEqual(['201101#1']);
    expect(await get(`authority=${encodeURIComponent('市场监管总局')}`)).toEqual(['201102#1', '201102#2']);
    expect(await get('industry=F5221')).toEqual(['201102#1', '201102#2']);
    expect(await get('category=prohibited')).toEqual(['100004#1']);
    expect(await get('local=true')).toEqual(['201102#2']);
    expect(await get('region=440100&local=false')).toEqual(['100004#1', '201101#1', '201102#1']);
  });

  it('pages with a cursor and reads a named edition instead of the one in force', async () => {
    const { edition } = await realisticEdition();
    const seen: string[] = [];
    let path = `/v1/negative-list/measures?edition=${edition.code}&limit=2`;
    for (let i = 0; i < 5 && path; i++) {
      const res = await t.request(path);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      seen.push(...codes(res.body));
      path = res.body.next ? `/v1/negative-list/measures?edition=${edition.code}&limit=2&cursor=${encodeURIComponent(res.body.next)}` : '';
    }
    expect(seen).toEqual(['100004#1', '201101#1', '201102#1', '201102#2']);
    expect((await t.request('/v1/negative-list/measures?edition=no-such')).status).toBe(404);
  });
});
