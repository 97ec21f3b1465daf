import { describe, expect, it } from 'vitest';
import { admin, useTestApp, testClock } from './support/app.js';
import { drawTask, inspectionWorld } from './support/inspections.js';
import { validLicence } from './support/licences.js';
import { validPenalty } from './support/penalties.js';

const clock = testClock('2026-11-27T02:00:00Z');
const t = useTestApp({ now: () => clock.now });

async function publish(path: string, body: Record<string, unknown>) {
  const res = await t.post(path, body, admin);
  expect(res.status, JSON.stringify(res.body).slice(0, 400)).toBe(201);
  return res.body;
}
async function withdraw(id: string, eventDate: string) {
  const res = await t.request(`/v1/penalties/${id}/withdrawal`, {
    method: 'POST',
    headers: { ...admin, 'Content-Type': 'application/json', 'If-Match': '"v1"' },
    body: JSON.stringify({ reasonCategory: 'revoked', explanation: '经行政复议决定撤销。', eventDate }),
  });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}
const report = async (query: string) => {
  const res = await t.request(`/v1/compliance?${query}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
};

describe('GET /v1/compliance', () => {
  it('counts decisions of the period per agency and kind: on time, late, mean days late, withdrawals', async () => {
    const a = await t.createAgency({ name: '时效甲局', regionCode: '440100' });
    const b = await t.createAgency({ name: '时效乙局', regionCode: '310101' });
    const penalty = (agency: string, decisionDate: string) => publish('/v1/penalties', validPenalty({ agencyId: agency, decisionDate }));
    // Published on 2026-11-27: due 7 working days after the decision.
    const onTime = await penalty(a.id, '2026-11-20');
    const late1 = await penalty(a.id, '2026-11-10');
    const late2 = await penalty(a.id, '2026-11-05');
    await penalty(a.id, '2026-10-09'); // decided before the period: not counted
    await publish('/v1/licences', validLicence({ agencyId: a.id }));
    await penalty(b.id, '2026-11-20');
    expect(onTime.timeliness).toMatchObject({ late: false, workingDaysLate: 0 });
    expect(late1.timeliness).toMatchObject({ late: true, dueDate: '2026-11-19', workingDaysLate: 6 });
    expect(late2.timeliness).toMatchObject({ late: true, dueDate: '2026-11-16', workingDaysLate: 9 });
    // Withdrawn on 2026-11-27: within 3 working days of 11-25; one day late for 11-23.
    expect((await withdraw(onTime.id, '2026-11-25')).withdrawal).toMatchObject({ late: false });
    expect((await withdraw(late1.id, '2026-11-23')).withdrawal).toMatchObject({ late: true });

    const body = await report(`from=2026-11-01&to=2026-11-30&agencyId=${a.id}`);
    expect(body).toEqual({
      from: '2026-11-01',
      to: '2026-11-30',
      items: [
        { agencyId: a.id, agencyName: '时效甲局', kind: 'licence', published: 1, onTime: 1, late: 0, averageWorkingDaysLate: null, withdrawals: { total: 0, onTime: 0, late: 0 } },
        { agencyId: a.id, agencyName: '时效甲局', kind: 'penalty', published: 3, onTime: 1, late: 2, averageWorkingDaysLate: '7.5', withdrawals: { total: 2, onTime: 1, late: 1 } },
      ],
    });
    const region = await report('from=2026-11-01&to=2026-11-30&regionCode=310101');
    expect(region.items.map((r: { agencyId: string; kind: string; published: number }) => [r.agencyId, r.kind, r.published])).toEqual([[b.id, 'penalty', 1]]);
    const october = await report(`from=2026-10-01&to=2026-10-31&agencyId=${a.id}`);
    expect(october.items).toEqual([expect.objectContaining({ kind: 'penalty', published: 1, late: 1, onTime: 0, averageWorkingDaysLate: expect.stringMatching(/^\d+\.\d$/) })]);
    expect((await report(`from=2026-12-01&to=2026-12-31&agencyId=${a.id}`)).items).toEqual([]);
  });

  it('rounds the mean to one decimal', async () => {
    const c = await t.createAgency({ name: '时效丙局' });
    for (const d of ['2026-11-10', '2026-11-10', '2026-11-10', '2026-11-05']) await publish('/v1/penalties', validPenalty({ agencyId: c.id, decisionDate: d }));
    const body = await report(`from=2026-11-01&to=2026-11-30&agencyId=${c.id}`);
    expect(body.items[0]).toMatchObject({ late: 4, averageWorkingDaysLate: '6.8' }); // (6 + 6 + 6 + 9) / 4 = 6.75
  });

  it('counts inspection results by inspection date, per inspecting agency, beside its decisions and without withdrawals', async () => {
    clock.now = new Date('2026-11-02T02:00:00Z'); // a Monday
    const world = await inspectionWorld(t, { entities: 4, inspectors: 4, task: { sample: { mode: 'count', count: 3 } } });
    const draw = await drawTask(t, world.task.id);
    const [s0, s1, s2] = draw.result.selections;
    const record = async (s: { entityId: string; inspectorIds: string[] }, inspectedOn: string) => {
      const res = await t.post(`/v1/inspection-tasks/${world.task.id}/results`, { agencyId: world.agencyId, items: [{ entityId: s.entityId, resultCode: '1', inspectedOn, inspectorIds: s.inspectorIds }] });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return res.body[0];
    };
    // Due 20 working days after the inspection: 11-02 -> 11-30, 11-03 -> 12-01.
    expect(await record(s0, '2026-11-02')).toMatchObject({ dueOn: '2026-11-30', late: false, workingDaysLate: 0 });
    clock.now = new Date('2026-12-15T02:00:00Z');
    expect(await record(s1, '2026-11-02')).toMatchObject({ dueOn: '2026-11-30', late: true, workingDaysLate: 11 });
    expect(await record(s2, '2026-11-03')).toMatchObject({ dueOn: '2026-12-01', late: true, workingDaysLate: 10 });
    await publish('/v1/penalties', validPenalty({ agencyId: world.agencyId, decisionDate: '2026-11-20' }));

    const row = (fields: Record<string, unknown>) => ({ agencyId: world.agencyId, agencyName: world.agency.name, ...fields });
    expect((await report(`from=2026-11-01&to=2026-11-30&agencyId=${world.agencyId}`)).items).toEqual([
      row({ kind: 'inspection_result', published: 3, onTime: 1, late: 2, averageWorkingDaysLate: '10.5', withdrawals: null }),
      row({ kind: 'penalty', published: 1, onTime: 0, late: 1, averageWorkingDaysLate: expect.stringMatching(/^\d+\.\d$/), withdrawals: { total: 0, onTime: 0, late: 0 } }),
    ]);
    // By inspection date, not publication date: only the inspection of 11-03 is in this period.
    expect((await report(`from=2026-11-03&to=2026-11-19&agencyId=${world.agencyId}`)).items).toEqual([
      row({ kind: 'inspection_result', published: 1, onTime: 0, late: 1, averageWorkingDaysLate: '10.0', withdrawals: null }),
    ]);
    const ofAgency = (body: { items: { agencyId: string }[] }) => body.items.filter((r) => r.agencyId === world.agencyId);
    expect(ofAgency(await report(`from=2026-11-01&to=2026-11-30&regionCode=${world.agency.regionCode}`)).map((r: any) => r.kind)).toEqual(['inspection_result', 'penalty']);
    const elsewhere = world.agency.regionCode === '310101' ? '440100' : '310101';
    expect(ofAgency(await report(`from=2026-11-01&to=2026-11-30&regionCode=${elsewhere}`))).toEqual([]);
  });

  it('refuses a missing or reversed period, naming the parameter', async () => {
    const missing = await t.request('/v1/compliance?to=2026-11-30');
    expect(missing.status).toBe(400);
    expect(missing.body.errors.map((e: { pointer: string }) => e.pointer)).toEqual(['/from']);
    const reversed = await t.request('/v1/compliance?from=2026-12-01&to=2026-11-01&regionCode=44');
    expect(reversed.status).toBe(400);
    expect(reversed.body.errors.map((e: { pointer: string }) => e.pointer).sort()).toEqual(['/regionCode', '/to']);
  });
});
