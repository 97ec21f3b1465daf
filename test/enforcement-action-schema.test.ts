import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fieldErrorsFromZod } from '../src/errors.js';
import { completeCreditCode } from '../src/lib/credit-code.js';
import { INDIVIDUAL_BUSINESS_PLACEHOLDER } from '../src/lib/party-codes.js';
import { completeResidentId } from '../src/lib/resident-id.js';
import { EnforcementAction, EnforcementActionCreate, EnforcementActionPatch } from '../src/schemas/enforcement-actions.js';
import { untitled, topProperties, type JsonNode } from './support/schema-titles.js';

const COMPANY_CODE = completeCreditCode('9144010177889900');
const AGENCY_CODE = completeCreditCode('1144010012345678');
const ADULT_ID = completeResidentId('11010519900307002');
const BAD_CHECK = COMPANY_CODE.slice(0, 17) + (COMPANY_CODE[17] === '1' ? '2' : '1');
const id = (n: number) => `0193a1b2-7c4d-7e5f-8a9b-0c1d2e3f4a${String(n).padStart(2, '0')}`;

const minimal = {
  actionType: '06',
  target: { name: '示例市某某餐饮有限公司', category: '01' },
  actionDate: '2024-03-15',
  conclusion: '检查未发现违法行为。',
};
const full = {
  actionType: '03',
  target: { name: '示例市某某餐饮有限公司', category: '01', creditCode: COMPANY_CODE },
  actionDate: '2024-03-15',
  conclusion: '查封涉案食品加工设备。',
  facts: '当事人在未取得许可的场所加工食品。',
  documentNumber: '示市监强〔2024〕8号',
  agencyId: id(1),
  citations: [{ legalBasisId: id(2), articleNo: '110', paragraph: 1, item: 4 }],
  remarks: '现场检查',
  tags: ['联合执法', '专项整治'],
  joint: { reference: '示例市联合执法〔2024〕3号', agencyIds: [id(1), id(3)] },
  campaignId: id(4),
  claimedPublishedAt: '2024-03-20T10:00:00+08:00',
};

function pointersOf(schema: z.ZodType, input: unknown): string[] {
  const r = schema.safeParse(input);
  return r.success ? [] : fieldErrorsFromZod(r.error.issues, 'body').map((e) => e.pointer);
}
const pointers = (input: unknown) => pointersOf(EnforcementActionCreate, input);
const target = (t: object) => ({ ...minimal, target: { ...minimal.target, ...t } });

describe('EnforcementActionCreate: valid actions', () => {
  it.each([
    ['minimal 行政检查 of a company', minimal],
    ['full 行政强制 with every optional field', full],
    ['自然人 target by name only', { ...minimal, target: { name: '王五', category: '02' } }],
    ['个体工商户 target without a code', { ...minimal, target: { name: '某某小吃店', category: '03' } }],
    ['every other 职权类型', { ...minimal, actionType: '10' }],
  ])('%s', (_name, input) => {
    const r = EnforcementActionCreate.safeParse(input);
    expect(r.success ? [] : r.error.issues).toEqual([]);
  });
});

describe('EnforcementActionCreate: each rule fails at its exact pointer', () => {
  it.each([
    ['行政许可 has its own resource', { ...minimal, actionType: '01' }, '/actionType'],
    ['行政处罚 has its own resource', { ...minimal, actionType: '02' }, '/actionType'],
    ['unknown 职权类型', { ...minimal, actionType: '11' }, '/actionType'],
    ['target credit code with a bad check character', target({ creditCode: BAD_CHECK }), '/target/creditCode'],
    ['target credit code of the wrong shape', target({ creditCode: '91440101' }), '/target/creditCode'],
    ['the 个体工商户 placeholder', { ...minimal, target: { name: '某某小吃店', category: '03', creditCode: INDIVIDUAL_BUSINESS_PLACEHOLDER } }, '/target/creditCode'],
    ['a credit code on a 自然人', { ...minimal, target: { name: '王五', category: '02', creditCode: COMPANY_CODE } }, '/target/creditCode'],
    ['an ID number on a target', { ...minimal, target: { name: '王五', category: '02', idNumber: ADULT_ID } }, '/target/idNumber'],
    ['an ID type on a target', { ...minimal, target: { name: '王五', category: '02', idType: '01' } }, '/target/idType'],
    ['target without a name', { ...minimal, target: { category: '01' } }, '/target/name'],
    ['unknown target category', target({ category: '04' }), '/target/category'],
    ['impossible date', { ...minimal, actionDate: '2024-02-30' }, '/actionDate'],
    ['empty conclusion', { ...minimal, conclusion: ' ' }, '/conclusion'],
    ['facts over 20000', { ...minimal, facts: '事'.repeat(20001) }, '/facts'],
    ['document number over 128', { ...minimal, documentNumber: '号'.repeat(129) }, '/documentNumber'],
    ['联合执法 without joint', { ...minimal, tags: ['联合执法'] }, '/joint'],
    ['joint without 联合执法', { ...minimal, joint: full.joint }, '/joint'],
    ['专项整治 without campaignId', { ...minimal, tags: ['专项整治'] }, '/campaignId'],
    ['campaignId without 专项整治', { ...minimal, campaignId: id(4) }, '/campaignId'],
    ['duplicate tag', { ...minimal, tags: ['互联网+执法', '互联网+执法'] }, '/tags/1'],
    ['claimedPublishedAt before the action date', { ...minimal, claimedPublishedAt: '2024-03-14T23:59:59+08:00' }, '/claimedPublishedAt'],
  ] as [string, unknown, string][])('%s', (_name, input, pointer) => {
    expect(pointers(input)).toEqual([pointer]);
  });

  it('says where 行政许可 and 行政处罚 are published', () => {
    const r = EnforcementActionCreate.safeParse({ ...minimal, actionType: '02' });
    expect(r.error?.issues[0]?.message).toMatch(/01 行政许可 and 02 行政处罚 are published as licences and penalties/);
  });

  it('refuses server-filled fields', () => {
    for (const field of ['agency', 'agencyCreditCode', 'status']) {
      expect(pointers({ ...minimal, [field]: 'x' })).toEqual([`/${field}`]);
    }
  });
});

describe('EnforcementActionPatch', () => {
  it.each([
    ['empty', {}],
    ['a partial target', { target: { name: '示例市某某餐饮有限公司（更名）' } }],
    ['null removes optional fields', { facts: null, documentNumber: null, remarks: null, joint: null, campaignId: null, target: { creditCode: null } }],
    ['no cross-field rules (re-checked on the merged record)', { tags: ['专项整治'], target: { category: '02' } }],
  ])('accepts %s', (_name, input) => {
    const r = EnforcementActionPatch.safeParse(input);
    expect(r.success ? [] : r.error.issues).toEqual([]);
  });

  it.each([
    ['an ID number on the target', { target: { idNumber: ADULT_ID } }, '/target/idNumber'],
    ['行政处罚', { actionType: '02' }, '/actionType'],
    ['the agency cannot change', { agencyId: id(1) }, '/agencyId'],
    ['null on a required field', { conclusion: null }, '/conclusion'],
    ['unknown field', { foo: 1 }, '/foo'],
  ] as [string, unknown, string][])('refuses %s', (_name, input, pointer) => {
    expect(pointersOf(EnforcementActionPatch, input)).toEqual([pointer]);
  });
});

describe('EnforcementAction (response)', () => {
  it('parses a published action', () => {
    const record = {
      id: id(10),
      version: 2,
      createdAt: '2024-03-16T01:00:00Z',
      updatedAt: '2024-03-18T01:00:00Z',
      status: 'published',
      actionType: '06',
      actionTypeName: '行政检查',
      target: { name: '王五', category: '02', creditCode: null },
      actionDate: '2024-03-15',
      conclusion: minimal.conclusion,
      facts: null,
      documentNumber: null,
      agencyId: id(1),
      agency: '示例市市场监督管理局',
      agencyCreditCode: AGENCY_CODE,
      remarks: null,
      citations: [],
      tags: ['专项整治'],
      joint: null,
      campaignId: id(4),
      timeliness: {
        dueDate: '2024-04-15', publishedAt: '2024-03-16T01:00:00Z', claimedPublishedAt: null, basis: 'server', late: false, workingDaysLate: 0, calendarProvisional: false,
      },
    };
    const r = EnforcementAction.safeParse(record);
    expect(r.success ? [] : r.error.issues).toEqual([]);
  });
});


describe('JSON Schema titles', () => {
  it.each([
    ['EnforcementActionCreate', EnforcementActionCreate, 'input'],
    ['EnforcementAction', EnforcementAction, 'output'],
    ['EnforcementActionPatch', EnforcementActionPatch, 'input'],
  ] as const)('%s: every property has a Chinese title', (name, schema, io) => {
    const json = z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any' }) as JsonNode;
    expect(untitled(json)).toEqual([]);
    expect(Object.keys(topProperties(json, name)).length).toBeGreaterThan(10);
  });

  it('lists only the other 职权类型 codes and has no ID-number slot on the target', () => {
    const json = z.toJSONSchema(EnforcementActionCreate, { io: 'input', unrepresentable: 'any' }) as JsonNode;
    const props = topProperties(json, 'EnforcementActionCreate');
    expect(props.actionType!.enum).toEqual(['03', '04', '05', '06', '07', '08', '09', '10']);
    const targetProps = topProperties(json, 'EnforcementTarget');
    expect(Object.keys(targetProps)).toEqual(['name', 'category', 'creditCode']);
  });
});
