import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from './support/app.js';
import { createOfficer, pointers } from './support/officers.js';

const t = useTestApp();

// A fixed set, created in this order (ids are UUIDv7, so equal ranks come back in this order). The
// expectations below are the same on PGlite and PostgreSQL: each run must return these officers in
// exactly this order, so passing on both databases means both give the same ids in the same order.
const FIXED = [
  { name: '张示例', certificateNo: '示例-44010000001', domains: ['道路运输'], validFrom: '2024-01-01', validTo: '2028-12-31', status: 'active' },
  { name: '李测试', certificateNo: '示例-44010000002', domains: ['道路运输', '水路运输'], validFrom: '2020-01-01', validTo: '2023-12-31', status: 'active' },
  { name: '王示例', certificateNo: '示例-T44010000003', domains: ['水路运输'], validFrom: '2024-01-01', validTo: '2028-12-31', status: 'revoked' },
  { name: '张示范', certificateNo: 'T-44010000004', domains: ['城市客运'], validFrom: '2025-01-01', validTo: '2027-12-31', status: 'suspended' },
  { name: '欧阳测试', certificateNo: 'G-5501/0005', domains: ['道路运输'], validFrom: '2024-06-01', validTo: '2026-05-31', status: 'active' },
] as const;

let agencyId = '';
const byName = new Map<string, string>();

beforeAll(async () => {
  const agency = await t.createAgency();
  agencyId = agency.id;
  for (const fields of FIXED) byName.set(fields.name, (await createOfficer(t, agencyId, fields)).id);
  // Another agency's officer that matches the same queries: the agency filter must leave it out.
  const other = await t.createAgency();
  await createOfficer(t, other.id, { name: '张示例', certificateNo: '示例-44010000009' });
});

/** Names of one page of results, checking the page's shape on the way. */
async function names(query: string): Promise<string[]> {
  const res = await t.request(`/v1/officers?agencyId=${agencyId}&${query}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  const idToName = new Map([...byName].map(([n, id]) => [id, n]));
  return res.body.items.map((o: { id: string }) => idToName.get(o.id));
}

/** Follows `next` through every page, returning the names in order. */
async function allPages(query: string, limit: number): Promise<string[]> {
  const out: string[] = [];
  let url: string | null = `/v1/officers?agencyId=${agencyId}&${query}&limit=${limit}`;
  while (url) {
    const res = await t.request(url);
    expect(res.status).toBe(200);
    expect(res.body.items.length).toBeLessThanOrEqual(limit);
    out.push(...res.body.items.map((o: { id: string }) => [...byName].find(([, id]) => id === o.id)![0]));
    const link = res.headers.get('link');
    if (res.body.next) expect(link).toContain('rel="next"');
    else expect(link).toBeNull();
    url = link ? link.slice(1, link.indexOf('>')) : null;
  }
  return out;
}

const q = (text: string) => `q=${encodeURIComponent(text)}`;

describe('officer list filters', () => {
  it('lists an agency in id order, and filters by status, 执法类别 and validity date', async () => {
    expect(await names('')).toEqual(['张示例', '李测试', '王示例', '张示范', '欧阳测试']);
    expect(await names('status=revoked')).toEqual(['王示例']);
    expect(await names('status=active')).toEqual(['张示例', '李测试', '欧阳测试']);
    expect(await names(`domain=${encodeURIComponent('道路运输')}`)).toEqual(['张示例', '李测试', '欧阳测试']);
    expect(await names(`domain=${encodeURIComponent('道路')}`)).toEqual([]);
    expect(await names('validOn=2024-01-01')).toEqual(['张示例', '王示例']);
    expect(await names('validOn=2023-12-31')).toEqual(['李测试']);
    expect(await names('validOn=2026-05-31&status=active')).toEqual(['张示例', '欧阳测试']);
    expect(await names('validOn=2029-01-01')).toEqual([]);
  });

  it('pages by keyset with Link headers, and refuses foreign or malformed cursors', async () => {
    expect(await allPages('', 2)).toEqual(['张示例', '李测试', '王示例', '张示范', '欧阳测试']);
    const first = await t.request(`/v1/officers?agencyId=${agencyId}&limit=2`);
    expect(first.headers.get('etag')).toMatch(/^"/);
    const withQ = await t.request(`/v1/officers?agencyId=${agencyId}&${q('示例')}&cursor=${first.body.next}`);
    expect(withQ.status).toBe(400);
    expect(pointers(withQ.body)).toEqual(['query /cursor']);
    expect((await t.request('/v1/officers?cursor=bm9wZQ')).status).toBe(400);
  });

  it.each([
    ['validOn=2024-13-01', '/validOn'],
    ['status=valid', '/status'],
    ['agencyId=city', '/agencyId'],
    ['limit=201', '/limit'],
    [`q=${'字'.repeat(101)}`, '/q'],
    ['phone=13800138000', '/phone'],
  ])('answers 400 for %s', async (query, pointer) => {
    const res = await t.request(`/v1/officers?${query}`);
    expect(res.status).toBe(400);
    expect(pointers(res.body)).toEqual([`query ${pointer}`]);
  });
});

describe('Chinese search over 姓名 and 执法证号 (same ids, same order on PGlite and PostgreSQL)', () => {
  it.each([
    // A 2-character surname + given-name fragment inside a 3-character name: substring match.
    ['张示', ['张示例', '张示范']],
    // A word in names and certificate numbers: two occurrences (name and number) outrank one, whatever the id order.
    ['示例', ['张示例', '王示例', '李测试']],
    ['测试', ['李测试', '欧阳测试']],
    ['欧阳', ['欧阳测试']],
    // Certificate numbers: a whole segment, a substring, with / and -.
    ['44010000003', ['王示例']],
    ['4401000000', ['张示例', '李测试', '王示例', '张示范']],
    ['5501/0005', ['欧阳测试']],
    ['t-4401', ['张示范']],
    ['T4401', ['王示例']],
    // Wildcards and tsquery syntax are text, not operators.
    ['%', []],
    ['示例 & !张', []],
    ['李四', []],
  ])('q=%s finds %j', async (text, expected) => {
    expect(await names(q(text))).toEqual(expected);
  });

  it('combines search with filters, and pages ranked results in the same order as one page', async () => {
    expect(await names(`${q('示例')}&status=active`)).toEqual(['张示例', '李测试']);
    expect(await names(`${q('示例')}&validOn=2025-06-01`)).toEqual(['张示例', '王示例']);
    expect(await allPages(q('示例'), 1)).toEqual(['张示例', '王示例', '李测试']);
    expect(await allPages(q('4401000000'), 3)).toEqual(['张示例', '李测试', '王示例', '张示范']);
  });

  it('searches across agencies when no agency is named', async () => {
    const res = await t.request(`/v1/officers?${q('44010000009')}`);
    expect(res.body.items.map((o: { name: string; certificateNo: string }) => [o.name, o.certificateNo])).toEqual([['张示例', '示例-44010000009']]);
  });
});
