import postgres from 'postgres';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../support/app.js';
import { expectProblem, penaltyAction, validPenalty } from '../support/penalties.js';

const now = new Date('2026-11-27T02:00:00Z');
const t = useTestApp({ now: () => now });

describe('a correction racing another writer to the same decision number (PostgreSQL)', () => {
  it('is 409 on /changes/decisionNumber when the unique index decides, never a 500', async () => {
    const agency = await t.createAgency();
    const key = await t.keyFor(agency.id);
    const [first, second] = await Promise.all([t.post('/v1/penalties', validPenalty(), key), t.post('/v1/penalties', validPenalty(), key)]);
    expect([first!.status, second!.status]).toEqual([201, 201]);
    const number = `${first!.body.decisionNumber}-更正`;
    const holder = postgres(t.database.url!, { max: 1, onnotice: () => {} });
    const watcher = postgres(t.database.url!, { max: 1, onnotice: () => {} });
    try {
      // Another transaction takes the number first and has not committed: the correction's own lookup sees
      // nothing, so its update waits on the unique index and fails once that transaction commits.
      let release!: () => void;
      const held = new Promise<void>((r) => (release = r));
      let taken!: () => void;
      const isTaken = new Promise<void>((r) => (taken = r));
      const other = holder.begin(async (sql) => {
        await sql`UPDATE penalties SET decision_number = ${number} WHERE id = ${second!.body.id}`;
        taken();
        await held;
      });
      await isTaken;
      const correction = penaltyAction(t, first!.body.id, 'corrections', { reason: '文书编号有误，予以更正。', changes: { decisionNumber: number } }, key, '"v1"');
      const deadline = Date.now() + 30_000;
      for (;;) {
        const [row] = await watcher`SELECT count(*)::int AS n FROM pg_locks WHERE NOT granted`;
        if (row!.n > 0) break;
        if (Date.now() > deadline) throw new Error('the correction never waited on the held number');
        await new Promise((r) => setTimeout(r, 20));
      }
      release();
      await other;
      expectProblem(await correction, 409, ['/changes/decisionNumber']);
      expect((await t.request(`/v1/penalties/${first!.body.id}`)).body).toMatchObject({ version: 1, decisionNumber: first!.body.decisionNumber });
    } finally {
      await holder.end();
      await watcher.end();
    }
  });
});
