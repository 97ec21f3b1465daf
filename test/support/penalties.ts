import { completeResidentId } from '../../src/lib/resident-id.js';
import { uniqueCreditCode } from './app.js';

let serial = 0;
/** A decision number no other test uses. */
export function uniqueDecisionNumber(prefix = '示市监处罚'): string {
  serial += 1;
  return `${prefix}〔2026〕${Date.now() % 100000}-${serial}号`;
}

export const ADULT_ID = completeResidentId('11010519800307002');
/** 17 on 2026-11-27 (born 2009-06-01). */
export const MINOR_ID = completeResidentId('11010520090601003');

export function companyParty(fields: Record<string, unknown> = {}) {
  return { name: '示例市某某贸易有限公司', category: '01', creditCode: uniqueCreditCode(), legalRepresentative: '张三', ...fields };
}

export function personParty(fields: Record<string, unknown> = {}) {
  return { name: '王五', category: '02', idType: '01', idNumber: ADULT_ID, ...fields };
}

/** A valid 罚款 decision of 2026-11-20 (due 2026-11-27, 7 working days later). */
export function validPenalty(fields: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    party: companyParty(),
    decisionNumber: uniqueDecisionNumber(),
    violationType: '销售不符合食品安全标准的食品',
    facts: '当事人于2026年10月销售超过保质期的食品。',
    basis: '《中华人民共和国食品安全法》第一百二十四条',
    penaltyTypes: ['02'],
    content: '罚款人民币2000元。',
    fineAmount: '2000',
    decisionDate: '2026-11-20',
    validUntil: '2027-11-20',
    ...fields,
  };
}

// --- Helpers for the penalties-*.test.ts files (appended) ---
import { count, type SQL } from 'drizzle-orm';
import { expect } from 'vitest';
import { penalties } from '../../src/db/schema.js';
import type { TestContext, TestResponse } from './app.js';

/** Rows of a raw query: PGlite answers { rows }, postgres.js an array. */
export async function rowsOf<T = Record<string, unknown>>(t: TestContext, query: SQL): Promise<T[]> {
  const result = (await t.db.execute(query)) as unknown as { rows?: T[] } & T[];
  return result.rows ?? [...result];
}

/** What a refused write must leave untouched: the penalty rows and the feed head. */
export async function writeState(t: TestContext): Promise<{ penalties: number; head: number }> {
  const [row] = await t.db.select({ n: count() }).from(penalties);
  const feed = await t.request('/v1/feed?limit=1');
  return { penalties: Number(row!.n), head: feed.body.head as number };
}

/** A problem+json answer with exactly these field pointers (order ignored). */
export function expectProblem(res: TestResponse, status: number, pointers: string[]): void {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  expect(res.headers.get('Content-Type')).toBe('application/problem+json');
  expect((res.body.errors ?? []).map((e: { pointer: string }) => e.pointer).sort()).toEqual([...pointers].sort());
}

/** A JSON POST with extra headers (If-Match, Idempotency-Key) on top of auth. */
export function postWith(t: TestContext, path: string, body: unknown, headers: Record<string, string>): Promise<TestResponse> {
  return t.request(path, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) });
}

/** POST to a penalty's action (corrections, withdrawal, credit-repair) with If-Match; ifMatch null sends none. */
export function penaltyAction(t: TestContext, id: string, action: string, body: unknown, auth: Record<string, string>, ifMatch: string | null = '"v1"') {
  return postWith(t, `/v1/penalties/${id}/${action}`, body, { Authorization: auth.Authorization!, ...(ifMatch === null ? {} : { 'If-Match': ifMatch }) });
}

/** Every feed entry of one record, oldest first. */
export async function feedOf(t: TestContext, id: string): Promise<{ event: string; version: number; data: any }[]> {
  const items: { id: string; event: string; version: number; data: unknown }[] = [];
  for (let after = '0'; ; ) {
    const page = await t.request(`/v1/feed?type=penalty&limit=1000&after=${after}`);
    items.push(...page.body.items);
    if (page.body.next === after) break;
    after = page.body.next;
  }
  return items.filter((e) => e.id === id).map(({ event, version, data }) => ({ event, version, data: data as any }));
}
