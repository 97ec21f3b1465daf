import { describe, expect, it } from 'vitest';
import { inspectionItems } from '../src/db/schema.js';
import { admin, testClock, useTestApp } from './support/app.js';
import { created, expectRefused, ifMatch, listedIds, sorted, uniqueCode, validItem, walkPages } from './support/inspections.js';
import { createBasis } from './support/legal-bases.js';

// Fixed, so a citation's validity is read on a known date.
const clock = testClock('2026-03-02T02:00:00Z');
const t = useTestApp({ now: () => clock.now });
const UNKNOWN = '0193a1b2-7c4d-7e5f-8a9b-0c1d2e3f4a5b';

const createItem = (fields: Record<string, unknown>, headers = admin) => created(t, '/v1/inspection-items', validItem(fields), headers);

describe('joint items (部门联合抽查事项)', () => {
  it('belong to the initiating agency and list the cooperating ones', async () => {
    const [owner, partner, third] = [await t.createAgency(), await t.createAgency(), await t.createAgency()];
    const key = await t.keyFor(owner.id);
    const joint = await createItem({ cooperatingAgencyIds: [partner.id, third.id] }, key);
    expect(joint).toMatchObject({ agencyId: owner.id, joint: true, cooperatingAgencyIds: [partner.id, third.id] });
    const alone = await createItem({}, key);
    expect(alone).toMatchObject({ agencyId: owner.id, joint: false, cooperatingAgencyIds: [] });
    expect(await listedIds(t, `/v1/inspection-items?agencyId=${partner.id}`)).toEqual([joint.id]);
    expect(await listedIds(t, `/v1/inspection-items?agencyId=${third.id}`)).toEqual([joint.id]);
    expect(sorted(await listedIds(t, `/v1/inspection-items?agencyId=${owner.id}`))).toEqual(sorted([joint.id, alone.id]));
  });

  it.each([
    ['the owner listed as cooperating', (owner: string, partner: string) => [partner, owner], ['/cooperatingAgencyIds/1'], 422],
    ['an unknown agency', (_owner: string, partner: string) => [partner, UNKNOWN], ['/cooperatingAgencyIds/1'], 422],
    ['an agency listed twice', (_owner: string, partner: string) => [partner, partner], ['/cooperatingAgencyIds/1'], 400],
  ])('refuses %s, naming the entry, and writes nothing', async (_what, list, pointers, status) => {
    const [owner, partner] = [await t.createAgency(), await t.createAgency()];
    await expectRefused(t, inspectionItems, () => t.post('/v1/inspection-items', validItem({ agencyId: owner.id, cooperatingAgencyIds: list(owner.id, partner.id) })), status, pointers);
  });

  it('refuses adding the owner as cooperating in a patch, keeping version 1', async () => {
    const owner = await t.createAgency();
    const item = await createItem({ agencyId: owner.id });
    await expectRefused(t, inspectionItems, () => t.patch(`/v1/inspection-items/${item.id}`, { cooperatingAgencyIds: [owner.id] }, ifMatch('"v1"')), 422, ['/cooperatingAgencyIds/0']);
    expect((await t.request(`/v1/inspection-items/${item.id}`)).body.version).toBe(1);
  });
});

describe('cited legal bases (抽查依据)', () => {
  it('publishes each cited article with its title, label and validity', async () => {
    const agency = await t.createAgency();
    const basis = await createBasis(t);
    const item = await createItem({ agencyId: agency.id, citations: [{ legalBasisId: basis.id, articleNo: '2' }, { legalBasisId: basis.id }] });
    expect(item.citations).toEqual([
      expect.objectContaining({ legalBasisId: basis.id, articleNo: '2', title: basis.title, articleLabel: '第二条', citedOn: '2026-03-02', validityOnCitedDate: '现行有效', repealedOnCitedDate: false }),
      expect.objectContaining({ legalBasisId: basis.id, articleNo: null, articleLabel: null, validityOnCitedDate: '现行有效' }),
    ]);
  });

  it('answers 422 naming each unknown legal basis or article, and writes nothing', async () => {
    const agency = await t.createAgency();
    const basis = await createBasis(t);
    const citations = [{ legalBasisId: basis.id, articleNo: '1' }, { legalBasisId: basis.id, articleNo: '99' }, { legalBasisId: UNKNOWN, articleNo: '1' }];
    const res = await expectRefused(t, inspectionItems, () => t.post('/v1/inspection-items', validItem({ agencyId: agency.id, citations })), 422, [
      '/citations/1/articleNo',
      '/citations/2/legalBasisId',
    ]);
    expect(res.body.errors.map((e: { detail: string }) => e.detail)).toEqual(['This legal basis has no such article.', 'No legal basis has this id.']);
  });
});

describe('bad item input', () => {
  it.each([
    ['a sub-item code repeated', { subItems: [{ code: 'S-01', name: '许可' }, { code: 'S-02', name: '健康' }, { code: 'S-01', name: '查验' }] }, ['/subItems/2/code']],
    ['a method listed twice', { methods: ['01', '02', '01'] }, ['/methods/2']],
    ['an unknown method code', { methods: ['01', '09'] }, ['/methods/1']],
    ['a method by its name', { methods: ['书面检查'] }, ['/methods/0']],
    ['no method', { methods: [] }, ['/methods']],
    ['an unknown category', { category: 'special' }, ['/category']],
    ['an unknown object type', { objectType: 'person' }, ['/objectType']],
    ['a ratio above 100 %', { ratioBasisPoints: 10_001 }, ['/ratioBasisPoints']],
    ['a code with a space', { code: 'SC 001' }, ['/code']],
  ])('answers 400 for %s, naming the entry, and writes nothing', async (_what, fields, pointers) => {
    const agency = await t.createAgency();
    await expectRefused(t, inspectionItems, () => t.post('/v1/inspection-items', validItem({ agencyId: agency.id, ...fields })), 400, pointers);
  });

  it('answers 422 for a method listed twice by a patch (the merged item is checked in full)', async () => {
    const agency = await t.createAgency();
    const item = await createItem({ agencyId: agency.id });
    await expectRefused(t, inspectionItems, () => t.patch(`/v1/inspection-items/${item.id}`, { methods: ['03', '03'] }, ifMatch('"v1"')), 422, ['/methods/1']);
  });
});

describe('事项编码', () => {
  it('is unique within an agency (409 naming /code) but free in another agency', async () => {
    const [agency, other] = [await t.createAgency(), await t.createAgency()];
    const code = uniqueCode();
    await createItem({ agencyId: agency.id, code });
    await expectRefused(t, inspectionItems, () => t.post('/v1/inspection-items', validItem({ agencyId: agency.id, code, name: '另一事项' })), 409, ['/code']);
    expect((await createItem({ agencyId: other.id, code })).code).toBe(code);
  });

  it('cannot be taken over by a patch (409, version kept)', async () => {
    const agency = await t.createAgency();
    const first = await createItem({ agencyId: agency.id });
    const second = await createItem({ agencyId: agency.id });
    await expectRefused(t, inspectionItems, () => t.patch(`/v1/inspection-items/${second.id}`, { code: first.code }, ifMatch('"v1"')), 409, ['/code']);
  });
});

describe('dynamic adjustment (动态调整)', () => {
  it('is a new version with its revision, and a cancelled item stays published with its history', async () => {
    const agency = await t.createAgency();
    const key = await t.keyFor(agency.id);
    const item = await createItem({}, key);
    const adjusted = await t.patch(`/v1/inspection-items/${item.id}`, { ratioBasisPoints: 1000, category: 'key' }, ifMatch('"v1"', key));
    expect(adjusted.status, JSON.stringify(adjusted.body)).toBe(200);
    expect(adjusted.body).toMatchObject({ version: 2, ratioBasisPoints: 1000, category: 'key', code: item.code });
    expect(adjusted.headers.get('ETag')).toMatch(/^"v2/);
    const cancelled = await t.patch(`/v1/inspection-items/${item.id}`, { status: 'cancelled' }, ifMatch('"v2"', key));
    expect(cancelled.body).toMatchObject({ version: 3, status: 'cancelled' });
    expect((await t.request(`/v1/inspection-items/${item.id}`)).body).toEqual(cancelled.body);
    const revisions = (await t.request(`/v1/inspection-items/${item.id}/revisions`)).body.items;
    expect(revisions.map((r: any) => [r.version, r.data.ratioBasisPoints, r.data.status])).toEqual([
      [1, 500, 'active'],
      [2, 1000, 'active'],
      [3, 1000, 'cancelled'],
    ]);
    expect(revisions[0].data).toEqual(item);
  });

  it('answers 412 for a stale If-Match and changes nothing', async () => {
    const agency = await t.createAgency();
    const item = await createItem({ agencyId: agency.id });
    await t.patch(`/v1/inspection-items/${item.id}`, { frequency: '每年2次' }, ifMatch('"v1"'));
    await expectRefused(t, inspectionItems, () => t.patch(`/v1/inspection-items/${item.id}`, { frequency: '每年3次' }, ifMatch('"v1"')), 412);
  });

  it("is refused (403) to another agency's key, even a cooperating one, and writes nothing", async () => {
    const [owner, partner] = [await t.createAgency(), await t.createAgency()];
    const item = await createItem({ agencyId: owner.id, cooperatingAgencyIds: [partner.id] });
    const partnerKey = await t.keyFor(partner.id);
    await expectRefused(t, inspectionItems, () => t.patch(`/v1/inspection-items/${item.id}`, { status: 'cancelled' }, ifMatch('"v1"', partnerKey)), 403);
    await expectRefused(t, inspectionItems, () => t.post('/v1/inspection-items', validItem({ agencyId: owner.id }), partnerKey), 403);
    expect((await t.request(`/v1/inspection-items/${item.id}`)).body).toEqual(item);
  });
});

describe('GET /v1/inspection-items', () => {
  it('filters by agency (initiating or cooperating), category, object type, method, joint and status', async () => {
    const [a, b] = [await t.createAgency(), await t.createAgency()];
    const general = await createItem({ agencyId: a.id, methods: ['01', '02'] });
    const keyJoint = await createItem({ agencyId: a.id, category: 'key', objectType: 'product', methods: ['05'], cooperatingAgencyIds: [b.id] });
    const ofB = await createItem({ agencyId: b.id, objectType: 'conduct', methods: ['03'] });
    const cancelled = await createItem({ agencyId: a.id, methods: ['02'] });
    await t.patch(`/v1/inspection-items/${cancelled.id}`, { status: 'cancelled' }, ifMatch('"v1"'));
    const ids = (query: string) => listedIds(t, `/v1/inspection-items?agencyId=${a.id}&${query}`).then(sorted);
    expect(await ids('')).toEqual(sorted([general.id, keyJoint.id, cancelled.id]));
    expect(sorted(await listedIds(t, `/v1/inspection-items?agencyId=${b.id}`))).toEqual(sorted([keyJoint.id, ofB.id]));
    expect(await ids('category=key')).toEqual([keyJoint.id]);
    expect(await ids('category=general')).toEqual(sorted([general.id, cancelled.id]));
    expect(await ids('objectType=product')).toEqual([keyJoint.id]);
    expect(await ids('method=02')).toEqual(sorted([general.id, cancelled.id]));
    expect(await ids('method=05')).toEqual([keyJoint.id]);
    expect(await ids('joint=true')).toEqual([keyJoint.id]);
    expect(await ids('joint=false')).toEqual(sorted([general.id, cancelled.id]));
    expect(await ids('status=cancelled')).toEqual([cancelled.id]);
    expect(await ids('status=active&method=02')).toEqual([general.id]);
  });

  it('answers 400 naming an unknown filter value', async () => {
    for (const query of ['method=09', 'joint=yes', 'category=重点', 'agencyId=city']) {
      const res = await t.request(`/v1/inspection-items?${query}`);
      expect(res.status, query).toBe(400);
      expect(res.body.errors.map((e: any) => `${e.in} ${e.pointer}`)).toEqual([`query /${query.split('=')[0]}`]);
    }
  });

  it('finds items by Chinese words of their name, sub-items or content, and by code', async () => {
    const agency = await t.createAgency();
    const boiler = await createItem({ agencyId: agency.id, name: '特种设备使用单位安全管理检查', content: '锅炉压力容器定期检验', subItems: [{ code: 'TZ-01', name: '气瓶充装许可' }] });
    const food = await createItem({ agencyId: agency.id });
    const q = (words: string) => listedIds(t, `/v1/inspection-items?agencyId=${agency.id}&q=${encodeURIComponent(words)}`);
    expect(await q('特种设备')).toEqual([boiler.id]);
    expect(await q('气瓶充装')).toEqual([boiler.id]);
    expect(await q('压力容器')).toEqual([boiler.id]);
    expect(await q(food.code)).toEqual([food.id]);
    expect(await q('进货查验')).toEqual([food.id]);
    expect(await q('房地产')).toEqual([]);
  });

  it('pages with a keyset cursor: every item once, and the cursor is bound to its filters', async () => {
    const agency = await t.createAgency();
    const all: string[] = [];
    for (let i = 0; i < 5; i++) all.push((await createItem({ agencyId: agency.id })).id);
    const pages = await walkPages(t, `/v1/inspection-items?agencyId=${agency.id}&limit=2`);
    expect(pages.sizes).toEqual([2, 2, 1]);
    expect(pages.ids).toEqual(sorted(all));
    const other = await t.request(`/v1/inspection-items?agencyId=${agency.id}&category=key&limit=2&cursor=${encodeURIComponent(pages.cursors[0]!)}`);
    expect(other.status).toBe(400);
    expect(other.body.errors.map((e: any) => `${e.in} ${e.pointer}`)).toEqual(['query /cursor']);
  });

  it('pages through ranked search results too, every match once', async () => {
    const agency = await t.createAgency();
    const all: string[] = [];
    for (let i = 0; i < 3; i++) all.push((await createItem({ agencyId: agency.id, name: `电梯维护保养检查${i}`, content: '电梯维护保养' })).id);
    await createItem({ agencyId: agency.id });
    const pages = await walkPages(t, `/v1/inspection-items?agencyId=${agency.id}&q=${encodeURIComponent('电梯维护')}&limit=2`);
    expect(pages.sizes).toEqual([2, 1]);
    expect(sorted(pages.ids)).toEqual(sorted(all));
    const unranked = await t.request(`/v1/inspection-items?agencyId=${agency.id}&limit=2&cursor=${encodeURIComponent(pages.cursors[0]!)}`);
    expect(unranked.status).toBe(400);
  });
});
