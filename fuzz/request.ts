import fc from 'fast-check';
import { BAD_IDS, deepArb } from './mutations.js';
import { INJECTIONS, TRAVERSALS, UNICODE_EDGES } from './payloads.js';
import { schemaArb, type GenContext } from './schema-arbitrary.js';
import type { Operation, Parameter } from './spec.js';

/** A URL part: text (percent-encoded when sent) or bytes already encoded (e.g. invalid UTF-8 such as %FF). */
export type Part = string | { encoded: string };
/** A header value, or an ETag the sender looks up just before sending (the record changes during the run). */
export type HeaderValue = string | { etag: 'current' | 'weak' | 'listed' };
export type Auth = 'none' | 'malformed' | 'unknown' | 'revoked' | 'foreign' | 'own' | 'operator' | 'own-publish-only';
export type Body =
  | { kind: 'json'; value: unknown; contentType: string }
  | { kind: 'raw'; text: string; contentType: string }
  /** A JSON body of about `bytes` bytes, built at send time so huge values do not sit in the generator. */
  | { kind: 'padded'; value: unknown; bytes: number; contentType: string };

/** A generated request, before ids of its auth and ETags are filled in. */
export interface FuzzRequest {
  op: string;
  method: string;
  template: string;
  path: Record<string, Part>;
  query: [Part, Part][];
  headers: [string, HeaderValue][];
  auth: Auth;
  malformedAuth: string;
  body?: Body;
}

export interface RequestContext {
  valid: GenContext;
  mutated: GenContext;
  bodyLimit: number;
  /** Real cursors by list path, from the setup's paging. */
  cursors: Record<string, string[]>;
}

const INVALID_UTF8 = ['%FF', '%C0%AF', '%ED%A0%80', '%E4%B8', '%00', '%25', '%2F', '%5C', '%0A', '%2e%2e%2f%2e%2e%2f'];
const CONTENT_TYPES = [
  'text/plain', 'application/json; charset=latin1', 'application/json; charset=utf-16', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x',
  'APPLICATION/JSON', 'application/json;charset=UTF-8', 'application/jsonx', 'application/merge-patch+json', 'application/json; charset="gb2312"', '',
];
const RAW_BODIES = ['', '{', 'null', '[]', '"x"', '{"a":}', '\ufeff{}', '{"a":1,"a":2}', '{"a":1,}', '{"a":NaN}', '{"__proto__":{"admin":true}}', '1e999999', '\u0000', '{"a":"\\ud800"}', '{"a":"\\u0000"}'];
const ODD_KEYS = ['', ' ', 'a'.repeat(256), 'a'.repeat(255), '\u00e9t\u00e9', '中文', 'key with spaces', '\t', 'fuzz-replay-1', 'fuzz-replay-1'];
const ODD_AUTH = ['Bearer', 'Bearer ', 'bearer x', 'Basic dXNlcjpwYXNz', 'Bearer a b', `Bearer ${'a'.repeat(513)}`, 'Token abc', 'Bearer gs_', 'Bearer\tgs_x', 'Bearer \u00e9'];

const w = <T>(arbitrary: fc.Arbitrary<T>, weight = 4): fc.WeightedArbitrary<T> => ({ arbitrary, weight });
const b64url = (s: string) => Buffer.from(s, 'utf8').toString('base64url');

export function requestArb(op: Operation, ctx: RequestContext): fc.Arbitrary<FuzzRequest> {
  const valid = build(op, ctx, ctx.valid, false);
  const mutated = build(op, ctx, ctx.mutated, true);
  return fc.oneof({ arbitrary: valid, weight: 5 }, { arbitrary: mutated, weight: 4 }, { arbitrary: requestMutants(op, valid, ctx), weight: 2 });
}

function build(op: Operation, ctx: RequestContext, gen: GenContext, mutate: boolean): fc.Arbitrary<FuzzRequest> {
  const params = (where: Parameter['in']) => op.parameters.filter((p) => p.in === where);
  const pathArb = fc.record(Object.fromEntries(params('path').map((p) => [p.name, pathParamArb(op, p, gen, mutate)])));
  const queryArb = fc
    .tuple(...params('query').map((p) => fc.option(paramValueArb(op, p, ctx, gen, mutate).map((v): [Part, Part] => [p.name, v]), { freq: 2, nil: null })))
    .map((pairs) => pairs.filter((p): p is [Part, Part] => p !== null));
  const headerArb = fc
    .tuple(...params('header').map((p) => headerArbFor(p, mutate)))
    .map((hs) => hs.filter((h): h is [string, HeaderValue] => h !== null));
  const bodyArb: fc.Arbitrary<Body | undefined> = op.body
    ? schemaArb(op.body.schema, gen).map((value) => ({ kind: 'json' as const, value, contentType: op.body!.mediaTypes[0]! }))
    : fc.constant(undefined);
  return fc.record({
    op: fc.constant(op.key),
    method: fc.constant(op.method),
    template: fc.constant(op.path),
    path: pathArb,
    query: queryArb,
    headers: headerArb,
    auth: authArb(op),
    malformedAuth: fc.constantFrom(...ODD_AUTH),
    body: bodyArb,
  });
}

/** Whole-request mutations: broken or huge bodies, other media types, extra and doubled query parameters, other methods. */
function requestMutants(op: Operation, valid: fc.Arbitrary<FuzzRequest>, ctx: RequestContext): fc.Arbitrary<FuzzRequest> {
  const json = (r: FuzzRequest) => (r.body?.kind === 'json' ? r.body.value : {});
  const contentType = op.body?.mediaTypes[0] ?? 'application/json';
  const limit = ctx.bodyLimit;
  const options: fc.WeightedArbitrary<FuzzRequest>[] = [
    w(fc.tuple(valid, fc.constantFrom<Part>('limit', 'cursor', 'q', 'unknown', '', '__proto__'), fc.constantFrom<Part>(...UNICODE_EDGES, ...INJECTIONS, '1', '-1', ''))
      .map(([r, k, v]) => ({ ...r, query: [...r.query, [k, v], ...r.query] as [Part, Part][] }))),
    w(fc.tuple(valid, fc.constantFrom(...INVALID_UTF8)).map(([r, bad]) => ({ ...r, query: [...r.query, ['q', { encoded: bad }]] as [Part, Part][] }))),
    w(fc.tuple(valid, fc.constantFrom('PUT', 'DELETE', 'PATCH', 'POST')).map(([r, method]) => ({ ...r, method }))),
  ];
  if (op.body) {
    options.push(
      w(fc.tuple(valid, fc.constantFrom(...RAW_BODIES)).map(([r, text]) => ({ ...r, body: { kind: 'raw' as const, text, contentType } }))),
      w(fc.tuple(valid, fc.constantFrom(...CONTENT_TYPES)).map(([r, ct]) => ({ ...r, body: { kind: 'json' as const, value: json(r), contentType: ct } }))),
      // Bodies at and over the limit are costly to send: rarer than the rest.
      w(fc.tuple(valid, fc.constantFrom(limit - 64, limit, limit + 1, 2 * limit)).map(([r, bytes]) => ({ ...r, body: { kind: 'padded' as const, value: json(r), bytes, contentType } })), 1),
      w(fc.tuple(valid, deepArb).map(([r, value]) => ({ ...r, body: { kind: 'json' as const, value, contentType } }))),
      w(valid.map((r) => ({ ...r, body: undefined }))),
    );
  }
  return fc.oneof(...options);
}

function authArb(op: Operation): fc.Arbitrary<Auth> {
  const others: Auth[] = ['none', 'malformed', 'unknown', 'revoked', 'foreign', 'own-publish-only'];
  if (!op.secured) return fc.oneof({ arbitrary: fc.constant<Auth>('none'), weight: 12 }, { arbitrary: fc.constantFrom<Auth>(...others, 'own', 'operator'), weight: 1 });
  return fc.oneof({ arbitrary: fc.constant<Auth>('own'), weight: 8 }, { arbitrary: fc.constant<Auth>('operator'), weight: 3 }, { arbitrary: fc.constantFrom(...others), weight: 3 });
}

function pathParamArb(op: Operation, p: Parameter, gen: GenContext, mutate: boolean): fc.Arbitrary<Part> {
  const segments = op.path.split('/');
  const owner = segments[segments.indexOf(`{${p.name}}`) - 1];
  const valid: fc.Arbitrary<Part> = p.name === 'id' ? gen.idFor(owner) : schemaArb(p.schema, { ...gen, mutate: false }, p.name).map(String);
  if (!mutate) return valid;
  const bad = fc.oneof(
    fc.constantFrom<Part>(...BAD_IDS, ...TRAVERSALS, ...INJECTIONS, ...UNICODE_EDGES, 'a'.repeat(5000), '1'.repeat(40)),
    fc.constantFrom(...INVALID_UTF8).map((encoded): Part => ({ encoded })),
    gen.idFor(undefined),
  );
  return fc.oneof({ arbitrary: valid, weight: 3 }, { arbitrary: bad, weight: 1 });
}

function paramValueArb(op: Operation, p: Parameter, ctx: RequestContext, gen: GenContext, mutate: boolean): fc.Arbitrary<Part> {
  if (p.name === 'cursor') return cursorArb(op, ctx, mutate);
  return schemaArb(p.schema, gen, p.name).map((v) => (typeof v === 'string' ? v : JSON.stringify(v) ?? ''));
}

/** Real cursors of this list, others' cursors, tampered and forged ones. */
function cursorArb(op: Operation, ctx: RequestContext, mutate: boolean): fc.Arbitrary<Part> {
  const own = ctx.cursors[op.path] ?? [];
  const foreign = Object.entries(ctx.cursors).flatMap(([path, cs]) => (path === op.path ? [] : cs));
  const options: fc.WeightedArbitrary<Part>[] = [];
  if (own.length) options.push({ arbitrary: fc.constantFrom(...own), weight: mutate ? 1 : 6 });
  if (!mutate && options.length) return fc.oneof(...options);
  if (foreign.length) options.push({ arbitrary: fc.constantFrom(...foreign), weight: 2 });
  const real = [...own, ...foreign];
  if (real.length) {
    options.push({
      arbitrary: fc.tuple(fc.constantFrom(...real), fc.nat(), fc.constantFrom('A', '_', '-', '=', '', '%')).map(([c, i, ch]) => c.slice(0, i % (c.length + 1)) + ch + c.slice((i % (c.length + 1)) + 1)),
      weight: 2,
    });
  }
  options.push(
    { arbitrary: fc.jsonValue({ maxDepth: 3 }).map((v) => b64url(JSON.stringify(v))), weight: 2 },
    { arbitrary: fc.tuple(fc.string(), fc.uuid(), fc.string()).map((t) => b64url(JSON.stringify(t))), weight: 1 },
    { arbitrary: fc.constantFrom('', 'A'.repeat(512), 'A'.repeat(513), '!!!', '....', b64url('[]'), b64url('[null]'), b64url('[1e999]'), b64url('"\\ud800"')), weight: 1 },
    { arbitrary: fc.string({ maxLength: 40 }), weight: 1 },
  );
  return fc.oneof(...options);
}

function headerArbFor(p: Parameter, mutate: boolean): fc.Arbitrary<[string, HeaderValue] | null> {
  const odd = fc.constantFrom('', '""', '"x"', 'W/"x"', '*, "x"', 'garbage', '"' + 'a'.repeat(2000) + '"', '中文', '"\u00e9"');
  let value: fc.Arbitrary<HeaderValue | null>;
  if (p.name === 'If-Match') {
    const good = fc.constant<HeaderValue>({ etag: 'current' });
    value = mutate
      ? fc.oneof(good, fc.constant('*'), fc.constantFrom<HeaderValue>({ etag: 'weak' }, { etag: 'listed' }), odd, fc.constant(null))
      : fc.oneof({ arbitrary: good, weight: 6 }, { arbitrary: fc.constant('*'), weight: 1 });
  } else if (p.name === 'If-None-Match') {
    value = fc.option(fc.oneof(fc.constant<HeaderValue>({ etag: 'current' }), fc.constant('*'), ...(mutate ? [odd, fc.constant<HeaderValue>({ etag: 'weak' })] : [])), { freq: 3, nil: null });
  } else if (p.name === 'Idempotency-Key') {
    value = fc.option(mutate ? fc.oneof(fc.uuid(), fc.constantFrom(...ODD_KEYS)) : fc.uuid(), { freq: 2, nil: null });
  } else {
    value = fc.option(fc.string({ maxLength: 20 }), { nil: null });
  }
  return value.map((v) => (v === null ? null : [p.name, v]));
}
