import { cors } from 'hono/cors';
import type { MiddlewareHandler } from 'hono';

/**
 * Reads are public and writes carry bearer keys, never cookies, so any origin may call the API.
 * Preflights go through hono's cors(); every other answer carries these constant headers, added where
 * the response is built (cheaper than a middleware rewriting each finished response).
 */
export const CORS_HEADERS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Expose-Headers': 'ETag, Link, Location, Idempotent-Replayed',
} as const;

/** Answers a CORS preflight (an OPTIONS request); mounted per known path (src/methods.ts). */
export const answerPreflight: MiddlewareHandler = cors({
  origin: '*',
  allowHeaders: ['Authorization', 'Content-Type', 'If-Match', 'If-None-Match', 'Idempotency-Key'],
  allowMethods: ['GET', 'POST', 'PATCH', 'DELETE', 'OPTIONS'],
  maxAge: 86400,
});
