import { describe, expect, it } from 'vitest';
import { admin, useTestApp } from './support/app.js';
import { created, inspectionWorld, validEntity, validItem, validRules, validTask } from './support/inspections.js';

const t = useTestApp();
const ifMatch = (tag: string, headers: Record<string, string> = admin) => ({ ...headers, 'If-Match': tag });

describe('双随机 records', () => {
  it('publishes an item list entry with its method names, and adjusts it as a new version', async () => {
    const agency = await t.createAgency();
    const partner = await t.createAgency();
    const key = await t.keyFor(agency.id);
    const item = await created(t, '/v1/inspection-items', validItem({ cooperatingAgencyIds: [partner.id] }), key);
    expect(item).toMatchObject({ version: 1, agencyId: agency.id, joint: true, methodNames: ['书面检查', '实地核查'], cooperatingAgencyIds: [partner.id], status: 'active' });
    const res = await t.patch(`/v1/inspection-items/${item.id}`, { status: 'cancelled', methods: ['03'] }, ifMatch('"v1"', key));
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ version: 2, status: 'cancelled', methodNames: ['网络监测'] });
    const revisions = await t.request(`/v1/inspection-items/${item.id}/revisions`);
    expect(revisions.body.items.map((r: any) => r.data.status)).toEqual(['active', 'cancelled']);
    const listed = await t.request(`/v1/inspection-items?agencyId=${partner.id}&joint=true`);
    expect(listed.body.items.map((i: any) => i.id)).toEqual([item.id]);
  });

  it('refuses a contact phone or person in a directory entry, naming the field, and writes nothing', async () => {
    const agency = await t.createAgency();
    for (const extra of [{ contactPhone: '13800138000' }, { contactPerson: '张三' }]) {
      const res = await t.post('/v1/inspection-entities', validEntity({ agencyId: agency.id, ...extra }));
      expect(res.status).toBe(400);
      expect(res.body.errors.map((e: any) => e.pointer)).toEqual([`/${Object.keys(extra)[0]}`]);
    }
    const mobileInName = await t.post('/v1/inspection-entities', validEntity({ agencyId: agency.id, name: '某店 138 0013 8000' }));
    expect(mobileInName.status).toBe(400);
    expect((await t.request(`/v1/inspection-entities?agencyId=${agency.id}`)).body.items).toEqual([]);
  });

  it('builds a world and freezes nothing before a draw: a task may be adjusted', async () => {
    const world = await inspectionWorld(t);
    expect(world.task).toMatchObject({ targeted: false, joint: false, draw: `/v1/inspection-tasks/${world.task.id}/draw` });
    const res = await t.patch(`/v1/inspection-tasks/${world.task.id}`, { selection: { riskClasses: ['C', 'D'] } }, ifMatch('"v1"'));
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ version: 2, targeted: true });
    const inspector = world.inspectors[0];
    expect(inspector).toMatchObject({ agencyId: world.agencyId, name: '检查员1' });
    const rules = await created(t, '/v1/inspection-rules', validRules({ agencyId: world.agencyId }));
    expect(rules.version).toBe(1);
    const plan = await created(t, '/v1/inspection-plans', { agencyId: world.agencyId, year: 2026, title: '2026年度抽查计划', itemIds: [world.item.id] });
    const again = await t.post('/v1/inspection-plans', { agencyId: world.agencyId, year: 2026, title: '重复', itemIds: [world.item.id] });
    expect(again.status).toBe(409);
    const task = await created(t, '/v1/inspection-tasks', validTask([world.item.id], { agencyId: world.agencyId, planId: plan.id }));
    expect((await t.request(`/v1/inspection-tasks?planId=${plan.id}`)).body.items.map((x: any) => x.id)).toEqual([task.id]);
  });
});
