import { expect } from 'vitest';
import { admin, type TestContext } from './app.js';

/*
 * Negative-list editions are global: one current edition per database. Each test file has its own database,
 * and every edition a helper makes takes effect later than all earlier ones in the file, so a test can publish
 * on top of whatever ran before it and still read "in force" answers for the dates it made.
 */
let editionSerial = 0;
let day = Date.parse('2031-01-01T00:00:00Z');

/** A fresh effective date: 30 days after the previous one handed out in this file. */
function laterDate(): string {
  day += 30 * 86_400_000;
  return new Date(day).toISOString().slice(0, 10);
}

/** The day after (or before, with -1) a YYYY-MM-DD date. */
export const shiftDate = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

const uniqueEditionCode = () => `t${process.pid}-${++editionSerial}`;

export const validEdition = (fields: Record<string, unknown> = {}) => ({
  code: uniqueEditionCode(),
  title: '市场准入负面清单（测试版）',
  documentNo: '发改体改规〔2025〕466号',
  issuingBodies: ['国家发展改革委', '商务部', '市场监管总局'],
  effectiveFrom: laterDate(),
  ...fields,
});

export const measure = (text: string, fields: Record<string, unknown> = {}) => ({ text, authorities: ['市场监管总局'], ...fields });

let itemSerial = 0;
export const validNlItem = (editionId: string, fields: Record<string, unknown> = {}) => {
  const n = ++itemSerial;
  return {
    editionId,
    category: 'permitted',
    itemNo: n,
    code: String(200000 + n),
    name: `未获得许可，不得从事第${n}项测试经营活动`,
    measures: [measure(`未获得许可，不得从事第${n}项测试经营活动的生产经营`)],
    ...fields,
  };
};

async function created(t: TestContext, path: string, body: unknown): Promise<any> {
  const res = await t.post(path, body, admin);
  expect(res.status, `${path}: ${JSON.stringify(res.body)}`).toBe(201);
  return res.body;
}

export const createEditionDraft = (t: TestContext, fields: Record<string, unknown> = {}) => created(t, '/v1/negative-list/editions', validEdition(fields));
export const addItem = (t: TestContext, editionId: string, fields: Record<string, unknown> = {}) => created(t, '/v1/negative-list/items', validNlItem(editionId, fields));

/** The code of the edition current now, if any. */
export async function currentCode(t: TestContext): Promise<string | undefined> {
  const res = await t.request('/v1/negative-list/editions?status=current');
  expect(res.status).toBe(200);
  return res.body.items[0]?.code;
}

/** The publish body that supersedes whatever is current now. */
export async function publication(t: TestContext): Promise<Record<string, string>> {
  const current = await currentCode(t);
  return current ? { supersedes: current } : {};
}

async function publishEdition(t: TestContext, code: string) {
  const res = await t.post(`/v1/negative-list/editions/${code}/publish`, await publication(t), admin);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}

/** A published edition with the given items (a single default item when none are given). */
export async function publishedEdition(t: TestContext, items: Record<string, unknown>[] = [{}], fields: Record<string, unknown> = {}) {
  const edition = await createEditionDraft(t, fields);
  const added = [];
  for (const item of items) added.push(await addItem(t, edition.id, item));
  return { edition: await publishEdition(t, edition.code), items: added };
}
