/** Valid 双随机、一公开 payloads and a small world to draw in: an agency with items, a directory and inspectors. */
import { expect } from 'vitest';
import { admin, uniqueCreditCode, type TestContext } from './app.js';
import { validOfficer } from './officers.js';
import { commitmentOf, randomHex32 } from '../../src/draw/seed.js';

let serial = 0;
const run = Math.random().toString(36).slice(2, 6).toUpperCase();
const uniqueCode = (prefix = 'SC') => `${prefix}-${run}-${String(++serial).padStart(5, '0')}`;

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
