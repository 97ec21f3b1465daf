import { z } from 'zod';
import { OpenApiBuilder, type OperationObject, type ParameterObject, type ResponseObject, type SchemaObject } from 'openapi3-ts/oas31';
import { MAX_FIELD_ERRORS, RETRY_AFTER_SECONDS } from './errors.js';
import { isIdempotent, problemStatuses, type AnyRoute } from './registry.js';
import { RATE_LIMIT_HEADERS, withRateLimits } from './openapi-rate-limits.js';
// The body of every problem answer; importing the module also registers the shared components (FieldError, ...).
import { ProblemSchema } from './schemas/common.js';
import { REQUEST_EXAMPLES } from './schemas/request-examples.js';
import { WebhookDelivery } from './schemas/webhooks.js';
// Answers the server gave to the request examples and to reads of the records they made, recorded by
// test/spec-examples.test.ts (UPDATE_EXAMPLES=1), which also checks each against the route's response schema.
import recordedResponses from './schemas/response-examples.json' with { type: 'json' };

/** Per operationId, per status: the example of that answer's JSON body. */
const RESPONSE_EXAMPLES: Record<string, Record<string, unknown> | undefined> = recordedResponses;

const ref = (id: string) => `#/components/schemas/${id}`;

const problemTitles: Record<number, string> = {
  400: 'Invalid request: malformed JSON, or fields that fail validation (see errors[]).',
  401: 'Missing or unknown bearer key.',
  403: 'The key may not act for this agency or lacks the scope.',
  404: 'No such resource.',
  409: 'Conflicts with an existing record.',
  412: 'If-Match names an outdated version.',
  413: 'Request body too large.',
  415: 'Unsupported request media type or charset (send UTF-8 JSON).',
  422: 'Well-formed but cannot be applied (see errors[]).',
  428: 'If-Match is required (see that parameter for what it must name).',
  429: 'Over a rate limit the operator set (too-many-requests); retry after Retry-After seconds.',
  500: 'Unexpected server error (no internals disclosed).',
  503: 'The database is restarting or unreachable (database-unavailable), or did not finish in time (database-timeout); retry after Retry-After seconds. Repeat a POST with the same Idempotency-Key.',
};

/** Headers a problem status always sends. */
const problemHeaders: Record<number, NonNullable<OperationObject['responses']>[string]['headers']> = {
  429: { 'Retry-After': { description: 'Seconds until the window ends.', schema: { type: 'integer', format: 'int32', minimum: 1, maximum: 86_400 } } },
  503: { 'Retry-After': { description: 'Seconds to wait before retrying.', schema: { type: 'integer', format: 'int32', minimum: 1, maximum: RETRY_AFTER_SECONDS } } },
};

const INT32 = { min: -(2 ** 31), max: 2 ** 31 - 1 };
/** Keywords whose values are data, not schemas: an example may hold an object with a `type` field. */
const DATA_KEYWORDS = new Set(['example', 'examples', 'default', 'const', 'enum']);

/**
 * Adds `format: int32` or `int64` to every integer schema, from the bounds zod already gives it (z.int() is
 * bounded by the safe-integer range, which needs int64), so generators pick the right integer type.
 */
function withIntegerFormats<T>(node: T): T {
  if (Array.isArray(node)) return node.map(withIntegerFormats) as T;
  if (!node || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) out[key] = DATA_KEYWORDS.has(key) ? value : withIntegerFormats(value);
  const type = out.type;
  if ((type === 'integer' || (Array.isArray(type) && type.includes('integer'))) && out.format === undefined) {
    const { minimum, maximum } = out as { minimum?: number; maximum?: number };
    const fits = minimum !== undefined && maximum !== undefined && minimum >= INT32.min && maximum <= INT32.max;
    out.format = fits ? 'int32' : 'int64';
  }
  return out as T;
}

/** JSON Schema (2020-12, the OpenAPI 3.1 dialect) for a zod schema; schemas with an id become $refs. */
function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): SchemaObject {
  const id = z.globalRegistry.get(schema)?.id;
  if (id && io === 'output') return { $ref: ref(id) };
  // Nested schemas with an id land in $defs; they are the components emitted below, so refer to those.
  // (zod's `external` option would extract the root itself into a "__shared" document that the spec lacks.)
  const { $schema: _s, $defs: _d, ...out } = z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any' }) as Record<string, unknown>;
  return withIntegerFormats(
    JSON.parse(JSON.stringify(out), (key, value: unknown) =>
      key === '$ref' && typeof value === 'string' && value.startsWith('#/$defs/') ? ref(value.slice('#/$defs/'.length)) : value,
    ) as SchemaObject,
  );
}

const exampleOf = (example: unknown) => (example === undefined ? {} : { example });

function parameters(schema: z.ZodType | undefined, location: 'path' | 'query'): ParameterObject[] {
  if (!schema) return [];
  const json = jsonSchema(schema, 'input') as { properties?: Record<string, SchemaObject>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, prop]) => ({
    name,
    in: location,
    required: location === 'path' || (json.required ?? []).includes(name),
    description: prop.description ?? prop.title,
    schema: prop,
  }));
}

function operation(route: AnyRoute): OperationObject {
  const params = [...parameters(route.params, 'path'), ...parameters(route.query, 'query')];
  if (route.method === 'get') {
    params.push({ name: 'If-None-Match', in: 'header', required: false, description: 'ETag from an earlier answer; 304 if unchanged.', schema: { type: 'string' } });
  }
  if (route.ifMatch) {
    const description =
      route.ifMatch === 'version'
        ? 'ETag of the version being changed. A change to a published decision names the version it saw: "*" is refused (428).'
        : 'ETag of the version being changed, or "*" for whichever version is current.';
    params.push({ name: 'If-Match', in: 'header', required: true, description, schema: { type: 'string' } });
  }
  if (isIdempotent(route)) {
    params.push({
      name: 'Idempotency-Key',
      in: 'header',
      required: false,
      description: 'Any unique string (e.g. a UUID). A retry with the same key and body returns the first answer (with Idempotent-Replayed: true) and changes nothing; the same key with a different body is 422. Kept 24 hours.',
      schema: { type: 'string', minLength: 1, maxLength: 255 },
    });
  }
  const responses: OperationObject['responses'] = {};
  for (const [status, spec] of Object.entries(route.responses)) {
    responses[status] = {
      description: spec.description,
      ...(spec.headers ? { headers: spec.headers } : {}),
      ...(spec.schema ? { content: { 'application/json': { schema: jsonSchema(spec.schema, 'output'), ...exampleOf(RESPONSE_EXAMPLES[route.operationId]?.[status]) } } } : {}),
      ...(spec.stream
        ? {
            content: Object.fromEntries(
              [spec.stream.mediaType].flat().map((t) => [t.split(';')[0]!.trim(), { schema: { type: 'string', ...(spec.stream!.description ? { description: spec.stream!.description } : {}) } }]),
            ),
          }
        : {}),
    };
  }
  if (route.method === 'get') responses['304'] = { description: 'Not modified: If-None-Match matched the current ETag.' };
  for (const status of problemStatuses(route)) {
    responses[String(status)] = {
      description: problemTitles[status] ?? 'Problem.',
      ...(problemHeaders[status] ? { headers: problemHeaders[status] } : {}),
      content: { 'application/problem+json': { schema: jsonSchema(ProblemSchema, 'output') } },
    };
  }
  return {
    operationId: route.operationId,
    summary: route.summary,
    ...(route.description ? { description: route.description } : {}),
    tags: [route.tag],
    ...(params.length ? { parameters: params } : {}),
    ...(route.body
      ? {
          requestBody: {
            required: true,
            content: Object.fromEntries(
              (route.bodyTypes ?? ['application/json']).map((t) => [t, { schema: jsonSchema(route.body, 'input'), ...exampleOf(REQUEST_EXAMPLES[route.operationId]) }]),
            ),
          },
        }
      : {}),
    responses,
    // An empty list says "no credentials" outright; leaving it out would inherit a document-wide default.
    security: route.auth ? [{ bearerAuth: [] }] : [],
  };
}

const tags = [
  { name: 'agencies', description: '执法主体 — enforcement bodies (事前公开)' },
  { name: 'legal-bases', description: '法律依据 — laws, regulations, rules and normative documents, with articles (事前公开)' },
  { name: 'powers', description: '权责清单 — power and responsibility lists, with discretion benchmarks (事前公开)' },
  { name: 'officers', description: '执法人员 — enforcement officers and their certificates (事前公开)' },
  { name: 'procedures', description: '执法程序与救济渠道 — procedures and remedy channels per agency (事前公开)' },
  { name: 'penalties', description: '行政处罚 — penalty decisions in the national 双公示 format, with deadlines, withdrawal and publicity periods (事后公开)' },
  { name: 'licences', description: '行政许可 — licence decisions in the national 双公示 format (事后公开)' },
  { name: 'approval-items', description: '行政许可事项 — approval items (谁审批谁公示): basis, conditions, materials, procedure, time limits, fees, channels, negative-list measures; the licence decisions under each' },
  { name: 'enforcement-actions', description: '其他执法行为 — 行政检查, 行政强制 and other enforcement results (事后公开)' },
  { name: 'campaigns', description: '专项整治 — named enforcement campaigns that decisions belong to' },
  { name: 'inspections', description: '双随机、一公开 — random-selection inspections: item lists, entity and inspector directories, 细则, plans, tasks, re-checkable draws and results' },
  { name: 'negative-list', description: '市场准入负面清单 — the market-access negative list: editions, items and measures, diffs between editions, the edition in force on a date, measure search and "may I do this?"' },
  { name: 'compliance', description: '公示时效 — publication deadlines met and missed, per agency (回头看)' },
  { name: 'exports', description: '批量导出 — the national 双公示 CSV of the decisions on display, streamed' },
  { name: 'maintenance', description: '运维 — operator tasks (publicity expiry sweep)' },
  { name: 'code-lists', description: '代码表 — code lists kept as data (职权类型, 处罚种类, 相对人类别, 证件类型, 许可类别, 抽查结果)' },
  { name: 'keys', description: '写入密钥 — per-agency writer keys' },
  { name: 'feed', description: '变更订阅 — the change log for aggregators' },
  { name: 'meta', description: 'This document and its reference' },
];

const header = (name: string, description: string): ParameterObject => ({ name, in: 'header', required: true, description, schema: { type: 'string', maxLength: 200 } });

/** What a push subscription's endpoint receives (POST /v1/webhooks creates one). */
function feedEventsWebhook() {
  return {
    post: {
      operationId: 'receiveFeedEvents',
      summary: '变更推送',
      description:
        'Sent to each push subscription (POST /v1/webhooks): the next feed entries after its position, at most 100, in commit order. Verify the signature as the Standard Webhooks specification says: base64 HMAC-SHA256, under the secret given at creation (without its `whsec_` prefix, base64-decoded), of `<webhook-id>.<webhook-timestamp>.<body>`; refuse a timestamp more than 5 minutes off. Answer 2xx once stored; anything else is retried with the same webhook-id while the entries are the same.',
      tags: ['feed'],
      security: [],
      parameters: [
        header('webhook-id', 'Message id: the same for a redelivery of the same entries.'),
        header('webhook-timestamp', 'Unix seconds when the delivery was signed.'),
        header('webhook-signature', '`v1,<base64 HMAC-SHA256>`.'),
      ],
      requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(WebhookDelivery, 'output') } } },
      responses: { '200': { description: 'Stored: the subscription moves past these entries (any 2xx does).' } },
    },
  };
}

/** The OpenAPI 3.1 document, built from the same route definitions that are mounted. */
export function buildOpenApi(routes: AnyRoute[], version: string) {
  const builder = OpenApiBuilder.create({
    openapi: '3.1.0',
    info: {
      title: 'Gongshi 公示 API',
      version,
      description:
        '谁执法谁公示 — administrative enforcement information in one standardized, versioned, machine-readable feed. Reads are public; writes need a per-agency key.\n\n' +
        'On every path: a method the path does not list is `405` (problem+json, with `Allow`); `OPTIONS` answers a CORS preflight (an unknown path is `404`). ' +
        'CORS is read-only: answers to `GET` and `HEAD` carry `Access-Control-Allow-Origin: *` and a preflight allows them (with `If-None-Match`), while a preflight for `POST`, `PATCH` or `DELETE` and the answers to writes carry no CORS headers, so a page of another origin can read the API but never write to it. ' +
        'Request bodies are UTF-8 JSON: another `charset` is `415`, invalid UTF-8 is `400`; so are query strings, where a malformed percent-escape or bytes that are not UTF-8 once percent-decoded are `400` naming the parameter. ' +
        'A query parameter that an operation does not list is never ignored: on every operation it is `400`, naming it (`in: query`, `pointer: /<name>`) and the parameters the operation takes. ' +
        `A problem lists at most ${MAX_FIELD_ERRORS} \`errors[]\` (\`errorCount\` then gives the total). ` +
        'Every answer carries `X-Content-Type-Options: nosniff`. ' +
        'Rate limits, when the operator sets them (none by default), count reads per client address, and writes per client address and per key, in fixed windows: an answer under a limit carries `RateLimit` and `RateLimit-Policy`, and a request over it is `429` (problem+json, `too-many-requests`) with `Retry-After`. ' +
        'Every GET answer has a strong `ETag` (`If-None-Match` → `304`) and a `Cache-Control`: records and lists `public, max-age=60, stale-while-revalidate=600`; what never changes at its URL (revisions of records other than decisions, a superseded negative-list edition, a voided draw) `public, max-age=31536000, immutable`; the feed, the exports and their manifest `no-cache`; key listings `no-store` with `Vary: Authorization`. JSON answers with records name their latest change in `Last-Modified`.',
      license: { name: 'Apache-2.0', identifier: 'Apache-2.0' },
    },
    // Relative: the document describes the server that serves it, wherever that is deployed (no setting
    // names a public base URL; a client resolves "/" against the URL it fetched /openapi.json from).
    servers: [{ url: '/', description: 'The server this document was fetched from.', 'x-internal': false }],
    paths: {},
    components: {},
  });
  const components = z.toJSONSchema(z.globalRegistry, { target: 'draft-2020-12', io: 'output', unrepresentable: 'any', uri: ref });
  // Sorted by name: zod registers schemas in module-load order, which would reorder the document whenever an import moves.
  for (const [id, schema] of Object.entries(components.schemas).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const { $schema: _s, $id: _i, ...rest } = schema as Record<string, unknown>;
    builder.addSchema(id, withIntegerFormats(rest) as SchemaObject);
  }
  builder.addSecurityScheme('bearerAuth', { type: 'http', scheme: 'bearer', description: 'A per-agency writer key, or the operator token.' });
  tags.forEach((t) => builder.addTag(t));
  const paths: Record<string, Record<string, OperationObject>> = {};
  for (const route of routes) (paths[route.path] ??= {})[route.method] = operation(route);
  // Outside the route table: the document itself and its reference page. Like every operation, each refuses
  // an unknown query parameter (400); the reference answers 500 when its bundle cannot be read.
  const problem = (status: number): ResponseObject => ({
    description: problemTitles[status]!,
    ...(problemHeaders[status] ? { headers: problemHeaders[status] } : {}),
    content: { 'application/problem+json': { schema: jsonSchema(ProblemSchema, 'output') } },
  });
  paths['/openapi.json'] = {
    get: {
      operationId: 'getOpenApi',
      summary: 'OpenAPI 3.1 document',
      description:
        'This document, built from the same route table and schemas the server validates requests and answers with. The same bytes until the next deploy: a strong ETag of them, kept 5 minutes and then served while revalidating for up to a day.',
      tags: ['meta'],
      security: [],
      responses: {
        '200': {
          description: 'This document.',
          content: { 'application/json': { schema: { type: 'object' }, example: { openapi: '3.1.0', info: { title: 'Gongshi 公示 API', version }, paths: {} } } },
        },
        '304': { description: 'Not modified: If-None-Match matched the current ETag.' },
        '400': problem(400),
      },
    },
  };
  paths['/docs'] = {
    get: {
      operationId: 'getDocs',
      summary: 'Interactive API reference',
      description: 'A page that renders /openapi.json for reading and trying the API.',
      tags: ['meta'],
      security: [],
      responses: {
        '200': { description: 'HTML page (Redoc, served from this origin: no CDN), with a Content-Security-Policy.', content: { 'text/html': { schema: { type: 'string' } } } },
        '304': { description: 'Not modified: If-None-Match matched the current ETag.' },
        '400': problem(400),
        '500': problem(500),
      },
    },
  };
  paths['/docs/assets/{file}'] = {
    get: {
      operationId: 'getDocsAsset',
      summary: 'A script of the reference page',
      description: 'The file names the reference page gives carry a hash of their bytes, so each is cached for a year (immutable).',
      tags: ['meta'],
      security: [],
      parameters: [
        {
          name: 'file',
          in: 'path',
          required: true,
          description: '文件名 — as the reference page names it; any other name is a 404 that repeats nothing.',
          // Refused like any text that holds a personal number: it matches no file, and is neither echoed nor stored.
          schema: { type: 'string', title: '文件名', maxLength: 100, pattern: '^[a-z]+(\\.[a-z]+)*\\.[0-9a-f]{16}\\.js$', 'x-personal-data': 'refused' },
        },
      ],
      responses: {
        '200': { description: 'The script.', content: { 'text/javascript': { schema: { type: 'string' } } } },
        '304': { description: 'Not modified: If-None-Match matched the current ETag.' },
        '400': problem(400),
        '404': problem(404),
        '500': problem(500),
      },
    },
  };
  withRateLimits(paths, problem);
  for (const [name, header] of Object.entries(RATE_LIMIT_HEADERS)) builder.addHeader(name, header);
  for (const [path, item] of Object.entries(paths)) builder.addPath(path, item);
  builder.addWebhook('feedEvents', feedEventsWebhook());
  return builder.getSpec();
}
