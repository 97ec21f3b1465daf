import { companyParty, uniqueDecisionNumber } from './penalties.js';

/** A valid 普通 licence decided on 2026-11-20 (a Friday: due 2026-12-01, 7 working days later). */
export function validLicence(fields: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    party: companyParty(),
    documentTitle: '示例市市场监督管理局关于示例市某某贸易有限公司食品经营许可的决定',
    decisionNumber: uniqueDecisionNumber('示市监许'),
    category: '01',
    certificateName: '食品经营许可证',
    licenceNumber: `JY1440101${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`,
    content: '准予食品经营许可，经营项目：预包装食品销售。',
    decisionDate: '2026-11-20',
    validFrom: '2026-11-20',
    validTo: '2031-11-19',
    ...fields,
  };
}

import { count, eq } from 'drizzle-orm';
import { licences } from '../../src/db/schema.js';
import type { TestContext } from './app.js';

/** What a refused write must leave untouched: the licence rows and the feed head. */
export async function licenceWriteState(t: TestContext): Promise<{ licences: number; head: number }> {
  const [row] = await t.db.select({ n: count() }).from(licences);
  const feed = await t.request('/v1/feed?limit=1');
  return { licences: Number(row!.n), head: feed.body.head as number };
}

export async function licencesOfAgency(t: TestContext, agencyId: string): Promise<number> {
  const [row] = await t.db.select({ n: count() }).from(licences).where(eq(licences.agencyId, agencyId));
  return Number(row!.n);
}
