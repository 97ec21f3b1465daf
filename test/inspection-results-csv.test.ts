import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { INSPECTION_RESULT_HEADERS } from '../src/export/inspection-results-csv.js';
import { testClock, useTestApp } from './support/app.js';
import { created, drawTask, inspectionWorld, validEntity, validTask } from './support/inspections.js';

const clock = testClock('2026-12-02T02:00:00Z');
const t = useTestApp({ now: () => clock.now });

type Selection = { entityId: string; inspectorIds: string[] };

/** The export as bytes (so the BOM is seen) after the spec check of t.request, and its parsed rows. */
async function csv(query: string) {
  const checked = await t.request(`/v1/inspection-results.csv?${query}`);
  expect(checked.status, String(checked.body)).toBe(200);
  const res = await t.app.request(`/v1/inspection-results.csv?${query}`);
  const bytes = new Uint8Array(await res.arrayBuffer());
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
  const rows = parse(text.slice(1)) as string[][];
  expect(rows[0]).toEqual([...INSPECTION_RESULT_HEADERS]);
  return { res, bytes, text, rows: rows.slice(1).sort() };
}

function record(taskId: string, agencyId: string, selections: Selection[], fields: { resultCode?: string; inspectedOn?: string } = {}) {
  const items = selections.map((s) => ({ entityId: s.entityId, resultCode: fields.resultCode ?? '1', inspectedOn: fields.inspectedOn ?? '2026-12-02', inspectorIds: s.inspectorIds }));
  return t.post(`/v1/inspection-tasks/${taskId}/results`, { agencyId, items });
}
async function recorded(...args: Parameters<typeof record>) {
  const res = await record(...args);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
}

describe('GET /v1/inspection-results.csv', () => {
  it('exports each agency’s results in the national 抽查检查结果 columns, with the inspection filters', async () => {
    const partner = await t.createAgency({ name: '示例市卫生健康委员会', regionCode: '310101' });
    // A joint 不定向 task over a directory of two, one of them known by its 注册号 only: both are drawn.
    const world = await inspectionWorld(t, { entities: 1, inspectors: 4, task: { cooperatingAgencyIds: [partner.id] } });
    const { agencyId } = world;
    const old = await created(t, '/v1/inspection-entities', validEntity({ agencyId, name: '示例市老字号食品厂', creditCode: undefined, registrationNo: '440100000012345' }));
    const draw1 = await drawTask(t, world.task.id);
    const byEntity = (id: string) => draw1.result.selections.find((s: Selection) => s.entityId === id);
    const [newer] = world.entities;
    await recorded(world.task.id, agencyId, draw1.result.selections);
    await recorded(world.task.id, partner.id, [byEntity(newer.id)]);

    // A 定向 task of the same agency, inspected a week later and published late in the evening (UTC): the next day in Beijing.
    const targeted = await created(t, '/v1/inspection-tasks', validTask([world.item.id], { agencyId, name: '2026年定向抽查', selection: { regionCodes: ['440103'] }, sample: { mode: 'count', count: 1 } }));
    const draw2 = await drawTask(t, targeted.id);
    clock.now = new Date('2026-12-10T17:00:00Z');
    await recorded(targeted.id, agencyId, draw2.result.selections, { resultCode: 'E', inspectedOn: '2026-12-09' });

    const { res, bytes, text, rows } = await csv(`agencyId=${agencyId}`);
    expect(res.headers.get('Content-Type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('Content-Disposition')).toBe('attachment; filename="inspection-results.csv"');
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(text).toContain('\r\n');
    const lead = world.agency.name;
    const task1 = [world.task.id, world.task.name, '不定向', lead];
    const drawn2 = world.entities.concat(old).find((e: { id: string }) => e.id === draw2.result.selections[0].entityId);
    const ownRows = [
      [...task1, newer.name, newer.creditCode, '2026-12-02', '未发现问题', lead, '2026-12-02'],
      [...task1, old.name, '440100000012345', '2026-12-02', '未发现问题', lead, '2026-12-02'],
      [targeted.id, '2026年定向抽查', '定向', lead, drawn2.name, drawn2.creditCode ?? drawn2.registrationNo, '2026-12-09', '发现问题经责令已改正', lead, '2026-12-11'],
    ];
    expect(rows).toEqual(ownRows.sort());
    const partnerRow = [...task1, newer.name, newer.creditCode, '2026-12-02', '未发现问题', partner.name, '2026-12-02'];
    expect((await csv(`agencyId=${partner.id}`)).rows).toEqual([partnerRow]);
    const ours = (found: string[][]) => found.filter((r) => r[0] === world.task.id || r[0] === targeted.id);
    expect(ours((await csv('regionCode=310101')).rows)).toEqual([partnerRow]);

    expect((await csv(`agencyId=${agencyId}&year=2026&inspectedFrom=2026-12-03`)).rows).toEqual([ownRows[2]]);
    expect((await csv(`agencyId=${agencyId}&inspectedTo=2026-12-02`)).rows).toEqual(ownRows.slice(0, 2).sort());
    expect((await csv(`agencyId=${agencyId}&year=2027`)).rows).toEqual([]);
    // Inspectors are not exported, not even by id.
    const inspectorIds = draw1.result.selections.flatMap((s: Selection) => s.inspectorIds);
    expect(inspectorIds.length).toBeGreaterThan(0);
    for (const id of inspectorIds) expect(text).not.toContain(id);
  });

  it('has no result of a voided draw: a draw with results cannot be voided, a voided one takes none', async () => {
    const world = await inspectionWorld(t, { entities: 3, inspectors: 4 });
    const draw = await drawTask(t, world.task.id);
    await recorded(world.task.id, world.agencyId, draw.result.selections.slice(0, 1));
    const refused = await t.post(`/v1/inspection-tasks/${world.task.id}/draw/void`, { reason: '试图作废已有结果的抽取。' });
    expect(refused.status).toBe(409);
    expect((await csv(`agencyId=${world.agencyId}`)).rows.map((r) => r[0])).toEqual([world.task.id]);

    const other = await created(t, '/v1/inspection-tasks', validTask([world.item.id], { agencyId: world.agencyId }));
    const voided = await drawTask(t, other.id);
    expect((await t.post(`/v1/inspection-tasks/${other.id}/draw/void`, { reason: '名录库数据有误，作废本次抽取。' })).status).toBe(200);
    const late = await record(other.id, world.agencyId, voided.result.selections.slice(0, 1));
    expect(late.status).toBe(409);
    expect((await csv(`agencyId=${world.agencyId}`)).rows.map((r) => r[0])).toEqual([world.task.id]);
  });

  it('refuses bad filters, naming them', async () => {
    const res = await t.request('/v1/inspection-results.csv?inspectedFrom=2026-12-10&inspectedTo=2026-12-01&year=26');
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { pointer: string }) => e.pointer).sort()).toEqual(['/inspectedTo', '/year']);
  });
});
