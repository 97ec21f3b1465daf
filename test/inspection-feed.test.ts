import { describe, expect, it } from 'vitest';
import { testClock, useTestApp } from './support/app.js';
import { created, enrolInspector, expectOneEvent, ifMatch, validEntity, validItem, validPlan, validRules, validTask } from './support/inspections.js';
import { createBasis, feedHead } from './support/legal-bases.js';
import { createOfficer } from './support/officers.js';

// Fixed, so the validity of an item's citations reads the same at write time and at GET time.
const clock = testClock('2026-03-02T02:00:00Z');
const t = useTestApp({ now: () => clock.now });

type Setup = (agencyId: string) => Promise<{ body: Record<string, unknown>; patch: Record<string, unknown> }>;

const item = (agencyId: string) => created(t, '/v1/inspection-items', validItem({ agencyId }));

const cases: [string, string, Setup][] = [
  [
    'inspection_item',
    '/v1/inspection-items',
    async (agencyId) => {
      const basis = await createBasis(t);
      return { body: validItem({ agencyId, citations: [{ legalBasisId: basis.id, articleNo: '1' }] }), patch: { frequency: '每年2次' } };
    },
  ],
  ['inspection_entity', '/v1/inspection-entities', async (agencyId) => ({ body: validEntity({ agencyId }), patch: { riskClass: 'D' } })],
  [
    'inspector',
    '/v1/inspectors',
    async (agencyId) => ({ body: { officerId: (await createOfficer(t, agencyId)).id, domains: ['食品安全'], available: true }, patch: { available: false } }),
  ],
  [
    'inspection_conflict',
    '/v1/inspection-conflicts',
    async (agencyId) => {
      const inspector = await enrolInspector(t, agencyId);
      const entity = await created(t, '/v1/inspection-entities', validEntity({ agencyId }));
      return { body: { inspectorId: inspector.id, entityId: entity.id, declaredBy: 'inspector', reason: '曾在该企业任职' }, patch: { status: 'withdrawn' } };
    },
  ],
  ['inspection_rules', '/v1/inspection-rules', async (agencyId) => ({ body: validRules({ agencyId }), patch: { docNumber: '示市监〔2026〕2号' } })],
  ['inspection_plan', '/v1/inspection-plans', async (agencyId) => ({ body: validPlan([(await item(agencyId)).id], { agencyId }), patch: { title: '调整后的计划' } })],
  ['inspection_task', '/v1/inspection-tasks', async (agencyId) => ({ body: validTask([(await item(agencyId)).id], { agencyId }), patch: { selection: { riskClasses: ['D'] } } })],
];

describe('the feed of 双随机 records', () => {
  it.each(cases)('%s: a create and a patch are one event each, publishing what GET answers; a patch changing nothing is none', async (type, collection, setup) => {
    const agency = await t.createAgency();
    const { body, patch } = await setup(agency.id);
    let head = await feedHead(t);
    const record = await created(t, collection, body);
    const path = `${collection}/${record.id}`;
    await expectOneEvent(t, head, type, path);

    head = await feedHead(t);
    const changed = await t.patch(path, patch, ifMatch('"v1"'));
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    expect(changed.body.version).toBe(2);
    await expectOneEvent(t, head, type, path);

    head = await feedHead(t);
    const same = await t.patch(path, patch, ifMatch('"v2"'));
    expect(same.status).toBe(200);
    expect(same.body).toEqual(changed.body);
    expect(await feedHead(t)).toBe(head);
  });
});
