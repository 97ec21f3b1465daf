/**
 * Public answers kept in an edge cache (the Workers Cache API): an anonymous GET answered once is answered
 * again from the cache, without its query, for as long as nothing has been written since. Each entry is keyed
 * by its URL and by the change log's head when it was made: every write moves the head, so the next read
 * after a write is made fresh, and a read costs one single-row query (the head) before the cache is asked.
 * The entry's own Cache-Control bounds its life too (a minute for records and lists), which covers what
 * changes with the date alone (a publicity period ending before the hourly sweep). A conditional request
 * whose If-None-Match names the entry's ETag is answered 304 from it. Every answer says what the cache did
 * in a `Cache-Status` header (RFC 9211).
 */
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './context.js';
import { feedHead } from './domain/feed.js';
import { tryExecutionCtx } from './execution-ctx.js';
import { ifNoneMatchSatisfied } from './lib/etag.js';

/** The two methods of a Cache API cache (`caches.default` on Workers) that the edge cache uses. */
export type EdgeCache = Pick<Cache, 'match' | 'put'>;

const CACHE_NAME = 'gongshi-edge';
/** The query parameter the cache key adds: the head the entry was made at (never sent to the app). */
const HEAD_PARAM = 'gongshi-feed-head';

/** Headers about this request rather than the answer (its rate-limit standing): never stored, set anew on a hit. */
const PER_REQUEST_HEADERS = ['RateLimit', 'RateLimit-Policy'];

/** JSON answers whose Cache-Control lets a shared cache keep them (records, lists, revisions); not the feed or exports. */
const storable = (res: Response) =>
  res.status === 200 && /^application\/json/.test(res.headers.get('Content-Type') ?? '') && /\bpublic\b/.test(res.headers.get('Cache-Control') ?? '');

export function edgeCaching(cache: EdgeCache): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (c.req.method !== 'GET' || c.req.header('Authorization') !== undefined) return next();
    const key = new URL(c.req.url);
    key.searchParams.set(HEAD_PARAM, String(await feedHead(c.get('services').db)));
    const hit = await cache.match(key.toString());
    if (hit) {
      const etag = hit.headers.get('ETag');
      const ifNoneMatch = c.req.header('If-None-Match');
      const headers = new Headers(hit.headers);
      headers.set('Cache-Status', `${CACHE_NAME}; hit`);
      if (etag && ifNoneMatch && ifNoneMatchSatisfied(ifNoneMatch, etag)) {
        for (const name of ['Content-Type', 'Content-Length', 'Last-Modified']) headers.delete(name);
        return c.body(null, 304, Object.fromEntries(headers));
      }
      // Through c.body, so this request's own headers (its rate-limit standing) are added.
      return c.body(hit.body ?? '', 200, Object.fromEntries(headers));
    }
    await next();
    if (!storable(c.res)) {
      c.res.headers.set('Cache-Status', `${CACHE_NAME}; fwd=uri-miss`);
      return;
    }
    const copy = c.res.clone();
    const entry = new Response(copy.body, copy);
    for (const name of PER_REQUEST_HEADERS) entry.headers.delete(name);
    const stored = cache.put(key.toString(), entry);
    // Stored after the answer is sent where the runtime allows it.
    const ctx = tryExecutionCtx(c);
    if (ctx) ctx.waitUntil(stored);
    else await stored;
    c.res.headers.set('Cache-Status', `${CACHE_NAME}; fwd=uri-miss; stored`);
  };
}
