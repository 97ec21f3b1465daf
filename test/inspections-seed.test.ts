import { beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../src/demo/seed.js';
import { isCreditCode } from '../src/lib/credit-code.js';
import { useTestApp } from './support/app.js';

/* The whole demo seed, as `npm start` loads it into an empty database, checked for its 双随机、一公开 part. */

const NOW = new Date('2026-11-27T02:00:00Z');
const t = useTestApp({ now: () => NOW });
let market: string;
let city: string;

beforeAll(async () => {
  expect(await seedDemo(t.db, NOW)).toBe(true);
  const agencies = (await t.request('/v1/agencies?limit=200')).body.items as { id: string; name: string }[];
  market = agencies.find((a) => a.name === '示例市市场监督管理局')!.id;
  city = agencies.find((a) => a.name === '示例市交通运输局')!.id;
});

const items = async (path: string) => {
  const res = await t.request(path);
  expect(res.status, path).toBe(200);
  return res.body.items as Record<string, any>[];
};
const theTask = async () => {
  const tasks = await items(`/v1/inspection-tasks?agencyId=${market}`);
  expect(tasks).toHaveLength(1);
  return tasks[0]!;
};

describe('demo 双随机、一公开', () => {
  it('publishes the market bureau’s item list, 细则, plan, directory and inspectors', async () => {
    const list = await items(`/v1/inspection-items?agencyId=${market}`);
    expect(list.map((i) => [i.code, i.category, i.joint])).toEqual([
      ['SJ-SC-001', 'general', false],
      ['SJ-SC-002', 'key', false],
      ['SJ-LH-001', 'general', true],
    ]);
    expect(list[2]).toMatchObject({ cooperatingAgencyIds: [city], citations: [{ articleNo: '2', title: '中华人民共和国道路运输条例' }, { articleNo: '7' }] });
    expect(await items(`/v1/inspection-rules?agencyId=${market}`)).toHaveLength(1);
    const plans = await items(`/v1/inspection-plans?agencyId=${market}`);
    expect(plans).toMatchObject([{ year: 2026, itemIds: list.map((i) => i.id) }]);

    const entities = await items(`/v1/inspection-entities?agencyId=${market}&limit=200`);
    expect(entities).toHaveLength(200);
    expect(new Set(entities.map((e) => e.name)).size).toBe(200);
    const classes = Object.fromEntries(['A', 'B', 'C', 'D'].map((c) => [c, entities.filter((e) => e.riskClass === c).length]));
    expect(classes).toEqual({ A: 120, B: 60, C: 16, D: 4 });
    for (const e of entities) {
      expect(e.name).toMatch(/^示例市/);
      expect(isCreditCode(e.creditCode), e.creditCode).toBe(true);
    }
    const inspectors = await items(`/v1/inspectors?agencyId=${market}`);
    expect(inspectors.map((i) => i.available)).toEqual([true, true, true, true, true, true, true, false]);
    expect(await items(`/v1/inspection-conflicts?agencyId=${market}`)).toHaveLength(2);
  });

  it('commits the task’s draw, takes the transport bureau’s contribution, reveals it, and the draw verifies', async () => {
    const task = await theTask();
    const draw = (await t.request(`/v1/inspection-tasks/${task.id}/draw`)).body;
    expect(draw).toMatchObject({ status: 'revealed', pools: { entities: { count: 200 }, inspectors: { count: 7 }, conflicts: { count: 2 } } });
    // The transport bureau's in the window, then the platform's own at the reveal.
    expect(draw.contributions.map((c: any) => [c.by, c.agencyId])).toEqual([['agency', city], ['platform', null]]);
    const times = [draw.committedAt, draw.contributions[0].at, draw.contributionsCloseAt, draw.revealedAt].map(Date.parse);
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    expect(times[3]).toBeLessThan(NOW.getTime());
    const strata = draw.result.selections.map((s: any) => s.stratum).sort();
    expect(strata).toEqual(['A', 'A', 'B', 'B', 'C', 'C', 'D', 'D']);

    const verify = await t.request(`/v1/inspection-tasks/${task.id}/draw/verify`);
    expect(verify.status).toBe(200);
    expect(verify.body.match, JSON.stringify(verify.body.checks)).toBe(true);
    const conflicts = await items(`/v1/inspection-conflicts?agencyId=${market}`);
    for (const s of draw.result.selections) {
      for (const c of conflicts) if (c.entityId === s.entityId) expect(s.inspectorIds).not.toContain(c.inspectorId);
    }
  });

  it('publishes results for four drawn entities by their assigned inspectors, one of them late', async () => {
    const task = await theTask();
    const { selections } = (await t.request(`/v1/inspection-tasks/${task.id}/draw`)).body.result;
    const results = await items(`/v1/inspection-results?taskId=${task.id}`);
    expect(results).toHaveLength(4);
    for (const r of results) {
      const drawn = selections.find((s: any) => s.entityId === r.entityId);
      expect(drawn.inspectorIds).toEqual(r.inspectorIds);
    }
    expect(results.filter((r) => r.late).map((r) => r.resultCode)).toEqual(['F']);
    expect(results.filter((r) => !r.late)).toHaveLength(3);
    const compliance = await items(`/v1/compliance?from=2026-01-01&to=2026-11-27&agencyId=${market}`);
    expect(compliance.filter((row) => row.kind === 'inspection_result')).toMatchObject([{ published: 4, onTime: 3, late: 1 }]);
  });
});
