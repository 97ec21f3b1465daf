import { describe, expect, it } from 'vitest';
import { approvalItems } from '../src/db/schema.js';
import { admin, testClock, useTestApp } from './support/app.js';
import { validApprovalItem } from './support/approval-items.js';
import { created, expectOneEvent, expectRefused, ifMatch, listedIds, sorted, uniqueCode, walkPages } from './support/inspections.js';
import { createBasis } from './support/legal-bases.js';

// Fixed, so a citation's validity is read on a known date.
const clock = testClock('2026-03-02T02:00:00Z');
const t = useTestApp({ now: () => clock.now });
const PATH = '/v1/approval-items';

const createItem = (fields: Record<string, unknown>, headers = admin) => created(t, PATH, validApprovalItem(fields), headers);

describe('publishing an approval item (谁审批谁公示)', () => {
  it("publishes an item of the key's own agency: every field as sent, fees canonical, with ETag and Location", async () => {
    const agency = await t.createAgency({ name: '示例市市场监督管理局' });
    const key = await t.keyFor(agency.id);
    const body = validApprovalItem({ fees: [{ name: '证书工本费', amount: '10', basis: '《某某收费管理办法》第五条' }] });
    const res = await t.post(PATH, body, key);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.headers.get('Location')).toBe(`${PATH}/${res.body.id}`);
    expect(res.headers.get('ETag')).toMatch(/^"v1\./);
    expect(res.body).toEqual({
      id: expect.any(String),
      version: 1,
      createdAt: '2026-03-02T02:00:00.000Z',
      updatedAt: '2026-03-02T02:00:00.000Z',
      status: 'active',
      agencyId: agency.id,
      code: body.code,
      name: '食品经营许可',
      category: '01',
      categoryName: '普通',
      categoryDetail: null,
      citations: [],
      basisText: body.basisText,
      conditions: body.conditions,
      materials: body.materials,
      steps: body.steps,
      statutoryDays: 20,
      promisedDays: 10,
      fees: [{ name: '证书工本费', amount: '10.00', basis: '《某某收费管理办法》第五条' }],
      free: false,
      channels: ['window', 'online'],
      onlineUrl: body.onlineUrl,
      negativeListMeasures: [{ itemCode: '200001', measureNo: 1 }],
    });
    const read = await t.request(`${PATH}/${res.body.id}`);
    expect(read.body).toEqual(res.body);
    expect(read.headers.get('ETag')).toBe(res.headers.get('ETag'));
  });

  it('publishes an item without code, promise, fees or online channel with nulls and 不收费', async () => {
    const agency = await t.createAgency();
    const item = await createItem({ agencyId: agency.id, code: undefined, promisedDays: undefined, fees: undefined, channels: ['window'], onlineUrl: undefined, negativeListMeasures: undefined, steps: undefined });
    expect(item).toMatchObject({ code: null, promisedDays: null, fees: [], free: true, channels: ['window'], onlineUrl: null, negativeListMeasures: [], steps: [] });
  });

  it("refuses another agency's key (403) on create and on change, and writes nothing", async () => {
    const [owner, other] = [await t.createAgency(), await t.createAgency()];
    const item = await createItem({ agencyId: owner.id });
    const otherKey = await t.keyFor(other.id);
    await expectRefused(t, approvalItems, () => t.post(PATH, validApprovalItem({ agencyId: owner.id }), otherKey), 403);
    await expectRefused(t, approvalItems, () => t.patch(`${PATH}/${item.id}`, { promisedDays: 5 }, ifMatch('"v1"', otherKey)), 403);
    expect((await t.request(`${PATH}/${item.id}`)).body).toEqual(item);
  });

  it('makes the operator name the agency (422 naming /agencyId), an existing one', async () => {
    await expectRefused(t, approvalItems, () => t.post(PATH, validApprovalItem()), 422, ['/agencyId']);
    await expectRefused(t, approvalItems, () => t.post(PATH, validApprovalItem({ agencyId: '0193a1b2-7c4d-7e5f-8a9b-0c1d2e3f4a5b' })), 422, ['/agencyId']);
  });
});

describe('time limits', () => {
  it('refuses a promise beyond the statutory limit with 422 naming /promisedDays, on create and in a patch', async () => {
    const agency = await t.createAgency();
    const res = await expectRefused(t, approvalItems, () => t.post(PATH, validApprovalItem({ agencyId: agency.id, statutoryDays: 20, promisedDays: 21 })), 422, ['/promisedDays']);
    expect(res.body.errors[0].detail).toMatch(/承诺办结时限 \(21\) exceeds the 法定办结时限 \(20 working days\)/);
    const item = await createItem({ agencyId: agency.id, statutoryDays: 20, promisedDays: 20 });
    await expectRefused(t, approvalItems, () => t.patch(`${PATH}/${item.id}`, { statutoryDays: 15 }, ifMatch('"v1"')), 422, ['/promisedDays']);
    const same = await t.patch(`${PATH}/${item.id}`, { statutoryDays: 15, promisedDays: 15 }, ifMatch('"v1"'));
    expect(same.status, JSON.stringify(same.body)).toBe(200);
    expect(same.body).toMatchObject({ version: 2, statutoryDays: 15, promisedDays: 15 });
  });

  it('accepts 当场办结 (0 days) and refuses a negative or fractional limit (400)', async () => {
    const agency = await t.createAgency();
    expect((await createItem({ agencyId: agency.id, statutoryDays: 0, promisedDays: 0 })).statutoryDays).toBe(0);
    await expectRefused(t, approvalItems, () => t.post(PATH, validApprovalItem({ agencyId: agency.id, statutoryDays: -1 })), 400, ['/statutoryDays']);
    await expectRefused(t, approvalItems, () => t.post(PATH, validApprovalItem({ agencyId: agency.id, promisedDays: 2.5 })), 400, ['/promisedDays']);
  });
});

describe('bad item input: 400 naming the field, nothing written', () => {
  const fee = { name: '证书工本费', amount: '10.00', basis: '《某某收费管理办法》第五条' };
  it.each([
    ['a negative fee', { fees: [{ ...fee, amount: '-10' }] }, ['/fees/0/amount']],
    ['a fee in exponent notation', { fees: [{ ...fee, amount: '1e3' }] }, ['/fees/0/amount']],
    ['a fee with 3 decimals', { fees: [{ ...fee, amount: '10.005' }] }, ['/fees/0/amount']],
    ['a fee of 0', { fees: [{ ...fee, amount: '0.00' }] }, ['/fees/0/amount']],
    ['a fee as a number', { fees: [{ ...fee, amount: 10 }] }, ['/fees/0/amount']],
    ['a fee without its basis', { fees: [{ name: '证书工本费', amount: '10' }] }, ['/fees/0/basis']],
    ['a fee listed twice', { fees: [fee, { ...fee, amount: '20' }] }, ['/fees/1/name']],
    ['a material without a name', { materials: [{ required: true }] }, ['/materials/0/name']],
    ['a material without required', { materials: [{ name: '申请书' }] }, ['/materials/0/required']],
    ['a material listed twice', { materials: [{ name: '申请书', required: true }, { name: '申请书', required: false }] }, ['/materials/1/name']],
    ['a material with 0 copies', { materials: [{ name: '申请书', required: true, copies: 0 }] }, ['/materials/0/copies']],
    ['a form without a title', { materials: [{ name: '申请书', required: true, form: { url: 'https://example.gov.cn/a.docx' } }] }, ['/materials/0/form/title']],
    ['a form address that is no web address', { materials: [{ name: '申请书', required: true, form: { title: '申请书', url: 'ftp://example.gov.cn/a.docx' } }] }, ['/materials/0/form/url']],
    ['an unknown material field', { materials: [{ name: '申请书', required: true, contact: '张三' }] }, ['/materials/0/contact']],
    ['a step listed twice', { steps: [{ name: '受理' }, { name: '受理' }] }, ['/steps/1/name']],
    ['no channel', { channels: [], onlineUrl: undefined }, ['/channels']],
    ['an unknown channel', { channels: ['mail'] }, ['/channels/0']],
    ['a channel listed twice', { channels: ['window', 'window'], onlineUrl: undefined }, ['/channels/1']],
    ['an online address without the online channel', { channels: ['window'] }, ['/onlineUrl']],
    ['no basis at all', { basisText: undefined }, ['/basisText']],
    ['其他 without its category', { category: '06' }, ['/categoryDetail']],
    ['a category detail without 其他', { categoryDetail: '备案' }, ['/categoryDetail']],
    ['an unknown category', { category: '07' }, ['/category']],
    ['a negative-list code of 5 digits', { negativeListMeasures: [{ itemCode: '20001' }] }, ['/negativeListMeasures/0/itemCode']],
    ['a negative-list measure listed twice', { negativeListMeasures: [{ itemCode: '200001', measureNo: 2 }, { itemCode: '200001', measureNo: 2 }] }, ['/negativeListMeasures/1']],
    ['a code with a space', { code: 'XK 001' }, ['/code']],
    ['a mobile number in the conditions', { conditions: '咨询电话13800138000' }, ['/conditions']],
  ])('%s', async (_what, fields, pointers) => {
    const agency = await t.createAgency();
    await expectRefused(t, approvalItems, () => t.post(PATH, validApprovalItem({ agencyId: agency.id, ...fields })), 400, pointers);
  });

  it('refuses in a patch what the merged item breaks (422), keeping version 1', async () => {
    const agency = await t.createAgency();
    const item = await createItem({ agencyId: agency.id });
    await expectRefused(t, approvalItems, () => t.patch(`${PATH}/${item.id}`, { channels: ['window'] }, ifMatch('"v1"')), 422, ['/onlineUrl']);
    await expectRefused(t, approvalItems, () => t.patch(`${PATH}/${item.id}`, { basisText: null }, ifMatch('"v1"')), 422, ['/basisText']);
    expect((await t.request(`${PATH}/${item.id}`)).body.version).toBe(1);
  });
});

describe('设定和实施依据 as cited articles', () => {
  it('publishes each cited article with its title and validity, and may stand without basis text', async () => {
    const agency = await t.createAgency();
    const basis = await createBasis(t);
    const item = await createItem({ agencyId: agency.id, basisText: undefined, citations: [{ legalBasisId: basis.id, articleNo: '2' }] });
    expect(item.basisText).toBeNull();
    expect(item.citations).toEqual([
      expect.objectContaining({ legalBasisId: basis.id, articleNo: '2', title: basis.title, articleLabel: '第二条', citedOn: '2026-03-02', validityOnCitedDate: '现行有效' }),
    ]);
  });

  it('answers 422 naming an unknown article, and writes nothing', async () => {
    const agency = await t.createAgency();
    const basis = await createBasis(t);
    await expectRefused(t, approvalItems, () => t.post(PATH, validApprovalItem({ agencyId: agency.id, citations: [{ legalBasisId: basis.id, articleNo: '99' }] })), 422, ['/citations/0/articleNo']);
  });
});

describe('事项编码', () => {
  it('is unique among the active items of an agency (409 naming /code), free in another agency and once the item is cancelled', async () => {
    const [agency, other] = [await t.createAgency(), await t.createAgency()];
    const code = uniqueCode('XK');
    const first = await createItem({ agencyId: agency.id, code });
    await expectRefused(t, approvalItems, () => t.post(PATH, validApprovalItem({ agencyId: agency.id, code, name: '另一事项' })), 409, ['/code']);
    expect((await createItem({ agencyId: other.id, code })).code).toBe(code);
    await t.patch(`${PATH}/${first.id}`, { status: 'cancelled' }, ifMatch('"v1"'));
    expect((await createItem({ agencyId: agency.id, code })).code).toBe(code);
  });

  it('cannot be taken over by a patch (409, version kept)', async () => {
    const agency = await t.createAgency();
    const [first, second] = [await createItem({ agencyId: agency.id }), await createItem({ agencyId: agency.id })];
    await expectRefused(t, approvalItems, () => t.patch(`${PATH}/${second.id}`, { code: first.code }, ifMatch('"v1"')), 409, ['/code']);
  });
});

describe('dynamic adjustment (动态调整)', () => {
  it('is a new version with its revision and one feed event; a cancelled item stays published with its history', async () => {
    const agency = await t.createAgency();
    const key = await t.keyFor(agency.id);
    const item = await createItem({}, key);
    const head = (await t.request('/v1/feed?limit=1')).body.head;
    const adjusted = await t.patch(`${PATH}/${item.id}`, { promisedDays: 5, fees: [{ name: '证书工本费', amount: '5.5', basis: '《某某收费管理办法》第五条' }] }, ifMatch('"v1"', key));
    expect(adjusted.status, JSON.stringify(adjusted.body)).toBe(200);
    expect(adjusted.body).toMatchObject({ version: 2, promisedDays: 5, free: false, fees: [{ amount: '5.50' }], materials: item.materials });
    await expectOneEvent(t, head, 'approval_item', `${PATH}/${item.id}`);
    const unchanged = await t.patch(`${PATH}/${item.id}`, { promisedDays: 5 }, ifMatch('"v2"', key));
    expect(unchanged.body.version).toBe(2);
    const cancelled = await t.patch(`${PATH}/${item.id}`, { status: 'cancelled', fees: null }, ifMatch('"v2"', key));
    expect(cancelled.body).toMatchObject({ version: 3, status: 'cancelled', fees: [], free: true });
    const revisions = (await t.request(`${PATH}/${item.id}/revisions`)).body.items;
    expect(revisions.map((r: any) => [r.version, r.data.promisedDays, r.data.status, r.actor.kind])).toEqual([
      [1, 10, 'active', 'key'],
      [2, 5, 'active', 'key'],
      [3, 5, 'cancelled', 'key'],
    ]);
    expect(revisions[0].data).toEqual(item);
    expect((await t.request(`${PATH}/${item.id}/revisions/2`)).body.data).toEqual(adjusted.body);
  });

  it('answers 412 for a stale If-Match and 428 without one, changing nothing', async () => {
    const agency = await t.createAgency();
    const item = await createItem({ agencyId: agency.id });
    await t.patch(`${PATH}/${item.id}`, { promisedDays: 8 }, ifMatch('"v1"'));
    await expectRefused(t, approvalItems, () => t.patch(`${PATH}/${item.id}`, { promisedDays: 7 }, ifMatch('"v1"')), 412);
    await expectRefused(t, approvalItems, () => t.patch(`${PATH}/${item.id}`, { promisedDays: 7 }), 428);
  });
});

describe('GET /v1/approval-items', () => {
  it('filters by agency, category, channel, negative-list item and status', async () => {
    const [a, b] = [await t.createAgency(), await t.createAgency()];
    const food = await createItem({ agencyId: a.id });
    const special = await createItem({ agencyId: a.id, name: '某特许经营许可', category: '02', channels: ['window'], onlineUrl: undefined, negativeListMeasures: [{ itemCode: '200002' }] });
    const ofB = await createItem({ agencyId: b.id, negativeListMeasures: [{ itemCode: '200002', measureNo: 3 }] });
    const cancelled = await createItem({ agencyId: a.id, negativeListMeasures: [] });
    await t.patch(`${PATH}/${cancelled.id}`, { status: 'cancelled' }, ifMatch('"v1"'));
    const ids = (query: string) => listedIds(t, `${PATH}?${query}`).then(sorted);
    expect(await ids(`agencyId=${a.id}`)).toEqual(sorted([food.id, special.id, cancelled.id]));
    expect(await ids(`agencyId=${a.id}&category=02`)).toEqual([special.id]);
    expect(await ids(`agencyId=${a.id}&channel=online`)).toEqual(sorted([food.id, cancelled.id]));
    expect(await ids(`agencyId=${a.id}&status=active`)).toEqual(sorted([food.id, special.id]));
    expect(await ids('negativeListItem=200002')).toEqual(sorted([special.id, ofB.id]));
    expect(await ids(`negativeListItem=200001&agencyId=${a.id}`)).toEqual([food.id]);
  });

  it('answers 400 naming an unknown filter value', async () => {
    for (const query of ['channel=mail', 'negativeListItem=2001', 'category=普通', 'status=deleted']) {
      const res = await t.request(`${PATH}?${query}`);
      expect(res.status, query).toBe(400);
      expect(res.body.errors.map((e: any) => `${e.in} ${e.pointer}`)).toEqual([`query /${query.split('=')[0]}`]);
    }
  });

  it('finds items by Chinese words of their name, conditions or materials, and by code', async () => {
    const agency = await t.createAgency();
    const boiler = await createItem({ agencyId: agency.id, name: '特种设备安装改造维修许可', conditions: '有与许可范围相适应的专业技术人员', materials: [{ name: '压力容器制造资格证明', required: true }] });
    const food = await createItem({ agencyId: agency.id });
    const q = (words: string) => listedIds(t, `${PATH}?agencyId=${agency.id}&q=${encodeURIComponent(words)}`);
    expect(await q('特种设备')).toEqual([boiler.id]);
    expect(await q('压力容器')).toEqual([boiler.id]);
    expect(await q('专业技术人员')).toEqual([boiler.id]);
    expect(await q('食品经营')).toEqual([food.id]);
    expect(await q(food.code)).toEqual([food.id]);
    expect(await q('房地产')).toEqual([]);
  });

  it('pages with a keyset cursor: every item once, the cursor bound to its filters', async () => {
    const agency = await t.createAgency();
    const all: string[] = [];
    for (let i = 0; i < 5; i++) all.push((await createItem({ agencyId: agency.id })).id);
    const pages = await walkPages(t, `${PATH}?agencyId=${agency.id}&limit=2`);
    expect(pages.sizes).toEqual([2, 2, 1]);
    expect(pages.ids).toEqual(sorted(all));
    const other = await t.request(`${PATH}?agencyId=${agency.id}&category=02&limit=2&cursor=${encodeURIComponent(pages.cursors[0]!)}`);
    expect(other.status).toBe(400);
  });
});
