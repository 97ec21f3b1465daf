import { describe, expect, it } from 'vitest';
import { personalDataIn } from '../src/lib/personal-data-scan.js';
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
