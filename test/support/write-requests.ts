/**
 * One valid request for every write operation of the API, keyed by operationId, over records this module
 * creates first. Generated tests take these as the base to attack (personal data in every string, headers …);
 * a test checks that every write operation of the published document has one, so a new write route cannot
 * go untested. Factories are called per request: an If-Match is read fresh each time.
 */
import { expect } from 'vitest';
import { admin, uniqueCreditCode, type TestContext } from './app.js';
import { validAction, validCampaign } from './actions.js';
import { basisPayload } from './legal-bases.js';
import { validLicence } from './licences.js';
import { validApprovalItem } from './approval-items.js';
import { validOfficer } from './officers.js';
import { commitTask, createdTask, drawSecret, drawTask, inspectionWorld, validEntity, validItem, validRules, validTask } from './inspections.js';
import { addItem, createEditionDraft, publication, validEdition, validNlItem } from './negative-list.js';
import { validPenalty } from './penalties.js';
import { benchmarkBody, powerBody } from './powers.js';
import { validProcedure } from './procedures.js';

export interface WriteRequest {
  method: 'POST' | 'PATCH' | 'DELETE';
  path: string;
  body?: Record<string, unknown>;
  headers: Record<string, string>;
}

export type WriteRequests = Record<string, () => Promise<WriteRequest>>;

export interface WriteTargets {
  agencyId: string;
  penaltyId: string;
  licenceId: string;
  actionId: string;
}

async function created(t: TestContext, path: string, body: unknown): Promise<any> {
  const res = await t.post(path, body, admin);
  expect(res.status, `${path}: ${JSON.stringify(res.body)}`).toBe(201);
  return res.body;
}

/** If-Match for the record at `path` as it is now. */
async function ifMatch(t: TestContext, path: string): Promise<Record<string, string>> {
  const res = await t.request(path);
  expect(res.status, path).toBe(200);
  return { ...admin, 'If-Match': res.headers.get('ETag')! };
}

const correction = { reason: '更正笔误。', changes: {} };
const withdrawal = { reasonCategory: 'revoked', explanation: '原决定已被依法撤销。', eventDate: '2026-11-25' };
const repair = { conditions: { regime: 'credit', obligationsPerformed: true, creditCommitment: true, otherConditionsMet: true }, explanation: '当事人已履行义务。' };

/** Creates the records the write operations act on, as the operator, and returns a request factory per operation. */
export async function writeRequests(t: TestContext): Promise<{ requests: WriteRequests; targets: WriteTargets }> {
  // Paused, so no delivery round calls it (port 9, discard, refuses at once on a test machine anyway).
  const newWebhook = async () => {
    const hook = await created(t, '/v1/webhooks', { url: 'http://127.0.0.1:9/gongshi/events' });
    expect((await t.patch(`/v1/webhooks/${hook.id}`, { active: false }, admin)).status).toBe(200);
    return hook;
  };
  // Named as a market-regulation bureau: the published examples (test/spec-examples.test.ts) show its records.
  const agency = await t.createAgency({ name: '示例市市场监督管理局' });
  const agencyId: string = agency.id;
  const basis = await created(t, '/v1/legal-bases', basisPayload());
  const power = await created(t, '/v1/powers', powerBody({ agencyId }));
  const benchmark = await created(t, `/v1/powers/${power.id}/discretion-benchmarks`, benchmarkBody());
  const officer = await created(t, '/v1/officers', validOfficer({ agencyId }));
  await created(t, `/v1/agencies/${agencyId}/procedures`, validProcedure());
  const campaign = await created(t, '/v1/campaigns', validCampaign({ leadAgencyId: agencyId }));
  const penalty = await created(t, '/v1/penalties', validPenalty({ agencyId }));
  // Decided in June, published late: its minimum publicity period has passed, so it may be repaired now.
  const repairable = await created(t, '/v1/penalties', validPenalty({ agencyId, decisionDate: '2026-06-01' }));
  const licence = await created(t, '/v1/licences', validLicence({ agencyId }));
  const action = await created(t, '/v1/enforcement-actions', validAction({ agencyId }));
  const key = await created(t, '/v1/keys', { agencyId, name: '待吊销密钥', scopes: ['publish'] });
  const approvalItem = await created(t, '/v1/approval-items', validApprovalItem({ agencyId }));
  const world = await inspectionWorld(t, { entities: 2, inspectors: 3 });
  const rules = await created(t, '/v1/inspection-rules', validRules({ agencyId: world.agencyId }));
  const plan = await created(t, '/v1/inspection-plans', { agencyId: world.agencyId, year: 2026, title: '2026年度抽查计划', itemIds: [world.item.id] });
  const conflict = await created(t, '/v1/inspection-conflicts', { inspectorId: world.inspectors[0].id, entityId: world.entities[0].id, declaredBy: 'inspector', reason: '曾在该企业任职' });
  const newInspector = async () => {
    const person = await created(t, '/v1/officers', validOfficer({ agencyId: world.agencyId, domains: ['食品安全'] }));
    return { officerId: person.id, domains: ['食品安全'], available: true };
  };
  // A draw per request: a task is drawn once, and each step changes its draw.
  const newTask = () => createdTask(t, world);
  const committedDraw = async (minutes: number) => {
    const task = await newTask();
    return { task, ...(await commitTask(t, task.id, minutes)) };
  };
  const drawnTask = async () => {
    const task = await newTask();
    return { task, draw: await drawTask(t, task.id) };
  };
  const drawnWithResult = await drawnTask();
  // Inspected on the (Beijing) day of the draw: whatever clock the test runs on, neither before the draw nor in the future.
  const resultFor = (draw: { revealedAt: string; result: { selections: { entityId: string; inspectorIds: string[] }[] } }) => {
    const [s] = draw.result.selections;
    const inspectedOn = new Date(Date.parse(draw.revealedAt) + 8 * 3600_000).toISOString().slice(0, 10);
    return { entityId: s!.entityId, resultCode: '1', inspectedOn, inspectorIds: s!.inspectorIds, findings: '经营许可证在有效期内。' };
  };
  const [result] = await created(t, `/v1/inspection-tasks/${drawnWithResult.task.id}/results`, { agencyId: world.agencyId, items: [resultFor(drawnWithResult.draw)] });
  // One active plan per agency and year: each new plan gets an agency of its own, with an item to name.
  const newPlan = async () => {
    const owner = await t.createAgency();
    const ownItem = await created(t, '/v1/inspection-items', validItem({ agencyId: owner.id }));
    return { agencyId: owner.id, year: 2026, title: '2026年度抽查计划', itemIds: [ownItem.id] };
  };

  // Negative-list writes act on drafts: every publication gets a draft of its own, with an item.
  const draftEdition = await createEditionDraft(t);
  const draftItem = await addItem(t, draftEdition.id);
  const publishable = async () => {
    const draft = await createEditionDraft(t);
    await addItem(t, draft.id);
    return draft.code as string;
  };

  const post = (path: string, body: Record<string, unknown>) => async (): Promise<WriteRequest> => ({ method: 'POST', path, body, headers: admin });
  const patch = (path: string) => async (): Promise<WriteRequest> => ({ method: 'PATCH', path, body: {}, headers: await ifMatch(t, path) });
  const act = (record: string, action: string, body: Record<string, unknown>) => async (): Promise<WriteRequest> => ({
    method: 'POST',
    path: `${record}/${action}`,
    body: structuredClone(body),
    headers: await ifMatch(t, record),
  });

  const requests: WriteRequests = {
    createAgency: async () => (await post('/v1/agencies', { name: '示例区市场监督管理局', creditCode: uniqueCreditCode(), regionCode: '440103', level: '县级', kind: '法定' }))(),
    updateAgency: patch(`/v1/agencies/${agencyId}`),
    createProcedure: post(`/v1/agencies/${agencyId}/procedures`, validProcedure({ powerType: '06' })),
    updateProcedure: patch(`/v1/agencies/${agencyId}/procedures/02`),
    createLegalBasis: async () => (await post('/v1/legal-bases', basisPayload()))(),
    updateLegalBasis: patch(`/v1/legal-bases/${basis.id}`),
    createPower: async () => (await post('/v1/powers', powerBody({ agencyId })))(),
    updatePower: patch(`/v1/powers/${power.id}`),
    createDiscretionBenchmark: post(`/v1/powers/${power.id}/discretion-benchmarks`, benchmarkBody()),
    updateDiscretionBenchmark: patch(`/v1/discretion-benchmarks/${benchmark.id}`),
    createOfficer: async () => (await post('/v1/officers', validOfficer({ agencyId })))(),
    updateOfficer: patch(`/v1/officers/${officer.id}`),
    createPenalty: async () => (await post('/v1/penalties', validPenalty({ agencyId })))(),
    createPenaltyBatch: async () => (await post('/v1/penalties/batch', { items: [validPenalty({ agencyId })] }))(),
    correctPenalty: act(`/v1/penalties/${penalty.id}`, 'corrections', correction),
    withdrawPenalty: act(`/v1/penalties/${penalty.id}`, 'withdrawal', withdrawal),
    repairPenalty: act(`/v1/penalties/${repairable.id}`, 'credit-repair', repair),
    createLicence: async () => (await post('/v1/licences', validLicence({ agencyId })))(),
    createLicenceBatch: async () => (await post('/v1/licences/batch', { items: [validLicence({ agencyId })] }))(),
    correctLicence: act(`/v1/licences/${licence.id}`, 'corrections', correction),
    withdrawLicence: act(`/v1/licences/${licence.id}`, 'withdrawal', withdrawal),
    createCampaign: post('/v1/campaigns', validCampaign({ leadAgencyId: agencyId })),
    updateCampaign: patch(`/v1/campaigns/${campaign.id}`),
    createEnforcementAction: async () => (await post('/v1/enforcement-actions', validAction({ agencyId })))(),
    createEnforcementActionBatch: async () => (await post('/v1/enforcement-actions/batch', { items: [validAction({ agencyId })] }))(),
    correctEnforcementAction: act(`/v1/enforcement-actions/${action.id}`, 'corrections', correction),
    withdrawEnforcementAction: act(`/v1/enforcement-actions/${action.id}`, 'withdrawal', withdrawal),
    createInspectionItem: async () => (await post('/v1/inspection-items', validItem({ agencyId: world.agencyId })))(),
    updateInspectionItem: patch(`/v1/inspection-items/${world.item.id}`),
    createInspectionEntity: async () => (await post('/v1/inspection-entities', validEntity({ agencyId: world.agencyId })))(),
    updateInspectionEntity: patch(`/v1/inspection-entities/${world.entities[0].id}`),
    createInspector: async () => (await post('/v1/inspectors', await newInspector()))(),
    updateInspector: patch(`/v1/inspectors/${world.inspectors[0].id}`),
    createInspectionConflict: async () => {
      const entity = await created(t, '/v1/inspection-entities', validEntity({ agencyId: world.agencyId }));
      return post('/v1/inspection-conflicts', { inspectorId: world.inspectors[1].id, entityId: entity.id, declaredBy: 'entity', reason: '近亲属在该企业任职' })();
    },
    updateInspectionConflict: patch(`/v1/inspection-conflicts/${conflict.id}`),
    createInspectionRules: post('/v1/inspection-rules', validRules({ agencyId: world.agencyId })),
    updateInspectionRules: patch(`/v1/inspection-rules/${rules.id}`),
    createInspectionPlan: async () => post('/v1/inspection-plans', await newPlan())(),
    updateInspectionPlan: patch(`/v1/inspection-plans/${plan.id}`),
    createInspectionTask: post('/v1/inspection-tasks', validTask([world.item.id], { agencyId: world.agencyId })),
    updateInspectionTask: patch(`/v1/inspection-tasks/${world.task.id}`),
    commitInspectionDraw: async () => post(`/v1/inspection-tasks/${(await newTask()).id}/draw/commit`, { commitment: drawSecret().commitment, contributionMinutes: 60 })(),
    contributeToInspectionDraw: async () => post(`/v1/inspection-tasks/${(await committedDraw(60)).task.id}/draw/contributions`, { value: 'a5'.repeat(32) })(),
    contributePubliclyToInspectionDraw: async () => ({
      method: 'POST',
      path: `/v1/inspection-tasks/${(await committedDraw(60)).task.id}/draw/public-contributions`,
      body: { value: 'b6'.repeat(32) },
      headers: {},
    }),
    revealInspectionDraw: async () => {
      const { task, secret } = await committedDraw(0);
      return post(`/v1/inspection-tasks/${task.id}/draw/reveal`, { secret })();
    },
    voidInspectionDraw: async () => post(`/v1/inspection-tasks/${(await committedDraw(0)).task.id}/draw/void`, { reason: '抽查对象名录库数据有误，作废重抽。' })(),
    recordInspectionResults: async () => {
      const { task, draw } = await drawnTask();
      return post(`/v1/inspection-tasks/${task.id}/results`, { agencyId: world.agencyId, items: [resultFor(draw)] })();
    },
    updateInspectionResult: patch(`/v1/inspection-results/${result.id}`),
    createNegativeListEdition: async () => (await post('/v1/negative-list/editions', validEdition()))(),
    updateNegativeListEdition: patch(`/v1/negative-list/editions/${draftEdition.code}`),
    publishNegativeListEdition: async () => {
      const code = await publishable();
      return post(`/v1/negative-list/editions/${code}/publish`, await publication(t))();
    },
    createNegativeListItem: async () => (await post('/v1/negative-list/items', validNlItem(draftEdition.id)))(),
    updateNegativeListItem: patch(`/v1/negative-list/items/${draftItem.id}`),
    createApprovalItem: async () => (await post('/v1/approval-items', validApprovalItem({ agencyId })))(),
    updateApprovalItem: patch(`/v1/approval-items/${approvalItem.id}`),
    expirePublicity: post('/v1/maintenance/expire', {}),
    createWebhook: post('/v1/webhooks', { url: 'http://127.0.0.1:9/gongshi/events', types: ['penalty'], after: '0' }),
    updateWebhook: async () => ({ method: 'PATCH', path: `/v1/webhooks/${(await newWebhook()).id}`, body: { active: true, after: '0' }, headers: admin }),
    deleteWebhook: async () => ({ method: 'DELETE', path: `/v1/webhooks/${(await newWebhook()).id}`, headers: admin }),
    dispatchWebhooks: post('/v1/maintenance/webhooks', {}),
    createKey: post('/v1/keys', { agencyId, name: '发布系统', scopes: ['publish'] }),
    revokeKey: async () => ({ method: 'DELETE', path: `/v1/keys/${key.id}`, headers: admin }),
  };
  return { requests, targets: { agencyId, penaltyId: penalty.id, licenceId: licence.id, actionId: action.id } };
}

/** Sends a WriteRequest (JSON body; merge patches as application/merge-patch+json). */
export function send(t: TestContext, req: WriteRequest, extraHeaders: Record<string, string> = {}) {
  const type = req.method === 'PATCH' ? 'application/merge-patch+json' : 'application/json';
  return t.request(req.path, {
    method: req.method,
    headers: { ...(req.body ? { 'Content-Type': type } : {}), ...req.headers, ...extraHeaders },
    ...(req.body ? { body: JSON.stringify(req.body) } : {}),
  });
}

/** Sets the value at a pointer pattern (`*` = the first element), creating the objects and arrays on the way. */
export function setAt(body: Record<string, unknown>, pointer: string, value: unknown): void {
  const keys = pointer.split('/').slice(1).map((k) => k.replaceAll('~1', '/').replaceAll('~0', '~'));
  let node: any = body;
  keys.forEach((key, i) => {
    const slot = key === '*' ? 0 : key;
    if (i === keys.length - 1) {
      node[slot] = value;
      return;
    }
    const nextIsIndex = keys[i + 1] === '*';
    if (node[slot] === null || typeof node[slot] !== 'object') node[slot] = nextIsIndex ? [] : {};
    node = node[slot];
  });
}
