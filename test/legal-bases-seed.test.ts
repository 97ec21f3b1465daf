import { beforeAll, describe, expect, it } from 'vitest';
import { seedLegalBases } from '../src/demo/seed-legal-bases.js';
import type { DemoContext } from '../src/demo/context.js';
import { useTestApp } from './support/app.js';

const t = useTestApp({ now: () => new Date('2025-03-01T02:00:00Z') });
const ctx = { agencies: new Map(), legalBases: new Map(), powers: new Map() } as unknown as DemoContext;

beforeAll(async () => {
  Object.assign(ctx, { db: t.db, now: new Date('2025-03-01T02:00:00Z') });
  await seedLegalBases(ctx);
});

const article = async (key: string, no: string) => {
  const res = await t.request(`/v1/legal-bases/${ctx.legalBases.get(key)}/articles/${no}`);
  expect(res.status, `${key} ${no}`).toBe(200);
  return res.body;
};

describe('demo legal bases', () => {
  it('seeds the 行政处罚法 (2021) and the 道路运输条例 (2023) as texts in force, by the keys other seeders use', async () => {
    const penalty = await t.request(`/v1/legal-bases/${ctx.legalBases.get('administrative-penalty-law')}`);
    expect(penalty.body).toMatchObject({
      title: '中华人民共和国行政处罚法',
      level: '法律',
      promulgatedOn: '2021-01-22',
      effectiveOn: '2021-07-15',
      validity: '现行有效',
      agencyId: null,
      articleCount: 13,
    });
    const road = await t.request(`/v1/legal-bases/${ctx.legalBases.get('road-transport-regulation')}`);
    expect(road.body).toMatchObject({ title: '中华人民共和国道路运输条例', level: '行政法规', issuer: '国务院', validity: '现行有效', articleCount: 15 });
  });

  it('quotes the cited articles exactly, with 款 and 项', async () => {
    expect((await article('administrative-penalty-law', '39')).text).toBe('行政处罚的实施机关、立案依据、实施程序和救济渠道等信息应当公示。');
    const art48 = await article('administrative-penalty-law', '48');
    expect(art48).toMatchObject({ label: '第四十八条', chapter: '第五章　行政处罚的决定 第一节　一般规定' });
    expect(art48.paragraphs[1].text).toBe('公开的行政处罚决定被依法变更、撤销、确认违法或者确认无效的，行政机关应当在三日内撤回行政处罚决定信息并公开说明理由。');
    expect((await article('administrative-penalty-law', '55')).paragraphs[0].text).toMatch(/^执法人员在调查或者进行检查时，应当主动向当事人或者有关人员出示执法证件。/);
    const art9 = await article('administrative-penalty-law', '9');
    expect(art9.paragraphs[0].items.map((i: any) => i.no)).toEqual([1, 2, 3, 4, 5, 6]);
    const art63 = await article('road-transport-regulation', '63');
    expect(art63.chapter).toBe('第六章 法律责任');
    expect(art63.paragraphs[0].items[1].text).toMatch(/^未取得道路运输经营许可，擅自从事道路客运经营，违法所得超过2万元的/);
  });

  it('finds 道路运输 inside the regulation\'s articles and 擅自从事 in its 罚则', async () => {
    const hits = await t.request(`/v1/articles?q=${encodeURIComponent('道路运输')}&limit=200`);
    expect(hits.status).toBe(200);
    expect(hits.body.items.length).toBeGreaterThan(5);
    expect(new Set(hits.body.items.map((h: any) => h.legalBasisTitle))).toEqual(new Set(['中华人民共和国道路运输条例']));
    const penalties = await t.request(`/v1/legal-bases/${ctx.legalBases.get('road-transport-regulation')}/articles?q=${encodeURIComponent('擅自从事')}`);
    expect(penalties.body.items.map((a: any) => a.no)).toEqual(['63']);
  });
});
