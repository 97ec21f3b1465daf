import { describe, expect, it } from 'vitest';
import { useTestApp } from './support/app.js';

const t = useTestApp();
// Each test owns a different province (first two region digits), so its lists contain only its agencies.

async function ids(path: string): Promise<string[]> {
  const res = await t.request(path);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  expect(res.body.next).toBeNull();
  return res.body.items.map((a: { id: string }) => a.id).sort();
}
const sorted = (...list: { id: string }[]) => list.map((a) => a.id).sort();
const token = () => Math.random().toString(36).slice(2, 8).toUpperCase();

describe('agency list filters', () => {
  it('matches regionCode hierarchically: province, city, district', async () => {
    const province = await t.createAgency({ regionCode: '530000', level: '省级' });
    const city = await t.createAgency({ regionCode: '530100', level: '市级' });
    const district = await t.createAgency({ regionCode: '530103', level: '县级' });
    const otherDistrict = await t.createAgency({ regionCode: '530104', level: '县级' });
    const otherCity = await t.createAgency({ regionCode: '530200', level: '市级' });
    await t.createAgency({ regionCode: '540100', level: '市级' });
    expect(await ids('/v1/agencies?regionCode=530000')).toEqual(sorted(province, city, district, otherDistrict, otherCity));
    expect(await ids('/v1/agencies?regionCode=530100')).toEqual(sorted(city, district, otherDistrict));
    expect(await ids('/v1/agencies?regionCode=530103')).toEqual(sorted(district));
    expect(await ids('/v1/agencies?regionCode=530200')).toEqual(sorted(otherCity));
    expect(await ids('/v1/agencies?regionCode=530105')).toEqual([]);
  });

  it('filters by level, status and parent, combined with AND', async () => {
    const parent = await t.createAgency({ regionCode: '610000', level: '省级' });
    const cityA = await t.createAgency({ regionCode: '610100', level: '市级', parentId: parent.id });
    const cityB = await t.createAgency({ regionCode: '610200', level: '市级', parentId: parent.id, status: 'abolished' });
    const county = await t.createAgency({ regionCode: '610102', level: '县级', parentId: cityA.id });
    expect(await ids('/v1/agencies?regionCode=610000&level=市级')).toEqual(sorted(cityA, cityB));
    expect(await ids('/v1/agencies?regionCode=610000&level=县级')).toEqual(sorted(county));
    expect(await ids('/v1/agencies?regionCode=610000&status=abolished')).toEqual(sorted(cityB));
    expect(await ids('/v1/agencies?regionCode=610000&status=active')).toEqual(sorted(parent, cityA, county));
    expect(await ids(`/v1/agencies?parentId=${parent.id}`)).toEqual(sorted(cityA, cityB));
    expect(await ids(`/v1/agencies?parentId=${cityA.id}`)).toEqual(sorted(county));
    expect(await ids(`/v1/agencies?parentId=${parent.id}&status=active`)).toEqual(sorted(cityA));
    expect(await ids(`/v1/agencies?parentId=${county.id}`)).toEqual([]);
  });

  it('searches names by substring, case-insensitively, with % and _ matched literally', async () => {
    const T = token();
    const percent = await t.createAgency({ regionCode: '620100', name: `${T}100%局` });
    const thousand = await t.createAgency({ regionCode: '620100', name: `${T}1000局` });
    const underscore = await t.createAgency({ regionCode: '620100', name: `${T}_丙局` });
    const letter = await t.createAgency({ regionCode: '620100', name: `${T}X丙局` });
    const backslash = await t.createAgency({ regionCode: '620100', name: `${T}\\丁局` });
    expect(await ids(`/v1/agencies?q=${encodeURIComponent(T)}`)).toEqual(sorted(percent, thousand, underscore, letter, backslash));
    expect(await ids(`/v1/agencies?q=${encodeURIComponent(T.toLowerCase())}`)).toHaveLength(5);
    expect(await ids(`/v1/agencies?q=${encodeURIComponent(`${T}100%`)}`)).toEqual(sorted(percent));
    expect(await ids(`/v1/agencies?q=${encodeURIComponent(`${T}_丙`)}`)).toEqual(sorted(underscore));
    expect(await ids(`/v1/agencies?q=${encodeURIComponent(`${T}\\`)}`)).toEqual(sorted(backslash));
    expect(await ids(`/v1/agencies?q=${encodeURIComponent('丙局')}&regionCode=620100`)).toEqual(sorted(underscore, letter));
    expect(await ids(`/v1/agencies?q=${encodeURIComponent(`  ${T}1000 `)}`)).toEqual(sorted(thousand));
    expect(await ids(`/v1/agencies?q=${encodeURIComponent("' OR '1'='1")}`)).toEqual([]);
  });
});

describe('agency list pagination', () => {
  async function createMany(n: number, regionCode: string) {
    const created: { id: string }[] = [];
    for (let i = 0; i < n; i++) created.push(await t.createAgency({ regionCode, name: `分页测试局${i}` }));
    return created;
  }

  it('pages 20 at a time by default; following Link headers returns every item exactly once, in id order', async () => {
    const created = await createMany(45, '630100');
    const seen: string[] = [];
    const sizes: number[] = [];
    let url: string | null = '/v1/agencies?regionCode=630000';
    while (url) {
      const res = await t.request(url);
      expect(res.status).toBe(200);
      seen.push(...res.body.items.map((a: { id: string }) => a.id));
      sizes.push(res.body.items.length);
      const link = res.headers.get('link');
      if (res.body.next === null) {
        expect(link).toBeNull();
        url = null;
      } else {
        const match = /^<([^>]+)>; rel="next"$/.exec(link ?? '');
        expect(match, `Link: ${link}`).not.toBeNull();
        url = match![1]!;
        const linked = new URL(url, 'http://x');
        expect(linked.searchParams.get('cursor')).toBe(res.body.next);
        expect(linked.searchParams.get('regionCode')).toBe('630000');
      }
    }
    expect(sizes).toEqual([20, 20, 5]);
    expect(seen).toEqual(sorted(...created));
  });

  it('follows the body cursor with an explicit limit, and accepts limit up to 200', async () => {
    const created = await createMany(11, '640100');
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res = await t.request(`/v1/agencies?regionCode=640000&limit=5${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.body.items.length).toBeLessThanOrEqual(5);
      seen.push(...res.body.items.map((a: { id: string }) => a.id));
      cursor = res.body.next;
      pages += 1;
      // Written while a client is paging: it sorts after every cursor issued so far, so it comes once, last.
      if (pages === 1) created.push(await t.createAgency({ regionCode: '640102', name: '分页中途新增局' }));
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toEqual(sorted(...created));
    expect(seen.at(-1)).toBe(created.at(-1)!.id);
    const all = await t.request('/v1/agencies?regionCode=640000&limit=200');
    expect(all.body.items).toHaveLength(12);
    expect(all.body.next).toBeNull();
    const exact = await t.request('/v1/agencies?regionCode=640000&limit=12');
    expect(exact.body.next).toBeNull();
  });

  it.each(['0', '201', 'abc', '-1', '1.5', ''])('answers 400 naming /limit for limit=%s', async (limit) => {
    const res = await t.request(`/v1/agencies?limit=${limit}`);
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([{ in: 'query', pointer: '/limit', detail: expect.any(String) }]);
  });

  it.each([
    ['not base64', 'abc$def'],
    ['base64 but not JSON', 'aGVsbG8'],
    ['JSON of the wrong shape', Buffer.from('["not-a-uuid"]').toString('base64url')],
    ['JSON with an extra key', Buffer.from('["0193a1b2-7c4d-7e5f-8a9b-0c1d2e3f4a5b",1]').toString('base64url')],
    ['too long', 'A'.repeat(600)],
  ])('answers 400 naming /cursor for a cursor that is %s', async (_why, cursor) => {
    const res = await t.request(`/v1/agencies?cursor=${encodeURIComponent(cursor)}`);
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([{ in: 'query', pointer: '/cursor', detail: expect.any(String) }]);
  });

  it('sends a strong ETag for a list; If-None-Match gets 304 until the list changes', async () => {
    await t.createAgency({ regionCode: '650100' });
    const first = await t.request('/v1/agencies?regionCode=650000');
    const tag = first.headers.get('etag');
    expect(tag).toMatch(/^"[^"]+"$/);
    const same = await t.request('/v1/agencies?regionCode=650000', { headers: { 'If-None-Match': tag! } });
    expect(same.status).toBe(304);
    await t.createAgency({ regionCode: '650102' });
    const changed = await t.request('/v1/agencies?regionCode=650000', { headers: { 'If-None-Match': tag! } });
    expect(changed.status).toBe(200);
    expect(changed.body.items).toHaveLength(2);
    expect(changed.headers.get('etag')).not.toBe(tag);
  });
});
