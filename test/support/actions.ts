import { uniqueCreditCode } from './app.js';

let serial = 0;
/** An 执法文书号 no other test uses. */
export function uniqueDocumentNumber(prefix = '示市监检'): string {
  serial += 1;
  return `${prefix}〔2026〕${Date.now() % 100000}-${serial}号`;
}

/** A valid 行政检查 (06) of 2026-11-20 on a company, without a document number unless given. */
export function validAction(fields: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    actionType: '06',
    target: { name: '示例市某某餐饮有限公司', category: '01', creditCode: uniqueCreditCode() },
    actionDate: '2026-11-20',
    conclusion: '检查未发现违法行为。',
    ...fields,
  };
}

/** A valid campaign over 2026; fields override. */
export function validCampaign(fields: Record<string, unknown> = {}): Record<string, unknown> {
  return { name: '2026年示例市校园周边食品安全专项整治', startDate: '2026-03-01', endDate: '2026-12-31', ...fields };
}

/** Headers for a conditional write by a key (or the operator). */
export const ifMatch = (auth: Record<string, string>, etag: string) => ({ ...auth, 'If-Match': etag });
