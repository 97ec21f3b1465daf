/**
 * A deterministic 市场准入负面清单 edition for the negative-list scenarios: 120 items (6 禁止准入类, 114 许可准入类
 * from 57 trades practised two ways) holding exactly 500 measures, 20 of them 地方性许可措施, written in the
 * official table's phrasing from the word lists in negative-list-words.ts, with 主管部门, GB/T 4754 codes,
 * 设立依据 text and, for about 60 %, citations of 示例 legal bases. Also the query rotations the scenarios
 * replay: ~200 activities for /check (matching ones built from the items, 非禁即入 ones from words no measure
 * holds) and keyword / 主管部门 queries for /measures. Bodies are API request bodies: bench/load-negative-list.ts
 * POSTs them, so every stored row is what the API writes.
 */
import { prng } from './dataset.js';
import {
  BASES, CONDITIONS, FINANCE, FREE_ACTIVITIES, LOCAL_REGIONS, MEDIA, NET, PERMIT_PHRASES, PLACES, PROHIBITED, TRADES, type Trade,
} from './negative-list-words.js';

const SEED = 0x5e9a71;
export const NL_ITEMS = 120;
export const NL_MEASURES = 500;
export const NL_LOCAL = 20;
/** Fixed dates, so the rotation reads the same edition whatever day the bench runs. */
export const NL_EDITION = { code: 'bench', title: '市场准入负面清单（基准测试示例版）', effectiveFrom: '2025-06-01', issuingBodies: ['国家发展改革委', '商务部'] };
export const NL_AS_OF = '2026-06-01';
/** Articles per 示例 legal basis: citations name one of them. */
const ARTICLES = 60;
/** Prohibited items' measure counts (32 in all); permitted items share the rest. */
const PROHIBITED_COUNTS = [6, 4, 3, 8, 5, 6];
const MAX_PER_ITEM = 8;

type Body = Record<string, unknown>;

const basisTitle = (i: number) => `示例${BASES[i]}管理条例`;

/** The 示例 legal bases, as POST /v1/legal-bases bodies. */
export const legalBasisBodies = (): Body[] =>
  BASES.map((topic, i) => ({
    title: basisTitle(i),
    level: '行政法规',
    issuer: '国务院',
    promulgatedOn: '2019-01-01',
    effectiveOn: '2019-03-01',
    topics: [topic],
    articles: Array.from({ length: ARTICLES }, (_, k) => ({ no: String(k + 1), text: `${topic}领域示例条文第${k + 1}条：从事相关经营活动应当依法取得许可。` })),
  }));

const fill = (phrase: string, vars: Record<string, string>) => phrase.replace(/\{(\w)\}/g, (_, k: string) => vars[k] ?? '');

export interface NlDataset {
  items: Body[];
  checks: string[];
  searches: string[];
}

/** Items (POST /v1/negative-list/items bodies without editionId) and the query rotations; `bases` are the legal basis ids. */
export function negativeListDataset(bases: string[]): NlDataset {
  const rand = prng(SEED);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!;
  const article = () => 1 + Math.floor(rand() * ARTICLES);
  const basis = (b: number, authorities: string[]) => {
    const no = article();
    return { authorities, basisText: `《${basisTitle(b)}》第${no}条`, ...(rand() < 0.6 ? { citations: [{ legalBasisId: bases[b]!, articleNo: String(no) }] } : {}) };
  };
  const someOf = (list: string[]) => (list.length > 1 && rand() < 0.3 ? list : [pick(list)]);
  const starred = () => (rand() < 0.08 ? { starred: true } : {});

  const permitted = TRADES.flatMap((trade) => trade.verbs.map((verb) => ({ trade, verb })));
  // National measures per permitted item: one each (its name), then the rest spread at random.
  const counts = permitted.map(() => 1);
  for (let left = NL_MEASURES - NL_LOCAL - PROHIBITED_COUNTS.reduce((a, b) => a + b, 0) - permitted.length; left > 0; ) {
    const i = Math.floor(rand() * permitted.length);
    if (counts[i]! >= MAX_PER_ITEM) continue;
    counts[i]!++;
    left--;
  }
  // 20 local measures on distinct (item, region) pairs.
  const locals = new Map<number, (typeof LOCAL_REGIONS)[number][]>();
  for (let n = 0; n < NL_LOCAL; ) {
    const i = Math.floor(rand() * permitted.length);
    const region = pick(LOCAL_REGIONS);
    const there = locals.get(i) ?? [];
    if (there.includes(region)) continue;
    locals.set(i, [...there, region]);
    n++;
  }

  const prohibitedItems = PROHIBITED.map((p, k) => {
    const texts = new Set<string>();
    while (texts.size < PROHIBITED_COUNTS[k]!) {
      const t = pick(TRADES);
      texts.add(fill(pick(p.phrases), { o: t.obj, v: pick(t.verbs), p: pick(PLACES), f: pick(FINANCE), n: pick(NET), m: pick(MEDIA) }));
    }
    return {
      category: 'prohibited',
      itemNo: k + 1,
      code: p.code,
      name: p.name,
      measures: [...texts].map((text) => ({ text, ...starred(), ...basis(pick([2, 8, 10, 11]), someOf(p.authorities)) })),
      industryCodes: p.industry,
    };
  });

  const permittedItems = permitted.map(({ trade, verb }, i) => {
    const vars = (t: Trade) => ({ o: t.obj, v: verb, a: t.authorities[0]!, c: pick(CONDITIONS) });
    // The first phrase is the item's name; the others in a shuffled order, no phrase twice.
    const rest = shuffle(PERMIT_PHRASES.slice(1), rand);
    const phrases = [PERMIT_PHRASES[0]!, ...rest].slice(0, counts[i]);
    const measures: Body[] = phrases.map((p) => ({ text: fill(p, vars(trade)), ...starred(), ...basis(trade.basis, someOf(trade.authorities)) }));
    for (const r of locals.get(i) ?? []) {
      measures.push({
        text: rand() < 0.5 ? `在${r.regionName}从事${trade.obj}${verb}，须取得省级有关部门的许可` : `未获得${r.regionName}地方性许可，不得在本行政区域内从事${trade.obj}${verb}`,
        local: { regionCode: r.regionCode, regionName: r.regionName },
        authorities: [`${r.regionName}人民政府`],
      });
    }
    return {
      category: 'permitted',
      itemNo: i + 1,
      code: String(200001 + i),
      name: fill(PERMIT_PHRASES[0]!, vars(trade)),
      measures,
      industryCodes: trade.industry,
    };
  });

  return { items: [...prohibitedItems, ...permittedItems], ...rotations(rand, permitted, locals) };
}

const query = (params: Record<string, string>) => new URLSearchParams({ ...params, asOf: NL_AS_OF }).toString();

/** ~200 /check queries (130 built from items, 70 非禁即入) and ~70 /measures queries, in a fixed shuffled order. */
function rotations(rand: () => number, permitted: { trade: Trade; verb: string }[], locals: Map<number, (typeof LOCAL_REGIONS)[number][]>) {
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!;
  const checks: string[] = [];
  for (let n = 0; n < 100; n++) {
    const { trade, verb } = pick(permitted);
    // 生产食品 reads naturally; 站场经营道路货物运输 does not, so longer practices follow the trade.
    const activity = pick([verb.length === 2 ? `${verb}${trade.obj}` : `${trade.obj}${verb}`, `从事${trade.obj}${verb}`, `${trade.obj}${verb}`, `申请${trade.obj}${verb}`]);
    const extra: Record<string, string> = rand() < 0.15 ? { industry: pick(trade.industry) } : rand() < 0.2 ? { region: pick(LOCAL_REGIONS).city } : {};
    checks.push(query({ activity, ...extra }));
  }
  for (let n = 0; n < 10; n++) {
    checks.push(query({ activity: pick([`从事${pick(FINANCE)}业务`, `提供互联网${pick(NET)}服务`, `在${pick(PLACES)}开发${pick(TRADES).obj}项目`]) }));
  }
  for (const [i, regions] of locals) {
    const { trade, verb } = permitted[i]!;
    for (const r of regions) checks.push(query({ activity: `${trade.obj}${verb}`, region: r.city }));
  }
  for (const activity of FREE_ACTIVITIES) {
    checks.push(query({ activity }), query({ activity, region: pick(LOCAL_REGIONS).city }));
  }
  const authorities = [...new Set([...TRADES.flatMap((t) => t.authorities), ...PROHIBITED.flatMap((p) => p.authorities)])];
  const keywords = [...new Set(TRADES.map((t) => t.obj)), '许可', '禁止', '资质', '备案', '进口', '非公有资本', '金融', '定点'];
  const searches = [...keywords.filter((_, k) => k % 2 === 0 || k >= TRADES.length).map((q) => query({ q })), ...authorities.map((authority) => query({ authority }))];
  return { checks: shuffle(checks, rand), searches: shuffle(searches, rand) };
}

function shuffle<T>(list: T[], rand: () => number): T[] {
  for (let i = list.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [list[i], list[j]] = [list[j]!, list[i]!];
  }
  return list;
}
