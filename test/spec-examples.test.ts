/**
 * The examples of the OpenAPI document pass the server's own checks. Request examples (src/schemas/request-examples.ts)
 * parse with the route's body schema and are posted, with the ids of records made first, for a 2xx. Response examples
 * (src/schemas/response-examples.json) parse with the route's response schema; they are the answers to those same
 * requests and to a read of every route, recorded with UPDATE_EXAMPLES=1:
 *
 *   UPDATE_EXAMPLES=1 npx vitest run --config test/vitest.config.ts --project pglite test/spec-examples.test.ts
 *
 * A route added without examples fails here until it has a request example (if it takes a body) and is recorded.
 */
import { writeFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routes } from '../src/app.js';
import { NEGATIVE_LIST_EDITIONS } from '../src/demo/negative-list-editions.js';
import { EXAMPLE_IDS, NEGATIVE_LIST_ITEM_EXAMPLE, REQUEST_EXAMPLES } from '../src/schemas/request-examples.js';
import recordedResponses from '../src/schemas/response-examples.json' with { type: 'json' };
import { admin, useTestApp, type TestResponse } from './support/app.js';
import { publication } from './support/negative-list.js';
import { routeName, type Route } from './support/route-requests.js';
import { send, writeRequests, type WriteRequest, type WriteRequests, type WriteTargets } from './support/write-requests.js';

// The clock of test/route-table-contract.test.ts: the examples' decision dates (2026-11-20) are in its past.
const t = useTestApp({ now: () => new Date('2026-11-27T02:00:00Z') });
const UPDATE = process.env.UPDATE_EXAMPLES === '1';
const RECORDED: Record<string, Record<string, unknown> | undefined> = recordedResponses;

type Json = Record<string, any>;
const PLACEHOLDERS = new Set<string>(Object.values(EXAMPLE_IDS));
const isSuccess = (status: number) => status >= 200 && status < 300;
/** The JSON answers a route declares as success, by status. */
const jsonSuccesses = (route: Route) => Object.entries(route.responses).filter(([status, spec]) => isSuccess(Number(status)) && spec.schema).map(([status]) => status);

/**
 * Values of an example that must be those of the records this test made, beyond ids: the secret that opens the
 * commitment of the draw at hand, the edition current at the moment. Each is the value the test's own request
 * holds at that pointer, or absent when that request has none.
 */
const BOUND_TO_CONTEXT: Record<string, string[]> = {
  revealInspectionDraw: ['/secret'],
  publishNegativeListEdition: ['/supersedes'],
};

/** Write operations whose example is checked against its schema only, with the reason (none today). */
const SCHEMA_ONLY: Record<string, string> = {};

/** Examples of the records other examples refer to, posted first; their answers stand for them below. */
const REFERENCED = { otherAgency: 'createAgency', legalBasis: 'createLegalBasis', campaign: 'createCampaign' } as const;

/** Query strings of the reads that need one, from the records at hand. */
const READ_QUERIES: Record<string, () => Promise<string>> = {
  searchLegalArticles: async () => `q=${encodeURIComponent('食品')}`,
  getNegativeListEditionInForce: async () => `asOf=${(await showcaseEdition()).effectiveFrom}`,
  searchNegativeListMeasures: async () => `edition=${(await showcaseEdition()).code}&q=${encodeURIComponent('电子烟')}`,
  checkNegativeList: async () => `activity=${encodeURIComponent('销售电子烟')}&asOf=${(await showcaseEdition()).effectiveFrom}`,
  diffNegativeListEditions: editionPair,
  diffNegativeListEditionsMarkdown: editionPair,
  getComplianceReport: async () => 'from=2026-01-01&to=2026-12-31',
};

async function created(path: string, body: unknown): Promise<Json> {
  const res = await t.post(path, body, admin);
  expect(res.status, `${path}: ${JSON.stringify(res.body)}`).toBe(201);
  return res.body;
}

/**
 * The negative-list examples on the demo's two editions, posted first on an empty list: 2022 with its items,
 * published; then the 2025 edition example, its item example and the demo's other 2025 items, published over
 * 2022 by the publication example. The negative-list reads then answer about these, not the test's own items.
 */
let showcase: { code: string; effectiveFrom: string } | undefined;
async function showcaseEdition() {
  if (showcase) return showcase;
  const route = (id: string) => routes.find((r) => r.operationId === id)!;
  const [editions2022, editions2025] = NEGATIVE_LIST_EDITIONS;
  const older = await created('/v1/negative-list/editions', editions2022!.edition);
  for (const item of editions2022!.items) await created('/v1/negative-list/items', { ...item, editionId: older.id });
  const first = await t.post(`/v1/negative-list/editions/${older.code}/publish`, {}, admin);
  expect(first.status, JSON.stringify(first.body)).toBe(200);

  const edition = await postExample(route('createNegativeListEdition'));
  expect(edition.status, JSON.stringify(edition.body)).toBe(201);
  const item = await postExample(route('createNegativeListItem'), { method: 'POST', path: '/v1/negative-list/items', body: { editionId: edition.body.id }, headers: admin });
  expect(item.status, JSON.stringify(item.body)).toBe(201);
  for (const other of editions2025!.items.filter((i) => i.code !== NEGATIVE_LIST_ITEM_EXAMPLE)) await created('/v1/negative-list/items', { ...other, editionId: edition.body.id });
  const publish = { method: 'POST' as const, path: `/v1/negative-list/editions/${edition.body.code}/publish`, body: await publication(t), headers: admin };
  const published = await postExample(route('publishNegativeListEdition'), publish);
  expect(published.status, JSON.stringify(published.body)).toBe(200);
  showcase = { code: edition.body.code, effectiveFrom: edition.body.effectiveFrom };
  return showcase;
}

/** The edition the showcase's example edition superseded, and that edition. */
async function editionPair(): Promise<string> {
  const { code } = await showcaseEdition();
  return `from=${NEGATIVE_LIST_EDITIONS[0]!.edition.code}&to=${code}`;
}

/** Where a path parameter's value comes from when the path before it lists nothing (read per parent record). */
const PARAM_SOURCES: Record<string, () => Promise<string[]>> = {
  '/v1/exports': async () => ['penalties.ndjson'],
  '/v1/discretion-benchmarks': async () => {
    const powers = await t.request('/v1/powers?limit=50');
    const ids: string[] = [];
    for (const power of powers.body.items as Json[]) {
      const benchmarks = await t.request(`/v1/powers/${power.id}/discretion-benchmarks`);
      ids.push(...(benchmarks.body.items as Json[]).map((b) => b.id as string));
    }
    return ids;
  },
  '/v1/inspection-draws': async () => {
    const tasks = await t.request('/v1/inspection-tasks?limit=50');
    const ids: string[] = [];
    for (const task of tasks.body.items as Json[]) {
      const draw = await t.request(`/v1/inspection-tasks/${task.id}/draw`);
      if (draw.status === 200) ids.push(draw.body.id);
      if (ids.length >= 3) break;
    }
    return ids;
  },
};

let world: { requests: WriteRequests; targets: WriteTargets };
/** Real ids for the placeholders of EXAMPLE_IDS that no request of the test's own holds at the same place. */
const roles = new Map<string, string>();
/** Answers to the examples (and reads), per operationId and status: what UPDATE_EXAMPLES=1 writes. */
const answers: Record<string, Record<string, unknown>> = {};
const posted = new Set<string>();
/** Ids of the records the examples created (not those they changed): reads show these first. */
const exampleIds = new Set<string>();
const examplesFirst = (values: string[]) => [...values.filter((v) => exampleIds.has(v)), ...values.filter((v) => !exampleIds.has(v))];

/** The example with its placeholders replaced: by the value at the same place in `own`, else by the record standing for it. */
function bind(example: unknown, own: unknown, operationId: string, pointer = ''): unknown {
  if (typeof example === 'string' && PLACEHOLDERS.has(example)) {
    if (typeof own === 'string') return own;
    const real = roles.get(example);
    if (!real) throw new Error(`${operationId}: nothing stands for ${example} at ${pointer}`);
    return real;
  }
  if (Array.isArray(example)) return example.map((v, i) => bind(v, Array.isArray(own) ? own[i] : undefined, operationId, `${pointer}/${i}`));
  if (example && typeof example === 'object') {
    const ownObject = own && typeof own === 'object' ? (own as Json) : {};
    const out: Json = {};
    for (const [key, value] of Object.entries(example)) {
      const at = `${pointer}/${key}`;
      if (BOUND_TO_CONTEXT[operationId]?.includes(at)) {
        if (key in ownObject) out[key] = ownObject[key];
        continue;
      }
      out[key] = bind(value, ownObject[key], operationId, at);
    }
    return out;
  }
  return example;
}

/** Lists keep their first item: enough to show its shape. */
function trimmed(body: unknown): unknown {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return body;
  const out: Json = { ...body };
  if (Array.isArray(out.items)) out.items = [out.items.find((i: Json) => exampleIds.has(i?.id)) ?? out.items[0]].filter((i) => i !== undefined);
  // A new key's or subscription's secret is shown once; the example shows its form, not a secret that ever worked.
  if (typeof out.secret === 'string' && typeof out.prefix === 'string') out.secret = `${out.prefix}-example-not-a-real-secret`;
  if (typeof out.secret === 'string' && out.secret.startsWith('whsec_')) out.secret = `whsec_${'ExampleNotARealSigningKey'.padEnd(43, '0')}=`;
  return out;
}

function record(route: Route, res: TestResponse) {
  if (!jsonSuccesses(route).includes(String(res.status))) return;
  (answers[route.operationId] ??= {})[String(res.status)] = trimmed(res.body);
}

/** Per collection path, the record its create example made: updates change that one. */
const createdIn = new Map<string, string>();
/** Updates that stay on the test's own record: negative-list drafts (the edition example is published). */
const KEEP_OWN_TARGET = new Set(['updateNegativeListEdition', 'updateNegativeListItem']);

/**
 * A merge patch of a collection whose create example ran is sent to the record that example created (for
 * webhooks, this also pauses the example's subscription before a delivery round could call its URL).
 */
async function retargeted(route: Route, own: WriteRequest): Promise<WriteRequest> {
  const collection = /^([^{}]*)\/\{\w+\}$/.exec(route.path)?.[1];
  const created = collection && createdIn.get(collection);
  if (route.method !== 'patch' || KEEP_OWN_TARGET.has(route.operationId) || !created) return own;
  const path = `${collection}/${created}`;
  if (!route.ifMatch) return { ...own, path };
  const current = await t.request(path);
  expect(current.status, path).toBe(200);
  return { ...own, path, headers: { ...own.headers, 'If-Match': current.headers.get('ETag')! } };
}

/**
 * Sends the route's example, in the test's own request for the route (or `given`): its path and headers, and the
 * ids its body holds where the example has placeholders. A write without a body sends the request as it is.
 */
async function postExample(route: Route, given?: WriteRequest): Promise<TestResponse> {
  const build = world.requests[route.operationId];
  if (!build && !given) throw new Error(`${routeName(route)}: no request in test/support/write-requests.ts`);
  const own: WriteRequest = await retargeted(route, given ?? (await build!()));
  const example = REQUEST_EXAMPLES[route.operationId];
  const body = example === undefined ? own.body : (bind(example, own.body, route.operationId) as Json);
  const res = await send(t, { ...own, ...(body ? { body } : {}) });
  if (isSuccess(res.status)) {
    record(route, res);
    posted.add(route.operationId);
    if (res.status === 201 && typeof res.body?.id === 'string') {
      exampleIds.add(res.body.id);
      if (!route.path.includes('{')) createdIn.set(route.path, res.body.id);
    }
  }
  return res;
}

beforeAll(async () => {
  world = await writeRequests(t);
  roles.set(EXAMPLE_IDS.agency, world.targets.agencyId);
  for (const [role, operationId] of Object.entries(REFERENCED)) {
    const res = await postExample(routes.find((r) => r.operationId === operationId)!);
    expect(res.status, `${operationId}: ${JSON.stringify(res.body)}`).toBe(201);
    roles.set(EXAMPLE_IDS[role as keyof typeof REFERENCED], res.body.id);
  }
  await showcaseEdition();
}, 240_000);

afterAll(() => {
  if (!UPDATE) return;
  // Only a whole run is written: a run of some tests would drop the examples of the others.
  const unanswered = routes.flatMap((r) => jsonSuccesses(r).filter((status) => answers[r.operationId]?.[status] === undefined).map((status) => `${routeName(r)} ${status}`));
  if (unanswered.length) throw new Error(`UPDATE_EXAMPLES: not written, no answer for ${unanswered.join(', ')}`);
  const sorted = Object.fromEntries(Object.entries(answers).sort(([a], [b]) => (a < b ? -1 : 1)));
  writeFileSync(new URL('../src/schemas/response-examples.json', import.meta.url), JSON.stringify(sorted, null, 2) + '\n');
});

const withBody = routes.filter((r) => r.body);
const writes = routes.filter((r) => r.method !== 'get');
const reads = routes.filter((r) => r.method === 'get');

describe('request examples', () => {
  it('exist for every route with a JSON body, and its own body schema accepts each', () => {
    expect(withBody.length).toBeGreaterThan(40);
    const missing = withBody.filter((r) => REQUEST_EXAMPLES[r.operationId] === undefined).map(routeName);
    expect(missing).toEqual([]);
    expect(Object.keys(REQUEST_EXAMPLES).filter((id) => !withBody.some((r) => r.operationId === id))).toEqual([]);
    for (const route of withBody) {
      const parsed = route.body.safeParse(REQUEST_EXAMPLES[route.operationId]);
      expect(parsed.success, `${routeName(route)}: ${JSON.stringify(parsed.error?.issues)}`).toBe(true);
    }
  });

  it('are answered with success when sent on records made first, each write once', async () => {
    const refused: string[] = [];
    for (const route of writes) {
      if (posted.has(route.operationId) || SCHEMA_ONLY[route.operationId]) continue;
      const res = await postExample(route);
      if (!isSuccess(res.status)) refused.push(`${route.operationId}: ${res.status} ${JSON.stringify(res.body)}`);
    }
    expect(refused).toEqual([]);
    expect(writes.filter((r) => !posted.has(r.operationId)).map((r) => r.operationId)).toEqual(Object.keys(SCHEMA_ONLY));
  }, 240_000);
});

/** A read with the largest page, so that the records the examples made are on it (a route without `limit`: as is). */
async function readWholePage(path: string, query: string, headers: Record<string, string>): Promise<TestResponse> {
  const res = await t.request(`${path}?${query ? `${query}&` : ''}limit=200`, { headers });
  return res.status === 400 ? t.request(`${path}${query ? `?${query}` : ''}`, { headers }) : res;
}

/** The values a list offers for the parameter `param` of the paths under it, those of records the examples created first. */
function valuesFor(param: string, items: Json[]): string[] {
  const pick = (item: Json) => item[param] ?? (param === 'edition' ? (item.code ?? item.id) : (item.id ?? item.code));
  const ordered = [...items.filter((i) => exampleIds.has(i.id)), ...items.filter((i) => !exampleIds.has(i.id))];
  return ordered.map(pick).filter((v) => typeof v === 'string' || typeof v === 'number').map(String);
}

/** Concrete paths for `path` (in the route table's {param} form), each parameter taken from the list before it. */
async function concretePaths(path: string, headers: Record<string, string>): Promise<string[]> {
  const match = /\/\{(\w+)\}/.exec(path);
  if (!match) return [path];
  const prefix = path.slice(0, match.index);
  const rest = path.slice(match.index + match[0].length);
  const out: string[] = [];
  for (const list of (await concretePaths(prefix, headers)).slice(0, 3)) {
    const source = PARAM_SOURCES[list];
    let values: string[];
    if (source) values = await source();
    else {
      const res = await readWholePage(list, '', headers);
      values = isSuccess(res.status) && Array.isArray(res.body.items) ? valuesFor(match[1]!, res.body.items) : [];
    }
    for (const value of examplesFirst(values).slice(0, 4)) out.push(...(await concretePaths(`${list}/${encodeURIComponent(value)}${rest}`, headers)));
  }
  return out;
}

describe('reads', () => {
  it('answer every read route with success on the records the examples made', async () => {
    const failed: string[] = [];
    for (const route of reads) {
      const headers = route.auth ? admin : {};
      const query = READ_QUERIES[route.operationId] ? await READ_QUERIES[route.operationId]!() : '';
      let chosen: TestResponse | undefined;
      for (const path of await concretePaths(route.path, headers)) {
        const res = await readWholePage(path, query, headers);
        if (!isSuccess(res.status)) continue;
        chosen ??= res;
        // Prefer an answer that lists something: the example then shows an item.
        if (!Array.isArray(res.body?.items) || res.body.items.length > 0) {
          chosen = res;
          break;
        }
      }
      if (!chosen) failed.push(routeName(route));
      else record(route, chosen);
    }
    expect(failed).toEqual([]);
  }, 240_000);
});

describe('response examples', () => {
  it('exist for every JSON success answer of every route, and its response schema accepts each', () => {
    const missing: string[] = [];
    let checked = 0;
    for (const route of routes) {
      for (const status of jsonSuccesses(route)) {
        const example = RECORDED[route.operationId]?.[status];
        if (example === undefined) {
          missing.push(`${routeName(route)} ${status}`);
          continue;
        }
        const parsed = route.responses[Number(status)]!.schema!.safeParse(example);
        expect(parsed.success, `${routeName(route)} ${status}: ${JSON.stringify(parsed.error?.issues.slice(0, 3))}`).toBe(true);
        checked += 1;
      }
    }
    expect(missing, 'record them: UPDATE_EXAMPLES=1 npx vitest run --config test/vitest.config.ts --project pglite test/spec-examples.test.ts').toEqual([]);
    expect(checked).toBeGreaterThan(150);
    const known = new Set(routes.map((r) => r.operationId));
    expect(Object.keys(RECORDED).filter((id) => !known.has(id))).toEqual([]);
  });
});

describe('the published document', () => {
  it('carries an example on every JSON request body and success answer, valid against the schema it publishes', async () => {
    const spec = (await t.request('/openapi.json')).body as Json;
    const ajv = new Ajv2020({ strict: false });
    (addFormats as unknown as (a: Ajv2020) => void)(ajv);
    // The components alone: the rest of the document is not JSON Schema (a parameter's `required` is a boolean).
    ajv.addSchema({ $id: 'spec', components: { schemas: spec.components.schemas } });
    const problems: string[] = [];
    let examples = 0;
    for (const [path, item] of Object.entries(spec.paths as Json)) {
      for (const [method, op] of Object.entries(item as Json)) {
        const media: [string, Json][] = [];
        for (const [type, m] of Object.entries((op.requestBody?.content ?? {}) as Json)) media.push([`${method} ${path} request ${type}`, m]);
        for (const [status, res] of Object.entries(op.responses as Json)) {
          if (isSuccess(Number(status)) && res.content?.['application/json']) media.push([`${method} ${path} ${status}`, res.content['application/json']]);
        }
        for (const [where, m] of media) {
          if (!('example' in m)) {
            problems.push(`${where}: no example`);
            continue;
          }
          examples += 1;
          const schema = JSON.parse(JSON.stringify(m.schema).replaceAll('"#/components/', '"spec#/components/'));
          if (!ajv.validate(schema, m.example)) problems.push(`${where}: ${ajv.errorsText()}`);
        }
      }
    }
    expect(examples).toBeGreaterThan(200);
    expect(problems).toEqual([]);
  });
});
