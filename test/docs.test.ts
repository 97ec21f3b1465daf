import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';
import type { Logger } from '../src/context.js';
import { sharedDb } from '../src/db/client.js';
import { readRedocBundle, redocBundlePath } from '../src/docs/redoc-bundle.js';
import { useTestApp } from './support/app.js';

const t = useTestApp();

/** The URLs a page or script names: src and href attributes, and module imports. */
const namedUrls = (text: string) => [...text.matchAll(/(?:\bsrc|\bhref)="([^"]*)"|\bfrom\s+'([^']*)'/g)].map((m) => (m[1] ?? m[2])!);

async function page() {
  const res = await t.request('/docs');
  expect(res.status).toBe(200);
  return res;
}

/** The scripts the page names, resolved against its URL. */
async function scripts(): Promise<URL[]> {
  const html: string = (await page()).body;
  const base = new URL('http://gongshi.test/docs');
  return [...html.matchAll(/<script[^>]*\bsrc="([^"]+)"/g), ...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)].map((m) => new URL(m[1]!, base));
}

describe('the reference page at /docs', () => {
  it('is HTML that names only same-origin URLs, and no external URL at all', async () => {
    const res = await page();
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html: string = res.body;
    const urls = namedUrls(html);
    expect(urls.length).toBeGreaterThanOrEqual(3);
    // Relative references only: no scheme, no network-path (//host) reference.
    expect(urls.filter((u) => /^[a-z][a-z0-9+.-]*:|^\/\//i.test(u))).toEqual([]);
    expect(html).not.toMatch(/https?:|\/\/[a-z]/i);
    expect(html).toContain('openapi.json');
    const named = await scripts();
    expect(named.map((u) => u.origin)).toEqual(named.map(() => 'http://gongshi.test'));
    expect(named.map((u) => u.pathname)).toEqual([expect.stringMatching(/^\/docs\/assets\/start\.[0-9a-f]{16}\.js$/), expect.stringMatching(/^\/docs\/assets\/redoc\.standalone\.[0-9a-f]{16}\.js$/)]);
  });

  it('is sent with a Content-Security-Policy that allows only this origin and no framing', async () => {
    const res = await page();
    const csp = Object.fromEntries(
      res.headers
        .get('content-security-policy')!
        .split(';')
        .map((d) => d.trim().split(/\s+/))
        .map(([name, ...values]) => [name, values]),
    );
    expect(csp['frame-ancestors']).toEqual(["'none'"]);
    expect(csp['default-src']).toEqual(["'none'"]);
    expect(csp['script-src']).toEqual(["'self'"]);
    expect(csp['connect-src']).toEqual(["'self'"]);
    // Nothing from another origin, and nothing that runs code beyond this origin's files.
    const sources = Object.values(csp).flat() as string[];
    expect(sources.filter((s) => !["'self'", "'none'", "'unsafe-inline'", 'data:'].includes(s))).toEqual([]);
    expect(csp['style-src']).toContain("'unsafe-inline'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('revalidates with its ETag (it names the current scripts, so it is never kept unasked)', async () => {
    const res = await page();
    expect(res.headers.get('cache-control')).toBe('no-cache');
    const etag = res.headers.get('etag')!;
    expect(etag).toMatch(/^"[0-9a-f]{64}"$/);
    const again = await t.request('/docs', { headers: { 'If-None-Match': etag } });
    expect(again.status).toBe(304);
    expect(again.body).toBeNull();
    expect(again.headers.get('etag')).toBe(etag);
  });
});

describe('the reference page’s scripts', () => {
  it('are served as JavaScript with a strong ETag and a year of immutable caching', async () => {
    for (const url of await scripts()) {
      const res = await t.request(url.pathname);
      expect(res.status, url.pathname).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
      expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      const etag = res.headers.get('etag')!;
      expect(etag).toMatch(/^"[0-9a-f]{64}"$/);
      // The name carries the first 16 hex digits of the bytes' SHA-256, the ETag all of them.
      expect(etag.slice(1, 17)).toBe(/\.([0-9a-f]{16})\.js$/.exec(url.pathname)![1]);
      const again = await t.request(url.pathname, { headers: { 'If-None-Match': etag } });
      expect(again.status).toBe(304);
      expect(again.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    }
  });

  it('are Redoc exactly as the installed package ships it, and a starter that imports only it', async () => {
    const [start, redoc] = await scripts();
    const bundle = await t.app.request(redoc!.pathname);
    expect(Buffer.from(await bundle.arrayBuffer()).equals(readFileSync(redocBundlePath()))).toBe(true);
    const starter: string = (await t.request(start!.pathname)).body;
    expect(namedUrls(starter)).toEqual([`./${redoc!.pathname.split('/').pop()}`]);
    expect(starter).toContain('disableTelemetry: true');
  });

  it('are only those: another name is a 404 problem', async () => {
    for (const path of ['/docs/assets/redoc.standalone.js', '/docs/assets/start.0000000000000000.js', '/docs/assets/..%2Fopenapi.json']) {
      const res = await t.request(path);
      expect(res.status, path).toBe(404);
      expect(res.body).toMatchObject({ type: 'https://gongshi.dev/problems/not-found', status: 404 });
    }
  });
});

describe('a reference bundle that cannot be read', () => {
  it('is a logged 500 problem without internals, and is read again by the next request', async () => {
    const logs: Parameters<Logger>[] = [];
    let reads = 0;
    const app = createApp({
      db: sharedDb(t.db),
      log: (...entry) => logs.push(entry),
      referenceBundle: async () => {
        reads += 1;
        if (reads === 1) throw new Error('ENOENT: no such file');
        return readRedocBundle();
      },
    });
    const failed = await app.request('/docs');
    expect(failed.status).toBe(500);
    expect(failed.headers.get('content-type')).toBe('application/problem+json');
    expect(await failed.text()).not.toMatch(/ENOENT|redoc/i);
    expect(logs).toEqual([['error', 'unhandled error', { method: 'GET', path: '/docs', error: 'Error: API reference bundle unavailable: ENOENT: no such file' }]]);
    const recovered = await app.request('/docs');
    expect(recovered.status).toBe(200);
    expect((await app.request('/docs')).status).toBe(200);
    expect(reads).toBe(2);
  });

  it('is a 500 when the app was given none', async () => {
    const logs: Parameters<Logger>[] = [];
    const app = createApp({ db: sharedDb(t.db), log: (...entry) => logs.push(entry) });
    expect((await app.request('/docs')).status).toBe(500);
    expect(logs.map(([level, , fields]) => `${level} ${fields?.error}`)).toEqual(['error Error: API reference bundle unavailable: createApp was given no referenceBundle']);
  });
});
