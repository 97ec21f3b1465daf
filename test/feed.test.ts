import { describe, expect, it } from 'vitest';
import { admin, uniqueCreditCode, useTestApp } from './support/app.js';
import { createOfficer } from './support/officers.js';

const t = useTestApp();

async function head(): Promise<number> {
  const res = await t.request('/v1/feed?limit=1');
  return res.body.head;
}

describe('change feed', () => {
  it('records every create and update in order, with the record as published at that version', async () => {
    const start = await head();
    const agency = await t.createAgency({ name: '订阅测试局' });
    const patched = await t.patch(`/v1/agencies/${agency.id}`, { name: '订阅测试局(更名)' }, { ...admin, 'If-Match': '"v1"' });
    expect(patched.status).toBe(200);

    const res = await t.request(`/v1/feed?after=${start}`);
    expect(res.status).toBe(200);
    const mine = res.body.items.filter((e: any) => e.id === agency.id);
    expect(mine.map((e: any) => [e.event, e.version])).toEqual([['created', 1], ['updated', 2]]);
    expect(mine[0].data.name).toBe('订阅测试局');
    expect(mine[1].data).toEqual(patched.body);
    expect(mine[0]).toMatchObject({ type: 'agency', agencyId: agency.id });
    expect(mine[1].position).toBeGreaterThan(mine[0].position);
    expect(res.body.head).toBeGreaterThanOrEqual(mine[1].position);
  });

  it('hands out dense positions: every position from 1 to head appears exactly once', async () => {
    await t.createAgency();
    await t.createAgency();
    const seen: number[] = [];
    let after = '0';
    for (let page = 0; page < 100; page++) {
      const res = await t.request(`/v1/feed?after=${after}&limit=2`);
      seen.push(...res.body.items.map((e: any) => e.position));
      if (res.body.next === after) break;
      expect(res.headers.get('link')).toContain(`after=${res.body.next}`);
      after = res.body.next;
    }
    const h = await head();
    expect(seen).toEqual(Array.from({ length: h }, (_, i) => i + 1));
  });

  it('gives back the positions of a write that rolled back', async () => {
    const code = uniqueCreditCode();
    await t.createAgency({ creditCode: code });
    const before = await head();
    const dup = await t.post('/v1/agencies', { name: '重复代码', creditCode: code, regionCode: '440100', level: '市级', kind: '法定' });
    expect(dup.status).toBe(409);
    expect(await head()).toBe(before);
    await t.createAgency();
    const res = await t.request(`/v1/feed?after=${before}`);
    expect(res.body.items.map((e: any) => e.position)).toEqual([before + 1]);
  });

  it('returns nothing new, and the same cursor, at the head', async () => {
    const h = await head();
    const res = await t.request(`/v1/feed?after=${h}`);
    expect(res.body).toEqual({ items: [], next: String(h), head: h });
    expect(res.headers.get('link')).toBeNull();
    const cached = await t.request(`/v1/feed?after=${h}`, { headers: { 'If-None-Match': res.headers.get('etag')! } });
    expect(cached.status).toBe(304);
  });

  it('filters by record type', async () => {
    const start = await head();
    const agency = await t.createAgency();
    await createOfficer(t, agency.id);
    const all = await t.request(`/v1/feed?after=${start}`);
    expect(all.body.items.map((e: any) => e.type)).toEqual(['agency', 'officer']);
    const res = await t.request(`/v1/feed?after=${start}&type=agency`);
    expect(res.status).toBe(200);
    expect(res.body.items.map((e: any) => [e.type, e.id])).toEqual([['agency', agency.id]]);
    const bad = await t.request('/v1/feed?type=inspection');
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0]).toMatchObject({ in: 'query', pointer: '/type' });
  });

  it('filters by several record types at once (the parameter repeated)', async () => {
    const start = await head();
    const agency = await t.createAgency();
    await createOfficer(t, agency.id);
    const both = await t.request(`/v1/feed?after=${start}&type=officer&type=agency`);
    expect(both.status).toBe(200);
    expect(both.body.items.map((e: any) => e.type)).toEqual(['agency', 'officer']);
    const bad = await t.request(`/v1/feed?after=${start}&type=agency&type=nothing`);
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0]).toMatchObject({ in: 'query', pointer: expect.stringMatching(/^\/type/) });
  });

  it('refuses a position ahead of the head (400 naming after): such a cursor was never handed out', async () => {
    const h = await head();
    const res = await t.request(`/v1/feed?after=${h + 1}`);
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ in: 'query', pointer: '/after' })]);
    expect(res.body.errors[0].detail).toContain(`(${h})`);
  });

  it('long-polls: a read with wait answers as soon as a change is committed', async () => {
    const h = await head();
    const waiting = t.request(`/v1/feed?after=${h}&wait=20`);
    await new Promise((r) => setTimeout(r, 300));
    const agency = await t.createAgency();
    const res = await waiting;
    expect(res.status).toBe(200);
    expect(res.body.items.map((e: any) => e.id)).toEqual([agency.id]);
    expect(res.body.next).toBe(String(h + 1));
  });

  it('long-polls with a type filter past changes of other types, and answers empty at the end of the wait', async () => {
    const h = await head();
    const waiting = t.request(`/v1/feed?after=${h}&wait=1&type=officer`);
    await t.createAgency();
    const res = await waiting;
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([]);
    // The filtered-out agency is behind the cursor: the next read starts after it.
    expect(res.body.next).toBe(String(h + 1));
  });

  it.each(['-1', '31', '1.5', 'x'])('rejects wait=%s with 400 naming wait', async (wait) => {
    const res = await t.request(`/v1/feed?wait=${wait}`);
    expect(res.status).toBe(400);
    expect(res.body.errors[0]).toMatchObject({ in: 'query', pointer: '/wait' });
  });

  it.each(['-1', 'abc', '1.5', '9999999999999999'])('rejects after=%s with 400 naming the field', async (after) => {
    const res = await t.request(`/v1/feed?after=${after}`);
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ in: 'query', pointer: '/after' })]);
  });

  it.each(['0', '1001', 'x'])('rejects limit=%s', async (limit) => {
    const res = await t.request(`/v1/feed?limit=${limit}`);
    expect(res.status).toBe(400);
    expect(res.body.errors[0].pointer).toBe('/limit');
  });
});
