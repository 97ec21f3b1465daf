import { bindIds } from './context.js';
import type { Auth, Body, FuzzRequest, HeaderValue, Part } from './request.js';

/** The server and the credentials the setup made: what a generated request is resolved against. */
export interface World {
  base: string;
  operatorToken: string;
  /** Writer keys (publish + admin) and publish-only keys by agency id. */
  keys: Map<string, string>;
  publishOnlyKeys: Map<string, string>;
  revokedKey: string;
  /** Owning agency of each known record id. */
  owners: Map<string, string>;
  /** Ids of existing records by list ('penalties'), grown by the records the run creates. */
  pools: Map<string, string[]>;
}

/** The request as it went on the wire (what a reproduction prints). */
export interface Sent {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: Uint8Array<ArrayBuffer>;
  authLabel: string;
}

export interface Outcome {
  sent: Sent;
  status: number;
  headers: [string, string][];
  text: string;
  json?: unknown;
  /** Set when no HTTP answer came (connection dropped twice, or timeout). */
  error?: string;
  /** Set when the first attempt lost its connection and the resend on a fresh one was answered. */
  redelivered?: string;
}

const TIMEOUT_MS = 30_000;
const UNRESERVED = /[A-Za-z0-9\-._~]/;

/** Percent-encodes the UTF-8 bytes of a part (a lone surrogate goes out as U+FFFD); pre-encoded parts pass as they are. */
function encodePart(part: Part, pools: Map<string, string[]> = new Map()): string {
  if (typeof part !== 'string') return part.encoded;
  part = bindIds(part, pools);
  let out = '';
  for (const byte of Buffer.from(part, 'utf8')) {
    const ch = String.fromCharCode(byte);
    out += byte < 0x80 && UNRESERVED.test(ch) ? ch : '%' + byte.toString(16).toUpperCase().padStart(2, '0');
  }
  return out;
}

/** Header values go out as their UTF-8 bytes (fetch takes byte strings); CR, LF and NUL cannot be sent at all. */
const headerSafe = (value: string) => Buffer.from(value, 'utf8').toString('latin1').replace(/[\r\n\0]/g, '').trim();

export async function resolve(req: FuzzRequest, world: World): Promise<Sent> {
  const bind = (part: Part) => encodePart(part, world.pools);
  const path = req.template.replace(/\{(\w+)\}/g, (_, name: string) => bind(req.path[name] ?? ''));
  const query = req.query.map(([k, v]) => `${bind(k)}=${bind(v)}`).join('&');
  const headers: Record<string, string> = {};
  const bodyText = req.body ? bindIds(bodyTextOf(req.body), world.pools) : undefined;
  const [authorization, authLabel] = authFor(req, path, bodyText, world);
  if (authorization !== undefined) headers.Authorization = headerSafe(authorization);
  for (const [name, value] of req.headers) headers[name] = headerSafe(bindIds(await headerValue(value, req, path, world), world.pools));
  let body: Uint8Array<ArrayBuffer> | undefined;
  if (req.body) {
    body = encodeBody(bodyText!, req.body.contentType);
    if (req.body.contentType) headers['Content-Type'] = req.body.contentType;
  }
  return { method: req.method, url: path + (query ? `?${query}` : ''), headers, body, authLabel };
}

/**
 * A pooled keep-alive socket the server closes just as the next request goes out (its idle timeout, on a busy
 * CI machine) fails that request with a socket error although the server did nothing wrong. Such a request is
 * sent once more, on a fresh connection; one the server drops twice is a finding. Timeouts are not resent.
 */
export async function send(sent: Sent, world: World): Promise<Outcome> {
  const first = await sendOnce(sent, world);
  if (!first.error || first.error.startsWith('TimeoutError')) return first;
  const second = await sendOnce(sent, world);
  return second.error ? second : { ...second, redelivered: first.error };
}

/** A JSON answer (application/json, problem+json), not NDJSON or another type that merely contains "json". */
export const isJsonType = (contentType: string | null | undefined) => /^application\/(problem\+)?json\s*(;|$)/.test(contentType ?? '');

async function sendOnce(sent: Sent, world: World): Promise<Outcome> {
  try {
    const res = await fetch(world.base + sent.url, { method: sent.method, headers: sent.headers, body: sent.body, signal: AbortSignal.timeout(TIMEOUT_MS) });
    const text = new TextDecoder().decode(await res.arrayBuffer());
    const headers = [...res.headers.entries()];
    let json: unknown;
    if (isJsonType(res.headers.get('content-type')) && text) {
      try {
        json = JSON.parse(text);
      } catch {
        json = undefined;
      }
    }
    return { sent, status: res.status, headers, text, json };
  } catch (err) {
    const cause = (err as { cause?: { code?: string; message?: string } }).cause;
    return { sent, status: 0, headers: [], text: '', error: `${(err as Error).name}: ${cause?.code ?? cause?.message ?? (err as Error).message}` };
  }
}

function bodyTextOf(body: Body): string {
  if (body.kind === 'raw') return body.text;
  if (body.kind === 'json') return JSON.stringify(body.value) ?? '';
  const base = JSON.stringify(body.value && typeof body.value === 'object' && !Array.isArray(body.value) ? body.value : { value: body.value });
  const room = Math.max(0, body.bytes - Buffer.byteLength(base) - 16);
  return base.replace(/^\{/, `{"padding":"${'x'.repeat(room)}"${base === '{}' ? '' : ','}`);
}

function encodeBody(text: string, contentType: string): Uint8Array<ArrayBuffer> {
  // Declared charsets other than UTF-8 get their bytes, as a client in that charset would send them.
  if (/utf-16/i.test(contentType)) return new Uint8Array(Buffer.from(text, 'utf16le'));
  if (/latin1/i.test(contentType)) return new Uint8Array(Buffer.from(text, 'latin1'));
  return new Uint8Array(Buffer.from(text, 'utf8'));
}

/** The agency a request acts for: named in the body, or owning the record in the path. */
function agencyOf(template: string, path: string, bodyText: string | undefined, world: World): string | undefined {
  for (const [, id] of (bodyText ?? '').matchAll(/"\w*[aA]gencyId":"([0-9a-f-]{36})"/g)) if (world.keys.has(id!)) return id;
  const at = template.split('/').indexOf('{id}');
  const id = at < 0 ? undefined : path.split('/')[at];
  if (!id) return undefined;
  return template.startsWith('/v1/agencies/') ? id : world.owners.get(id);
}

function authFor(req: FuzzRequest, path: string, bodyText: string | undefined, world: World): [string | undefined, string] {
  const agency = agencyOf(req.template, path, bodyText, world);
  const bearer = (secret: string) => `Bearer ${secret}`;
  const kinds: Record<Auth, () => [string | undefined, string]> = {
    none: () => [undefined, 'none'],
    malformed: () => [req.malformedAuth, 'malformed'],
    unknown: () => [bearer('gs_' + 'A'.repeat(43)), 'unknown key'],
    revoked: () => [bearer(world.revokedKey), 'revoked key'],
    operator: () => [bearer(world.operatorToken), 'operator'],
    own: () => (agency && world.keys.has(agency) ? [bearer(world.keys.get(agency)!), `key of agency ${agency}`] : kinds.operator()),
    'own-publish-only': () => (agency && world.publishOnlyKeys.has(agency) ? [bearer(world.publishOnlyKeys.get(agency)!), `publish-only key of agency ${agency}`] : kinds.foreign()),
    foreign: () => {
      const other = [...world.keys.keys()].find((a) => a !== agency)!;
      return [bearer(world.keys.get(other)!), `key of another agency ${other}`];
    },
  };
  return kinds[req.auth]();
}

/** ETags are looked up just before sending: the record may have changed since the run began. */
async function headerValue(value: HeaderValue, req: FuzzRequest, path: string, world: World): Promise<string> {
  if (typeof value === 'string') return value;
  const segments = req.template.split('/');
  const lastParam = segments.map((s) => s.startsWith('{')).lastIndexOf(true);
  const resource = path.split('/').slice(0, lastParam + 1).join('/');
  let etag = '"none"';
  try {
    const res = await fetch(world.base + resource, { signal: AbortSignal.timeout(TIMEOUT_MS) });
    await res.arrayBuffer();
    etag = res.headers.get('etag') ?? etag;
  } catch {
    /* the request itself will show what is wrong */
  }
  return value.etag === 'current' ? etag : value.etag === 'weak' ? `W/${etag}` : `"stale", ${etag}`;
}

/** Records a created record's id (and owner), so later requests reach it. */
export function learnFrom(template: string, outcome: Outcome, world: World) {
  const body = outcome.json as Record<string, unknown> | undefined;
  if (outcome.sent.method !== 'POST' || outcome.status !== 201 || !body || typeof body.id !== 'string') return;
  const pool = template.split('/').filter((s) => s && !s.startsWith('{')).at(-1)!;
  const ids = world.pools.get(pool) ?? [];
  ids.push(body.id);
  world.pools.set(pool, ids);
  const agency = body.agencyId ?? body.decidingAgencyId ?? body.licensingAgencyId ?? body.leadAgencyId;
  if (typeof agency === 'string') world.owners.set(body.id, agency);
}
