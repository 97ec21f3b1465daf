import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from './support/app.js';
import { createBasis } from './support/legal-bases.js';

/*
 * A fixed set of texts; every search below asserts the exact ordered result, and the same file runs on
 * PGlite and on PostgreSQL, so both databases must return the same ids in the same order.
 */
const t = useTestApp({ now: () => new Date('2024-06-01T04:00:00Z') });
const names = new Map<string, string>();
const texts: Record<string, { title: string; articles: { no: string; text: string }[] }> = {
  road: {
    title: '示例道路运输条例',
    articles: [
      { no: '1', text: '为了维护道路运输市场秩序，保障道路运输安全，保护道路运输有关各方当事人的合法权益，制定本条例。' },
      { no: '2', text: '从事道路运输经营以及道路运输相关业务的，应当遵守本条例。' },
      { no: '63', text: '违反本条例的规定，未取得经营许可，擅自从事经营的，由县级以上地方人民政府交通运输主管部门责令停止经营；构成犯罪的，依法追究刑事责任。对于道路运输车辆超载的，依照有关规定处理。' },
      { no: '64', text: '不符合本条例规定条件的人员驾驶营运车辆的，由交通运输主管部门责令改正，处200元以上2000元以下的罚款。' },
    ],
  },
  highway: {
    title: '示例公路条例',
    articles: [
      { no: '1', text: '本条例所称公路，是指经公路主管部门验收认定的城间、城乡间、乡间能行驶汽车的公共道路。' },
      { no: '2', text: '公路管理机构负责运输道路的养护。' },
    ],
  },
  rural: {
    title: '示例乡村道路运输服务办法',
    articles: [
      { no: '5', text: '国家鼓励发展乡村道路运输，提高乡镇和行政村的通班车率。' },
      { no: '6', text: '道路运输管理，应当公平、公正、公开和便民。' },
    ],
  },
  other: { title: '示例食品安全条例', articles: [{ no: '1', text: '食品生产经营者应当依照法律、法规和食品安全标准从事生产经营活动。' }] },
};

beforeAll(async () => {
  for (const [name, text] of Object.entries(texts)) names.set((await createBasis(t, text)).id, name);
});

const enc = encodeURIComponent;
const hitNames = (items: any[]) => items.map((h) => `${names.get(h.legalBasisId)}#${h.no}`);

async function allPages(path: string): Promise<any[]> {
  const items: any[] = [];
  for (let url: string | null = path; url; ) {
    const res = await t.request(url);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    items.push(...res.body.items);
    url = res.body.next ? res.headers.get('link')!.match(/<([^>]+)>/)![1]! : null;
  }
  return items;
}

const basisId = (name: string) => [...names].find(([, n]) => n === name)![0];

describe('Chinese search returns the same ranked ids on PGlite and PostgreSQL', () => {
  it('finds 道路运输 inside long articles across texts: denser matches first, then by text and article order', async () => {
    const hits = await allPages(`/v1/articles?q=${enc('道路运输')}&limit=200`);
    expect(hitNames(hits)).toEqual(['road#1', 'road#2', 'road#63', 'rural#5', 'rural#6']);
    expect(hits.map((h) => h.rank)).toEqual([1400, 1300, 1200, 1200, 1200]);
    expect(hits[0]).toMatchObject({ legalBasisTitle: '示例道路运输条例', label: '第一条', text: texts.road!.articles[0]!.text });
  });

  it('finds the 2-character word 道路 inside 道路运输 and 公共道路, and pages by cursor to the same order', async () => {
    const expected = ['road#1', 'road#2', 'road#63', 'highway#1', 'highway#2', 'rural#5', 'rural#6'];
    expect(hitNames(await allPages(`/v1/articles?q=${enc('道路')}&limit=200`))).toEqual(expected);
    expect(hitNames(await allPages(`/v1/articles?q=${enc('道路')}&limit=1`))).toEqual(expected);
    expect(hitNames(await allPages(`/v1/articles?q=${enc('道路')}&limit=3`))).toEqual(expected);
  });

  it('matches word order and literal characters: 运输道路 is not 道路运输, and LIKE wildcards match nothing', async () => {
    expect(hitNames(await allPages(`/v1/articles?q=${enc('运输道路')}`))).toEqual(['highway#2']);
    expect(hitNames(await allPages(`/v1/articles?q=${enc('擅自从事')}`))).toEqual(['road#63']);
    expect(hitNames(await allPages(`/v1/articles?q=2000`))).toEqual(['road#64']);
    // 路运输 is no phrase of words in any text: 3+ characters are also found as a bare substring
    // (pg_trgm), ranked below every word match.
    const bare = await allPages(`/v1/articles?q=${enc('路运输')}`);
    expect(hitNames(bare)).toEqual(['road#1', 'road#2', 'road#63', 'rural#5', 'rural#6']);
    expect(new Set(bare.map((h) => h.rank))).toEqual(new Set([100]));
    // Shorter queries match words and word beginnings only (a 2-character substring cannot use the
    // trigram index): 路运 begins no word, so it finds nothing.
    expect(await allPages(`/v1/articles?q=${enc('路运')}`)).toEqual([]);
    for (const q of ['%', '_', '\\', "'", '，。']) expect(await allPages(`/v1/articles?q=${enc(q)}`), q).toEqual([]);
  });

  it('searches one text\'s articles, ranked, and lists them in order without q', async () => {
    const road = basisId('road');
    expect((await allPages(`/v1/legal-bases/${road}/articles?q=${enc('道路')}&limit=1`)).map((a) => a.no)).toEqual(['1', '2', '63']);
    expect((await allPages(`/v1/legal-bases/${road}/articles?limit=2`)).map((a) => a.no)).toEqual(['1', '2', '63', '64']);
  });

  it('searches titles, ranked then by id', async () => {
    const titles = async (q: string, limit = 200) => (await allPages(`/v1/legal-bases?q=${enc(q)}&limit=${limit}`)).map((b) => names.get(b.id));
    expect(await titles('道路运输')).toEqual(['road', 'rural']);
    expect(await titles('道路', 1)).toEqual(['road', 'rural']);
    expect(await titles('条例')).toEqual(['road', 'highway', 'other']);
    expect(await titles('乡村')).toEqual(['rural']);
    expect(await titles('不存在的名称')).toEqual([]);
  });

  it('refuses a cursor from another kind of list (400 naming /cursor) and requires q on the cross-text search', async () => {
    const plain = await t.request('/v1/legal-bases?limit=1');
    const ranked = await t.request(`/v1/legal-bases?q=${enc('条例')}&limit=1`);
    for (const url of [`/v1/legal-bases?q=${enc('条例')}&cursor=${plain.body.next}`, `/v1/legal-bases?cursor=${ranked.body.next}`, `/v1/articles?q=a&cursor=${ranked.body.next}`]) {
      const res = await t.request(url);
      expect(res.status, url).toBe(400);
      expect(res.body.errors).toEqual([{ in: 'query', pointer: '/cursor', detail: expect.any(String) }]);
    }
    const noQ = await t.request('/v1/articles');
    expect(noQ.status).toBe(400);
    expect(noQ.body.errors[0].pointer).toBe('/q');
  });
});
