import { sql } from 'drizzle-orm';
import { agencies } from '../src/db/schema.js';
import { openPostgres } from '../src/db/postgres.js';
import { completeCreditCode } from '../src/lib/credit-code.js';
import type { DutiesFacts } from './dataset-duties.js';
import type { NegativeListFacts } from './load-negative-list.js';
import type { PenaltyReads } from './scenarios-penalties.js';

/** Fixed seed and clock: every run loads byte-identical rows, so figures are comparable across runs. */
const SEED = 0x60a951;
const EPOCH = Date.UTC(2024, 0, 1);

/** mulberry32: tiny, fast, and good enough to spread values; never used for anything secret. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A UUIDv7 whose timestamp is `ms`: ids sort in insertion order, like newId() in production. */
export function uuidv7At(ms: number, rand: () => number): string {
  const hex = (n: number, width: number) => Math.floor(n).toString(16).padStart(width, '0');
  const ts = hex(ms, 12);
  const r = () => hex(rand() * 0x10000, 4);
  const variant = hex(0x8000 | (rand() * 0x4000), 4);
  return `${ts.slice(0, 8)}-${ts.slice(8)}-7${r().slice(1)}-${variant}-${r()}${r()}${r()}`;
}

const REGIONS = ['110000', '110101', '310000', '310115', '440000', '440100', '440103', '440300', '510000', '510104', '330100', '420106'];
const DOMAINS = ['交通运输', '道路运输', '市场监管', '食品安全', '生态环境', '城市管理', '应急管理', '文化市场', '农业农村', '自然资源'];
const DEPTS = ['交通运输局', '市场监督管理局', '生态环境局', '城市管理综合行政执法局', '应急管理局', '文化广电旅游局', '农业农村局', '自然资源局'];

const levelOf = (region: string) => (region.endsWith('0000') ? '省级' : region.endsWith('00') ? '市级' : '县级');

export interface Dataset {
  /** Every agency id, ascending (the keyset order). */
  ids: string[];
  /** Set when the search scenarios' legal texts and power items were loaded too (dataset-duties.ts). */
  duties?: DutiesFacts;
  /** Set when the penalty scenarios ran the ingest (bench/ingest.ts, bench/scenarios-penalties.ts). */
  penalties?: PenaltyReads;
  /** Ids of the inspection tasks (bench/dataset-tasks.ts), when a scenario needs them. */
  tasks?: string[];
  /** Set when the negative-list scenarios' edition was loaded (bench/load-negative-list.ts). */
  negativeList?: NegativeListFacts;
}

type AgencyInsert = typeof agencies.$inferInsert;

/** Builds `count` valid-looking agencies: some subordinate, some entrusted (with a 委托书), some with contacts. */
function buildAgencies(count: number): AgencyInsert[] {
  const rand = prng(SEED);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!;
  const rows: AgencyInsert[] = [];
  for (let i = 0; i < count; i++) {
    const at = new Date(EPOCH + i * 60_000);
    const id = uuidv7At(at.getTime(), rand);
    const regionCode = pick(REGIONS);
    const earlier = i > 0 ? rows[Math.floor(rand() * i)]!.id : null;
    const entrusted = earlier !== null && rand() < 0.1;
    const domains = [pick(DOMAINS), pick(DOMAINS)].filter((d, k, all) => all.indexOf(d) === k);
    rows.push({
      id,
      version: 1,
      status: rand() < 0.05 ? 'abolished' : 'active',
      createdAt: at,
      updatedAt: at,
      name: `示例${regionCode}${pick(DEPTS)}第${i + 1}号`,
      // '11' 机关 + region + an 8-character organisation body that is unique per row.
      creditCode: completeCreditCode(`11${regionCode}MB${String(i).padStart(6, '0')}`),
      regionCode,
      level: levelOf(regionCode),
      parentId: earlier !== null && rand() < 0.5 ? earlier : null,
      kind: entrusted ? '委托' : rand() < 0.15 ? '授权' : '法定',
      entrustment: entrusted
        ? { entrustingAgencyId: earlier, letterNumber: `示委〔2024〕${i}号`, matters: '道路运输领域行政处罚(不含吊销许可证件)', validFrom: '2024-01-01', validTo: '2026-12-31' }
        : null,
      domains,
      contact: rand() < 0.6 ? { phone: `020-${String(10_000_000 + i).slice(-8)}`, address: `示例市中山路${i + 1}号`, hours: '工作日 9:00-12:00, 14:00-17:30' } : null,
      website: rand() < 0.4 ? `https://agency${i}.example.gov.cn` : null,
    });
  }
  return rows;
}

/** Inserts the data set into a migrated, empty database and refreshes planner statistics. */
export async function loadDataset(url: string, count: number): Promise<Dataset> {
  const rows = buildAgencies(count);
  const { db, close } = openPostgres(url, { max: 1 });
  try {
    for (let i = 0; i < rows.length; i += 500) await db.insert(agencies).values(rows.slice(i, i + 500));
    await db.execute(sql`VACUUM ANALYZE agencies`);
  } finally {
    await close();
  }
  return { ids: rows.map((r) => r.id!) };
}
