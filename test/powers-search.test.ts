import { beforeAll, describe, expect, it } from 'vitest';
import { admin, useTestApp } from './support/app.js';
import { createPower } from './support/powers.js';

/*
 * Chinese search over power items on a fixed set. Every expectation is an exact id order, asserted on
 * PGlite and on PostgreSQL alike: both runs passing means both databases return the same ids in the same order.
 */
const t = useTestApp();
const SET = {
  A: { name: '对未取得道路运输经营许可擅自从事道路运输经营的行政处罚', code: 'S-CF-001' },
  B: { name: '道路运输经营许可', type: '01', code: 'S-XK-001', responsibilities: ['受理', '审查', '决定', '送达'], accountability: [] },
  C: {
    name: '机动车维修经营备案',
    type: '07',
    code: 'S-QR-001',
    responsibilities: ['受理'],
    accountability: ['对不符合机动车维修经营业务标准的经营者予以备案的', '未依法履行道路运输监督检查职责的'],
  },
  D: { name: '出租汽车驾驶员从业资格注册', type: '07', code: 'S-QR-002', responsibilities: ['受理'], accountability: [] },
  E: { name: '港口经营许可', type: '01', code: 'S-XK-002', responsibilities: ['受理', '审查', '决定', '送达'], accountability: [] },
  F: { name: '道路货物运输站(场)经营检查', type: '06', code: 'S-JC-001', responsibilities: ['检查', '处理'], accountability: [] },
};
type Key = keyof typeof SET;
const id: Record<string, string> = {};
const key: Record<string, Key> = {};
let agencyId: string;

beforeAll(async () => {
  agencyId = (await t.createAgency({ regionCode: '470100' })).id;
  for (const [k, fields] of Object.entries(SET)) {
    const power = await createPower(t, { agencyId, ...fields });
    id[k] = power.id;
    key[power.id] = k as Key;
  }
});

async function search(q: string, extra = ''): Promise<string> {
  const res = await t.request(`/v1/powers?q=${encodeURIComponent(q)}${extra}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.items.map((p: any) => key[p.id] ?? '?').join('');
}

describe('power search (q)', () => {
  it.each([
    ['道路运输', 'ABC', 'a 4-character word: in names, and inside a sentence of 追责情形 (C); 道路货物运输 (F) is not 道路运输'],
    ['道路', 'ABFC', 'a 2-character word: word matches in names outrank the one found only in 追责情形'],
    ['运输经营', 'AB', 'words as a phrase'],
    ['经营许可', 'ABE', 'a phrase in long and short names'],
    ['许可', 'BEA', 'denser matches first'],
    ['调查取证', 'A', 'a 责任事项'],
    ['监督检查', 'C', 'a word inside a sentence of 追责情形'],
    ['维修', 'C', 'a word inside a longer word of the name'],
    ['S-QR-002', 'D', 'the 职权编码'],
    ['行政确认', 'CD', 'the 职权类型 name'],
    ['铁路', '', 'nothing'],
  ])('q=%s finds %s (%s)', async (q, expected) => {
    expect(await search(q)).toBe(expected);
  });

  it('combines q with filters', async () => {
    expect(await search('许可', '&type=01')).toBe('BE');
    expect(await search('道路', `&agencyId=${agencyId}&type=06`)).toBe('F');
    expect(await search('道路', '&regionCode=480000')).toBe('');
  });

  it('pages through ranked results by keyset, in the same order as one page', async () => {
    let path: string | null = `/v1/powers?q=${encodeURIComponent('道路')}&limit=1`;
    let order = '';
    while (path) {
      const res = await t.request(path);
      expect(res.status).toBe(200);
      expect(res.body.items.length).toBeLessThanOrEqual(1);
      order += res.body.items.map((p: any) => key[p.id]).join('');
      path = res.body.next ? `/v1/powers?q=${encodeURIComponent('道路')}&limit=1&cursor=${res.body.next}` : null;
    }
    expect(order).toBe('ABFC');
    const twoPages = await t.request(`/v1/powers?q=${encodeURIComponent('道路')}&limit=3`);
    expect(twoPages.body.items.map((p: any) => key[p.id]).join('')).toBe('ABF');
    expect(twoPages.headers.get('link')).toContain('rel="next"');
  });

  it('refuses a plain-list cursor for a search and a search cursor for a plain list', async () => {
    const plain = await t.request(`/v1/powers?agencyId=${agencyId}&limit=1`);
    const ranked = await t.request(`/v1/powers?q=${encodeURIComponent('道路')}&limit=1`);
    expect((await t.request(`/v1/powers?q=${encodeURIComponent('道路')}&cursor=${plain.body.next}`)).status).toBe(400);
    expect((await t.request(`/v1/powers?cursor=${ranked.body.next}`)).status).toBe(400);
  });

  it('finds an item by its new text after an edit, and no longer by the old', async () => {
    const power = await createPower(t, { agencyId, name: '城市公共汽电车客运线路经营许可', type: '01', code: 'S-XK-900', responsibilities: [], accountability: [] });
    expect(await search('公共汽电车')).toBe('?');
    const res = await t.patch(`/v1/powers/${power.id}`, { name: '巡游出租汽车经营许可' }, { ...admin, 'If-Match': '"v1"' });
    expect(res.status).toBe(200);
    expect(await search('公共汽电车')).toBe('');
    expect(await search('巡游出租汽车')).toBe('?');
  });
});
