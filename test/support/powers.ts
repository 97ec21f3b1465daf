import { expect } from 'vitest';
import { count } from 'drizzle-orm';
import { citations, discretionBenchmarks, powers } from '../../src/db/schema.js';
import { admin, type TestContext } from './app.js';

let serial = 0;
/** A fresh 职权编码, unique within a test file. */
function powerCode(prefix = 'CF'): string {
  serial += 1;
  return `${prefix}${String(Date.now() % 100000).padStart(5, '0')}${String(serial).padStart(4, '0')}`;
}

/** A valid 行政处罚 item; fields override. */
export function powerBody(fields: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    code: powerCode(),
    name: '对未取得道路运输经营许可擅自从事道路运输经营的行政处罚',
    type: '02',
    responsibilities: ['立案', '调查取证', '审理', '告知', '决定', '送达', '执行'],
    accountability: ['对符合立案标准的案件不及时立案的'],
    ...fields,
  };
}

/** Creates a power item (as the operator unless headers say otherwise) and expects 201. */
export async function createPower(t: TestContext, fields: Record<string, unknown>, headers: Record<string, string> = admin): Promise<any> {
  const res = await t.post('/v1/powers', powerBody(fields), headers);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

/** A valid benchmark with one fined tier; fields override. */
export function benchmarkBody(fields: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    violation: '未取得道路运输经营许可，擅自从事道路运输经营',
    tiers: [
      { tier: '一般', circumstances: '没有违法所得，首次被查处', penalty: '责令停止经营，处3万元以上5万元以下的罚款', fineMin: '30000', fineMax: '50000.00' },
    ],
    ...fields,
  };
}

/** What a rejected write must leave untouched: row counts and the change-log head. */
export async function writeState(t: TestContext) {
  const [p] = await t.db.select({ n: count() }).from(powers);
  const [b] = await t.db.select({ n: count() }).from(discretionBenchmarks);
  const [c] = await t.db.select({ n: count() }).from(citations);
  const head = (await t.request('/v1/feed?limit=1')).body.head as number;
  return { powers: p!.n, benchmarks: b!.n, citations: c!.n, head };
}

/** The distinct fields a problem names. */
export const pointers = (body: { errors?: { in: string; pointer: string }[] }) => [...new Set((body.errors ?? []).map((e) => e.pointer))].sort();
