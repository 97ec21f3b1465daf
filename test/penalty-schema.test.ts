import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fieldErrorsFromZod } from '../src/errors.js';
import { completeCreditCode } from '../src/lib/credit-code.js';
import { INDIVIDUAL_BUSINESS_PLACEHOLDER, completeRegistrationNumber } from '../src/lib/party-codes.js';
import { completeResidentId } from '../src/lib/resident-id.js';
import { Penalty, PenaltyCreate } from '../src/schemas/penalties.js';
import { PenaltyParty } from '../src/schemas/penalty-party.js';
import { untitled, type JsonNode } from './support/schema-titles.js';

const COMPANY_CODE = completeCreditCode('9144010177889900');
const REG_NO = completeRegistrationNumber('44010100000001');
const ADULT_ID = completeResidentId('11010519900307002');

const company = { name: '示例市某某贸易有限公司', category: '01', creditCode: COMPANY_CODE, legalRepresentative: '张三' };
const decision = {
  decisionNumber: '示市监处罚〔2024〕12号',
  violationType: '销售不符合食品安全标准的食品',
  facts: '当事人于2024年1月销售超过保质期的食品。',
  basis: '《中华人民共和国食品安全法》第一百二十四条',
  content: '罚款人民币2000元。',
  decisionDate: '2024-03-15',
  validUntil: '2025-03-15',
};
const fine = { party: company, ...decision, penaltyTypes: ['02'], fineAmount: '2000' };
const individualBusiness = {
  party: { name: '某某小吃店', category: '03', creditCode: INDIVIDUAL_BUSINESS_PLACEHOLDER, registrationNumber: REG_NO, legalRepresentative: '李四' },
  ...decision,
  penaltyTypes: ['01'],
};
const person = {
  party: { name: '王五', category: '02', idType: '01', idNumber: ADULT_ID },
  ...decision,
  penaltyTypes: ['01', '03', '11'],
  confiscationAmount: '350.5',
  licenceRevoked: '食品经营许可证 JY14401010000001',
  tags: ['专项整治'],
  campaignId: '0193a1b2-7c4d-7e5f-8a9b-0c1d2e3f4a5b',
};

/** The pointers of a failed parse, as the error handler would publish them. */
function pointers(input: unknown): string[] {
  const r = PenaltyCreate.safeParse(input);
  return r.success ? [] : fieldErrorsFromZod(r.error.issues, 'body').map((e) => e.pointer);
}

describe('PenaltyCreate: valid decisions', () => {
  it.each([
    ['法人 with a fine', fine],
    ['个体工商户 with the placeholder and a 工商注册号', individualBusiness],
    ['自然人 with a checked 身份证, confiscation and a suspended licence', person],
    ['自然人 with a passport', { ...person, party: { name: 'John Doe', category: '02', idType: '02', idNumber: 'E12345678' } }],
    ['自然人 with 其他-军官证', { ...person, party: { name: '赵六', category: '02', idType: '其他-军官证', idNumber: '军字第123456号' } }],
    ['法人 with every identifier slot', { ...fine, party: { ...company, orgCode: COMPANY_CODE.slice(8, 17), taxNumber: COMPANY_CODE, legalRepresentativeIdType: '01', legalRepresentativeIdNumber: ADULT_ID } }],
    ['publicity end date on the decision date', { ...fine, publicityEndDate: '2024-03-15' }],
  ])('%s', (_name, input) => {
    const r = PenaltyCreate.safeParse(input);
    expect(r.success ? [] : r.error.issues).toEqual([]);
  });

  it('canonicalizes yuan amounts', () => {
    expect(PenaltyCreate.parse(fine).fineAmount).toBe('2000.00');
    expect(PenaltyCreate.parse(person).confiscationAmount).toBe('350.50');
  });
});

describe('PenaltyCreate: each rule fails at its exact pointer', () => {
  const p = (party: object) => ({ ...fine, party: { ...company, ...party } });
  const np = (party: object) => ({ ...person, party: { ...person.party, ...party } });
  it.each([
    ['fine type without amount', { ...fine, fineAmount: undefined }, '/fineAmount'],
    ['amount without fine type', { ...fine, penaltyTypes: ['01'] }, '/fineAmount'],
    ['zero fine', { ...fine, fineAmount: '0.00' }, '/fineAmount'],
    ['negative fine', { ...fine, fineAmount: '-5' }, '/fineAmount'],
    ['three decimals', { ...fine, fineAmount: '20.005' }, '/fineAmount'],
    ['a float, not a string', { ...fine, fineAmount: 2000 }, '/fineAmount'],
    ['confiscation type without amount', { ...person, confiscationAmount: undefined }, '/confiscationAmount'],
    ['confiscation amount without type', { ...fine, confiscationAmount: '10' }, '/confiscationAmount'],
    ['licence type without licence', { ...person, licenceRevoked: undefined }, '/licenceRevoked'],
    ['licence without licence type', { ...fine, licenceRevoked: '许可证 1' }, '/licenceRevoked'],
    ['降低资质等级 without licence', { ...fine, penaltyTypes: ['02', '10'] }, '/licenceRevoked'],
    ['unknown penalty type', { ...fine, penaltyTypes: ['02', '15'] }, '/penaltyTypes/1'],
    ['duplicate penalty type', { ...fine, penaltyTypes: ['02', '02'] }, '/penaltyTypes/1'],
    ['no penalty type', { ...fine, penaltyTypes: [], fineAmount: undefined }, '/penaltyTypes'],
    ['validity before decision', { ...fine, validUntil: '2024-03-14' }, '/validUntil'],
    ['publicity end before decision', { ...fine, publicityEndDate: '2024-01-01' }, '/publicityEndDate'],
    ['impossible date', { ...fine, decisionDate: '2024-02-30' }, '/decisionDate'],
    ['empty decision number', { ...fine, decisionNumber: '  ' }, '/decisionNumber'],
    ['duplicate tag', { ...fine, tags: ['反垄断', '反垄断'] }, '/tags/1'],
    ['法人 without credit code', p({ creditCode: undefined }), '/party/creditCode'],
    ['法人 with a bad check character', p({ creditCode: COMPANY_CODE.slice(0, 17) + (COMPANY_CODE[17] === '1' ? '2' : '1') }), '/party/creditCode'],
    ['法人 with the placeholder', p({ creditCode: INDIVIDUAL_BUSINESS_PLACEHOLDER }), '/party/creditCode'],
    ['法人 without legal representative', p({ legalRepresentative: undefined }), '/party/legalRepresentative'],
    ['法人 with a person ID slot', p({ idType: '01', idNumber: ADULT_ID }), ['/party/idType', '/party/idNumber']],
    ['bad org code check', p({ orgCode: COMPANY_CODE.slice(8, 16) + (COMPANY_CODE[16] === '1' ? '2' : '1') }), '/party/orgCode'],
    ['org code of 10 chars', p({ orgCode: '1234567890' }), '/party/orgCode'],
    ['representative ID number without type', p({ legalRepresentativeIdNumber: ADULT_ID }), '/party/legalRepresentativeIdType'],
    ['representative 身份证 with bad check', p({ legalRepresentativeIdType: '01', legalRepresentativeIdNumber: ADULT_ID.slice(0, 17) + (ADULT_ID[17] === '1' ? '2' : '1') }), '/party/legalRepresentativeIdNumber'],
    ['个体工商户 placeholder without 工商注册号', { ...individualBusiness, party: { ...individualBusiness.party, registrationNumber: undefined } }, '/party/registrationNumber'],
    ['个体工商户 with a bad 工商注册号', { ...individualBusiness, party: { ...individualBusiness.party, registrationNumber: '440101000000010' } }, '/party/registrationNumber'],
    ['个体工商户 without any code', { ...individualBusiness, party: { ...individualBusiness.party, creditCode: undefined } }, '/party/creditCode'],
    ['自然人 without 证件类型', np({ idType: undefined }), '/party/idType'],
    ['自然人 without any document', np({ idType: undefined, idNumber: undefined }), ['/party/idType', '/party/idNumber']],
    ['自然人 without 证件号码', np({ idNumber: undefined }), '/party/idNumber'],
    ['自然人 身份证 with bad check', np({ idNumber: ADULT_ID.slice(0, 17) + (ADULT_ID[17] === '1' ? '2' : '1') }), '/party/idNumber'],
    ['自然人 15-digit 身份证', np({ idNumber: '110105900307002' }), '/party/idNumber'],
    ['自然人 with a legal representative', np({ legalRepresentative: '某某' }), '/party/legalRepresentative'],
    ['other document over 64 chars', np({ idType: '02', idNumber: 'E'.repeat(65) }), '/party/idNumber'],
    ['bare 其他 without a name', np({ idType: '其他-' }), '/party/idType'],
    ['code 99 instead of 其他-<name>', np({ idType: '99' }), '/party/idType'],
    ['unknown category', p({ category: '04' }), '/party/category'],
  ] as [string, unknown, string | string[]][])('%s', (_name, input, pointer) => {
    expect(pointers(input)).toEqual([pointer].flat());
  });
});

describe('strict objects', () => {
  it('names each unknown personal-data field', () => {
    expect(pointers({ ...fine, party: { ...company, homeAddress: '某路1号', phone: '13800000000' }, bankAccount: '6222' })).toEqual(
      expect.arrayContaining(['/party/homeAddress', '/party/phone', '/bankAccount']),
    );
  });

  it('does not let the client set server-filled fields', () => {
    for (const field of ['decidingAgency', 'decidingAgencyCreditCode', 'dataSource', 'dataSourceCreditCode']) {
      expect(pointers({ ...fine, [field]: 'x' })).toEqual([`/${field}`]);
    }
  });

  it('PenaltyParty alone is strict too', () => {
    expect(PenaltyParty.safeParse({ ...company, otherPersonName: '某某' }).success).toBe(false);
  });
});


describe('JSON Schema titles', () => {
  it.each([
    ['PenaltyCreate', PenaltyCreate, 'input'],
    ['Penalty', Penalty, 'output'],
  ] as const)('%s: every property has a Chinese title', (_name, schema, io) => {
    const json = z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any' }) as JsonNode;
    expect(untitled(json)).toEqual([]);
    expect(Object.keys((json.properties ?? (json.$defs as Record<string, JsonNode>)?.[_name]?.properties) as JsonNode).length).toBeGreaterThan(15);
  });

  it('names the national column code in each decision field description', () => {
    const json = z.toJSONSchema(PenaltyCreate, { io: 'input', unrepresentable: 'any' }) as JsonNode;
    const props = (json.$defs as Record<string, JsonNode>).PenaltyCreate!.properties as Record<string, JsonNode>;
    for (const name of ['decisionNumber', 'fineAmount', 'decisionDate', 'validUntil', 'publicityEndDate', 'remarks']) {
      expect(String(props[name]!.description)).toMatch(/^(CF_[A-Z_]+|BZ)\b/);
    }
  });
});
