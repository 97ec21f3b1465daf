import { describe, expect, it } from 'vitest';
import { CACHE_CONTROL } from '../src/cache-policy.js';
import { admin, useTestApp } from './support/app.js';
import { spec } from './support/spec-check.js';
import { penaltyAction, uniqueDecisionNumber, validPenalty } from './support/penalties.js';
import { publishedEdition } from './support/negative-list.js';

const t = useTestApp();

const httpDate = (iso: string) => new Date(iso).toUTCString();

describe('HTTP caching', () => {
  it('a record: short public caching, its ETag, Last-Modified from updatedAt; the 304 carries the same caching', async () => {
    const agency = await t.createAgency();
    const res = await t.request(`/v1/agencies/${agency.id}`);
    expect(res.headers.get('Cache-Control')).toBe('public, max-age=60, stale-while-revalidate=600');
    expect(res.headers.get('ETag')).toBe('"v1"');
    expect(res.headers.get('Last-Modified')).toBe(httpDate(agency.updatedAt));
    const again = await t.request(`/v1/agencies/${agency.id}`, { headers: { 'If-None-Match': '"v1"' } });
    expect(again.status).toBe(304);
    expect(again.headers.get('Cache-Control')).toBe(CACHE_CONTROL.short);
    expect(again.headers.get('ETag')).toBe('"v1"');
  });

  it('a list: Last-Modified is its latest item change', async () => {
    const agency = await t.createAgency();
    const patched = await t.patch(`/v1/agencies/${agency.id}`, { name: '缓存测试局' }, { ...admin, 'If-Match': '"v1"' });
    expect(patched.status).toBe(200);
    const list = await t.request('/v1/agencies?limit=200');
    expect(list.headers.get('Cache-Control')).toBe(CACHE_CONTROL.short);
    const latest = Math.max(...list.body.items.map((a: { updatedAt: string }) => Date.parse(a.updatedAt)));
    expect(list.body.items.length).toBeGreaterThan(0);
    expect(list.headers.get('Last-Modified')).toBe(new Date(latest).toUTCString());
  });

  it('revisions never change, so they are immutable, except those of decisions, which are redacted when one is taken down', async () => {
    const agency = await t.createAgency();
    const revision = await t.request(`/v1/agencies/${agency.id}/revisions/1`);
    expect(revision.headers.get('Cache-Control')).toBe('public, max-age=31536000, immutable');
    expect(revision.headers.get('Last-Modified')).toBe(httpDate(revision.body.at));
    expect((await t.request(`/v1/agencies/${agency.id}/revisions`)).headers.get('Cache-Control')).toBe(CACHE_CONTROL.short);

    const key = await t.keyFor(agency.id);
    const penalty = await t.post('/v1/penalties', validPenalty({ decisionNumber: uniqueDecisionNumber() }), key);
    expect(penalty.status).toBe(201);
    const before = await t.request(`/v1/penalties/${penalty.body.id}/revisions/1`);
    expect(before.headers.get('Cache-Control')).toBe(CACHE_CONTROL.short);
    const withdrawn = await penaltyAction(t, penalty.body.id, 'withdrawal', { reasonCategory: 'revoked', explanation: '经行政复议决定撤销。', eventDate: '2026-11-25' }, key);
    expect(withdrawn.status).toBe(200);
    const after = await t.request(`/v1/penalties/${penalty.body.id}/revisions/1`);
    expect(after.body.data.redacted).toBe(true);
    expect(after.headers.get('ETag')).not.toBe(before.headers.get('ETag'));
  });

  it('an edition is cached as immutable once superseded, not while current', async () => {
    const { edition: older } = await publishedEdition(t);
    const { edition: current } = await publishedEdition(t);
    const res = await t.request(`/v1/negative-list/editions/${older.code}`);
    expect(res.body.status).toBe('superseded');
    expect(res.headers.get('Cache-Control')).toBe(CACHE_CONTROL.immutable);
    expect((await t.request(`/v1/negative-list/editions/${current.code}`)).headers.get('Cache-Control')).toBe(CACHE_CONTROL.short);
  });

  it('the feed, the exports and the manifest are always revalidated; a feed page says when its last change was', async () => {
    const agency = await t.createAgency();
    const feed = await t.request('/v1/feed?type=agency&limit=1000');
    expect(feed.headers.get('Cache-Control')).toBe('no-cache');
    const last = feed.body.items.at(-1);
    expect(last.id).toBe(agency.id);
    expect(feed.headers.get('Last-Modified')).toBe(httpDate(last.at));
    expect((await t.request('/v1/exports')).headers.get('Cache-Control')).toBe('no-cache');
    const file = await t.app.request('/v1/exports/agencies.ndjson');
    await file.arrayBuffer();
    expect(file.headers.get('Cache-Control')).toBe('no-cache');
  });

  it('answers for a key holder are never stored and vary by Authorization', async () => {
    const agency = await t.createAgency();
    const key = await t.keyFor(agency.id, ['admin']);
    const res = await t.request('/v1/keys', { headers: key });
    expect(res.status).toBe(200);
    expect(res.headers.get('Cache-Control')).toBe('no-store');
    expect(res.headers.get('Vary')).toBe('Authorization');
  });

  it('every public list answers with one of the policies', async () => {
    const lists = Object.entries(spec.paths ?? {})
      .filter(([path, item]) => !path.includes('{') && (item as { get?: unknown }).get && path.startsWith('/v1/') && path !== '/v1/keys')
      .map(([path]) => path);
    expect(lists.length).toBeGreaterThan(20);
    const allowed: string[] = Object.values(CACHE_CONTROL);
    for (const path of lists) {
      const res = await t.app.request(path);
      await res.arrayBuffer();
      if (res.status !== 200) continue; // lists that need a parameter (compliance, check) answer 400 without one
      expect(allowed, path).toContain(res.headers.get('Cache-Control'));
    }
  });
});
