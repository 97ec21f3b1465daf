import type { MiddlewareHandler } from 'hono';
import { echoableKey, problems, type FieldError } from './errors.js';
import { pointerOf } from './lib/json-pointer.js';

// The query string as the client sent it, read strictly. hono's own reader is lenient by design: it leaves a
// malformed escape as text and turns bytes that are not UTF-8 into other characters, so a GBK-encoded search
// became a search for mojibake that answered an empty list. Here each name and value must percent-decode
// (RFC 3986 §2.1) to UTF-8 (WHATWG URL Standard, application/x-www-form-urlencoded), or the request is a 400
// naming the parameter; the value itself is never repeated (it may hold personal data).

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

/** Every name=value pair of a raw query string (without its `?`), each checked; empty names are skipped, as hono does. */
function queryErrors(query: string): FieldError[] {
  const errors: FieldError[] = [];
  for (const pair of query.split('&')) {
    const at = pair.indexOf('=');
    const rawName = at === -1 ? pair : pair.slice(0, at);
    if (rawName === '') continue;
    const name = decode(rawName);
    const value = at === -1 ? ({ ok: true, text: '' } as const) : decode(pair.slice(at + 1));
    const bad = !name.ok ? name : !value.ok ? value : undefined;
    if (bad) errors.push({ in: 'query', pointer: pointerOf([name.ok ? echoableKey(name.text) : shownName(rawName)]), detail: bad.detail });
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

/** 400 for a query string that does not decode, naming each parameter; mounted on every route (src/registry.ts). */
export const strictQuery: MiddlewareHandler = async (c, next) => {
  const query = rawQuery(c.req.url);
  if (query) {
    const errors = queryErrors(query);
    if (errors.length) throw problems.validation(errors);
  }
  await next();
};
