import { describe, expect, it } from 'vitest';
import { inspectionPlans, inspectionRules } from '../src/db/schema.js';
import { admin, useTestApp } from './support/app.js';
import { created, expectRefused, ifMatch, listedIds, sorted, validItem, validPlan, validRules, validTask } from './support/inspections.js';

const t = useTestApp();
const UNKNOWN = '0193a1b2-7c4d-7e5f-8a9b-0c1d2e3f4a5b';

const createItem = (agencyId: string, fields: Record<string, unknown> = {}) => created(t, '/v1/inspection-items', validItem({ agencyId, ...fields }));
const postPlan = (body: Record<string, unknown>, headers = admin) => () => t.post('/v1/inspection-plans', body, headers);

/** An agency with one active item of its own. */
async function agencyWithItem() {
  const agency = await t.createAgency();
  return { agency, item: await createItem(agency.id) };
}

describe('抽查工作细则', () => {
  it('is a versioned document: each revision keeps the text it replaced', async () => {
    const agency = await t.createAgency();
    const key = await t.keyFor(agency.id);
    const rules = await created(t, '/v1/inspection-rules', validRules(), key);
    expect(rules).toMatchObject({ version: 1, status: 'active', agencyId: agency.id, docNumber: '示市监〔2026〕1号' });
    const text = rules.text + '\n第三条 抽查结果自形成之日起20个工作日内公示。';
    const revised = await t.patch(`/v1/inspection-rules/${rules.id}`, { text, docNumber: '示市监〔2026〕9号', effectiveOn: '2026-07-01' }, ifMatch('"v1"', key));
    expect(revised.body).toMatchObject({ version: 2, text, effectiveOn: '2026-07-01' });
    const repealed = await t.patch(`/v1/inspection-rules/${rules.id}`, { status: 'repealed' }, ifMatch('"v2"', key));
    expect(repealed.body).toMatchObject({ version: 3, status: 'repealed', text });
    const revisions = (await t.request(`/v1/inspection-rules/${rules.id}/revisions`)).body.items;
    expect(revisions.map((r: any) => [r.data.text, r.data.docNumber, r.data.status])).toEqual([
      [rules.text, '示市监〔2026〕1号', 'active'],
      [text, '示市监〔2026〕9号', 'active'],
      [text, '示市监〔2026〕9号', 'repealed'],
    ]);
  });

  it("is written by its own agency only (403 for another agency's key)", async () => {
    const [agency, other] = [await t.createAgency(), await t.createAgency()];
    const rules = await created(t, '/v1/inspection-rules', validRules({ agencyId: agency.id }));
    const key = await t.keyFor(other.id);
    await expectRefused(t, inspectionRules, () => t.patch(`/v1/inspection-rules/${rules.id}`, { status: 'repealed' }, ifMatch('"v1"', key)), 403);
    await expectRefused(t, inspectionRules, () => t.post('/v1/inspection-rules', validRules({ agencyId: agency.id }), key), 403);
  });

  it('is found by agency, status and Chinese words of its text', async () => {
    const agency = await t.createAgency();
    const rules = await created(t, '/v1/inspection-rules', validRules({ agencyId: agency.id, text: '第一条 检查对象名录库实行动态管理，每季度更新一次。' }));
    const old = await created(t, '/v1/inspection-rules', validRules({ agencyId: agency.id, status: 'repealed' }));
    expect(sorted(await listedIds(t, `/v1/inspection-rules?agencyId=${agency.id}`))).toEqual(sorted([rules.id, old.id]));
    expect(await listedIds(t, `/v1/inspection-rules?agencyId=${agency.id}&status=repealed`)).toEqual([old.id]);
    expect(await listedIds(t, `/v1/inspection-rules?agencyId=${agency.id}&q=${encodeURIComponent('动态管理')}`)).toEqual([rules.id]);
  });

  it.each([
    ['no text', { text: undefined }, ['/text']],
    ['an impossible date', { effectiveOn: '2026-13-01' }, ['/effectiveOn']],
    ['an unknown status', { status: 'draft' }, ['/status']],
  ])('answers 400 for %s', async (_what, fields, expected) => {
    const agency = await t.createAgency();
    await expectRefused(t, inspectionRules, () => t.post('/v1/inspection-rules', validRules({ agencyId: agency.id, ...fields })), 400, expected);
  });
});

describe('annual plans: one active plan per agency and year', () => {
  it('answers 409 naming /year for a second active plan; another year, another agency or a cancelled first plan are fine', async () => {
    const { agency, item } = await agencyWithItem();
    const first = await created(t, '/v1/inspection-plans', validPlan([item.id], { agencyId: agency.id }));
    expect(first).toMatchObject({ version: 1, status: 'active', year: 2026, itemIds: [item.id], filedWithAgencyId: null });
    await expectRefused(t, inspectionPlans, postPlan(validPlan([item.id], { agencyId: agency.id, title: '重复计划' })), 409, ['/year']);
    await created(t, '/v1/inspection-plans', validPlan([item.id], { agencyId: agency.id, year: 2027 }));
    const other = await agencyWithItem();
    await created(t, '/v1/inspection-plans', validPlan([other.item.id], { agencyId: other.agency.id }));
    await t.patch(`/v1/inspection-plans/${first.id}`, { status: 'cancelled' }, ifMatch('"v1"'));
    const replacement = await created(t, '/v1/inspection-plans', validPlan([item.id], { agencyId: agency.id, title: '调整后的计划' }));
    expect(sorted(await listedIds(t, `/v1/inspection-plans?agencyId=${agency.id}&year=2026`))).toEqual(sorted([first.id, replacement.id]));
    expect(await listedIds(t, `/v1/inspection-plans?agencyId=${agency.id}&year=2026&status=active`)).toEqual([replacement.id]);
  });
});

describe('the items of a plan', () => {
  it('may be items the agency cooperates in', async () => {
    const { agency: owner } = await agencyWithItem();
    const partner = await t.createAgency();
    const joint = await createItem(owner.id, { cooperatingAgencyIds: [partner.id] });
    const plan = await created(t, '/v1/inspection-plans', validPlan([joint.id], { agencyId: partner.id }));
    expect(plan.itemIds).toEqual([joint.id]);
  });

  it("answers 422 naming /itemIds/i for another agency's item it does not cooperate in, a cancelled item or an unknown id", async () => {
    const { agency, item } = await agencyWithItem();
    const stranger = await agencyWithItem();
    const cancelled = await createItem(agency.id);
    await t.patch(`/v1/inspection-items/${cancelled.id}`, { status: 'cancelled' }, ifMatch('"v1"'));
    const res = await expectRefused(t, inspectionPlans, postPlan(validPlan([item.id, stranger.item.id, cancelled.id, UNKNOWN], { agencyId: agency.id })), 422, [
      '/itemIds/1',
      '/itemIds/2',
      '/itemIds/3',
    ]);
    expect(res.body.errors.map((e: { detail: string }) => e.detail)).toEqual([
      'An item of another agency, which this agency does not cooperate in.',
      'The item is cancelled.',
      'No inspection item has this id.',
    ]);
  });

  it('stay valid once named: a plan whose item is later cancelled can still be adjusted, but cannot add another cancelled item', async () => {
    const { agency, item } = await agencyWithItem();
    const plan = await created(t, '/v1/inspection-plans', validPlan([item.id], { agencyId: agency.id }));
    await t.patch(`/v1/inspection-items/${item.id}`, { status: 'cancelled' }, ifMatch('"v1"'));
    const adjusted = await t.patch(`/v1/inspection-plans/${plan.id}`, { title: '2026年度抽查计划(调整)' }, ifMatch('"v1"'));
    expect(adjusted.status, JSON.stringify(adjusted.body)).toBe(200);
    expect(adjusted.body).toMatchObject({ version: 2, itemIds: [item.id] });
    const other = await createItem(agency.id);
    await t.patch(`/v1/inspection-items/${other.id}`, { status: 'cancelled' }, ifMatch('"v1"'));
    await expectRefused(t, inspectionPlans, () => t.patch(`/v1/inspection-plans/${plan.id}`, { itemIds: [item.id, other.id] }, ifMatch('"v2"')), 422, ['/itemIds/1']);
  });

  it("stay valid once named when the item's owner stops the agency's cooperation: the plan can still be adjusted and cancelled", async () => {
    const owner = await t.createAgency();
    const { agency: partner, item: own } = await agencyWithItem();
    const joint = await createItem(owner.id, { cooperatingAgencyIds: [partner.id] });
    const plan = await created(t, '/v1/inspection-plans', validPlan([own.id, joint.id], { agencyId: partner.id }));
    const dropped = await t.patch(`/v1/inspection-items/${joint.id}`, { cooperatingAgencyIds: null }, ifMatch('"v1"'));
    expect(dropped.body).toMatchObject({ version: 2, joint: false });
    const adjusted = await t.patch(`/v1/inspection-plans/${plan.id}`, { title: '2026年度抽查计划(调整)' }, ifMatch('"v1"'));
    expect(adjusted.status, JSON.stringify(adjusted.body)).toBe(200);
    const cancelled = await t.patch(`/v1/inspection-plans/${plan.id}`, { status: 'cancelled' }, ifMatch('"v2"'));
    expect(cancelled.body).toMatchObject({ version: 3, status: 'cancelled', itemIds: [own.id, joint.id] });
    await expectRefused(t, inspectionPlans, postPlan(validPlan([joint.id], { agencyId: partner.id })), 422, ['/itemIds/0']);
  });

  it.each([
    ['no item', () => [], ['/itemIds']],
    ['an item listed twice', (id: string) => [id, id], ['/itemIds/1']],
  ])('answers 400 for %s', async (_what, itemIds, expected) => {
    const { agency, item } = await agencyWithItem();
    await expectRefused(t, inspectionPlans, postPlan(validPlan(itemIds(item.id), { agencyId: agency.id })), 400, expected);
  });
});

describe('the rest of a plan', () => {
  it('names the agency it is filed with (422 for an unknown one)', async () => {
    const { agency, item } = await agencyWithItem();
    await expectRefused(t, inspectionPlans, postPlan(validPlan([item.id], { agencyId: agency.id, filedWithAgencyId: UNKNOWN })), 422, ['/filedWithAgencyId']);
    const upper = await t.createAgency({ name: '示例省市场监督管理局', level: '省级' });
    const plan = await created(t, '/v1/inspection-plans', validPlan([item.id], { agencyId: agency.id, filedWithAgencyId: upper.id }));
    expect(plan.filedWithAgencyId).toBe(upper.id);
  });

  it('links to its tasks', async () => {
    const { agency, item } = await agencyWithItem();
    const plan = await created(t, '/v1/inspection-plans', validPlan([item.id], { agencyId: agency.id }));
    expect(plan.tasks).toBe(`/v1/inspection-tasks?planId=${plan.id}`);
    expect(await listedIds(t, plan.tasks)).toEqual([]);
    const task = await created(t, '/v1/inspection-tasks', validTask([item.id], { agencyId: agency.id, planId: plan.id }));
    await created(t, '/v1/inspection-tasks', validTask([item.id], { agencyId: agency.id }));
    expect(await listedIds(t, plan.tasks)).toEqual([task.id]);
  });

  it("is adjusted by its own agency only (403 for another agency's key)", async () => {
    const { agency, item } = await agencyWithItem();
    const plan = await created(t, '/v1/inspection-plans', validPlan([item.id], { agencyId: agency.id }));
    const key = await t.keyFor((await t.createAgency()).id);
    await expectRefused(t, inspectionPlans, () => t.patch(`/v1/inspection-plans/${plan.id}`, { title: '改' }, ifMatch('"v1"', key)), 403);
  });

  it.each([
    ['a year before 2015', { year: 2014 }, ['/year']],
    ['a year as a string', { year: '2026' }, ['/year']],
    ['a tasks link', { tasks: '/v1/inspection-tasks' }, ['/tasks']],
  ])('answers 400 for %s', async (_what, fields, expected) => {
    const { agency, item } = await agencyWithItem();
    await expectRefused(t, inspectionPlans, postPlan(validPlan([item.id], { agencyId: agency.id, ...fields })), 400, expected);
  });
});
