import { describe, expect, it } from 'vitest';
import { testClock, useTestApp } from './support/app.js';
import { commitTask, created, drawTask, inspectionWorld, validEntity, validItem, validTask } from './support/inspections.js';

const clock = testClock('2026-12-02T02:00:00Z');
const t = useTestApp({ now: () => clock.now });

type Selection = { entityId: string; inspectorIds: string[] };

async function coverage(query: string) {
  const res = await t.request(`/v1/inspection-coverage?${query}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.items;
}

async function record(taskId: string, agencyId: string, selections: Selection[]) {
  const items = selections.map((s) => ({ entityId: s.entityId, resultCode: '1', inspectedOn: '2026-12-02', inspectorIds: s.inspectorIds }));
  const res = await t.post(`/v1/inspection-tasks/${taskId}/results`, { agencyId, items });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
}

const distinct = (...ids: string[]) => new Set(ids).size;
const entityIds = (draw: { result: { selections: Selection[] } }) => draw.result.selections.map((s) => s.entityId);

describe('GET /v1/inspection-coverage', () => {
  it('counts per lead agency, year and item over revealed draws only, with each agency’s part of a joint task', async () => {
    // Task 1 (item 1) draws from the whole directory of 6; its lead publishes one result.
    const world = await inspectionWorld(t, { entities: 6, inspectors: 4 });
    const { agencyId } = world;
    const partner = await t.createAgency({ name: '示例市卫生健康委员会' });
    const item2 = await created(t, '/v1/inspection-items', validItem({ agencyId }));
    const draw1 = await drawTask(t, world.task.id);
    await record(world.task.id, agencyId, draw1.result.selections.slice(0, 1));

    // Two entries join the directory in another district (8 now); the tasks below draw from one district each.
    for (const name of ['示例市甲食品有限公司', '示例市乙食品有限公司']) await created(t, '/v1/inspection-entities', validEntity({ agencyId, name, regionCode: '440104' }));
    const task = (itemIds: string[], fields: Record<string, unknown>) => created(t, '/v1/inspection-tasks', validTask(itemIds, { agencyId, ...fields }));

    // Task 2, joint, items 1 and 2, over the 6 of 440103: the lead inspects one drawn entity, the partner both.
    const joint = await task([world.item.id, item2.id], { cooperatingAgencyIds: [partner.id], selection: { regionCodes: ['440103'] } });
    const draw2 = await drawTask(t, joint.id);
    await record(joint.id, agencyId, draw2.result.selections.slice(0, 1));
    await record(joint.id, partner.id, draw2.result.selections);

    // Task 3 (item 1, the 2 of 440104): revealed, then voided. Task 4 (item 1, all 8): only committed.
    const voided = await task([world.item.id], { selection: { regionCodes: ['440104'] } });
    await drawTask(t, voided.id);
    const voiding = await t.post(`/v1/inspection-tasks/${voided.id}/draw/void`, { reason: '名录库数据有误，作废本次抽取。' });
    expect(voiding.status, JSON.stringify(voiding.body)).toBe(200);
    const pending = await task([world.item.id], {});
    expect((await commitTask(t, pending.id)).draw.pools.entities.count).toBe(8);

    const [a1, a2] = [entityIds(draw1)[0]!, entityIds(draw2)[0]!];
    const inspected1 = distinct(a1, ...entityIds(draw2));
    const lead = { agencyId, agencyName: world.agency.name };
    const part = (agency: { agencyId: string; agencyName: string }, inspected: number) => ({ ...agency, inspected });
    const parts = (leadCount: number) => [part(lead, leadCount), part({ agencyId: partner.id, agencyName: partner.name }, 2)].sort((x, y) => (x.agencyId < y.agencyId ? -1 : 1));
    const row = (item: { id: string; code: string; name: string }) => ({ ...lead, year: 2026, itemId: item.id, itemCode: item.code, itemName: item.name });

    const items = await coverage(`agencyId=${agencyId}`);
    expect(items).toEqual([
      {
        ...row(world.item),
        tasks: 2,
        directory: 8,
        pooled: 6,
        drawn: distinct(...entityIds(draw1), ...entityIds(draw2)),
        inspected: inspected1,
        inspectedOfDirectory: Math.floor((inspected1 * 10000) / 8),
        inspectedOfPool: Math.floor((inspected1 * 10000) / 6),
        parts: parts(distinct(a1, a2)),
      },
      { ...row(item2), tasks: 1, directory: 8, pooled: 6, drawn: 2, inspected: 2, inspectedOfDirectory: 2500, inspectedOfPool: 3333, parts: parts(1) },
    ]);

    expect(await coverage(`agencyId=${agencyId}&year=2026&itemId=${item2.id}`)).toEqual([items[1]]);
    expect(await coverage(`agencyId=${agencyId}&year=2027`)).toEqual([]);
    // A cooperating agency's part shows on the lead's rows: it leads nothing here.
    expect(await coverage(`agencyId=${partner.id}`)).toEqual([]);
  });

  it('lists a drawn item with nothing inspected yet as 0, and refuses bad parameters naming them', async () => {
    const world = await inspectionWorld(t, { entities: 4, inspectors: 2 });
    await drawTask(t, world.task.id);
    expect(await coverage(`itemId=${world.item.id}`)).toEqual([
      expect.objectContaining({ agencyId: world.agencyId, tasks: 1, directory: 4, pooled: 4, drawn: 2, inspected: 0, inspectedOfDirectory: 0, inspectedOfPool: 0, parts: [] }),
    ]);
    const bad = await t.request('/v1/inspection-coverage?year=26&agencyId=x');
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { pointer: string }) => e.pointer).sort()).toEqual(['/agencyId', '/year']);
  });
});
