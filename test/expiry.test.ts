import { describe, expect, it } from 'vitest';
import { admin, useTestApp, testClock } from './support/app.js';
import { validPenalty } from './support/penalties.js';

const clock = testClock('2026-11-27T02:00:00Z');
const t = useTestApp({ now: () => clock.now });
const expire = (headers: Record<string, string> = admin, body: unknown = {}) => t.post('/v1/maintenance/expire', body, headers);
const head = async () => (await t.request('/v1/feed?limit=1')).body.head as number;

describe('POST /v1/maintenance/expire', () => {
  it('expires the penalties past their publicity end with an `expired` feed event each; a second call finds none', async () => {
    const agency = await t.createAgency();
    const publish = async (fields: Record<string, unknown>) => {
      const res = await t.post('/v1/penalties', validPenalty({ agencyId: agency.id, ...fields }), admin);
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return res.body as { id: string; publicityEndDate: string };
    };
    const a = await publish({}); // credit 一般: 12 months, to 2027-11-20
    const b = await publish({ publicityEndDate: '2027-03-01' });
    const serious = await publish({ publicity: { severity: '严重' } }); // 36 months
    expect([a.publicityEndDate, b.publicityEndDate]).toEqual(['2027-11-20', '2027-03-01']);

    expect((await expire()).body).toEqual({ expired: 0 }); // nothing has ended yet
    clock.now = new Date('2027-11-20T15:00:00Z'); // still 2027-11-20 in Beijing until 16:00 UTC
    expect((await expire()).body).toEqual({ expired: 1 });
    clock.now = new Date('2027-11-21T01:00:00Z');
    const before = await head();
    const res = await expire();
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ expired: 1 });
    const feed = await t.request(`/v1/feed?after=${before}`);
    expect(feed.body.items.map((e: { id: string; event: string }) => [e.id, e.event])).toEqual([[a.id, 'expired']]);
    expect((await expire()).body).toEqual({ expired: 0 });

    const read = await t.request(`/v1/penalties/${b.id}`);
    expect(read.body).toMatchObject({ status: 'expired', version: 2 });
    expect((await t.request(`/v1/penalties/${serious.id}`)).body).toMatchObject({ status: 'published', version: 1 });
  });

  it('expires more than one batch (500) in one call', async () => {
    const agency = await t.createAgency();
    for (let i = 0; i < 2; i++) {
      const items = Array.from({ length: 260 }, () => validPenalty({ agencyId: agency.id, publicityEndDate: '2027-02-21' }));
      const res = await t.post('/v1/penalties/batch', { items }, admin);
      expect(res.status, JSON.stringify(res.body).slice(0, 300)).toBe(201);
    }
    clock.now = new Date('2027-03-01T02:00:00Z');
    expect((await expire(admin, { limit: 7 })).body).toEqual({ expired: 7 });
    expect((await expire()).body).toEqual({ expired: 513 });
    expect((await expire()).body).toEqual({ expired: 0 });
  }, 120_000);

  it('one sweep ending several decisions: each its own version, reason and redacted revisions, in end-date order', async () => {
    const agency = await t.createAgency();
    const ends = ['2027-02-21', '2027-02-20', '2027-02-22'];
    const res = await t.post('/v1/penalties/batch', { items: ends.map((publicityEndDate) => validPenalty({ agencyId: agency.id, publicityEndDate })) }, admin);
    expect(res.status, JSON.stringify(res.body).slice(0, 300)).toBe(201);
    const ids: string[] = res.body.items.map((i: { id: string }) => i.id);
    clock.now = new Date('2027-03-01T02:00:00Z');
    const before = await head();
    expect((await expire()).body).toEqual({ expired: 3 });
    const feed = (await t.request(`/v1/feed?after=${before}`)).body.items as { id: string; event: string; version: number }[];
    expect(feed.map((e) => [e.id, e.event, e.version])).toEqual([[ids[1], 'expired', 2], [ids[0], 'expired', 2], [ids[2], 'expired', 2]]);
    for (const [i, id] of ids.entries()) {
      const revs = (await t.request(`/v1/penalties/${id}/revisions`)).body.items as { event: string; reason: string | null; data: { redacted?: boolean } }[];
      expect(revs.map((r) => [r.event, r.data.redacted ?? false])).toEqual([['created', true], ['expired', false]]);
      expect(revs[1]!.reason).toBe(`公示期满 (${ends[i]})`);
    }
  });

  it('is for the operator only: a writer key gets 403, no key 401', async () => {
    const agency = await t.createAgency();
    const key = await t.keyFor(agency.id);
    const res = await expire(key);
    expect(res.status).toBe(403);
    expect(res.body.detail).toContain('operator');
    expect((await expire({})).status).toBe(401);
    const bad = await expire(admin, { limit: 0, force: true });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { pointer: string }) => e.pointer).sort()).toEqual(['/force', '/limit']);
  });
});
