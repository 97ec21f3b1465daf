import type { Hono } from 'hono';
import type { AppEnv } from '../context.js';
import { READ_HEADERS } from '../cors.js';
import { ifNoneMatchSatisfied, toHex } from '../lib/etag.js';
import { strictQuery } from '../query-string.js';

/**
 * The document changes only with a deploy. Five minutes bounds how long a cache serves an old one after a
 * deploy without asking; stale-while-revalidate (RFC 5861) lets it answer at once from a copy up to a day old
 * while it asks again in the background, which the ETag makes a cheap 304.
 */
const SPEC_CACHE = 'public, max-age=300, stale-while-revalidate=86400';

/** GET /openapi.json: the same bytes for the app's life, with a strong ETag of them. */
export function mountSpec(app: Hono<AppEnv>, spec: object): void {
  const json = JSON.stringify(spec);
  // Hashed once, as the app is built (WebCrypto is asynchronous: the first request awaits the digest).
  const etag = crypto.subtle.digest('SHA-256', new TextEncoder().encode(json)).then((digest) => `"${toHex(digest)}"`);
  app.get('/openapi.json', strictQuery([]), async (c) => {
    const headers = { ...READ_HEADERS, ETag: await etag, 'Cache-Control': SPEC_CACHE };
    if (ifNoneMatchSatisfied(c.req.header('If-None-Match') ?? '', headers.ETag)) return c.body(null, 304, headers);
    return c.body(json, 200, { ...headers, 'Content-Type': 'application/json; charset=utf-8' });
  });
}
