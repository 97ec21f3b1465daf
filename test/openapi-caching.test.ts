import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';
import { sharedDb } from '../src/db/client.js';
import { useTestApp } from './support/app.js';

const t = useTestApp();

describe('GET /openapi.json caching', () => {
  it('sends a strong ETag that is the SHA-256 of the exact bytes, and a short public freshness', async () => {
    const res = await t.app.request('/openapi.json');
    expect(res.status).toBe(200);
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(res.headers.get('etag')).toBe(`"${createHash('sha256').update(bytes).digest('hex')}"`);
    expect(res.headers.get('cache-control')).toBe('public, max-age=300, stale-while-revalidate=86400');
    expect(JSON.parse(bytes.toString('utf8')).openapi).toMatch(/^3\.1/);
  });

  it('answers 304 with no body to If-None-Match naming it (weak comparison, in a list, or *)', async () => {
    const etag = (await t.request('/openapi.json')).headers.get('etag')!;
    for (const ifNoneMatch of [etag, `W/${etag}`, `"x", ${etag}`, '*']) {
      const res = await t.request('/openapi.json', { headers: { 'If-None-Match': ifNoneMatch } });
      expect(res.status, ifNoneMatch).toBe(304);
      expect(res.body).toBeNull();
      expect(res.headers.get('etag')).toBe(etag);
      expect(res.headers.get('cache-control')).toBe('public, max-age=300, stale-while-revalidate=86400');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    }
  });

  it('sends the document again for another ETag, and HEAD sends its headers alone', async () => {
    const etag = (await t.request('/openapi.json')).headers.get('etag')!;
    const other = await t.request('/openapi.json', { headers: { 'If-None-Match': `"${'0'.repeat(64)}"` } });
    expect(other.status).toBe(200);
    expect(other.body.openapi).toMatch(/^3\.1/);
    const head = await t.app.request('/openapi.json', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('etag')).toBe(etag);
    expect(await head.text()).toBe('');
  });

  it('has the same ETag on another instance of the app (servers behind one name agree)', async () => {
    const first = (await t.request('/openapi.json')).headers.get('etag');
    const other = createApp({ db: sharedDb(t.db) });
    const second = await other.request('/openapi.json', { headers: { 'If-None-Match': first! } });
    expect(second.status).toBe(304);
    expect(second.headers.get('etag')).toBe(first);
  });
});
