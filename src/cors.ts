import { cors } from 'hono/cors';
import type { MiddlewareHandler } from 'hono';

/**
 * Headers every answer carries, added where the response is built: a middleware that sets headers on a
 * finished response turns @hono/node-server's lightweight response into a full one (about a third of a
 * get-by-id's server time in the bench).
 * - Reads are public and writes carry bearer keys, never cookies, so any origin may call the API
 *   (preflights go through hono's cors()).
 * - `X-Content-Type-Options: nosniff`, so a browser never reads JSON or CSV as HTML or script.
 */
export const COMMON_HEADERS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Expose-Headers': 'ETag, Link, Location, Idempotent-Replayed, Feed-Position',
  'X-Content-Type-Options': 'nosniff',
} as const;

/** For answers built by a library (a preflight, the reference page): the header goes in before they are. */
export const nosniffFirst: MiddlewareHandler = async (c, next) => {
  c.header('X-Content-Type-Options', 'nosniff');
  await next();
};

/** Answers a CORS preflight (an OPTIONS request); mounted per known path (src/methods.ts). */
export const answerPreflight: MiddlewareHandler = cors({
  origin: '*',
  allowHeaders: ['Authorization', 'Content-Type', 'If-Match', 'If-None-Match', 'Idempotency-Key'],
  allowMethods: ['GET', 'POST', 'PATCH', 'DELETE', 'OPTIONS'],
  maxAge: 86400,
});
