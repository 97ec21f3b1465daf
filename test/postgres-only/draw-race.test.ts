import { describe, expect, it } from 'vitest';
import { useTestApp } from '../support/app.js';
import { drawSecret, inspectionWorld } from '../support/inspections.js';

const now = new Date('2026-12-02T02:00:00Z');
const t = useTestApp({ now: () => now });

describe('concurrent steps of one draw (PostgreSQL, several connections)', () => {
  it('commits once when five commits race, and numbers racing contributions 1…n without a gap or a 500', async () => {
    const world = await inspectionWorld(t, { entities: 4, inspectors: 2, task: { sample: { mode: 'count', count: 1 } } });
    const commits = await Promise.all(
      Array.from({ length: 5 }, () => t.post(`/v1/inspection-tasks/${world.task.id}/draw/commit`, { commitment: drawSecret().commitment, contributionMinutes: 30 })),
    );
    expect(commits.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409]);
    const agencies = await Promise.all(Array.from({ length: 6 }, () => t.createAgency()));
    const keys = await Promise.all(agencies.map((a) => t.keyFor(a.id)));
    const added = await Promise.all(keys.map((key, i) => t.post(`/v1/inspection-tasks/${world.task.id}/draw/contributions`, { value: String(i).padStart(2, '0').repeat(32) }, key)));
    expect(added.map((r) => r.status)).toEqual([201, 201, 201, 201, 201, 201]);
    const draw = await t.request(`/v1/inspection-tasks/${world.task.id}/draw`);
    expect(draw.body.contributions.map((c: any) => c.seq)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(draw.body.version).toBe(7);
  });
});
