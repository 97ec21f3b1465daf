import { eq } from 'drizzle-orm';
import { penalties } from '../src/db/schema.js';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DemoContext } from '../src/demo/context.js';
import { seedLegalBases } from '../src/demo/seed-legal-bases.js';
import { seedPenalties } from '../src/demo/seed-penalties.js';
import { completeResidentId } from '../src/lib/resident-id.js';
import { useTestApp } from './support/app.js';

const NOW = new Date('2026-11-27T02:00:00Z');
const t = useTestApp({ now: () => NOW });
let city: string;
let market: string;

beforeAll(async () => {
  city = (await t.createAgency({ name: '示例市交通运输局', regionCode: '440100' })).id;
  market = (await t.createAgency({ name: '示例市市场监督管理局', regionCode: '440100' })).id;
  const ctx: DemoContext = { db: t.db, now: NOW, agencies: new Map([['city', city], ['market', market]]), legalBases: new Map(), powers: new Map() };
  await seedLegalBases(ctx);
  await seedPenalties(ctx);
});

describe('demo penalties', () => {
  it('publishes an on-time company decision citing the seeded article and a late migrated one', async () => {
    const list = await t.request(`/v1/penalties?agencyId=${city}`);
    expect(list.status).toBe(200);
    const byNumber = Object.fromEntries(list.body.items.map((p: any) => [p.decisionNumber, p]));
    expect(byNumber['示交罚〔2026〕101号']).toMatchObject({
      fineAmount: '30000.00',
      confiscationAmount: '3500.00',
      decisionDate: '2026-11-25',
      timeliness: { late: false, basis: 'server' },
      citations: [{ articleNo: '63', title: '中华人民共和国道路运输条例' }],
    });
    expect(byNumber['示交罚〔2026〕87号']).toMatchObject({ decisionDate: '2026-09-28', timeliness: { basis: 'claimed', late: true } });
    expect(byNumber['示交罚〔2026〕87号'].timeliness.workingDaysLate).toBeGreaterThan(0);
  });

  it('shows the revoked decision only as a withdrawal notice', async () => {
    const withdrawn = await t.request(`/v1/penalties?agencyId=${market}&status=withdrawn`);
    expect(withdrawn.body.items).toMatchObject([{ decisionNumber: '示市监处罚〔2026〕45号', status: 'withdrawn', withdrawal: { reasonCategory: 'revoked' } }]);
    expect((await t.request(`/v1/penalties?agencyId=${market}`)).body.items).toEqual([]);
  });

  it('stores the natural person only masked', async () => {
    const raw = completeResidentId('44010619850412003');
    const rows = await t.db.select({ party: penalties.party }).from(penalties).where(eq(penalties.decisionNumber, '示交罚〔2026〕87号'));
    const text = JSON.stringify(rows);
    expect(text).not.toContain(raw);
    expect(text).toContain(raw.slice(0, 6) + '********' + raw.slice(-4));
  });
});
