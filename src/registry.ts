import type { Context, Hono, MiddlewareHandler } from 'hono';
import { zValidator } from '@hono/zod-validator';
import { z } from 'zod';
import type { $ZodIssue } from 'zod/v4/core';
import { fieldErrorsFromZod, problems, type FieldLocation } from './errors.js';
import { ifNoneMatchSatisfied } from './lib/etag.js';
import type { AppEnv, HandlerServices } from './context.js';
import type { Principal } from './domain/principal.js';
import { authenticate } from './auth.js';
import { idempotent, type Rendered } from './idempotency.js';
import { bodyChecks, requireIfMatch } from './request-checks.js';
import type { CachePolicy } from './cache-policy.js';
import type { JsonText } from './json-text.js';
import { queryValidationHook, strictQuery } from './query-string.js';
import { Id } from './schemas/common.js';
import { answer, notModified, readHeaders, render, type Sent } from './render.js';

type Method = 'get' | 'post' | 'patch' | 'delete';

interface ResponseSpec {
  description: string;
  schema?: z.ZodType;
  /** Response headers this status sends, documented in the spec. */
  headers?: Record<string, { description: string; schema?: { type: 'string' } }>;
  /**
   * A non-JSON body (e.g. a CSV export) that the handler streams as is: its media type, sent as
   * Content-Type and documented with a string schema (the spec key drops the parameters). GET only.
   * With several media types the handler names the one it sends in its Content-Type header.
   */
  stream?: { mediaType: string | string[]; description?: string };
}

export type ResponseMap = Record<number, ResponseSpec>;
type Out<S> = S extends z.ZodType ? z.output<S> : undefined;

/** What a handler returns: one of the declared statuses with a body of that status's shape. */
export type RouteResult<R extends ResponseMap> = {
  [K in keyof R & number]: {
    status: K;
    body: R[K]['stream'] extends { mediaType: string | string[] } ? ReadableStream<Uint8Array> : R[K]['schema'] extends z.ZodType ? z.input<R[K]['schema']> | JsonText : undefined;
    headers?: Record<string, string>;
    /** A record's own strong ETag (e.g. derived from its version); lists get a hash of the body. */
    etag?: string;
    /** This answer's caching, when it differs from the route's (a draw once revealed is immutable). */
    cache?: CachePolicy;
  };
}[keyof R & number];

interface HandlerInput<P, Q, B> extends HandlerServices {
  params: Out<P>;
  query: Out<Q>;
  body: Out<B>;
  principal: Principal;
  /** Raw If-Match header (present whenever the route declares `ifMatch`). */
  ifMatch: string;
  /** A request header, for the few routes that need one beyond those the registry handles. */
  header(name: string): string | undefined;
  /** The client's address as the runtime knows it (src/rate-limits.ts ClientAddress), if it does. */
  clientAddress(): string | undefined;
  url: URL;
  /** Aborted when the client goes away: a handler that waits (a long poll) stops early. */
  signal: AbortSignal;
}

export interface RouteDef<P extends z.ZodType | undefined, Q extends z.ZodType | undefined, B extends z.ZodType | undefined, R extends ResponseMap> {
  method: Method;
  /** OpenAPI-style path, e.g. /v1/agencies/{id}. */
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  tag: string;
  /** Requires `Authorization: Bearer`; the handler decides which agency the caller may act for. */
  auth?: boolean;
  /**
   * A write anyone may make without a key: why it is open and how it is bounded (the route's description says
   * more). Every other write needs `auth` (test/route-table-contract.test.ts).
   */
  anonymous?: string;
  params?: P;
  query?: Q;
  body?: B;
  /** Accepted request media types (default application/json). */
  bodyTypes?: string[];
  /**
   * Updates need If-Match: 428 without it; the handler answers 412 on a stale version. `'version'`: the
   * header must name the version the client saw, so `If-Match: *` is 428 too (changes to published decisions).
   */
  ifMatch?: boolean | 'version';
  responses: R;
  /** Problem statuses the handler itself can return, beyond those implied by the options above. */
  problems?: number[];
  /**
   * The answer carries a secret that is shown once and never stored (a new key), so it cannot be kept
   * for Idempotency-Key replay: such a POST ignores the header, and the spec does not offer it.
   */
  secretInResponse?: boolean;
  /** How long a GET's answer may be reused (src/cache-policy.ts); `short` by default. */
  cache?: CachePolicy;
  /** A GET that reads the primary even when a replica is configured: why a lagging answer would be wrong. */
  readsPrimary?: string;
  handler: (input: HandlerInput<P, Q, B>) => Promise<RouteResult<R>>;
  /**
   * A GET of one versioned record by `{id}`: its current ETag from a narrow query, so a conditional request that
   * still matches is answered 304 before validation, the full read and presentation (revalidation is most of
   * what a syncing client sends). Null: answer in full (no such record, or one a full read would change).
   * Only for routes whose answer keeps the route's own caching.
   */
  etagProbe?: (services: HandlerServices, id: string) => Promise<string | null>;
}

// biome-ignore lint/suspicious/noExplicitAny: the route table holds routes of every schema type; defineRoute checks each against its own.
export type AnyRoute = RouteDef<any, any, any, ResponseMap>;

/** Declares a route. Only routes declared this way are mounted, and each one is in the spec. */
export function defineRoute<
  P extends z.ZodType | undefined = undefined,
  Q extends z.ZodType | undefined = undefined,
  B extends z.ZodType | undefined = undefined,
  const R extends ResponseMap = ResponseMap,
>(def: RouteDef<P, Q, B, R>): AnyRoute {
  return def as AnyRoute;
}

/** Authenticated POSTs accept Idempotency-Key, unless their answer holds a secret that must not be stored. */
export const isIdempotent = (route: AnyRoute) => route.method === 'post' && Boolean(route.auth) && !route.secretInResponse;

/** Problem statuses an operation can return, derived from its options so spec and behaviour agree. */
export function problemStatuses(route: AnyRoute): number[] {
  const set = new Set<number>(route.problems ?? []);
  set.add(400); // every operation reads its query string (src/query-string.ts), whether or not it takes one
  if (route.auth) [401, 403].forEach((s) => set.add(s));
  if (route.body) [413, 415].forEach((s) => set.add(s));
  if (route.ifMatch) [412, 428].forEach((s) => set.add(s));
  if (isIdempotent(route)) set.add(422);
  [429, 500, 503].forEach((s) => set.add(s)); // 429: a rate limit, when the operator sets them; 503: the database is unavailable or timed out (Retry-After)
  return [...set].sort((a, b) => a - b);
}

function validationHook(location: FieldLocation) {
  // The validator's hook types its error for zod 3 or 4; the only zod here is 4, whose issues these are.
  return (result: { success: true } | { success: false; error: { issues: readonly unknown[] } }) => {
    if (!result.success) throw problems.validation(fieldErrorsFromZod(result.error.issues as readonly $ZodIssue[], location));
  };
}

/** An OpenAPI path (/v1/agencies/{id}) in hono's syntax (/v1/agencies/:id). */
export const honoPath = (path: string) => path.replace(/\{(\w+)\}/g, ':$1');

/** The query parameters a route takes: its query schema's properties, the names the spec lists (src/openapi.ts). */
function queryParameters(route: AnyRoute): string[] {
  if (!route.query) return [];
  const json = z.toJSONSchema(route.query, { target: 'draft-2020-12', io: 'input', unrepresentable: 'any' }) as { properties?: Record<string, unknown> };
  return Object.keys(json.properties ?? {});
}

interface MountOptions {
  bodyLimitBytes: number;
  /** Counts an authenticated write against its key's budget (src/rate-limits.ts). */
  perKeyLimit?: MiddlewareHandler<AppEnv>;
}

export function mountRoute(app: Hono<AppEnv>, route: AnyRoute, { bodyLimitBytes, perKeyLimit }: MountOptions): void {
  const chain: MiddlewareHandler<AppEnv>[] = [];
  if (route.auth) chain.push(authenticate);
  if (route.auth && perKeyLimit) chain.push(perKeyLimit);
  chain.push(strictQuery(queryParameters(route), Boolean(route.query))); // before any validator reads the query through hono's lenient decoder
  // After the query check, so an unknown parameter is the same 400 with or without If-None-Match.
  if (route.etagProbe) chain.push(probeEtag(route, route.etagProbe));
  // Each validator is typed with the input it adds; the chain holds them as plain middleware, and respond()
  // reads the validated values back by target.
  if (route.params) chain.push(zValidator('param', route.params, validationHook('path')) as MiddlewareHandler<AppEnv>);
  if (route.query) {
    const hook = (result: { success: true } | { success: false; error: { issues: readonly unknown[] } }, c: Context<AppEnv>) =>
      queryValidationHook(result.success ? [] : (result.error.issues as readonly $ZodIssue[]), c); // zod 4's issues, as in validationHook
    chain.push(zValidator('query', route.query, hook) as MiddlewareHandler<AppEnv>);
  }
  if (route.ifMatch) chain.push(requireIfMatch(route.ifMatch));
  if (route.body) {
    chain.push(...bodyChecks(route.bodyTypes ?? ['application/json'], bodyLimitBytes));
    chain.push(zValidator('json', route.body, validationHook('body')) as MiddlewareHandler<AppEnv>);
  }
  app.on(route.method.toUpperCase(), [honoPath(route.path)], ...(chain as []), async (c: Context<AppEnv>) => respond(c, route));
}

/** Answers 304 when the record's probed ETag satisfies If-None-Match; anything else goes on to the route. */
function probeEtag(route: AnyRoute, probe: NonNullable<AnyRoute['etagProbe']>): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const ifNoneMatch = c.req.header('If-None-Match');
    const id = c.req.param('id');
    if (!ifNoneMatch || !id || !Id.safeParse(id).success) return next();
    const etag = await probe(c.get('services'), id);
    if (etag === null || !ifNoneMatchSatisfied(ifNoneMatch, etag)) return next();
    return answer(c, notModified(etag, readHeaders(route, undefined)));
  };
}

// c.get(), never c.var: hono builds a new object from its variables on every read of c.var.
async function respond(c: Context<AppEnv>, route: AnyRoute): Promise<Response> {
  const valid = (target: string) => (c.req.valid as (t: string) => unknown)(target);
  const input = {
    params: route.params ? valid('param') : undefined,
    query: route.query ? valid('query') : undefined,
    body: route.body ? valid('json') : undefined,
  };
  const run = (services: HandlerServices): Promise<Sent> =>
    render(route, services, () =>
      route.handler({
        // Written out, not spread: a literal opening with a spread (and holding a getter) becomes a slow
        // dictionary-mode object in V8, built on every request.
        db: services.db,
        primary: services.primary,
        now: services.now,
        config: services.config,
        log: services.log,
        params: input.params,
        query: input.query,
        body: input.body,
        principal: c.get('principal'),
        ifMatch: c.req.header('If-Match') ?? '',
        header: (name: string) => c.req.header(name),
        clientAddress: () => c.get('clientAddress')(c),
        signal: c.req.raw.signal,
        get url() {
          return new URL(c.req.url);
        },
      }),
      c.req.header('If-None-Match'),
    );
  const key = c.req.header('Idempotency-Key');
  const out = isIdempotent(route) && key !== undefined
    ? await idempotent(c.get('services'), c.get('principal'), key, { operationId: route.operationId, ...input }, run as (s: HandlerServices) => Promise<Rendered>)
    : await run(c.get('services'));
  return answer(c, out);
}
