import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_MASKING_RULE, maskId } from '../src/lib/masking.js';
import { findPersonalData, maskResidentIdsIn, personalDataIn } from '../src/lib/personal-data-scan.js';
import { ID_EVASIONS, MOBILE_EVASIONS } from './support/evasions.js';
import { completeResidentId } from '../src/lib/resident-id.js';
import { admin, useTestApp } from './support/app.js';
import { validPenalty } from './support/penalties.js';

const ID = completeResidentId('44010619850412003');
const BAD_CHECK = ID.slice(0, 17) + (ID[17] === '1' ? '2' : '1');

describe('personal data in free text', () => {
  it.each([
    [`当事人张某（身份证号${ID}）销售过期食品`, ['resident-id']],
    [`身份证号：${ID.slice(0, 17)}${ID[17]!.toLowerCase()}。`, ID.endsWith('X') ? ['resident-id'] : ['resident-id']],
    [`联系电话13912345678`, ['mobile-phone']],
    [`联系电话 +86 139-1234-5678。`, ['mobile-phone']],
    [`身份证${ID}，电话13912345678`, ['resident-id', 'mobile-phone']],
    [`号码${BAD_CHECK}校验位不符`, []],
    [`订单号9${ID}1`, ["resident-id"]], // glued to other digits it is still readable
    [`脱敏后为${ID.slice(0, 6)}********${ID.slice(-4)}`, []],
    ['办公电话020-12345678，罚款2000元，2026年', []],
    ['编号139123456789012', []],
  ])('%s', (text, kinds) => {
    expect(personalDataIn(text)).toEqual(kinds);
  });
});

describe('numbers written to slip past a scanner', () => {
  const validId = fc
    .tuple(fc.constantFrom('110105', '440106', '310104', '650102', '820000'), fc.date({ min: new Date('1900-01-01'), max: new Date('2026-11-27'), noInvalidDate: true }), fc.integer({ min: 0, max: 999 }))
    .map(([area, birth, seq]) => completeResidentId(area + birth.toISOString().slice(0, 10).replaceAll('-', '') + String(seq).padStart(3, '0')));
  const mobile = fc.tuple(fc.integer({ min: 3, max: 9 }), fc.integer({ min: 0, max: 999_999_999 })).map(([b, rest]) => `1${b}${String(rest).padStart(9, '0')}`);
  // Up to three characters that are neither letters nor digits between any two digits.
  const separator = fc.constantFrom('', ' ', '-', '.', '/', '·', '\u3000', '\u200b', '\u2060', '\u00ad', '－', '—', '(', ')', '  ', ' - ');
  const spread = (n: string) => fc.array(separator, { minLength: n.length - 1, maxLength: n.length - 1 }).map((gaps) => [...n].map((d, i) => d + (gaps[i] ?? '')).join(''));
  const context = fc.constantFrom(['', ''], ['当事人', '违法'], ['ID', 'x'], ['编号：', '。'], ['（', '）'], ['Tel', '']);

  it.each(ID_EVASIONS.map((e) => [e.name, e] as const))('finds a 身份证 number written "%s"', (_name, evasion) => {
    fc.assert(
      fc.property(validId, (id) => {
        expect(findPersonalData(evasion.write(id)).residentIds.map((r) => r.id)).toEqual([id]);
      }),
    );
  });

  it.each(MOBILE_EVASIONS.map((e) => [e.name, e] as const))('finds a mobile number written "%s"', (_name, evasion) => {
    fc.assert(
      fc.property(mobile, (m) => {
        expect(personalDataIn(evasion.write(m))).toContain('mobile-phone');
      }),
    );
  });

  it('finds either with any separators between the digits, in any surrounding text', () => {
    fc.assert(
      fc.property(validId.chain((id) => spread(id).map((w) => [id, w] as const)), context, ([id, written], [before, after]) => {
        expect(findPersonalData(`${before}${written}${after}`).residentIds.map((r) => r.id)).toEqual([id]);
      }),
    );
    fc.assert(
      fc.property(mobile.chain(spread), context, (written, [before, after]) => {
        expect(personalDataIn(`${before}${written}${after}`)).toContain('mobile-phone');
      }),
    );
  });

  it('masks a number in place and then finds nothing', () => {
    fc.assert(
      fc.property(validId.chain((id) => spread(id).map((w) => [id, w] as const)), ([id, written]) => {
        const masked = maskResidentIdsIn(`税号${written}`, DEFAULT_MASKING_RULE);
        expect(personalDataIn(masked)).toEqual([]);
        expect(masked.replace(/[^0-9X*]/g, '')).toBe(maskId(id));
      }),
    );
  });

  it.each([
    '《中华人民共和国行政处罚法》第三十九条、第四十八条',
    '第 13、15、16、17、18、19 条',
    '2026-11-27 13:45 至 2026-12-01 09:00',
    '罚款人民币 2,000,000.00 元',
    '办公电话 0755-12345678，投诉电话 12345、12328',
    '食品经营许可证 JY14401010000001',
    '工商注册号 440101000012345',
    '统一社会信用代码 91440101MA59TEST4X',
    '示市监处罚〔2026〕1234-56号',
    '二〇二六年十一月二十七日',
    '0193a1b2-7c4d-7e5f-8a9b-0c1d2e3f4a5b',
  ])('finds nothing in ordinary text: %s', (text) => {
    expect(personalDataIn(text)).toEqual([]);
  });
});

const t = useTestApp({ now: () => new Date('2026-11-27T02:00:00Z') });

describe('publishing free text with personal data', () => {
  it('refuses a 身份证 number in 违法事实 and a phone in 备注, naming both fields and echoing neither', async () => {
    const agency = await t.createAgency();
    const res = await t.post(
      '/v1/penalties',
      validPenalty({ agencyId: agency.id, facts: `当事人（身份证号${ID}）销售过期食品。`, remarks: '联系电话13912345678' }),
      admin,
    );
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: any) => e.pointer).sort()).toEqual(['/facts', '/remarks']);
    expect(JSON.stringify(res.body)).not.toContain(ID);
    expect(JSON.stringify(res.body)).not.toContain('13912345678');
    expect(JSON.stringify(t.logs)).not.toContain(ID);
  });
});
