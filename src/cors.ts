import type { Context } from 'hono';

// Browsers may read the API from any origin, and never write to it from another: reads are public, while a
// write from a page of another origin would act with a key that page holds, which no portal needs. Each
// answer gets its headers where it is built: a middleware that sets headers on a finished response turns
// @hono/node-server's lightweight response into a full one (about a third of a get-by-id's server time in the
// bench). `X-Content-Type-Options: nosniff` on every answer, so a browser never reads JSON or CSV as HTML or
// script.

/** Answers to writes (and to any method other than GET and HEAD): no CORS, so another origin cannot read them. */
const WRITE_HEADERS = { 'X-Content-Type-Options': 'nosniff' } as const;

/** Answers to reads (GET, HEAD), problems included: any origin may read them, and the headers a client uses. */
export const READ_HEADERS = {
  ...WRITE_HEADERS,
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Expose-Headers': 'ETag, Link, Retry-After, Feed-Position, RateLimit, RateLimit-Policy',
} as const;

const READS = ['GET', 'HEAD'];
/** GET and HEAD: the methods that only read (CORS, rate limits and replica reads all draw the line here). */
export const isRead = (method: string) => READS.includes(method.toUpperCase());

/** The headers an answer to `method` carries. */
export const headersFor = (method: string) => (isRead(method) ? READ_HEADERS : WRITE_HEADERS);

/**
 * Answers a CORS preflight (an OPTIONS request) on a known path whose methods are `allow` (src/methods.ts).
 * A read the path has is allowed from any origin, with the one request header a read adds beyond the
 * CORS-safelisted ones (If-None-Match). A write gets no Access-Control-* header at all, so the browser
 * never sends it (WHATWG Fetch Standard, CORS-preflight fetch); Allow still lists every method.
 */
export function answerPreflight(c: Context, allow: string): Response {
  const requested = c.req.header('Access-Control-Request-Method') ?? '';
  const readable = isRead(requested) && allow.split(', ').includes(requested.toUpperCase());
  return c.body(null, 204, {
    ...WRITE_HEADERS,
    Allow: allow,
    ...(readable
      ? {
          'Access-Control-Allow-Origin': '*',
          'Access-Control-Allow-Methods': READS.join(', '),
          'Access-Control-Allow-Headers': 'If-None-Match',
          'Access-Control-Max-Age': '86400',
        }
      : {}),
  });
}
