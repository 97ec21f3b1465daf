import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { problems, type FieldError } from './errors.js';

// What a route's request must pass before its body is validated: If-Match, then media type and charset,
// size and UTF-8 (in that order, so nothing is read that would be refused anyway).

const wildcardRefused: FieldError = {
  in: 'header',
  pointer: '/If-Match',
  detail: 'Name the ETag of the version you saw (e.g. "v3"); "*" is not accepted for a change to a published decision.',
};

/**
 * 428 without If-Match. In `'version'` mode `*` is 428 too: it holds whenever the record exists (RFC 9110
 * §13.1.1), so it cannot prevent the lost update that RFC 6585 §3 requires the condition for; 412 would
 * wrongly say the condition failed.
 */
export function requireIfMatch(mode: true | 'version'): MiddlewareHandler {
  return async (c, next) => {
    const ifMatch = c.req.header('If-Match');
    if (!ifMatch) throw problems.preconditionRequired();
    if (mode === 'version' && ifMatch.trim() === '*') throw problems.preconditionRequired([wildcardRefused]);
    await next();
  };
}

/** Labels of UTF-8 a client may name as `charset` (the WHATWG Encoding Standard's two common ones). */
const UTF8_LABELS = ['utf-8', 'utf8'];

/** One of the route's media types, in UTF-8: a body announced in another charset is 415, not guessed at. */
function requireMediaType(types: string[]): MiddlewareHandler {
  return async (c, next) => {
    const [type, ...parameters] = (c.req.header('Content-Type') ?? '').split(';');
    if (!types.includes(type!.trim().toLowerCase())) throw problems.unsupportedMediaType(types.join(' or '));
    const charset = parameters.map((p) => /^\s*charset\s*=\s*"?([^"]*)"?\s*$/i.exec(p)?.[1]).find((v) => v !== undefined);
    if (charset !== undefined && !UTF8_LABELS.includes(charset.trim().toLowerCase())) {
      throw problems.unsupportedMediaType(`${types.join(' or ')} in UTF-8 (charset=utf-8, or no charset)`);
    }
    await next();
  };
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Refuses a body that is not valid UTF-8 (400) instead of letting Request.text() replace the bad bytes
 * with U+FFFD. hono caches the bytes read here, so zValidator's json() parses the same body.
 */
const utf8Body: MiddlewareHandler = async (c, next) => {
  // A body the client broke off stays a 400, as when zValidator read it.
  const bytes = await c.req.arrayBuffer().catch(() => Promise.reject(problems.malformedJson()));
  try {
    strictUtf8.decode(bytes);
  } catch {
    throw problems.notUtf8();
  }
  await next();
};

/**
 * 413 for a declared Content-Length over the limit before anything opens the body stream: hono's
 * bodyLimit (which counts undeclared, chunked bodies) asks for req.body first, and an opened but unread
 * stream stops @hono/node-server from draining the rest of the upload.
 */
function declaredSizeLimit(limitBytes: number): MiddlewareHandler {
  return async (c, next) => {
    if (Number(c.req.header('Content-Length') ?? 0) > limitBytes) throw problems.tooLarge(limitBytes);
    await next();
  };
}

/** The checks of a route that takes a body, in order: media type and charset, size, UTF-8. */
export function bodyChecks(types: string[], limitBytes: number): MiddlewareHandler[] {
  return [
    requireMediaType(types),
    declaredSizeLimit(limitBytes),
    bodyLimit({ maxSize: limitBytes, onError: () => { throw problems.tooLarge(limitBytes); } }),
    utf8Body,
  ];
}
