import { completeCreditCode } from '../../src/lib/credit-code.js';
import { completeResidentId } from '../../src/lib/resident-id.js';
import { uniqueCreditCode } from './app.js';

let serial = 0;
/** A decision number no other test uses. */
export function uniqueDecisionNumber(prefix = '示市监处罚'): string {
  serial += 1;
  return `${prefix}〔2026〕${Date.now() % 100000}-${serial}号`;
}

export const ADULT_ID = completeResidentId('11010519800307002');
/** 17 on 2026-11-27 (born 2009-06-01). */
export const MINOR_ID = completeResidentId('11010520090601003');

export function companyParty(fields: Record<string, unknown> = {}) {
  return { name: '示例市某某贸易有限公司', category: '01', creditCode: uniqueCreditCode(), legalRepresentative: '张三', ...fields };
}

export function personParty(fields: Record<string, unknown> = {}) {
  return { name: '王五', category: '02', idType: '01', idNumber: ADULT_ID, ...fields };
}

/** A valid 罚款 decision of 2026-11-20 (due 2026-11-27, 7 working days later). */
export function validPenalty(fields: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    party: companyParty(),
    decisionNumber: uniqueDecisionNumber(),
    violationType: '销售不符合食品安全标准的食品',
    facts: '当事人于2026年10月销售超过保质期的食品。',
    basis: '《中华人民共和国食品安全法》第一百二十四条',
    penaltyTypes: ['02'],
    content: '罚款人民币2000元。',
    fineAmount: '2000',
    decisionDate: '2026-11-20',
    validUntil: '2027-11-20',
    ...fields,
  };
}

export { completeCreditCode };
