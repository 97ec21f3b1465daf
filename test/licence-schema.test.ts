import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fieldErrorsFromZod } from '../src/errors.js';
import { completeCreditCode } from '../src/lib/credit-code.js';
import { completeResidentId } from '../src/lib/resident-id.js';
import { Licence, LicenceCreate, LicencePatch } from '../src/schemas/licences.js';
import { untitled, topProperties, type JsonNode } from './support/schema-titles.js';

const COMPANY_CODE = completeCreditCode('9144010177889900');
const AGENCY_CODE = completeCreditCode('1144010012345678');
const ADULT_ID = completeResidentId('11010519900307002');
const id = (n: number) => `0193a1b2-7c4d-7e5f-8a9b-0c1d2e3f4a${String(n).padStart(2, '0')}`;

const company = { name: '示例市某某贸易有限公司', category: '01', creditCode: COMPANY_CODE, legalRepresentative: '张三' };
const minimal = {
  party: company,
  documentTitle: '示例市市场监督管理局关于示例市某某贸易有限公司食品经营许可的决定',
  decisionNumber: '示市监许〔2024〕35号',
  category: '01',
  content: '准予食品经营许可，经营项目：预包装食品销售。',
  decisionDate: '2024-03-15',
  validFrom: '2024-03-15',
  validTo: '2029-03-14',
};
const full = {
  ...minimal,
  party: { name: '王五', category: '02', idType: '01', idNumber: ADULT_ID },
  category: '06',
  categoryDetail: '备案',
  certificateName: '食品经营许可证',
  licenceNumber: 'JY14401010000001',
  validFrom: '2024-01-01',
  state: 'invalid',
  agencyId: id(1),
  citations: [{ legalBasisId: id(2), articleNo: '39' }],
  remarks: '换证',
  tags: ['联合执法', '专项整治', '互联网+执法'],
  joint: { reference: '示例市联合执法〔2024〕3号', agencyIds: [id(1), id(3)] },
  campaignId: id(4),
  claimedPublishedAt: '2024-03-14T17:00:00Z',
};

function pointersOf(schema: z.ZodType, input: unknown): string[] {
  const r = schema.safeParse(input);
  return r.success ? [] : fieldErrorsFromZod(r.error.issues, 'body').map((e) => e.pointer);
}
const pointers = (input: unknown) => pointersOf(LicenceCreate, input);

describe('LicenceCreate: valid decisions', () => {
  it.each([
    ['minimal 法人', minimal],
    ['full 自然人 with 其他, every optional field, joint and campaign', full],
    ['validTo on the decision date', { ...minimal, validTo: '2024-03-15' }],
    ['validFrom before the decision date (not required to follow it)', { ...minimal, validFrom: '2023-12-01' }],
    ['claimedPublishedAt on the decision day in Beijing time', { ...minimal, claimedPublishedAt: '2024-03-14T16:00:00Z' }],
  ])('%s', (_name, input) => {
    const r = LicenceCreate.safeParse(input);
    expect(r.success ? [] : r.error.issues).toEqual([]);
  });

  it('leaves state absent when omitted (the domain stores valid)', () => {
    expect(LicenceCreate.parse(minimal).state).toBeUndefined();
    expect(LicenceCreate.parse(full).state).toBe('invalid');
  });
});

describe('LicenceCreate: each rule fails at its exact pointer', () => {
  it.each([
    ['其他 without categoryDetail', { ...full, categoryDetail: undefined }, '/categoryDetail'],
    ['categoryDetail with 普通', { ...minimal, categoryDetail: '备案' }, '/categoryDetail'],
    ['unknown 许可类别', { ...minimal, category: '07' }, '/category'],
    ['validTo before validFrom', { ...minimal, validFrom: '2024-04-01', validTo: '2024-03-31' }, '/validTo'],
    ['validTo before validFrom and the decision date: one issue', { ...minimal, validTo: '2024-03-01' }, '/validTo'],
    ['validTo before the decision date, after validFrom', { ...minimal, validFrom: '2024-01-01', validTo: '2024-02-01' }, '/validTo'],
    ['impossible date', { ...minimal, decisionDate: '2024-02-30' }, '/decisionDate'],
    ['unknown state', { ...minimal, state: 'active' }, '/state'],
    ['empty document title', { ...minimal, documentTitle: '  ' }, '/documentTitle'],
    ['decision number over 128', { ...minimal, decisionNumber: '号'.repeat(129) }, '/decisionNumber'],
    ['categoryDetail over 50', { ...full, categoryDetail: '类'.repeat(51) }, '/categoryDetail'],
    ['licence number over 100', { ...minimal, licenceNumber: '1'.repeat(101) }, '/licenceNumber'],
    ['联合执法 without joint', { ...minimal, tags: ['联合执法'] }, '/joint'],
    ['joint without 联合执法', { ...minimal, joint: full.joint }, '/joint'],
    ['专项整治 without campaignId', { ...minimal, tags: ['专项整治'] }, '/campaignId'],
    ['campaignId without 专项整治', { ...minimal, campaignId: id(4) }, '/campaignId'],
    ['duplicate tag', { ...minimal, tags: ['反垄断', '反垄断'] }, '/tags/1'],
    ['claimedPublishedAt before the decision date (Beijing)', { ...minimal, claimedPublishedAt: '2024-03-14T15:59:59Z' }, '/claimedPublishedAt'],
    ['party rules apply: 法人 with a bad check character', { ...minimal, party: { ...company, creditCode: COMPANY_CODE.slice(0, 17) + (COMPANY_CODE[17] === '1' ? '2' : '1') } }, '/party/creditCode'],
    ['party rules apply: 自然人 without 证件', { ...full, party: { name: '王五', category: '02' } }, ['/party/idType', '/party/idNumber']],
  ] as [string, unknown, string | string[]][])('%s', (_name, input, pointer) => {
    expect(pointers(input)).toEqual([pointer].flat());
  });
});

describe('LicenceCreate: strict', () => {
  it('refuses server-filled fields and unknown party fields by name', () => {
    for (const field of ['licensingAgency', 'licensingAgencyCreditCode', 'dataSource', 'dataSourceCreditCode', 'status']) {
      expect(pointers({ ...minimal, [field]: 'x' })).toEqual([`/${field}`]);
    }
    expect(pointers({ ...minimal, party: { ...company, phone: '13800000000' } })).toEqual(['/party/phone']);
  });
});

describe('LicencePatch', () => {
  it.each([
    ['empty', {}],
    ['a partial party', { party: { name: '示例市某某贸易有限公司（更名）' } }],
    ['null removes optional fields', { certificateName: null, licenceNumber: null, categoryDetail: null, remarks: null, joint: null, campaignId: null, party: { orgCode: null } }],
    ['no cross-field rules (re-checked on the merged record)', { category: '06', validTo: '2000-01-01', tags: ['联合执法'] }],
    ['state', { state: 'invalid' }],
  ])('accepts %s', (_name, input) => {
    const r = LicencePatch.safeParse(input);
    expect(r.success ? [] : r.error.issues).toEqual([]);
  });

  it.each([
    ['unknown field', { foo: 1 }, '/foo'],
    ['unknown party field', { party: { homeAddress: '某路1号' } }, '/party/homeAddress'],
    ['the agency cannot change', { agencyId: id(1) }, '/agencyId'],
    ['null on a required field', { decisionNumber: null }, '/decisionNumber'],
    ['null on a required party field', { party: { name: null } }, '/party/name'],
    ['null state', { state: null }, '/state'],
    ['field rules still apply', { category: '07' }, '/category'],
  ] as [string, unknown, string][])('refuses %s', (_name, input, pointer) => {
    expect(pointersOf(LicencePatch, input)).toEqual([pointer]);
  });
});

describe('Licence (response)', () => {
  it('parses a published licence', () => {
    const record = {
      id: id(10),
      version: 1,
      createdAt: '2024-03-16T01:00:00Z',
      updatedAt: '2024-03-16T01:00:00Z',
      status: 'published',
      party: {
        name: '王五', category: '02', creditCode: null, registrationNumber: null, orgCode: null, taxNumber: null, institutionCertificate: null,
        socialOrgCertificate: null, legalRepresentative: null, legalRepresentativeIdType: null, legalRepresentativeIdNumber: null, idType: '01', idNumber: '110105********002X',
      },
      documentTitle: minimal.documentTitle,
      decisionNumber: minimal.decisionNumber,
      category: '01',
      categoryDetail: null,
      certificateName: null,
      licenceNumber: null,
      content: minimal.content,
      decisionDate: '2024-03-15',
      validFrom: '2024-03-15',
      validTo: '2029-03-14',
      licensingAgencyId: id(1),
      licensingAgency: '示例市市场监督管理局',
      licensingAgencyCreditCode: AGENCY_CODE,
      state: 'valid',
      dataSource: '示例市市场监督管理局',
      dataSourceCreditCode: AGENCY_CODE,
      approvalItemId: null,
      remarks: null,
      citations: [],
      tags: [],
      joint: null,
      campaignId: null,
      timeliness: {
        dueDate: '2024-03-26', publishedAt: '2024-03-16T01:00:00Z', claimedPublishedAt: null, basis: 'server', late: false, workingDaysLate: 0, calendarProvisional: false,
      },
    };
    const r = Licence.safeParse(record);
    expect(r.success ? [] : r.error.issues).toEqual([]);
  });
});


describe('JSON Schema titles', () => {
  it.each([
    ['LicenceCreate', LicenceCreate, 'input'],
    ['Licence', Licence, 'output'],
    ['LicencePatch', LicencePatch, 'input'],
  ] as const)('%s: every property has a Chinese title', (name, schema, io) => {
    const json = z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any' }) as JsonNode;
    expect(untitled(json)).toEqual([]);
    expect(Object.keys(topProperties(json, name)).length).toBeGreaterThan(12);
  });

  it('starts each national field description with its column code, in national order', () => {
    const props = topProperties(z.toJSONSchema(LicenceCreate, { io: 'input', unrepresentable: 'any' }) as JsonNode, 'LicenceCreate');
    const national = ['documentTitle', 'decisionNumber', 'category', 'categoryDetail', 'certificateName', 'licenceNumber', 'content', 'decisionDate', 'validFrom', 'validTo', 'state'];
    const codes = national.map((n) => /^(XK_[A-Z]+)\b/.exec(String(props[n]!.description))?.[1]);
    expect(codes).toEqual(['XK_XKWS', 'XK_WSH', 'XK_XKLB', 'XK_XKLB', 'XK_XKZS', 'XK_XKBH', 'XK_NR', 'XK_JDRQ', 'XK_YXQZ', 'XK_YXQZI', 'XK_ZT']);
    expect(Object.keys(props).slice(0, national.length + 1)).toEqual(['party', ...national]);
    expect(String(props.remarks!.description)).toMatch(/^BZ\b/);
  });

  it('names the response columns 许可机关 and 数据来源单位', () => {
    const props = topProperties(z.toJSONSchema(Licence, { unrepresentable: 'any' }) as JsonNode, 'Licence');
    expect(props.licensingAgency!.title).toBe('许可机关');
    expect(String(props.licensingAgencyCreditCode!.description)).toMatch(/^XK_XKJGDM\b/);
    expect(String(props.dataSource!.description)).toMatch(/^XK_SJLY\b/);
    expect(String(props.dataSourceCreditCode!.description)).toMatch(/^XK_SJLYDM\b/);
  });
});
