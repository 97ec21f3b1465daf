import { describe, expect, it } from 'vitest';
import { PublishedDraw } from '../src/draw/published.js';
import { verifyDraw } from '../src/draw/verify.js';
import { headerAddress } from '../src/rate-limits.js';
import { admin, testClock, useTestApp } from './support/app.js';
import { commitTask, created, drawSecret, drawTask, inspectionWorld } from './support/inspections.js';

const clock = testClock('2026-12-02T02:00:00Z');
// Behind a proxy that appends the client's address to X-Forwarded-For (CLIENT_ADDRESS_HEADER on Node).
const t = useTestApp({ now: () => clock.now, clientAddress: headerAddress('X-Forwarded-For') });

describe('the draw', () => {
  it('commits, takes contributions, reveals and verifies; the result is published with everything needed to recompute it', async () => {
    const world = await inspectionWorld(t, { entities: 8, inspectors: 4, task: { sample: { mode: 'count', count: 3 } } });
    const partner = await t.createAgency();
    const partnerKey = await t.keyFor(partner.id);
    const ownKey = await t.keyFor(world.agencyId);
    const { secret, commitment } = drawSecret();
    const committed = await created(t, `/v1/inspection-tasks/${world.task.id}/draw/commit`, { commitment, contributionMinutes: 30 }, ownKey);
    expect(committed).toMatchObject({ status: 'committed', attempt: 1, commitment, secret: null, result: null, pools: { entities: { count: 8 }, inspectors: { count: 4 }, conflicts: { count: 0 } } });
    expect(committed.contributions).toEqual([]);

    const own = await t.post(`/v1/inspection-tasks/${world.task.id}/draw/contributions`, { value: 'ab'.repeat(32) }, ownKey);
    expect(own.status).toBe(403);
    const added = await t.post(`/v1/inspection-tasks/${world.task.id}/draw/contributions`, { value: 'cd'.repeat(32) }, partnerKey);
    expect(added.status, JSON.stringify(added.body)).toBe(201);
    expect(added.body.contributions.map((c: any) => [c.seq, c.by, c.agencyId])).toEqual([[1, 'agency', partner.id]]);

    const early = await t.post(`/v1/inspection-tasks/${world.task.id}/draw/reveal`, { secret }, ownKey);
    expect(early.status).toBe(409);
    clock.now = new Date('2026-12-02T02:31:00Z');
    const late = await t.post(`/v1/inspection-tasks/${world.task.id}/draw/contributions`, { value: 'ef'.repeat(32) }, partnerKey);
    expect(late.status).toBe(409);

    const wrong = await t.post(`/v1/inspection-tasks/${world.task.id}/draw/reveal`, { secret: '00'.repeat(32) }, ownKey);
    expect(wrong.status).toBe(422);
    expect(wrong.body.errors.map((e: any) => e.pointer)).toEqual(['/secret']);
    expect((await t.request(`/v1/inspection-tasks/${world.task.id}/draw`)).body.status).toBe('committed');

    const revealed = await t.post(`/v1/inspection-tasks/${world.task.id}/draw/reveal`, { secret }, ownKey);
    expect(revealed.status, JSON.stringify(revealed.body)).toBe(200);
    expect(revealed.body.result.selections).toHaveLength(3);
    expect(revealed.body.contributions.map((c: any) => [c.seq, c.by, c.at])).toEqual([[1, 'agency', '2026-12-02T02:00:00.000Z'], [2, 'platform', revealed.body.revealedAt]]);
    for (const s of revealed.body.result.selections) expect(new Set(s.inspectorIds).size).toBe(2);
    expect((await t.post(`/v1/inspection-tasks/${world.task.id}/draw/reveal`, { secret }, ownKey)).status).toBe(409);

    const verify = await t.request(`/v1/inspection-tasks/${world.task.id}/draw/verify`);
    expect(verify.status, JSON.stringify(verify.body)).toBe(200);
    expect(verify.body.match).toBe(true);
    const withPools = await t.request(`/v1/inspection-tasks/${world.task.id}/draw?include=pools`);
    expect(withPools.body.pools.entities.items).toHaveLength(8);

    const frozen = await t.patch(`/v1/inspection-tasks/${world.task.id}`, { name: '改名' }, { ...admin, 'If-Match': '"v1"' });
    expect(frozen.status).toBe(409);
    const revisions = await t.request(`/v1/inspection-draws/${committed.id}/revisions`);
    expect(revisions.body.items.map((r: any) => r.event)).toEqual(['committed', 'contributed', 'revealed']);
  });

  it('publishes a draw the offline verifier recomputes from its JSON alone, and catches a tampered copy', async () => {
    const world = await inspectionWorld(t, { entities: 6, inspectors: 3, task: { sample: { mode: 'strata', strata: { A: { count: 1 }, B: { basisPoints: 5000 } } } } });
    await drawTask(t, world.task.id);
    const saved = PublishedDraw.parse((await t.request(`/v1/inspection-tasks/${world.task.id}/draw?include=pools`)).body);
    expect(verifyDraw(saved).match).toBe(true);
    const tamperedResult = structuredClone(saved);
    tamperedResult.result!.selections[0]!.entityId = world.entities.find((e: any) => !saved.result!.selections.some((s) => s.entityId === e.id)).id;
    const tamperedPool = structuredClone(saved);
    tamperedPool.pools.entities.items!.pop();
    const swapped = structuredClone(saved);
    swapped.contributions[0]!.value = 'ee'.repeat(32);
    for (const copy of [tamperedResult, tamperedPool, swapped]) expect(verifyDraw(copy).match).toBe(false);
  });

  it('records results only for drawn entities by their assigned inspectors', async () => {
    const world = await inspectionWorld(t, { entities: 5, inspectors: 3, task: { sample: { mode: 'count', count: 2 } } });
    const draw = await drawTask(t, world.task.id);
    const [first] = draw.result.selections;
    const notDrawn = world.entities.find((e: any) => !draw.result.selections.some((s: any) => s.entityId === e.id));
    const good = { entityId: first.entityId, resultCode: '1', inspectedOn: '2026-12-02', inspectorIds: first.inspectorIds };
    const bad = await t.post(`/v1/inspection-tasks/${world.task.id}/results`, { agencyId: world.agencyId, items: [good, { ...good, entityId: notDrawn.id }] });
    expect(bad.status).toBe(422);
    expect(bad.body.errors.map((e: any) => e.pointer)).toContain('/items/1/entityId');
    expect((await t.request(`/v1/inspection-tasks/${world.task.id}/results`)).body.items).toEqual([]);
    const ok = await t.post(`/v1/inspection-tasks/${world.task.id}/results`, { agencyId: world.agencyId, items: [good] });
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
    expect(ok.body[0]).toMatchObject({ resultName: '未发现问题', dueOn: '2026-12-30', late: false });
    const listed = await t.request(`/v1/inspection-tasks/${world.task.id}/results`);
    expect(listed.body.items.map((r: any) => r.entityId)).toEqual([first.entityId]);
    expect((await t.post(`/v1/inspection-tasks/${world.task.id}/draw/void`, { reason: '测试作废' })).status).toBe(409);
  });

  it('takes a bounded public contribution without a key: one per address, published as by public', async () => {
    const world = await inspectionWorld(t, { entities: 3, inspectors: 2, task: { sample: { mode: 'count', count: 1 } } });
    await commitTask(t, world.task.id, 30);
    const path = `/v1/inspection-tasks/${world.task.id}/draw/public-contributions`;
    // The client may write X-Forwarded-For entries of its own; the proxy appends the address it saw last.
    const send = (address: string, forged = '10.0.0.1') =>
      t.request(path, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': `${forged}, ${address}` }, body: JSON.stringify({ value: '5a'.repeat(32) }) });
    const first = await send('203.0.113.7');
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.body.contributions).toEqual([{ seq: 1, value: '5a'.repeat(32), by: 'public', agencyId: null, at: '2026-12-02T02:00:00.000Z' }]);
    expect(JSON.stringify(first.body)).not.toContain('203.0.113.7');
    expect((await send('203.0.113.7')).status).toBe(409);
    expect((await send('203.0.113.7', '192.0.2.99')).status).toBe(409);
    expect((await send('198.51.100.2')).status).toBe(201);
    const feed = await t.request('/v1/feed?limit=200');
    expect(feed.body.items.filter((e: any) => e.type === 'inspection_draw' && e.event === 'contributed').length).toBeGreaterThanOrEqual(2);
  });

  it('refuses a sample larger than the pool at commit, writing nothing', async () => {
    const world = await inspectionWorld(t, { entities: 2, inspectors: 2, task: { sample: { mode: 'count', count: 3 } } });
    const { commitment } = drawSecret();
    const res = await t.post(`/v1/inspection-tasks/${world.task.id}/draw/commit`, { commitment });
    expect(res.status, JSON.stringify(res.body)).toBe(422);
    expect((await t.request(`/v1/inspection-tasks/${world.task.id}/draw`)).status).toBe(404);
    // The task is not frozen by a refused commit: it can be fixed and drawn.
    const fixed = await t.patch(`/v1/inspection-tasks/${world.task.id}`, { sample: { mode: 'count', count: 2 } }, { ...admin, 'If-Match': '"v1"' });
    expect(fixed.status).toBe(200);
    expect((await commitTask(t, world.task.id)).draw.pools.entities.count).toBe(2);
  });
});
