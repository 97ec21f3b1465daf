import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from './support/app.js';
import { insertLegalFixtures, type LegalFixtures } from './support/legal-fixtures.js';
import { createPower } from './support/powers.js';

const t = useTestApp();
let law: LegalFixtures;
const ids: Record<string, string> = {};
const agencies: Record<string, string> = {};

/*
 * A fixed set: a province (450000), a city in it (450100), a district of that city (450103) and an
 * agency in another province (460100). Region codes are unique to this file, so filters see only this set.
 */
beforeAll(async () => {
  law = await insertLegalFixtures(t);
  agencies.province = (await t.createAgency({ regionCode: '450000', level: '省级' })).id;
  agencies.city = (await t.createAgency({ regionCode: '450100' })).id;
  agencies.district = (await t.createAgency({ regionCode: '450103', level: '县级' })).id;
  agencies.elsewhere = (await t.createAgency({ regionCode: '460100' })).id;
  const road = [{ legalBasisId: law.roadRegulation, articleNo: '63' }];
  const penalty = [{ legalBasisId: law.penaltyLaw, articleNo: '34' }];
  ids.provinceLicence = (await createPower(t, { agencyId: agencies.province, type: '01', name: '道路运输经营许可', reviewTransfer: true })).id;
  ids.cityPenalty = (await createPower(t, { agencyId: agencies.city, type: '02', citations: road })).id;
  ids.cityCheck = (await createPower(t, { agencyId: agencies.city, type: '06', name: '道路运输经营行为检查', citations: [...road, ...penalty] })).id;
  ids.districtPenalty = (await createPower(t, { agencyId: agencies.district, type: '02', citations: penalty, status: 'cancelled' })).id;
  ids.elsewherePenalty = (await createPower(t, { agencyId: agencies.elsewhere, type: '02', citations: road })).id;
});

const list = async (query: string) => {
  const res = await t.request(`/v1/powers?${query}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.items.map((p: any) => p.id) as string[];
};
const sorted = (...keys: string[]) => keys.map((k) => ids[k]!).sort();

describe('power list filters', () => {
  it('filters by region, hierarchically through the holding agency', async () => {
    expect(await list('regionCode=450000')).toEqual(sorted('provinceLicence', 'cityPenalty', 'cityCheck', 'districtPenalty'));
    expect(await list('regionCode=450100')).toEqual(sorted('cityPenalty', 'cityCheck', 'districtPenalty'));
    expect(await list('regionCode=450103')).toEqual(sorted('districtPenalty'));
    expect(await list('regionCode=450102')).toEqual([]);
    expect(await list('regionCode=460000')).toEqual(sorted('elsewherePenalty'));
  });

  it('filters by agency, 职权类型, 审核转报 and status', async () => {
    expect(await list(`agencyId=${agencies.city}`)).toEqual(sorted('cityPenalty', 'cityCheck'));
    expect(await list('regionCode=450000&type=02')).toEqual(sorted('cityPenalty', 'districtPenalty'));
    expect(await list('regionCode=450000&type=06')).toEqual(sorted('cityCheck'));
    expect(await list('regionCode=450000&type=09')).toEqual([]);
    expect(await list('regionCode=450000&reviewTransfer=true')).toEqual(sorted('provinceLicence'));
    expect(await list('regionCode=450000&reviewTransfer=false')).toEqual(sorted('cityPenalty', 'cityCheck', 'districtPenalty'));
    expect(await list('regionCode=450000&status=cancelled')).toEqual(sorted('districtPenalty'));
  });

  it('filters by cited legal basis, each item once however many of its articles it cites', async () => {
    expect(await list(`legalBasisId=${law.roadRegulation}`)).toEqual(sorted('cityPenalty', 'cityCheck', 'elsewherePenalty'));
    expect(await list(`legalBasisId=${law.penaltyLaw}&regionCode=450100`)).toEqual(sorted('cityCheck', 'districtPenalty'));
    expect(await list(`legalBasisId=${law.repealedRule}`)).toEqual([]);
    expect(await list('legalBasisId=0193a1b2-7c4d-7e5f-8a9b-0c1d2e3f4a5b')).toEqual([]);
  });

  it('publishes each item with its citations described', async () => {
    const res = await t.request(`/v1/powers?agencyId=${agencies.city}`);
    const check = res.body.items.find((p: any) => p.id === ids.cityCheck);
    expect(check.citations.map((c: any) => [c.title, c.articleLabel])).toEqual([
      ['中华人民共和国道路运输条例', '第六十三条'],
      ['中华人民共和国行政处罚法', '第三十四条'],
    ]);
    expect(check.typeName).toBe('行政检查');
  });
});

describe('power list pagination', () => {
  it('pages by keyset with next cursors and Link headers, each item exactly once', async () => {
    const seen: string[] = [];
    let path: string | null = '/v1/powers?regionCode=450000&limit=2';
    let pages = 0;
    while (path) {
      const res = await t.request(path);
      expect(res.status).toBe(200);
      expect(res.headers.get('etag')).toMatch(/^"[0-9a-f]{40}"$/);
      seen.push(...res.body.items.map((p: any) => p.id));
      pages += 1;
      if (res.body.next) {
        expect(res.headers.get('link')).toBe(`</v1/powers?regionCode=450000&limit=2&cursor=${res.body.next}>; rel="next"`);
        path = `/v1/powers?regionCode=450000&limit=2&cursor=${res.body.next}`;
      } else {
        expect(res.headers.get('link')).toBeNull();
        path = null;
      }
    }
    expect(pages).toBe(2);
    expect(seen).toEqual(sorted('provinceLicence', 'cityPenalty', 'cityCheck', 'districtPenalty'));
  });

  it('answers 304 to the ETag of an unchanged page', async () => {
    const res = await t.request(`/v1/powers?agencyId=${agencies.city}`);
    const again = await t.request(`/v1/powers?agencyId=${agencies.city}`, { headers: { 'If-None-Match': res.headers.get('etag')! } });
    expect(again.status).toBe(304);
  });
});
