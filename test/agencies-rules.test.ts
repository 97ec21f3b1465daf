import { describe, expect, it } from 'vitest';
import { admin, uniqueCreditCode, useTestApp } from './support/app.js';

const t = useTestApp();
const UNKNOWN_ID = '0193a1b2-7c4d-7e5f-8a9b-0c1d2e3f4a5b';
const ifMatch = (tag: string) => ({ ...admin, 'If-Match': tag });

const entrustment = (entrustingAgencyId: string) => ({
  entrustingAgencyId,
  letterNumber: '示交委〔2024〕3号',
  letterUrl: 'https://jtj.example.gov.cn/wts/3.pdf',
  matters: '道路运输违法行为的行政处罚',
  validFrom: '2024-01-01',
  validTo: '2026-12-31',
});
const body = (fields: Record<string, unknown>) => ({ name: '示例市交通运输综合执法支队', creditCode: uniqueCreditCode(), regionCode: '440100', level: '市级', kind: '委托', ...fields });
const pointers = (res: { body: { errors?: { pointer: string }[] } }) => (res.body.errors ?? []).map((e) => e.pointer);

async function feedHead(): Promise<number> {
  return (await t.request('/v1/feed')).body.head;
}

describe('委托 agencies carry their entrustment', () => {
  it('publishes a 委托 agency with an entrustment naming an existing agency', async () => {
    const entrusting = await t.createAgency();
    const res = await t.post('/v1/agencies', body({ entrustment: entrustment(entrusting.id) }));
    expect(res.status).toBe(201);
    expect(res.body.entrustment).toEqual(entrustment(entrusting.id));
  });

  it('refuses a 委托 agency without an entrustment, or a 法定 one with one (400 /entrustment)', async () => {
    const entrusting = await t.createAgency();
    const head = await feedHead();
    const missing = await t.post('/v1/agencies', body({}));
    expect(missing.status).toBe(400);
    expect(pointers(missing)).toEqual(['/entrustment']);
    const extra = await t.post('/v1/agencies', body({ kind: '法定', entrustment: entrustment(entrusting.id) }));
    expect(extra.status).toBe(400);
    expect(pointers(extra)).toEqual(['/entrustment']);
    const backwards = await t.post('/v1/agencies', body({ entrustment: { ...entrustment(entrusting.id), validTo: '2023-12-31' } }));
    expect(backwards.status).toBe(400);
    expect(pointers(backwards)).toEqual(['/entrustment/validTo']);
    expect(await feedHead()).toBe(head);
  });

  it('answers 422 /entrustment/entrustingAgencyId when the entrusting agency does not exist', async () => {
    const head = await feedHead();
    const res = await t.post('/v1/agencies', body({ entrustment: entrustment(UNKNOWN_ID) }));
    expect(res.status).toBe(422);
    expect(res.body.type).toBe('https://gongshi.dev/problems/unprocessable');
    expect(pointers(res)).toEqual(['/entrustment/entrustingAgencyId']);
    expect(await feedHead()).toBe(head);
  });

  it('answers 422 /entrustment when a patch makes an agency 委托 without an entrustment', async () => {
    const created = await t.createAgency();
    const res = await t.patch(`/v1/agencies/${created.id}`, { kind: '委托' }, ifMatch('"v1"'));
    expect(res.status).toBe(422);
    expect(pointers(res)).toEqual(['/entrustment']);
    expect((await t.request(`/v1/agencies/${created.id}`)).body).toEqual(created);
  });

  it('answers 422 when a patch names the agency itself or an unknown agency as entrusting', async () => {
    const entrusting = await t.createAgency();
    const created = (await t.post('/v1/agencies', body({ entrustment: entrustment(entrusting.id) }))).body;
    for (const id of [created.id, UNKNOWN_ID]) {
      const res = await t.patch(`/v1/agencies/${created.id}`, { entrustment: entrustment(id) }, ifMatch('"v1"'));
      expect(res.status).toBe(422);
      expect(pointers(res)).toEqual(['/entrustment/entrustingAgencyId']);
    }
    expect((await t.request(`/v1/agencies/${created.id}`)).body.version).toBe(1);
  });

  it('turns a 委托 agency into a 法定 one only when the entrustment is cleared too', async () => {
    const entrusting = await t.createAgency();
    const created = (await t.post('/v1/agencies', body({ entrustment: entrustment(entrusting.id) }))).body;
    const kept = await t.patch(`/v1/agencies/${created.id}`, { kind: '法定' }, ifMatch('"v1"'));
    expect(kept.status).toBe(422);
    expect(pointers(kept)).toEqual(['/entrustment']);
    const cleared = await t.patch(`/v1/agencies/${created.id}`, { kind: '法定', entrustment: null }, ifMatch('"v1"'));
    expect(cleared.status).toBe(200);
    expect(cleared.body).toMatchObject({ kind: '法定', entrustment: null, version: 2 });
  });
});

describe('the agency hierarchy', () => {
  it('answers 422 /parentId for a parent that does not exist, and writes nothing', async () => {
    const head = await feedHead();
    const res = await t.post('/v1/agencies', body({ kind: '法定', parentId: UNKNOWN_ID }));
    expect(res.status).toBe(422);
    expect(pointers(res)).toEqual(['/parentId']);
    expect(await feedHead()).toBe(head);
  });

  it('refuses to make an agency its own parent or the child of its descendant', async () => {
    const top = await t.createAgency({ level: '省级', regionCode: '440000' });
    const middle = await t.createAgency({ parentId: top.id });
    const bottom = await t.createAgency({ level: '县级', regionCode: '440103', parentId: middle.id });
    for (const parentId of [top.id, middle.id, bottom.id]) {
      const res = await t.patch(`/v1/agencies/${top.id}`, { parentId }, ifMatch('"v1"'));
      expect(res.status, parentId).toBe(422);
      expect(pointers(res)).toEqual(['/parentId']);
    }
    expect((await t.request(`/v1/agencies/${top.id}`)).body.parentId).toBeNull();
    const moved = await t.patch(`/v1/agencies/${bottom.id}`, { parentId: top.id }, ifMatch('"v1"'));
    expect(moved.body).toMatchObject({ parentId: top.id, version: 2 });
  });

  it('refuses a loop however deep the hierarchy is', async () => {
    const chain = [await t.createAgency({ level: '省级', regionCode: '440000' })];
    for (let i = 0; i < 20; i++) chain.push(await t.createAgency({ parentId: chain[chain.length - 1]!.id }));
    const res = await t.patch(`/v1/agencies/${chain[0]!.id}`, { parentId: chain[chain.length - 1]!.id }, ifMatch('"v1"'));
    expect(res.status).toBe(422);
    expect(pointers(res)).toEqual(['/parentId']);
  });
});
