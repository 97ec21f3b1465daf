import { beforeAll, describe, expect, it } from 'vitest';
import type { DemoContext } from '../src/demo/context.js';
import { seedLegalBases } from '../src/demo/seed-legal-bases.js';
import { seedPowers } from '../src/demo/seed-powers.js';
import { useTestApp } from './support/app.js';

const NOW = new Date('2025-03-01T02:00:00Z');
const t = useTestApp({ now: () => NOW });
const context = (agencyId: string): DemoContext => ({ db: t.db, now: NOW, agencies: new Map([['city', agencyId]]), legalBases: new Map(), powers: new Map() });
let ctx: DemoContext;

beforeAll(async () => {
  ctx = context((await t.createAgency({ name: '示例市交通运输局', regionCode: '440100' })).id);
  await seedLegalBases(ctx);
  await seedPowers(ctx);
});

describe('demo power list of 示例市交通运输局', () => {
  it('seeds a 行政处罚, two 行政许可, a 行政检查 and a 行政强制 item, recorded in ctx.powers by code', async () => {
    const res = await t.request(`/v1/powers?agencyId=${ctx.agencies.get('city')}`);
    expect(res.status).toBe(200);
    const byCode = new Map(res.body.items.map((p: any) => [p.code, p]));
    expect([...ctx.powers.keys()].sort()).toEqual([...byCode.keys()].sort());
    expect(res.body.items.map((p: any) => p.typeName).sort()).toEqual(['行政处罚', '行政强制', '行政检查', '行政许可', '行政许可']);
    for (const [code, id] of ctx.powers) expect((byCode.get(code) as any).id).toBe(id);
  });

  it('cites real articles in force, 项 by 项', async () => {
    const penalty = (await t.request(`/v1/powers/${ctx.powers.get('4401000150200100')}`)).body;
    expect(penalty.name).toBe('对未取得道路运输经营许可擅自从事道路运输经营的行政处罚');
    expect(penalty.subItems).toHaveLength(3);
    expect(penalty.citations.map((c: any) => `${c.title}${c.articleLabel}${c.item ? `第${c.item}项` : ''}`)).toEqual([
      '中华人民共和国道路运输条例第六十三条第1项',
      '中华人民共和国道路运输条例第六十三条第2项',
      '中华人民共和国道路运输条例第六十三条第3项',
      '中华人民共和国行政处罚法第二十八条',
    ]);
    expect(penalty.citations.every((c: any) => c.validityOnCitedDate === '现行有效' && !c.repealedOnCitedDate)).toBe(true);
    const road = ctx.legalBases.get('road-transport-regulation');
    expect((await t.request(`/v1/powers?legalBasisId=${road}`)).body.items).toHaveLength(5);
  });

  it('publishes a 裁量基准 with tiers for the unlicensed-operation item', async () => {
    const res = await t.request(`/v1/powers/${ctx.powers.get('4401000150200100')}/discretion-benchmarks`);
    expect(res.body.items).toHaveLength(1);
    const [benchmark] = res.body.items;
    expect(benchmark.violation).toBe('未取得道路运输经营许可，擅自从事道路普通货物运输经营');
    expect(benchmark.tiers.map((x: any) => [x.tier, x.fineMin, x.fineMax])).toEqual([
      ['轻微', '3000.00', '5000.00'],
      ['一般', '5000.00', '10000.00'],
      ['严重', '10000.00', '50000.00'],
      ['违法所得超过1万元', null, null],
    ]);
    expect(benchmark.citations.map((c: any) => c.articleLabel)).toEqual(['第六十三条', '第三十四条']);
  });

  it('finds the items by Chinese search', async () => {
    const search = async (q: string) =>
      (await t.request(`/v1/powers?q=${encodeURIComponent(q)}&agencyId=${ctx.agencies.get('city')}`)).body.items.map((p: any) => p.code);
    // 货物运输 is a word of the licence's name and of the penalty item's sub-items.
    expect(await search('货物运输')).toEqual(['4401000150200100', '4401000150100200']);
    expect(await search('营运证')).toEqual(['4401000150300100', '4401000150100100', '4401000150100200']);
  });

  it('seeds the items without citations when the legal bases are absent, instead of failing', async () => {
    const bare = context((await t.createAgency()).id);
    await seedPowers(bare);
    expect(bare.powers.size).toBe(5);
    const items = (await t.request(`/v1/powers?agencyId=${bare.agencies.get('city')}`)).body.items;
    expect(items.map((p: any) => p.citations)).toEqual(Array.from({ length: 5 }, () => []));
  });
});
