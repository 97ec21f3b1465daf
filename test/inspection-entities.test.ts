import { describe, expect, it } from 'vitest';
import { inspectionEntities } from '../src/db/schema.js';
import { uniqueCreditCode, useTestApp } from './support/app.js';
import { ID_EVASIONS, MOBILE_EVASIONS, freshAdultId, freshMobile, rawNumbersIn } from './support/evasions.js';
import { created, expectRefused, ifMatch, listedIds, sorted, tableState, validEntity } from './support/inspections.js';
import { personalDataMessages } from '../src/lib/personal-data-scan.js';

const t = useTestApp();
const CODE_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';

const createEntity = (agencyId: string, fields: Record<string, unknown> = {}) => created(t, '/v1/inspection-entities', validEntity({ agencyId, ...fields }));
const postEntity = (agencyId: string, fields: Record<string, unknown>) => () => t.post('/v1/inspection-entities', validEntity({ agencyId, ...fields }));

/** A code like a valid one whose last (check) character is wrong. */
function wrongCheckCharacter(): string {
  const code = uniqueCreditCode();
  return code.slice(0, 17) + CODE_CHARS[(CODE_CHARS.indexOf(code[17]!) + 1) % CODE_CHARS.length];
}

describe('the identity of a directory entry', () => {
  it('is a 统一社会信用代码 or a 15-digit 注册号 for a market entity; other objects need neither', async () => {
    const agency = await t.createAgency();
    await expectRefused(t, inspectionEntities, postEntity(agency.id, { creditCode: undefined }), 400, ['/creditCode']);
    const old = await createEntity(agency.id, { creditCode: undefined, registrationNo: '440100000012345' });
    expect(old).toMatchObject({ creditCode: null, registrationNo: '440100000012345' });
    const product = await createEntity(agency.id, { creditCode: undefined, objectType: 'product', name: '散装食用油' });
    expect(product).toMatchObject({ creditCode: null, registrationNo: null, objectType: 'product' });
  });

  it('answers 422 naming /creditCode when a patch removes the only code of a market entity', async () => {
    const agency = await t.createAgency();
    const entity = await createEntity(agency.id);
    await expectRefused(t, inspectionEntities, () => t.patch(`/v1/inspection-entities/${entity.id}`, { creditCode: null }, ifMatch('"v1"')), 422, ['/creditCode']);
  });

  it.each([
    ['a 统一社会信用代码 with a wrong check character', { creditCode: wrongCheckCharacter() }, ['/creditCode']],
    ['a 统一社会信用代码 of 17 characters', { creditCode: uniqueCreditCode().slice(0, 17) }, ['/creditCode']],
    ['a 注册号 of 14 digits', { registrationNo: '44010000001234' }, ['/registrationNo']],
    ['a 注册号 of 16 digits', { registrationNo: '4401000000123456' }, ['/registrationNo']],
    ['a 注册号 with a letter', { registrationNo: '44010000001234A' }, ['/registrationNo']],
    ['an industry code that is not GB/T 4754', { industryCode: 'F52111' }, ['/industryCode']],
    ['an unknown risk class', { riskClass: 'E' }, ['/riskClass']],
    ['a region code of 4 digits', { regionCode: '4401' }, ['/regionCode']],
  ])('answers 400 for %s, naming the field, and writes nothing', async (_what, fields, expected) => {
    const agency = await t.createAgency();
    await expectRefused(t, inspectionEntities, postEntity(agency.id, fields), 400, expected);
  });
});

describe('personal data in a directory entry', () => {
  it.each(['contactPerson', 'contactPhone', 'phone', 'mobile', 'legalRepresentative', 'idNumber', 'email'])('refuses the unknown field %s with a 400 naming it', async (field) => {
    const agency = await t.createAgency();
    await expectRefused(t, inspectionEntities, postEntity(agency.id, { [field]: '张三' }), 400, [`/${field}`]);
  });

  const fields: [string, string, (value: string) => Record<string, unknown>][] = [
    ['name', '/name', (v) => ({ name: `某某食品店${v}` })],
    ['address', '/address', (v) => ({ address: `示例路1号${v}` })],
    ['entityKind', '/entityKind', (v) => ({ entityKind: v })],
    ['tags', '/tags/1', (v) => ({ tags: ['食品经营', v] })],
  ];
  const kinds = [
    ['身份证 number', ID_EVASIONS, freshAdultId, personalDataMessages['resident-id']],
    ['mobile number', MOBILE_EVASIONS, freshMobile, personalDataMessages['mobile-phone']],
  ] as const;

  // Some spellings also break other rules of the field (a zero-width character, the length of a tag): the
  // field is then named more than once, but always also for the number itself.
  describe.each(kinds)('a %s', (_kind, evasions, fresh, message) => {
    it.each(fields)('in %s, however written, is a 400 naming the field that never echoes it, and nothing is written', async (_field, pointer, fieldsWith) => {
      const agency = await t.createAgency();
      const before = await tableState(t, inspectionEntities);
      expect(evasions.length).toBeGreaterThan(5);
      for (const evasion of evasions) {
        const number = fresh();
        const res = await t.post('/v1/inspection-entities', validEntity({ agencyId: agency.id, ...fieldsWith(evasion.write(number)) }));
        expect(res.status, `${evasion.name}: ${JSON.stringify(res.body)}`).toBe(400);
        const errors: { in: string; pointer: string; detail: string }[] = res.body.errors;
        expect(new Set(errors.map((e) => `${e.in} ${e.pointer}`)), evasion.name).toEqual(new Set([`body ${pointer}`]));
        expect(errors.map((e) => e.detail), evasion.name).toContain(message);
        expect(rawNumbersIn(JSON.stringify(res.body), [number]), evasion.name).toEqual([]);
      }
      expect(await tableState(t, inspectionEntities)).toEqual(before);
    });
  });

  it('is refused in a patch too, keeping version 1', async () => {
    const agency = await t.createAgency();
    const entity = await createEntity(agency.id);
    await expectRefused(t, inspectionEntities, () => t.patch(`/v1/inspection-entities/${entity.id}`, { address: `示例路2号 ${freshMobile()}` }, ifMatch('"v1"')), 400, ['/address']);
    await expectRefused(t, inspectionEntities, () => t.patch(`/v1/inspection-entities/${entity.id}`, { contactPhone: '020-12345678' }, ifMatch('"v1"')), 400, ['/contactPhone']);
  });
});

describe('one active entry per code and agency', () => {
  it('answers 409 naming /creditCode for a second active entry, allows it in another agency, and again once the first is removed', async () => {
    const [agency, other] = [await t.createAgency(), await t.createAgency()];
    const first = await createEntity(agency.id);
    await expectRefused(t, inspectionEntities, postEntity(agency.id, { creditCode: first.creditCode, name: '同一企业' }), 409, ['/creditCode']);
    await createEntity(other.id, { creditCode: first.creditCode });
    const removed = await t.patch(`/v1/inspection-entities/${first.id}`, { status: 'removed' }, ifMatch('"v1"'));
    expect(removed.body).toMatchObject({ version: 2, status: 'removed' });
    const again = await createEntity(agency.id, { creditCode: first.creditCode });
    expect(again.id).not.toBe(first.id);
    await expectRefused(t, inspectionEntities, () => t.patch(`/v1/inspection-entities/${first.id}`, { status: 'active' }, ifMatch('"v2"')), 409, ['/creditCode']);
  });

  it('holds for a 注册号 too, and the 409 names /registrationNo', async () => {
    const agency = await t.createAgency();
    const registrationNo = `4401${String(Date.now()).slice(-11)}`;
    await createEntity(agency.id, { creditCode: undefined, registrationNo });
    await expectRefused(t, inspectionEntities, postEntity(agency.id, { creditCode: undefined, registrationNo }), 409, ['/registrationNo']);
    await expectRefused(t, inspectionEntities, postEntity(agency.id, { registrationNo }), 409, ['/registrationNo']);
  });
});

describe('GET /v1/inspection-entities', () => {
  it('filters by region and industry prefixes, risk class, tag, credit code and status', async () => {
    const agency = await t.createAgency();
    const a = await createEntity(agency.id, { regionCode: '440103', industryCode: 'F5211', riskClass: 'A', tags: ['食品经营', '连锁'] });
    const b = await createEntity(agency.id, { regionCode: '440304', industryCode: 'F5123', riskClass: 'D', tags: ['食品经营'] });
    const c = await createEntity(agency.id, { regionCode: '450102', industryCode: 'C1391', riskClass: undefined, tags: [] });
    const ids = (query: string) => listedIds(t, `/v1/inspection-entities?agencyId=${agency.id}&${query}`).then(sorted);
    expect(await ids('regionCode=440000')).toEqual(sorted([a.id, b.id]));
    expect(await ids('regionCode=440100')).toEqual([a.id]);
    expect(await ids('regionCode=440103')).toEqual([a.id]);
    expect(await ids('regionCode=450000')).toEqual([c.id]);
    expect(await ids('industryCode=F')).toEqual(sorted([a.id, b.id]));
    expect(await ids('industryCode=F52')).toEqual([a.id]);
    expect(await ids('industryCode=F5211')).toEqual([a.id]);
    expect(await ids('industryCode=G')).toEqual([]);
    expect(await ids('riskClass=D')).toEqual([b.id]);
    expect(await ids('tag=%E8%BF%9E%E9%94%81')).toEqual([a.id]);
    expect(await ids(`creditCode=${b.creditCode}`)).toEqual([b.id]);
    await t.patch(`/v1/inspection-entities/${c.id}`, { status: 'removed' }, ifMatch('"v1"'));
    expect(await ids('status=removed')).toEqual([c.id]);
    expect(await ids('status=active')).toEqual(sorted([a.id, b.id]));
  });

  it('finds entries by words of their name and address', async () => {
    const agency = await t.createAgency();
    const bakery = await createEntity(agency.id, { name: '示例市麦香烘焙有限公司', address: '示例市滨江路88号' });
    const other = await createEntity(agency.id);
    const q = (words: string) => listedIds(t, `/v1/inspection-entities?agencyId=${agency.id}&q=${encodeURIComponent(words)}`);
    expect(await q('麦香烘焙')).toEqual([bakery.id]);
    expect(await q('滨江路')).toEqual([bakery.id]);
    expect(await q(other.creditCode)).toEqual([other.id]);
  });
});

describe('the risk class', () => {
  it('is published with its name, which follows a patch: a name sent back is ignored, a mistyped one refused', async () => {
    const agency = await t.createAgency();
    const entity = await createEntity(agency.id, { riskClass: 'B' });
    expect(entity).toMatchObject({ riskClass: 'B', riskClassName: '信用风险一般' });
    const raised = await t.patch(`/v1/inspection-entities/${entity.id}`, { riskClass: 'D' }, ifMatch('"v1"'));
    expect(raised.body).toMatchObject({ version: 2, riskClass: 'D', riskClassName: '信用风险高' });
    const cleared = await t.patch(`/v1/inspection-entities/${entity.id}`, { riskClass: null }, ifMatch('"v2"'));
    expect(cleared.body).toMatchObject({ version: 3, riskClass: null, riskClassName: null });
    const named = await t.patch(`/v1/inspection-entities/${entity.id}`, { riskClassName: '信用风险低' }, ifMatch('"v3"'));
    expect(named.status, JSON.stringify(named.body)).toBe(200);
    expect(named.body).toMatchObject({ version: 3, riskClass: null, riskClassName: null });
    await expectRefused(t, inspectionEntities, () => t.patch(`/v1/inspection-entities/${entity.id}`, { riskClassName: 7 }, ifMatch('"v3"')), 400, ['/riskClassName']);
  });
});
