import { describe, expect, it } from 'vitest';
import { inspectionTasks } from '../src/db/schema.js';
import { admin, useTestApp } from './support/app.js';
import { created, expectRefused, ifMatch, listedIds, sorted, validItem, validPlan, validTask } from './support/inspections.js';

const t = useTestApp();
const UNKNOWN = '0193a1b2-7c4d-7e5f-8a9b-0c1d2e3f4a5b';

const createItem = (agencyId: string, fields: Record<string, unknown> = {}) => created(t, '/v1/inspection-items', validItem({ agencyId, ...fields }));
const createTask = (agencyId: string, itemIds: string[], fields: Record<string, unknown> = {}, headers = admin) =>
  created(t, '/v1/inspection-tasks', validTask(itemIds, { agencyId, ...fields }), headers);
const postTask = (agencyId: string, itemIds: string[], fields: Record<string, unknown> = {}) => () => t.post('/v1/inspection-tasks', validTask(itemIds, { agencyId, ...fields }));
const patchTask = (id: string, patch: Record<string, unknown>, version = 1, headers = admin) => () => t.patch(`/v1/inspection-tasks/${id}`, patch, ifMatch(`"v${version}"`, headers));

/** An agency with one active item of its own. */
async function agencyWithItem() {
  const agency = await t.createAgency();
  return { agency, item: await createItem(agency.id) };
}

describe('the sample and the other parameters of a task', () => {
  it.each([
    ['count', { mode: 'count', count: 3 }],
    ['ratio', { mode: 'ratio', basisPoints: 300 }],
    ['a ratio of 100 %', { mode: 'ratio', basisPoints: 10_000 }],
    ['strata by risk class', { mode: 'strata', strata: { D: { basisPoints: 3000 }, C: { basisPoints: 1000 }, B: { basisPoints: 200 }, A: { basisPoints: 100 } } }],
    ['strata mixing counts, ratios and the unclassified', { mode: 'strata', strata: { D: { count: 5 }, '-': { basisPoints: 50 } } }],
  ])('accepts a sample by %s and publishes it as given', async (_what, sample) => {
    const { agency, item } = await agencyWithItem();
    expect((await createTask(agency.id, [item.id], { sample })).sample).toEqual(sample);
  });

  it.each([
    ['a count of 0', { sample: { mode: 'count', count: 0 } }, ['/sample/count']],
    ['a fractional count', { sample: { mode: 'count', count: 1.5 } }, ['/sample/count']],
    ['a ratio of 0 basis points', { sample: { mode: 'ratio', basisPoints: 0 } }, ['/sample/basisPoints']],
    ['a ratio above 10000 basis points', { sample: { mode: 'ratio', basisPoints: 10_001 } }, ['/sample/basisPoints']],
    ['a ratio as a percentage string', { sample: { mode: 'ratio', basisPoints: '3%' } }, ['/sample/basisPoints']],
    ['a ratio sample with a count', { sample: { mode: 'ratio', basisPoints: 300, count: 3 } }, ['/sample/count']],
    ['an unknown mode', { sample: { mode: 'all' } }, ['/sample/mode']],
    ['empty strata', { sample: { mode: 'strata', strata: {} } }, ['/sample/strata']],
    ['a stratum of an unknown class', { sample: { mode: 'strata', strata: { A: { count: 1 }, E: { count: 1 } } } }, ['/sample/strata/E']],
    ['a stratum with both a count and a ratio', { sample: { mode: 'strata', strata: { A: { count: 1, basisPoints: 100 } } } }, ['/sample/strata/A']],
    ['a stratum ratio above 100 %', { sample: { mode: 'strata', strata: { D: { basisPoints: 20_000 } } } }, ['/sample/strata/D/basisPoints']],
    ['one inspector per entity', { inspectorsPerEntity: 1 }, ['/inspectorsPerEntity']],
    ['eleven inspectors per entity', { inspectorsPerEntity: 11 }, ['/inspectorsPerEntity']],
    ['a window ending before it starts', { window: { from: '2026-12-01', to: '2026-11-30' } }, ['/window/to']],
    ['a window without an end', { window: { from: '2026-12-01' } }, ['/window/to']],
    ['a selection by an unknown risk class', { selection: { riskClasses: ['E'] } }, ['/selection/riskClasses/0']],
    ['a selection by a malformed industry code', { selection: { industryCodes: ['52'] } }, ['/selection/industryCodes/0']],
    ['an empty selection list', { selection: { regionCodes: [] } }, ['/selection/regionCodes']],
    ['an unknown selection filter', { selection: { creditCodes: ['x'] } }, ['/selection/creditCodes']],
    ['a cooperating agency listed twice', { cooperatingAgencyIds: [UNKNOWN, UNKNOWN] }, ['/cooperatingAgencyIds/1']],
    ['a derived field', { joint: true }, ['/joint']],
  ])('answers 400 for %s, naming it, and writes nothing', async (_what, fields, expected) => {
    const { agency, item } = await agencyWithItem();
    await expectRefused(t, inspectionTasks, postTask(agency.id, [item.id], fields), 400, expected);
  });

  it('answers 422 naming /window/to when a patch moves the end before the start, checked on the merged task', async () => {
    const { agency, item } = await agencyWithItem();
    const task = await createTask(agency.id, [item.id]);
    await expectRefused(t, inspectionTasks, patchTask(task.id, { window: { from: '2026-12-01', to: '2026-11-01' } }), 422, ['/window/to']);
    await expectRefused(t, inspectionTasks, patchTask(task.id, { window: { to: '2026-11-30' } }), 422, ['/window/to']);
  });

  it('merges a partial window (RFC 7396): a new end date keeps the start', async () => {
    const { agency, item } = await agencyWithItem();
    const task = await createTask(agency.id, [item.id]);
    const res = await patchTask(task.id, { window: { to: '2027-01-15' } })();
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ version: 2, window: { from: '2026-12-01', to: '2027-01-15' } });
    await expectRefused(t, inspectionTasks, patchTask(task.id, { window: { until: '2027-02-01' } }, 2), 400, ['/window/until']);
    await expectRefused(t, inspectionTasks, patchTask(task.id, { window: { to: null } }, 2), 400, ['/window/to']);
  });
});

describe('the plan of a task', () => {
  it("must be the lead agency's own plan of the same year (422 naming /planId otherwise)", async () => {
    const { agency, item } = await agencyWithItem();
    const plan2026 = await created(t, '/v1/inspection-plans', validPlan([item.id], { agencyId: agency.id }));
    const plan2027 = await created(t, '/v1/inspection-plans', validPlan([item.id], { agencyId: agency.id, year: 2027 }));
    const other = await agencyWithItem();
    const otherPlan = await created(t, '/v1/inspection-plans', validPlan([other.item.id], { agencyId: other.agency.id }));
    for (const [planId, detail] of [
      [plan2027.id, 'The plan is for 2027, the task for 2026.'],
      [otherPlan.id, "A plan of another agency: name the lead agency's own plan."],
      [UNKNOWN, 'No plan has this id.'],
    ]) {
      const res = await expectRefused(t, inspectionTasks, postTask(agency.id, [item.id], { planId }), 422, ['/planId']);
      expect(res.body.errors[0].detail).toBe(detail);
    }
    expect((await createTask(agency.id, [item.id], { planId: plan2026.id })).planId).toBe(plan2026.id);
  });

  it('is checked again when a patch changes the year', async () => {
    const { agency, item } = await agencyWithItem();
    const plan = await created(t, '/v1/inspection-plans', validPlan([item.id], { agencyId: agency.id }));
    const task = await createTask(agency.id, [item.id], { planId: plan.id });
    await expectRefused(t, inspectionTasks, patchTask(task.id, { year: 2027 }), 422, ['/planId']);
    const moved = await t.patch(`/v1/inspection-tasks/${task.id}`, { year: 2027, planId: null }, ifMatch('"v1"'));
    expect(moved.body).toMatchObject({ version: 2, year: 2027, planId: null });
  });
});

describe('the items of a task', () => {
  it("answers 422 naming /itemIds/i for another agency's item it does not cooperate in, a cancelled or an unknown item", async () => {
    const { agency, item } = await agencyWithItem();
    const stranger = await agencyWithItem();
    const cancelled = await createItem(agency.id);
    await t.patch(`/v1/inspection-items/${cancelled.id}`, { status: 'cancelled' }, ifMatch('"v1"'));
    await expectRefused(t, inspectionTasks, postTask(agency.id, [stranger.item.id, item.id, cancelled.id, UNKNOWN]), 422, ['/itemIds/0', '/itemIds/2', '/itemIds/3']);
  });

  it('may be items the lead agency cooperates in', async () => {
    const owner = await t.createAgency();
    const lead = await t.createAgency();
    const joint = await createItem(owner.id, { cooperatingAgencyIds: [lead.id] });
    expect((await createTask(lead.id, [joint.id])).itemIds).toEqual([joint.id]);
  });

  it('stay valid once named: a task whose item is later cancelled can still be adjusted', async () => {
    const { agency, item } = await agencyWithItem();
    const task = await createTask(agency.id, [item.id]);
    await t.patch(`/v1/inspection-items/${item.id}`, { status: 'cancelled' }, ifMatch('"v1"'));
    const adjusted = await t.patch(`/v1/inspection-tasks/${task.id}`, { name: '调整后的任务' }, ifMatch('"v1"'));
    expect(adjusted.status, JSON.stringify(adjusted.body)).toBe(200);
    expect(adjusted.body).toMatchObject({ version: 2, itemIds: [item.id], name: '调整后的任务' });
  });
  it("stay valid once named when the item's owner stops the lead's cooperation: the task can still be adjusted", async () => {
    const owner = await t.createAgency();
    const lead = await t.createAgency();
    const joint = await createItem(owner.id, { cooperatingAgencyIds: [lead.id] });
    const task = await createTask(lead.id, [joint.id]);
    await t.patch(`/v1/inspection-items/${joint.id}`, { cooperatingAgencyIds: null }, ifMatch('"v1"'));
    const cancelled = await t.patch(`/v1/inspection-tasks/${task.id}`, { status: 'cancelled' }, ifMatch('"v1"'));
    expect(cancelled.status, JSON.stringify(cancelled.body)).toBe(200);
    expect(cancelled.body).toMatchObject({ version: 2, status: 'cancelled', itemIds: [joint.id] });
  });
});

describe('derived fields', () => {
  it('joint follows the cooperating agencies, which must exist and differ from the lead (422)', async () => {
    const { agency, item } = await agencyWithItem();
    const partner = await t.createAgency();
    await expectRefused(t, inspectionTasks, postTask(agency.id, [item.id], { cooperatingAgencyIds: [agency.id] }), 422, ['/cooperatingAgencyIds/0']);
    await expectRefused(t, inspectionTasks, postTask(agency.id, [item.id], { cooperatingAgencyIds: [partner.id, UNKNOWN] }), 422, ['/cooperatingAgencyIds/1']);
    const task = await createTask(agency.id, [item.id], { cooperatingAgencyIds: [partner.id] });
    expect(task).toMatchObject({ joint: true, cooperatingAgencyIds: [partner.id] });
    const alone = await t.patch(`/v1/inspection-tasks/${task.id}`, { cooperatingAgencyIds: null }, ifMatch('"v1"'));
    expect(alone.body).toMatchObject({ version: 2, joint: false, cooperatingAgencyIds: [] });
  });

  it('targeted (定向) follows the selection: none or empty is the whole directory (不定向)', async () => {
    const { agency, item } = await agencyWithItem();
    expect(await createTask(agency.id, [item.id])).toMatchObject({ targeted: false, selection: {} });
    expect(await createTask(agency.id, [item.id], { selection: {} })).toMatchObject({ targeted: false });
    const selection = { regionCodes: ['440100'], industryCodes: ['F52'], riskClasses: ['C', 'D'], tags: ['食品经营'], objectTypes: ['entity'] };
    const targeted = await createTask(agency.id, [item.id], { selection });
    expect(targeted).toMatchObject({ targeted: true, selection: { ...selection, riskClassNames: ['信用风险较高', '信用风险高'] } });
    // A patch applies to the stored selection, not to the names published beside its codes.
    const renamed = await t.patch(`/v1/inspection-tasks/${targeted.id}`, { name: '改名' }, ifMatch('"v1"'));
    expect(renamed.status, JSON.stringify(renamed.body)).toBe(200);
    expect(renamed.body.selection).toEqual(targeted.selection);
    const whole = await t.patch(`/v1/inspection-tasks/${targeted.id}`, { selection: null }, ifMatch('"v2"'));
    expect(whole.body).toMatchObject({ version: 3, targeted: false, selection: {} });
  });

  it.each(['joint', 'targeted', 'draw', 'results', 'agencyId'])('%s cannot be patched (400 naming it)', async (field) => {
    const { agency, item } = await agencyWithItem();
    const task = await createTask(agency.id, [item.id]);
    await expectRefused(t, inspectionTasks, patchTask(task.id, { [field]: field === 'agencyId' ? UNKNOWN : true }), 400, [`/${field}`]);
  });
});

describe('who adjusts a task', () => {
  it("is the lead agency: another agency's key, even a cooperating one, is refused (403)", async () => {
    const { agency, item } = await agencyWithItem();
    const partner = await t.createAgency();
    const task = await createTask(agency.id, [item.id], { cooperatingAgencyIds: [partner.id] });
    await expectRefused(t, inspectionTasks, patchTask(task.id, { name: '改' }, 1, await t.keyFor(partner.id)), 403);
    const key = await t.keyFor(agency.id);
    expect((await patchTask(task.id, { name: '改' }, 1, key)()).body).toMatchObject({ version: 2, name: '改' });
  });
});

describe('GET /v1/inspection-tasks', () => {
  it('filters by agency (lead or cooperating), plan, item, year and Chinese words', async () => {
    const { agency, item } = await agencyWithItem();
    const partner = await t.createAgency();
    const second = await createItem(agency.id);
    const plan = await created(t, '/v1/inspection-plans', validPlan([item.id], { agencyId: agency.id }));
    const planned = await createTask(agency.id, [item.id], { planId: plan.id, name: '2026年餐饮服务食品安全抽查' });
    const joint = await createTask(agency.id, [item.id, second.id], { cooperatingAgencyIds: [partner.id], name: '2026年农贸市场联合抽查' });
    const later = await createTask(agency.id, [second.id], { year: 2027, window: { from: '2027-03-01', to: '2027-04-30' }, description: '重点检查冷链食品进货查验' });
    const ids = (query: string) => listedIds(t, `/v1/inspection-tasks?agencyId=${agency.id}&${query}`).then(sorted);
    expect(await ids('')).toEqual(sorted([planned.id, joint.id, later.id]));
    expect(await listedIds(t, `/v1/inspection-tasks?agencyId=${partner.id}`)).toEqual([joint.id]);
    expect(await listedIds(t, `/v1/inspection-tasks?planId=${plan.id}`)).toEqual([planned.id]);
    expect(await ids(`itemId=${item.id}`)).toEqual(sorted([planned.id, joint.id]));
    expect(await ids(`itemId=${second.id}`)).toEqual(sorted([joint.id, later.id]));
    expect(await ids('year=2027')).toEqual([later.id]);
    expect(await ids(`q=${encodeURIComponent('农贸市场')}`)).toEqual([joint.id]);
    expect(await ids(`q=${encodeURIComponent('冷链食品')}`)).toEqual([later.id]);
    expect(await ids(`year=2026&q=${encodeURIComponent('冷链食品')}`)).toEqual([]);
  });

  it('answers 400 naming a bad filter', async () => {
    for (const query of ['year=2014', 'year=next', 'itemId=1', 'status=done']) {
      const res = await t.request(`/v1/inspection-tasks?${query}`);
      expect(res.status, query).toBe(400);
      expect(res.body.errors.map((e: any) => `${e.in} ${e.pointer}`)).toEqual([`query /${query.split('=')[0]}`]);
    }
  });
});
