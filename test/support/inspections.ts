/** Valid 双随机、一公开 payloads and a small world to draw in: an agency with items, a directory and inspectors. */
import { count } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { expect } from 'vitest';
import { commitmentOf, randomHex32 } from '../../src/draw/seed.js';
import { admin, uniqueCreditCode, type TestContext, type TestResponse } from './app.js';
import { createOfficer, pointers, validOfficer } from './officers.js';

let serial = 0;
const run = Math.random().toString(36).slice(2, 6).toUpperCase();
export const uniqueCode = (prefix = 'SC') => `${prefix}-${run}-${String(++serial).padStart(5, '0')}`;

export const validItem = (fields: Record<string, unknown> = {}) => ({
  code: uniqueCode(),
  name: '食品经营者经营条件检查',
  objectType: 'entity',
  content: '经营许可、从业人员健康管理、进货查验记录',
  methods: ['01', '02'],
  category: 'general',
  ratioBasisPoints: 500,
  frequency: '每年不少于1次',
  ...fields,
});

export const validEntity = (fields: Record<string, unknown> = {}) => ({
  name: '示例市某某食品有限公司',
  creditCode: uniqueCreditCode(),
  objectType: 'entity',
  entityKind: '有限责任公司',
  regionCode: '440103',
  industryCode: 'F5211',
  address: '示例市示例区示例路1号',
  riskClass: 'B',
  tags: ['食品经营'],
  ...fields,
});

export const validRules = (fields: Record<string, unknown> = {}) => ({
  title: '示例市市场监督管理局随机抽查工作细则',
  docNumber: '示市监〔2026〕1号',
  effectiveOn: '2026-01-01',
  text: '第一条 为规范随机抽查工作，制定本细则。\n第二条 抽查对象和检查人员均随机抽取。',
  ...fields,
});

export const validTask = (itemIds: string[], fields: Record<string, unknown> = {}) => ({
  year: 2026,
  name: '2026年食品经营者经营条件双随机抽查',
  itemIds,
  sample: { mode: 'count', count: 2 },
  inspectorsPerEntity: 2,
  window: { from: '2026-12-01', to: '2026-12-31' },
  ...fields,
});

export async function created(t: TestContext, path: string, body: unknown, headers: Record<string, string> = admin): Promise<any> {
  const res = await t.post(path, body, headers);
  expect(res.status, `${path}: ${JSON.stringify(res.body)}`).toBe(201);
  return res.body;
}

/** An agency with one item, `entities` directory entries and `inspectors` inspectors, and a task over them. */
export async function inspectionWorld(t: TestContext, options: { entities?: number; inspectors?: number; task?: Record<string, unknown> } = {}) {
  const agency = await t.createAgency({ name: '示例市市场监督管理局' });
  const agencyId: string = agency.id;
  const item = await created(t, '/v1/inspection-items', validItem({ agencyId }));
  const entities = [];
  for (let i = 0; i < (options.entities ?? 6); i++) entities.push(await created(t, '/v1/inspection-entities', validEntity({ agencyId, name: `示例市第${i + 1}食品有限公司`, riskClass: 'ABCD'[i % 4] })));
  const inspectors = [];
  for (let i = 0; i < (options.inspectors ?? 4); i++) {
    const officer = await created(t, '/v1/officers', validOfficer({ agencyId, name: `检查员${i + 1}`, domains: ['食品安全'] }));
    inspectors.push(await created(t, '/v1/inspectors', { officerId: officer.id, domains: ['食品安全'], available: true }));
  }
  const task = await created(t, '/v1/inspection-tasks', validTask([item.id], { agencyId, ...options.task }));
  return { agency, agencyId, item, entities, inspectors, task };
}

/** A secret and its commitment, as an agency would make them (`openssl rand -hex 32`, SHA-256 of its bytes). */
export function drawSecret(): { secret: string; commitment: string } {
  const secret = randomHex32();
  return { secret, commitment: commitmentOf(secret) };
}

/** Commits the task's draw as the operator (no contribution window unless given) and returns the secret. */
export async function commitTask(t: TestContext, taskId: string, contributionMinutes = 0) {
  const { secret, commitment } = drawSecret();
  const draw = await created(t, `/v1/inspection-tasks/${taskId}/draw/commit`, { commitment, contributionMinutes });
  return { secret, draw };
}

/** Commits and reveals the task's draw; returns the revealed draw. */
export async function drawTask(t: TestContext, taskId: string) {
  const { secret } = await commitTask(t, taskId);
  const res = await t.post(`/v1/inspection-tasks/${taskId}/draw/reveal`, { secret });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}

/** Another task over the world's item and directory (a task is drawn once). */
export const createdTask = (t: TestContext, world: { agencyId: string; item: { id: string } }, fields: Record<string, unknown> = {}) =>
  created(t, '/v1/inspection-tasks', validTask([world.item.id], { agencyId: world.agencyId, ...fields }));
export const validPlan = (itemIds: string[], fields: Record<string, unknown> = {}) => ({ year: 2026, title: '2026年度双随机抽查工作计划', itemIds, ...fields });

export const ifMatch = (tag: string, headers: Record<string, string> = admin) => ({ ...headers, 'If-Match': tag });

/** Enrols a new officer of `agencyId` (created by the operator) as an inspector, writing as `headers`. */
export async function enrolInspector(t: TestContext, agencyId: string, fields: Record<string, unknown> = {}, headers: Record<string, string> = admin) {
  const officer = await createOfficer(t, agencyId, { domains: ['食品安全'] });
  return created(t, '/v1/inspectors', { officerId: officer.id, domains: ['食品安全'], available: true, ...fields }, headers);
}

/** The ids a list answers, sorted (lists are in id order; tests compare sets built in any order). */
export async function listedIds(t: TestContext, path: string): Promise<string[]> {
  const res = await t.request(path);
  expect(res.status, `${path}: ${JSON.stringify(res.body)}`).toBe(200);
  return res.body.items.map((i: { id: string }) => i.id);
}
export const sorted = (ids: string[]) => [...ids].sort();

/** Follows `next` from `path` to the last page: the ids in order, each page's size and each cursor used. */
export async function walkPages(t: TestContext, path: string) {
  const ids: string[] = [];
  const sizes: number[] = [];
  const cursors: string[] = [];
  for (let cursor: string | null = null; ; ) {
    const res = await t.request(cursor ? `${path}&cursor=${encodeURIComponent(cursor)}` : path);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    ids.push(...res.body.items.map((i: { id: string }) => i.id));
    sizes.push(res.body.items.length);
    cursor = res.body.next;
    expect(res.headers.get('Link') !== null, 'a Link header exactly when a next page exists').toBe(cursor !== null);
    if (!cursor) return { ids, sizes, cursors };
    cursors.push(cursor);
  }
}

/** What a refused write must leave untouched: the rows of its table and the change-log head. */
export async function tableState(t: TestContext, table: PgTable) {
  const [row] = await t.db.select({ n: count() }).from(table);
  return { rows: row!.n, head: (await t.request('/v1/feed?limit=1')).body.head as number };
}

/** Sends a write that must be refused with `status` (naming exactly the body pointers given, if any) and write nothing. */
export async function expectRefused(t: TestContext, table: PgTable, send: () => Promise<TestResponse>, status: number, expected?: string[]): Promise<TestResponse> {
  const before = await tableState(t, table);
  const res = await send();
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  if (expected) expect(pointers(res.body)).toEqual(expected.map((p) => `body ${p}`).sort());
  expect(await tableState(t, table)).toEqual(before);
  return res;
}

/** The write since feed position `head` was one event of `type`, and it and the revision publish what GET `path` answers. */
export async function expectOneEvent(t: TestContext, head: number, type: string, path: string) {
  const current = (await t.request(path)).body;
  const feed = await t.request(`/v1/feed?after=${head}`);
  expect(feed.body.items).toHaveLength(1);
  const [event] = feed.body.items;
  expect(event).toMatchObject({ type, id: current.id, version: current.version, agencyId: current.agencyId });
  expect(event.data).toEqual(current);
  const revisions = (await t.request(`${path}/revisions`)).body.items;
  expect(revisions).toHaveLength(current.version);
  expect(revisions[current.version - 1].version).toBe(current.version);
  expect(revisions[current.version - 1].data).toEqual(current);
}
