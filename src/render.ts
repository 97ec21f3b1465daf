import type { Context } from 'hono';
import type { z } from 'zod';
import { problems } from './errors.js';
import { etagOf, ifNoneMatchSatisfied } from './lib/etag.js';
import type { AppEnv, HandlerServices } from './context.js';
import { headersFor, READ_HEADERS } from './cors.js';
import type { Rendered } from './idempotency.js';
import { CACHE_CONTROL, lastModifiedOf, type CachePolicy } from './cache-policy.js';
import { JsonText } from './json-text.js';
import type { AnyRoute, ResponseMap, RouteResult } from './registry.js';

// A route's result as what is sent: status, headers and the exact bytes (registry.ts runs the route).

/** The headers every answer of a GET route carries, with its caching (a handler's own policy, or the route's). */
export function readHeaders(route: AnyRoute, cache: CachePolicy | undefined): Record<string, string> {
  const headers: Record<string, string> = { ...headersFor(route.method), 'Cache-Control': CACHE_CONTROL[cache ?? route.cache ?? 'short'] };
  // An answer to a key holder differs per key: a shared cache must not hand it to another.
  if (route.auth) headers['Vary'] = 'Authorization';
  return headers;
}

/**
 * The Response itself, headers as a plain record: hono's c.body() copies more than one header into a Headers
 * object, and the Node adapter then iterates and sorts it; a record it writes out directly (a tenth of the
 * garbage of a read by id). Only a rate limit sets headers on the context (src/rate-limits.ts): c.body() adds them.
 */
export function answer(c: Context<AppEnv>, { body, status, headers }: Sent): Response {
  if (c.get('rateLimit')) return body === null ? c.body(null, status as 204, headers) : c.body(body, status as 200, headers);
  return new Response(body, { status, headers });
}

/** What is sent: rendered bytes, or a stream for a `stream` response (never stored for idempotent replay: GET only). */
export type Sent = Omit<Rendered, 'body'> & { body: Rendered['body'] | ReadableStream<Uint8Array> };

/** Runs the handler and turns its result into the exact bytes and headers to send. */
export async function render(route: AnyRoute, services: HandlerServices, handle: () => Promise<RouteResult<ResponseMap>>, ifNoneMatch?: string): Promise<Sent> {
  const result = await handle();
  const spec = route.responses[result.status];
  if (!spec) throw new Error(`${route.operationId} returned undeclared status ${result.status}`);
  const isRead = route.method === 'get';
  // A handler may set its own Cache-Control (keys: no-store).
  const headers: Record<string, string> = { ...(isRead ? readHeaders(route, result.cache) : headersFor(route.method)), ...result.headers };
  if (spec.stream) {
    const body: unknown = result.body;
    if (!(body instanceof ReadableStream)) throw new Error(`${route.operationId} declared a stream and returned none`);
    const types = [spec.stream.mediaType].flat();
    const type = result.headers?.['Content-Type'] ?? types[0]!;
    if (!types.includes(type)) throw new Error(`${route.operationId} streamed undeclared ${type}`);
    // A download whose bytes follow from its ETag (a bulk export at one feed position) is not read again.
    if (isRead && result.etag && ifNoneMatch && ifNoneMatchSatisfied(ifNoneMatch, result.etag)) {
      await body.cancel();
      return notModified(result.etag, headers);
    }
    return { status: result.status, body, headers: { ...headers, 'Content-Type': type, ...(result.etag ? { ETag: result.etag } : {}) } };
  }
  // A record knows its ETag before rendering: an unchanged one costs no validation or serialization.
  if (isRead && result.etag && ifNoneMatch && ifNoneMatchSatisfied(ifNoneMatch, result.etag)) return notModified(result.etag, headers);
  if (!spec.schema) return { status: result.status, body: null, headers };
  const body: unknown = result.body;
  const { json, lastModified } =
    body instanceof JsonText
      ? { json: body.text, lastModified: body.lastModified?.toUTCString() }
      : services.config.checkResponses === false
        ? { json: JSON.stringify(body), lastModified: lastModifiedOf(body) }
        : checkedJson(route, spec.schema, body, services);
  headers['Content-Type'] = 'application/json; charset=utf-8';
  if (isRead) {
    const etag = result.etag ?? etagOf(json);
    if (ifNoneMatch && ifNoneMatchSatisfied(ifNoneMatch, etag)) return notModified(etag, headers);
    headers['ETag'] = etag;
    if (lastModified) headers['Last-Modified'] = lastModified;
  } else if (result.etag) {
    headers['ETag'] = result.etag;
  }
  return { status: result.status, body: json, headers };
}

/** The body checked against its schema (which also drops members it does not publish), as JSON text. */
function checkedJson(route: AnyRoute, schema: z.ZodType, body: unknown, services: HandlerServices): { json: string; lastModified: string | undefined } {
  const checked = schema.safeParse(body);
  // A response that fails its own schema is our bug: it surfaces as a 500, never as a client error.
  if (!checked.success) {
    services.log('error', 'response failed its schema', { operationId: route.operationId, issues: checked.error.issues.length });
    throw problems.internal();
  }
  return { json: JSON.stringify(checked.data), lastModified: lastModifiedOf(checked.data) };
}

/** A 304 carries the validators and caching headers the 200 would have (RFC 9110 §15.4.5). */
export function notModified(etag: string, headers: Record<string, string>): Rendered {
  return { status: 304, body: null, headers: { ...READ_HEADERS, ETag: etag, 'Cache-Control': headers['Cache-Control']!, ...(headers['Vary'] ? { Vary: headers['Vary'] } : {}) } };
}
