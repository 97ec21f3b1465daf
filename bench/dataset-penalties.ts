/**
 * Deterministic 行政处罚 decisions for the ingest benchmark: batch k (0-based) of 1,000 items is always the
 * same JSON, so the app ingest and the COPY baseline write the same decisions without holding 100,000 in
 * memory. Valid under the app's own rules: GB 32100 credit codes, GB 11643 ID numbers of adults for ~20 %
 * natural persons, amounts exactly where the penalty types require them.
 */
import { completeCreditCode } from '../src/lib/credit-code.js';
import { completeResidentId } from '../src/lib/resident-id.js';
import { prng } from './dataset.js';

export const BATCH_SIZE = 1000;
/** Batches go round-robin to this many agencies (one key each), two batches per agency by default. */
export const INGEST_AGENCIES = 50;

export interface IngestAgency {
  id: string;
  regionCode: string;
}

const FIRST_DAY = Date.UTC(2025, 0, 1);
/** Decision dates run from 2025-01-01 up to the run's clock date (2026-11-27): none lies in the future. */
const LAST_DAY = Date.UTC(2026, 10, 27);
const DAYS = Math.round((LAST_DAY - FIRST_DAY) / 86_400_000) + 1;

const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const plusYear = (date: string) => `${Number(date.slice(0, 4)) + 1}${date.slice(4)}`.replace('-02-29', '-02-28');

/** Field of administration: the violation, facts and basis of a decision. 食品 is a third of them. */
const FIELDS = [
  { w: 0.3, violation: '销售不符合食品安全标准的食品', facts: '当事人经营超过保质期的食品，货值金额较小。', basis: '《中华人民共和国食品安全法》第一百二十四条' },
  { w: 0.2, violation: '未取得道路运输经营许可擅自从事道路运输经营', facts: '当事人驾驶车辆从事道路旅客运输经营，未能出示道路运输证。', basis: '《中华人民共和国道路运输条例》第六十三条' },
  { w: 0.15, violation: '超标排放大气污染物', facts: '当事人锅炉废气排放浓度超过国家标准，经监测确认。', basis: '《中华人民共和国大气污染防治法》第九十九条' },
  { w: 0.15, violation: '未按规定设置安全警示标志', facts: '当事人生产经营场所的危险设备未设置明显的安全警示标志。', basis: '《中华人民共和国安全生产法》第九十九条' },
  { w: 0.2, violation: '擅自占用城市道路', facts: '当事人未经批准在城市道路上堆放物料，影响通行。', basis: '《城市道路管理条例》第四十二条' },
];

/** Penalty type mixes with the amounts and licence text each requires. */
const TYPES = [
  { w: 0.1, types: ['01'] },
  { w: 0.45, types: ['02'] },
  { w: 0.15, types: ['01', '02'] },
  { w: 0.15, types: ['02', '03'] },
  { w: 0.05, types: ['02', '11'] },
  { w: 0.05, types: ['05'] },
  { w: 0.05, types: ['12'] },
] as const;

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗';
const GIVEN = ['伟', '芳', '娜', '秀英', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '涛'];
const FIRMS = ['贸易', '餐饮管理', '运输', '建材', '食品', '物流', '科技', '商贸'];
/** Real county-level codes, so the ID numbers' address codes are plausible. */
const BIRTH_PLACES = ['110105', '310115', '440103', '510104', '330106', '420106'];

function weighted<T extends { w: number }>(list: readonly T[], r: number): T {
  for (const item of list) if ((r -= item.w) < 0) return item;
  return list[list.length - 1]!;
}

const yuan = (rand: () => number) => String(Math.round(200 + rand() ** 3 * 200_000)) + (rand() < 0.3 ? '.50' : '');

/** Batch `k` as the JSON body items of POST /v1/penalties/batch, for `agency` (the key's own agency). */
export function penaltyBatch(k: number, agency: IngestAgency): Record<string, unknown>[] {
  const rand = prng(0x9e17 + k);
  const items: Record<string, unknown>[] = [];
  for (let i = 0; i < BATCH_SIZE; i++) {
    const n = k * BATCH_SIZE + i;
    const field = weighted(FIELDS, rand());
    const types: readonly string[] = weighted(TYPES, rand()).types;
    const decisionDate = iso(FIRST_DAY + Math.floor(rand() * DAYS) * 86_400_000);
    const person = `${SURNAMES[Math.floor(rand() * SURNAMES.length)]}${GIVEN[Math.floor(rand() * GIVEN.length)]}`;
    const roll = rand();
    let party: Record<string, unknown>;
    if (roll < 0.2) {
      // A 自然人, 18 to 65 years old on any decision date; the birth day is always a real date (≤ 28).
      const birth = `${1960 + Math.floor(rand() * 46)}${String(1 + Math.floor(rand() * 12)).padStart(2, '0')}${String(1 + Math.floor(rand() * 28)).padStart(2, '0')}`;
      const place = BIRTH_PLACES[n % BIRTH_PLACES.length]!;
      party = { name: person, category: '02', idType: '01', idNumber: completeResidentId(place + birth + String(n % 1000).padStart(3, '0')) };
    } else {
      const business = roll < 0.3;
      const org = 'MA' + String(n).padStart(6, '0');
      party = {
        name: business ? `${agency.regionCode}${person}${FIRMS[n % FIRMS.length]}店` : `示例${agency.regionCode}${FIRMS[n % FIRMS.length]}有限公司第${n}号`,
        category: business ? '03' : '01',
        creditCode: completeCreditCode((business ? '92' : '91') + agency.regionCode + org),
        legalRepresentative: person,
      };
    }
    const item: Record<string, unknown> = {
      party,
      decisionNumber: `示罚〔${decisionDate.slice(0, 4)}〕${n + 1}号`,
      violationType: field.violation,
      facts: field.facts,
      basis: field.basis,
      penaltyTypes: [...types],
      content: `依法作出${types.includes('02') ? '罚款' : '行政处罚'}决定。`,
      decisionDate,
      validUntil: plusYear(decisionDate),
      // A quarter 严重 (36 months on display); the rest 一般 (12 months), so 2025 decisions partly ended.
      publicity: { severity: rand() < 0.25 ? '严重' : '一般' },
    };
    if (types.some((t) => t === '02')) item.fineAmount = yuan(rand);
    if (types.some((t) => t === '03')) item.confiscationAmount = yuan(rand);
    if (types.some((t) => t === '05' || t === '11')) item.licenceRevoked = `道路运输经营许可证 ${agency.regionCode}${String(n).padStart(6, '0')}`;
    items.push(item);
  }
  return items;
}
