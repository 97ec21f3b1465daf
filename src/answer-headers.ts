import type { MiddlewareHandler } from 'hono';

/**
 * Whether part of the request body may still be on the wire: announced (a Content-Length above 0, or
 * chunked), but not read, or not to its end. Only headers and bodyUsed are asked: touching req.body
 * would make @hono/node-server wrap the socket in a stream and stop its own draining of the body.
 */
function bodyLeftUnread(req: Request, status: number): boolean {
  const announced = Number(req.headers.get('Content-Length') ?? 0) > 0 || req.headers.has('Transfer-Encoding');
  // bodyLimit stops reading part-way; any other reader reads a body to its end.
  return announced && (status === 413 || !req.bodyUsed);
}

/**
 * `Connection: close` when the answer came before the request body was read (401 or 415 on a large POST,
 * 413): the client then sends its next request on a new connection instead of one the server drops while
 * discarding the rest of the body (RFC 9112 §9.6; src/staged-close.ts lets it finish). The response's
 * headers are touched only then (see src/cors.ts for why).
 */
export const answerHeaders: MiddlewareHandler = async (c, next) => {
  await next();
  if (bodyLeftUnread(c.req.raw, c.res.status)) c.res.headers.set('Connection', 'close');
};
