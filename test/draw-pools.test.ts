import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { drawPoolConflicts, drawPoolEntities, drawPoolInspectors, inspectionTasks } from '../src/db/schema.js';
import { freezePools, readPools } from '../src/domain/inspections/draw-pools.js';
import { rowsOf } from '../src/domain/query-helpers.js';
import { newId } from '../src/lib/ids.js';
import { chinaDate } from '../src/lib/validity.js';
import { admin, useTestApp } from './support/app.js';
import { commitTask, inspectionWorld } from './support/inspections.js';

const t = useTestApp();

/* Frozen pools are copied and read in statements allowed to outlast the server's statement_timeout. */
describe('frozen pools', () => {
  it('copies and reads the pools in id order, with the caller’s statement_timeout back afterwards', async () => {
    const world = await inspectionWorld(t, { entities: 6, inspectors: 3 });
    // The first entity's new row version is stored after the others, out of id order in the table.
    const moved = await t.patch(`/v1/inspection-entities/${world.entities[0].id}`, { riskClass: 'D' }, { ...admin, 'If-Match': '"v1"' });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    const { draw } = await commitTask(t, world.task.id);
    const published = (await t.request(`/v1/inspection-tasks/${world.task.id}/draw?include=pools`)).body.pools;
    expect(published.entities.items.map((e: { id: string }) => e.id)).toEqual(world.entities.map((e: { id: string }) => e.id).sort());
    expect(published.entities.items.map((e: { stratum: string }) => e.stratum).sort()).toEqual(['A', 'B', 'B', 'C', 'D', 'D']);
    const read = await readPools(t.db, draw.id);
    expect(read).toEqual({ entities: published.entities.items, inspectors: published.inspectors.items, conflicts: published.conflicts.items });

    const [task] = await t.db.select().from(inspectionTasks).where(eq(inspectionTasks.id, world.task.id));
    const copy = newId();
    const frozen = await t.db.transaction(async (tx) => {
      await tx.execute(sql`SET LOCAL statement_timeout = '4s'`);
      const pools = await freezePools(tx, copy, task!, chinaDate(new Date()));
      expect(await rowsOf(tx, sql`SELECT current_setting('statement_timeout') AS timeout`)).toEqual([{ timeout: '4s' }]);
      return pools;
    });
    expect(frozen).toEqual(read);
    for (const table of [drawPoolEntities, drawPoolInspectors, drawPoolConflicts]) await t.db.delete(table).where(eq(table.drawId, copy));
  });

  it('leaves out inspectors who are away or removed, and those whose 执法证 is revoked or has lapsed since enrolment', async () => {
    const world = await inspectionWorld(t, { entities: 4, inspectors: 6 });
    const [away, removed, revoked, lapsed, ...kept] = world.inspectors;
    const changes: [string, Record<string, unknown>][] = [
      [`/v1/inspectors/${away.id}`, { available: false }],
      [`/v1/inspectors/${removed.id}`, { status: 'removed' }],
      [`/v1/officers/${revoked.officerId}`, { status: 'revoked' }],
      [`/v1/officers/${lapsed.officerId}`, { validFrom: '2020-01-01', validTo: '2025-12-31' }],
    ];
    for (const [path, patch] of changes) {
      const res = await t.patch(path, patch, { ...admin, 'If-Match': '"v1"' });
      expect(res.status, `${path} ${JSON.stringify(res.body)}`).toBe(200);
    }
    const { draw } = await commitTask(t, world.task.id);
    const pool = (await t.request(`/v1/inspection-tasks/${world.task.id}/draw?include=pools`)).body.pools.inspectors.items;
    expect(pool.map((i: { id: string }) => i.id)).toEqual(kept.map((i: { id: string }) => i.id).sort());
    expect(draw.pools.inspectors.count).toBe(2);
  });
});
