import { describe, expect, it } from 'vitest';
import { uniqueCreditCode, useTestApp } from './support/app.js';
import { spec } from './support/spec-check.js';
import { uniqueDecisionNumber, personParty, validPenalty } from './support/penalties.js';
import { validLicence } from './support/licences.js';
import { validApprovalItem } from './support/approval-items.js';
import { validAction } from './support/actions.js';
import { ifMatch, inspectionWorld } from './support/inspections.js';

const t = useTestApp({ now: () => new Date('2026-11-27T02:00:00Z') });

type Node = Record<string, any>;

/** Response schemas: every component a 2xx answer reaches, and nothing only requests use. */
function responseComponents(): Set<string> {
  const seen = new Set<string>();
  const visit = (node: unknown) => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(visit);
    for (const [k, v] of Object.entries(node as Node)) {
      if (k === '$ref' && typeof v === 'string') {
        const id = v.split('/').pop()!;
        if (!seen.has(id)) {
          seen.add(id);
          visit(spec.components!.schemas![id]);
        }
      } else visit(v);
    }
  };
  for (const item of Object.values(spec.paths ?? {})) {
    for (const op of Object.values(item as Node)) {
      for (const [status, res] of Object.entries((op as Node)?.responses ?? {})) if (/^2/.test(status)) visit((res as Node).content);
    }
  }
  return seen;
}

describe('coded values carry their national names', () => {
  it('every property of a response schema holding a code-list code has a name beside it', () => {
    const missing: string[] = [];
    const components = responseComponents();
    expect(components.size).toBeGreaterThan(50);
    for (const id of components) {
      const schema = spec.components!.schemas![id] as Node;
      const props = (schema.properties ?? {}) as Node;
      for (const [name, prop] of Object.entries(props)) {
        if (!/Code from the .* list/.test(JSON.stringify(prop))) continue;
        if (/Item$/.test(id) && name === 'code') continue; // the code lists themselves: code and name side by side
        // type → typeName, resultCode → resultName, methods → methodNames, riskClasses → riskClassNames.
        const candidates = [`${name}Name`, `${name.replace(/Code$/, '')}Name`, `${name.replace(/s$/, '')}Names`, `${name.replace(/es$/, '')}Names`];
        const named = candidates.some((k) => k in props);
        if (!named) missing.push(`${id}.${name}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('penalties: 处罚类别 and 行政相对人类别 and 证件类型 by name', async () => {
    const agency = await t.createAgency();
    const key = await t.keyFor(agency.id);
    const res = await t.post('/v1/penalties', validPenalty({ decisionNumber: uniqueDecisionNumber(), party: personParty(), penaltyTypes: ['01', '02'] }), key);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.penaltyTypeNames).toEqual(['警告', '罚款']);
    expect(res.body.party).toMatchObject({ category: '02', categoryName: '自然人', idType: '01', idTypeName: '身份证' });
    const listed = await t.request(`/v1/penalties?agencyId=${agency.id}`);
    expect(listed.body.items[0].penaltyTypeNames).toEqual(['警告', '罚款']);
  });

  it('licences, approval items and enforcement targets: their categories by name', async () => {
    const agency = await t.createAgency();
    const key = await t.keyFor(agency.id);
    const licence = await t.post('/v1/licences', validLicence({ category: '02' }), key);
    expect(licence.status, JSON.stringify(licence.body)).toBe(201);
    expect(licence.body).toMatchObject({ category: '02', categoryName: '特许' });
    const item = await t.post('/v1/approval-items', validApprovalItem({ category: '04' }), key);
    expect(item.status, JSON.stringify(item.body)).toBe(201);
    expect(item.body).toMatchObject({ category: '04', categoryName: '核准' });
    // A merge patch against the published item, names included, still applies.
    const patched = await t.patch(`/v1/approval-items/${item.body.id}`, { name: '某核准事项' }, { ...key, 'If-Match': '"v1"' });
    expect(patched.status, JSON.stringify(patched.body)).toBe(200);
    expect(patched.body.categoryName).toBe('核准');
    const action = await t.post('/v1/enforcement-actions', validAction({ target: { name: '某公司', category: '01', creditCode: uniqueCreditCode() } }), key);
    expect(action.status, JSON.stringify(action.body)).toBe(201);
    expect(action.body.target.categoryName).toBe('法人及非法人组织');
    expect(action.body).toMatchObject({ actionType: '06', actionTypeName: '行政检查' });
  });

  it('a withdrawal notice names its reason category (行政处罚法第四十八条第二款)', async () => {
    const agency = await t.createAgency();
    const key = await t.keyFor(agency.id);
    const made = await t.post('/v1/penalties', validPenalty({ decisionNumber: uniqueDecisionNumber() }), key);
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    const withdrawn = await t.post(`/v1/penalties/${made.body.id}/withdrawal`, { reasonCategory: 'ruled-void', explanation: '经行政诉讼判决确认无效。', eventDate: '2026-11-26' }, { ...key, 'If-Match': '"v1"' });
    expect(withdrawn.status, JSON.stringify(withdrawn.body)).toBe(200);
    expect(withdrawn.body.withdrawal).toMatchObject({ reasonCategory: 'ruled-void', reasonCategoryName: '确认无效' });
    const read = await t.request(`/v1/penalties/${made.body.id}`);
    expect(read.body.withdrawal.reasonCategoryName).toBe('确认无效');
  });
});


describe('names sent back with their codes are accepted and ignored', () => {
  it('a penalty correction carrying the party and penalty types as read, names stale or wrong', async () => {
    const agency = await t.createAgency();
    const key = await t.keyFor(agency.id);
    const made = await t.post('/v1/penalties', validPenalty({ decisionNumber: uniqueDecisionNumber(), party: personParty(), penaltyTypes: ['01', '02'] }), key);
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    const { category, categoryName, idType, legalRepresentativeIdTypeName } = made.body.party;
    const changes = {
      party: { category, categoryName: `${categoryName}（改）`, idType, idTypeName: '护照', legalRepresentativeIdTypeName },
      penaltyTypes: ['02'],
      penaltyTypeNames: made.body.penaltyTypeNames,
    };
    const fixed = await t.post(`/v1/penalties/${made.body.id}/corrections`, { reason: '更正处罚类别。', changes }, { ...key, 'If-Match': '"v1"' });
    expect(fixed.status, JSON.stringify(fixed.body)).toBe(200);
    expect(fixed.body.penaltyTypeNames).toEqual(['罚款']);
    expect(fixed.body.party).toMatchObject({ category: '02', categoryName: '自然人', idType: '01', idTypeName: '身份证' });
    // The revision is the record as published, names from the codes.
    const revision = await t.request(`/v1/penalties/${made.body.id}/revisions/2`);
    expect(revision.status).toBe(200);
    expect(revision.body.data.party.categoryName).toBe('自然人');
  });

  it('an enforcement-action correction carrying its target as read', async () => {
    const agency = await t.createAgency();
    const key = await t.keyFor(agency.id);
    const action = await t.post('/v1/enforcement-actions', validAction({ target: { name: '某公司', category: '01', creditCode: uniqueCreditCode() } }), key);
    expect(action.status, JSON.stringify(action.body)).toBe(201);
    const target = { ...action.body.target, name: '某公司（更名后）', categoryName: '自然人' };
    const fixed = await t.post(`/v1/enforcement-actions/${action.body.id}/corrections`, { reason: '更正执法对象名称。', changes: { target } }, { ...key, 'If-Match': '"v1"' });
    expect(fixed.status, JSON.stringify(fixed.body)).toBe(200);
    expect(fixed.body.target).toMatchObject({ name: '某公司（更名后）', category: '01', categoryName: '法人及非法人组织' });
  });

  it('an inspection-task patch carrying its selection as read', async () => {
    const world = await inspectionWorld(t, { entities: 2, inspectors: 2, task: { selection: { riskClasses: ['C', 'D'] } } });
    expect(world.task.selection.riskClassNames).toHaveLength(2);
    const selection = { ...world.task.selection, riskClasses: ['D'] };
    const patched = await t.patch(`/v1/inspection-tasks/${world.task.id}`, { selection }, ifMatch('"v1"'));
    expect(patched.status, JSON.stringify(patched.body)).toBe(200);
    expect(patched.body.selection.riskClasses).toEqual(['D']);
    expect(patched.body.selection.riskClassNames).toHaveLength(1);
  });

  it('names are still typed: a number where a name goes is refused, naming the field', async () => {
    const agency = await t.createAgency();
    const key = await t.keyFor(agency.id);
    const made = await t.post('/v1/penalties', validPenalty({ decisionNumber: uniqueDecisionNumber() }), key);
    const bad = await t.post(`/v1/penalties/${made.body.id}/corrections`, { reason: '更正。', changes: { party: { categoryName: 7 } } }, { ...key, 'If-Match': '"v1"' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { pointer: string }) => e.pointer)).toContain('/changes/party/categoryName');
  });
});
