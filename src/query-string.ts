import type { Context, MiddlewareHandler } from 'hono';
import type { $ZodIssue } from 'zod/v4/core';
import type { AppEnv } from './context.js';
import { echoableKey, fieldErrorsFromZod, problems, type FieldError } from './errors.js';
import { pointerOf } from './lib/json-pointer.js';

// The query string as the client sent it, read strictly, the same way on every operation. hono's own reader
// is lenient by design: it leaves a malformed escape as text and turns bytes that are not UTF-8 into other
// characters, so a GBK-encoded search became a search for mojibake that answered an empty list. Here each
// name and value must percent-decode (RFC 3986 §2.1) to UTF-8 (WHATWG URL Standard,
// application/x-www-form-urlencoded), and each name must be one the operation takes (a misspelt filter would
// otherwise be ignored, answering more than was asked for); anything else is a 400 naming the parameter. The
// value itself is never repeated (it may hold personal data).

/** A percent-escape is `%` and two hex digits; anything else after `%` is malformed. */
const MALFORMED_ESCAPE = /%(?![0-9A-Fa-f]{2})/;

type Decoded = { ok: true; text: string } | { ok: false; detail: string };

/**
 * One name or value, percent-decoded: `+` is a space, as in a form. decodeURIComponent refuses bytes that are
 * not UTF-8 (ECMA-262 Decode: overlong forms, surrogates and code points above U+10FFFF included).
 */
function decode(raw: string): Decoded {
  const text = raw.includes('+') ? raw.replaceAll('+', ' ') : raw;
  if (!text.includes('%')) return { ok: true, text };
  if (MALFORMED_ESCAPE.test(text)) return { ok: false, detail: 'Malformed percent-escape: "%" must be followed by two hexadecimal digits (write "%25" for "%").' };
  try {
    return { ok: true, text: decodeURIComponent(text) };
  } catch {
    return { ok: false, detail: 'Not UTF-8 after percent-decoding: percent-encode the UTF-8 bytes of the text (not GBK or another encoding).' };
  }
}

/** A name that does not decode, shown with what does not decode left as it was sent (as hono would read it). */
const shownName = (raw: string) =>
  echoableKey(
    raw.replaceAll('+', ' ').replace(/(?:%[0-9A-Fa-f]{2})+/g, (run) => {
      try {
        return decodeURIComponent(run);
      } catch {
        return run;
      }
    }),
  );

/** What is wrong with a query string: values or names that cannot be read, and names the operation does not take. */
interface QueryErrors {
  unreadable: FieldError[];
  unknown: FieldError[];
}

/**
 * Every name=value pair of a raw query string (without its `?`), each checked against the names the operation
 * takes; empty names are skipped, as hono does.
 */
function queryErrors(query: string, names: ReadonlySet<string>): QueryErrors {
  const errors: QueryErrors = { unreadable: [], unknown: [] };
  const unknown = `Unknown query parameter: this operation takes ${names.size ? [...names].join(', ') : 'none'}.`;
  for (const pair of query.split('&')) {
    const at = pair.indexOf('=');
    const rawName = at === -1 ? pair : pair.slice(0, at);
    if (rawName === '') continue;
    const name = decode(rawName);
    if (!name.ok) {
      errors.unreadable.push({ in: 'query', pointer: pointerOf([shownName(rawName)]), detail: name.detail });
      continue;
    }
    const pointer = pointerOf([echoableKey(name.text)]);
    if (!names.has(name.text)) {
      errors.unknown.push({ in: 'query', pointer, detail: unknown });
      continue;
    }
    const value = at === -1 ? undefined : decode(pair.slice(at + 1));
    if (value && !value.ok) errors.unreadable.push({ in: 'query', pointer, detail: value.detail });
  }
  return errors;
}

/** The raw query string of a request URL (without `?` and any fragment), or '' when it has none. */
function rawQuery(url: string): string {
  const start = url.indexOf('?');
  if (start === -1) return '';
  const hash = url.indexOf('#', start);
  return url.slice(start + 1, hash === -1 ? undefined : hash);
}

/**
 * 400 for a query string that does not decode or names a parameter the operation does not take, naming each
 * one; mounted on every operation (src/registry.ts, and the spec and reference pages). What cannot be read is
 * refused at once. Unknown names too, unless the operation `validates` its query: they are then left in
 * `c.get('unknownQuery')` for its validator to report beside the schema's own errors (queryValidationHook), so a
 * request learns all that is wrong with it at once.
 */
export function strictQuery(parameters: readonly string[], validates = false): MiddlewareHandler<AppEnv> {
  const names = new Set(parameters);
  return async (c, next) => {
    const query = rawQuery(c.req.url);
    if (query) {
      const { unreadable, unknown } = queryErrors(query, names);
      if (unreadable.length || (unknown.length && !validates)) throw problems.validation([...unreadable, ...unknown]);
      if (unknown.length) c.set('unknownQuery', unknown);
    }
    await next();
  };
}

/**
 * The query validator's outcome, with the unknown names strictQuery found first. zod's own unknown keys are
 * those same names (the schema's properties are the names strictQuery takes), so they are not named twice.
 */
export function queryValidationHook(issues: readonly $ZodIssue[], c: Context<AppEnv>): void {
  const errors = [...(c.get('unknownQuery') ?? []), ...fieldErrorsFromZod(issues.filter((i) => i.code !== 'unrecognized_keys'), 'query')];
  if (errors.length) throw problems.validation(errors);
}
