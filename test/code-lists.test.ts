import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ID_DOCUMENT_TYPES, IdDocumentType } from '../src/codes/id-document-types.js';
import { INSPECTION_METHODS, InspectionMethod } from '../src/codes/inspection-methods.js';
import { INSPECTION_RESULTS, InspectionResult } from '../src/codes/inspection-results.js';
import { RISK_CLASSES, RiskClass } from '../src/codes/risk-classes.js';
import { LICENCE_CATEGORIES, LicenceCategory } from '../src/codes/licence-categories.js';
import { PARTY_CATEGORY_LIST, PartyCategory } from '../src/codes/party-categories.js';
import { PENALTY_TYPES, PenaltyType } from '../src/codes/penalty-types.js';
import { POWER_TYPES } from '../src/codes/power-types.js';
import { PARTY_CATEGORIES } from '../src/lib/party-codes.js';
import { PowerType } from '../src/schemas/powers.js';
import { WITHDRAWAL_REASONS, WithdrawalReason } from '../src/schemas/decision-common.js';
import { DEFAULT_PUBLICITY_RULES } from '../src/lib/publicity-period.js';
import { useTestApp } from './support/app.js';

const t = useTestApp();

const LISTS: { name: string; title: string; entries: readonly { code: string }[]; schema: z.ZodType }[] = [
  { name: 'power-types', title: '职权类型', entries: POWER_TYPES, schema: PowerType },
  { name: 'penalty-types', title: '处罚类别', entries: PENALTY_TYPES, schema: PenaltyType },
  { name: 'party-categories', title: '行政相对人类别', entries: PARTY_CATEGORY_LIST, schema: PartyCategory },
  { name: 'id-document-types', title: '证件类型', entries: ID_DOCUMENT_TYPES, schema: IdDocumentType },
  { name: 'licence-categories', title: '许可类别', entries: LICENCE_CATEGORIES, schema: LicenceCategory },
  { name: 'inspection-results', title: '检查结果', entries: INSPECTION_RESULTS, schema: InspectionResult },
  { name: 'inspection-methods', title: '抽查方式', entries: INSPECTION_METHODS, schema: InspectionMethod },
  { name: 'risk-classes', title: '信用风险分类', entries: RISK_CLASSES, schema: RiskClass },
  { name: 'withdrawal-reasons', title: '撤回原因类别', entries: WITHDRAWAL_REASONS, schema: WithdrawalReason },
];

describe('code-list index', () => {
  it('lists every code list with its title and entry count', async () => {
    const res = await t.request('/v1/code-lists');
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual(LISTS.map((l) => ({ name: l.name, title: l.title, count: l.entries.length })));
    expect(res.body.items.find((i: any) => i.name === 'penalty-types').count).toBe(14);
  });

  it('answers 304 to a matching If-None-Match', async () => {
    const res = await t.request('/v1/code-lists');
    expect(res.headers.get('etag')).toMatch(/^"[0-9a-f]{40}"$/);
    const again = await t.request('/v1/code-lists', { headers: { 'If-None-Match': res.headers.get('etag')! } });
    expect(again.status).toBe(304);
    expect(again.headers.get('etag')).toBe(res.headers.get('etag'));
  });
});

describe('each code list', () => {
  for (const list of LISTS) {
    it(`${list.name}: returns exactly the data entries, in order, with a working ETag`, async () => {
      const res = await t.request(`/v1/code-lists/${list.name}`);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ items: list.entries });
      const etag = res.headers.get('etag')!;
      expect(etag).toMatch(/^"[0-9a-f]{40}"$/);
      expect((await t.request(`/v1/code-lists/${list.name}`, { headers: { 'If-None-Match': etag } })).status).toBe(304);
      expect((await t.request(`/v1/code-lists/${list.name}`, { headers: { 'If-None-Match': '"0000"' } })).status).toBe(200);
    });

    it(`${list.name}: its zod enum accepts exactly the data codes`, () => {
      const codes = list.entries.map((e) => e.code);
      expect(new Set(codes).size).toBe(codes.length);
      for (const code of codes) expect(list.schema.safeParse(code).success, code).toBe(true);
      for (const bad of ['', '00', '0', '2', '15', '98', 'X', 'a', ' 01', '01 ', 1, null]) {
        if (codes.includes(bad as string)) continue;
        expect(list.schema.safeParse(bad).success, String(bad)).toBe(false);
      }
      expect(z.toJSONSchema(list.schema).enum).toEqual(codes);
    });
  }

  it('answers 404 problem+json for an unknown list', async () => {
    const res = await t.request('/v1/code-lists/no-such-list');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(res.body.status).toBe(404);
  });
});

describe('code-list content', () => {
  it('penalty types: the 2021 kinds in the Zhejiang numbering, with art. 9 items and flags', () => {
    const by = Object.fromEntries(PENALTY_TYPES.map((p) => [p.code, p]));
    expect(PENALTY_TYPES.map((p) => p.code)).toEqual(['01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12', '13', '14']);
    expect([by['01']!.name, by['08']!.name, by['14']!.name]).toEqual(['警告', '通报批评', '责令关闭']);
    expect(PENALTY_TYPES.filter((p) => p.fine).map((p) => p.code)).toEqual(['02']);
    expect(PENALTY_TYPES.filter((p) => p.confiscation).map((p) => p.code)).toEqual(['03', '09']);
    expect(PENALTY_TYPES.filter((p) => p.licence).map((p) => p.code)).toEqual(['05', '10', '11']);
    const byCategory = (n: number) => PENALTY_TYPES.filter((p) => p.category === n).map((p) => p.name);
    expect(byCategory(1)).toEqual(['警告', '通报批评']);
    expect(byCategory(3).sort()).toEqual(['吊销许可证件', '暂扣许可证件', '降低资质等级'].sort());
    expect(byCategory(4)).toHaveLength(4);
    expect(byCategory(5)).toEqual(['行政拘留']);
    expect(byCategory(6)).toHaveLength(1);
  });

  it('party categories match the identity library; 其他 entries require the specific kind', () => {
    expect(PARTY_CATEGORY_LIST.map((p) => p.name)).toEqual([...PARTY_CATEGORIES]);
    expect(ID_DOCUMENT_TYPES.filter((d) => d.specify).map((d) => [d.code, d.name])).toEqual([['99', '其他']]);
    expect(LICENCE_CATEGORIES.filter((d) => d.specify).map((d) => [d.code, d.name])).toEqual([['06', '其他']]);
    expect(INSPECTION_RESULTS.filter((r) => r.abnormalList).map((r) => r.code).sort()).toEqual(['6', 'C']);
  });

  it('publishes each entry schema with its code enum in the spec', async () => {
    const spec = (await t.request('/openapi.json')).body;
    expect(spec.components.schemas.PenaltyTypeItem.properties.code.enum).toEqual(PENALTY_TYPES.map((p) => p.code));
    expect(spec.components.schemas.InspectionResultItem.properties.code.enum).toEqual(INSPECTION_RESULTS.map((p) => p.code));
  });
});

describe('publicity rule table', () => {
  it('publishes the rule table in force, with the excluded types and source confidence', async () => {
    const res = await t.request('/v1/code-lists/publicity-rules');
    expect(res.status).toBe(200);
    expect(res.body).toEqual(DEFAULT_PUBLICITY_RULES);
    expect(res.body.regimes.samr.excludedTypes).toEqual(['04', '05', '10', '12', '13']);
    expect(res.body.regimes.credit.tiers.map((t: any) => [t.id, t.minMonths, t.maxMonths])).toEqual([
      ['credit-minor', 0, 3],
      ['credit-general', 3, 12],
      ['credit-serious', 12, 36],
    ]);
  });
});
