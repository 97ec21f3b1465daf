import { beforeAll, describe, expect, it } from 'vitest';
import type { DemoContext } from '../src/demo/context.js';
import { seedApprovalItems } from '../src/demo/seed-approval-items.js';
import { useTestApp } from './support/app.js';

const NOW = new Date('2026-11-27T02:00:00Z');
const OPENED = new Date('2026-09-01T02:00:00Z');
const t = useTestApp({ now: () => NOW });
let market: string;

beforeAll(async () => {
  market = (await t.createAgency({ name: '示例市市场监督管理局', regionCode: '440100' })).id;
  const ctx: DemoContext = { db: t.db, now: NOW, agencies: new Map([['market', market]]), legalBases: new Map(), powers: new Map() };
  await seedApprovalItems(ctx, OPENED);
});

describe('demo approval item', () => {
  it("publishes the market bureau's 食品经营许可 with its basis, materials, steps and limits, before the decisions", async () => {
    const items = (await t.request(`/v1/approval-items?agencyId=${market}`)).body.items;
    expect(items).toHaveLength(1);
    const [item] = items;
    expect(item).toMatchObject({ name: '食品经营许可', code: 'SJ-XK-0001', category: '01', statutoryDays: 20, promisedDays: 5, free: true, channels: ['window', 'online'], createdAt: OPENED.toISOString() });
    expect(item.basisText).toMatch(/食品安全法》第三十五条[\s\S]*国家市场监督管理总局令第78号/);
    expect(item.materials[0]).toMatchObject({ name: '食品经营许可申请书', form: { title: '食品经营许可申请书' }, required: true });
    expect(item.materials.filter((m: any) => !m.required)).toHaveLength(1);
    expect(item.steps.map((s: any) => s.name)).toEqual(['申请', '受理', '审查', '决定', '送达']);
  });

  it('has one licence decided under it two days ago, published on time', async () => {
    const [item] = (await t.request(`/v1/approval-items?agencyId=${market}`)).body.items;
    const licences = (await t.request(`/v1/approval-items/${item.id}/licences`)).body.items;
    expect(licences).toEqual([expect.objectContaining({ approvalItemId: item.id, decisionDate: '2026-11-25', licensingAgencyId: market, timeliness: expect.objectContaining({ late: false }) })]);
    const counts = (await t.request(`/v1/approval-items/${item.id}/licences/counts`)).body;
    expect(counts).toMatchObject({ total: 1, byStatus: { published: 1, withdrawn: 0 }, onTime: 1, late: 0 });
  });
});
