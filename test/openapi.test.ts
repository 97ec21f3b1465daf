import { Validator } from '@seriousme/openapi-schema-validator';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { RECORD_TYPES } from '../src/schemas/changes.js';
import { PUBLISHED_TYPES } from '../src/schemas/published-records.js';
import { useTestApp } from './support/app.js';

const t = useTestApp();
const CJK = /[\u3400-\u9fff]/;
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

type Node = Record<string, any>;
interface Operation {
  path: string;
  method: string;
  op: Node;
}

async function fetchSpec(): Promise<Node> {
  const res = await t.request('/openapi.json');
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  return res.body;
}

function operations(spec: Node): Operation[] {
  return Object.entries(spec.paths as Node).flatMap(([path, item]) =>
    Object.entries(item as Node)
      .filter(([method]) => METHODS.includes(method))
      .map(([method, op]) => ({ path, method, op: op as Node })),
  );
}

/** Resolves a local JSON pointer ref (#/a/b) in the document, or undefined if it points nowhere. */
function resolve(spec: Node, ref: string): Node | undefined {
  if (!ref.startsWith('#/')) return undefined;
  let node: any = spec;
  for (const raw of ref.slice(2).split('/')) {
    node = node?.[raw.replaceAll('~1', '/').replaceAll('~0', '~')];
  }
  return node;
}

/** Every node of the document with its JSON path. */
function* walk(node: unknown, path = ''): Generator<[string, Node]> {
  if (!node || typeof node !== 'object') return;
  yield [path, node as Node];
  for (const [key, child] of Object.entries(node)) yield* walk(child, `${path}/${key}`);
}

/** A property's title: its own, or that of the component it refers to (directly or as the non-null branch). */
function titleOf(spec: Node, schema: Node): string | undefined {
  if (typeof schema.title === 'string') return schema.title;
  if (typeof schema.$ref === 'string') return resolve(spec, schema.$ref)?.title;
  const branches = ((schema.anyOf ?? schema.oneOf) as Node[] | undefined)?.filter((b) => b.type !== 'null');
  return branches?.length === 1 ? titleOf(spec, branches[0]!) : undefined;
}

describe('OpenAPI document', () => {
  it('is a valid OpenAPI 3.1 document according to an independent validator', async () => {
    const spec = await fetchSpec();
    const validator = new Validator();
    const result = await validator.validate(spec);
    expect(result.errors).toBeUndefined();
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
  });

  it('names a server relative to where it was fetched, and no document-wide security', async () => {
    const spec = await fetchSpec();
    expect(spec.servers).toEqual([{ url: '/', description: expect.any(String), 'x-internal': false }]);
    expect(spec.security).toBeUndefined();
  });

  it('has no $ref that points nowhere', async () => {
    const spec = await fetchSpec();
    const dangling = [...walk(spec)].filter(([, n]) => typeof n.$ref === 'string' && !resolve(spec, n.$ref)).map(([p, n]) => `${p}: ${n.$ref}`);
    expect(dangling).toEqual([]);
  });

  it('gives every operation a unique operationId, a summary, declared tags and responses', async () => {
    const spec = await fetchSpec();
    const declaredTags = new Set((spec.tags as Node[]).map((tag) => tag.name));
    const ops = operations(spec);
    expect(ops.length).toBeGreaterThanOrEqual(11);
    for (const { path, method, op } of ops) {
      const where = `${method.toUpperCase()} ${path}`;
      expect(op.operationId, where).toMatch(/^[a-z][A-Za-z]+$/);
      expect(op.summary, where).toBeTruthy();
      expect(op.tags?.length, where).toBeGreaterThan(0);
      for (const tag of op.tags) expect(declaredTags.has(tag), `${where} tag ${tag}`).toBe(true);
      expect(Object.keys(op.responses).some((s) => /^2\d\d$/.test(s)), where).toBe(true);
    }
    const ids = ops.map((o) => o.op.operationId);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('documents every path parameter and the query parameters of each list', async () => {
    const spec = await fetchSpec();
    for (const { path, method, op } of operations(spec)) {
      const params = (op.parameters ?? []) as Node[];
      const inPath = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      const declared = params.filter((p) => p.in === 'path');
      expect(declared.map((p) => p.name).sort(), `${method} ${path}`).toEqual(inPath.sort());
      for (const p of declared) expect(p.required, `${method} ${path} ${p.name}`).toBe(true);
    }
    const query = (path: string) => ((spec.paths[path].get.parameters ?? []) as Node[]).filter((p) => p.in === 'query').map((p) => p.name).sort();
    expect(query('/v1/agencies')).toEqual(['cursor', 'level', 'limit', 'parentId', 'q', 'regionCode', 'status']);
    expect(query('/v1/feed')).toEqual(['after', 'limit', 'type', 'wait']);
    expect(query('/v1/keys')).toEqual(['agencyId']);
  });

  it('requires a bearer key exactly where the server does, and describes every request body', async () => {
    const spec = await fetchSpec();
    expect(spec.components.securitySchemes.bearerAuth).toMatchObject({ type: 'http', scheme: 'bearer' });
    const seen = { secured: 0, open: 0 };
    for (const { path, method, op } of operations(spec)) {
      const where = `${method.toUpperCase()} ${path}`;
      const url = path.replace(/\{version\}/, '1').replace(/\{\w+\}/g, '0193a1b2-7c4d-7e5f-8a9b-0c1d2e3f4a5b');
      const res = await t.request(url, { method: method.toUpperCase(), headers: { 'Content-Type': 'application/json' }, body: method === 'get' ? undefined : '{}' });
      // Every operation states its security, public ones as [] (no document-wide default to inherit).
      expect(Array.isArray(op.security), where).toBe(true);
      if (op.security.length > 0) {
        expect(op.security, where).toEqual([{ bearerAuth: [] }]);
        expect(res.status, where).toBe(401);
        expect(Object.keys(op.responses), where).toEqual(expect.arrayContaining(['401', '403']));
        seen.secured += 1;
      } else {
        expect(res.status, where).not.toBe(401);
        seen.open += 1;
      }
      if (method === 'post' || method === 'patch') {
        expect(op.requestBody?.required, where).toBe(true);
        const content = op.requestBody.content as Node;
        expect(Object.keys(content), where).toContain('application/json');
        for (const media of Object.values(content)) {
          const schema = media.schema.$ref ? resolve(spec, media.schema.$ref) : media.schema;
          expect(schema?.type, `${where} request body`).toBe('object');
          expect(Object.keys(schema?.properties ?? {}).length, `${where} request body`).toBeGreaterThan(0);
        }
      } else {
        expect(op.requestBody, where).toBeUndefined();
      }
    }
    expect(seen.secured).toBeGreaterThan(0);
    expect(seen.open).toBeGreaterThan(0);
  });

  it('gives every schema property and parameter a Chinese title', async () => {
    const spec = await fetchSpec();
    const missing: string[] = [];
    let properties = 0;
    for (const [path, node] of walk(spec)) {
      for (const [name, schema] of Object.entries((node.properties ?? {}) as Node)) {
        if (path.endsWith('/properties')) continue; // a property that happens to be called "properties"
        properties += 1;
        if (!CJK.test(titleOf(spec, schema as Node) ?? '')) missing.push(`${path}/properties/${name}`);
      }
    }
    for (const { path, method, op } of operations(spec)) {
      for (const p of (op.parameters ?? []) as Node[]) {
        if (p.in !== 'header' && !CJK.test(titleOf(spec, p.schema) ?? '')) missing.push(`${method} ${path} parameter ${p.name}`);
      }
    }
    expect(properties).toBeGreaterThan(50);
    expect(missing).toEqual([]);
  });

  it('publishes examples that satisfy their own schemas', async () => {
    const spec = await fetchSpec();
    const ajv = new Ajv2020({ strict: false });
    (addFormats as unknown as (a: Ajv2020) => void)(ajv);
    const wrong: string[] = [];
    let examples = 0;
    for (const [path, node] of walk(spec)) {
      if (!('example' in node) || path.includes('/examples/')) continue;
      examples += 1;
      const { example, ...schema } = node;
      if (!ajv.validate(JSON.parse(JSON.stringify(schema).replaceAll('"#/', '"#/__unused/')) as object, example)) wrong.push(`${path}: ${ajv.errorsText()}`);
    }
    expect(examples).toBeGreaterThan(3);
    expect(wrong).toEqual([]);
  });

  it('describes exactly the routes the app has mounted', async () => {
    const spec = await fetchSpec();
    const mounted = new Set(
      t.app.routes.filter((r) => r.method !== 'ALL').map((r) => `${r.method.toLowerCase()} ${r.path.replace(/:(\w+)/g, '{$1}')}`),
    );
    const documented = new Set(operations(spec).map((o) => `${o.method} ${o.path}`));
    expect([...mounted].sort()).toEqual([...documented].sort());
    expect(mounted.has('patch /v1/agencies/{id}')).toBe(true);
  });

  it('serves an interactive reference at /docs', async () => {
    const res = await t.request('/docs');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.body).toMatch(/<html/i);
    expect(res.body).toContain('/openapi.json');
  });
});

describe('request examples in the document', () => {
  it('each pass their own schema, cross-field rules included', () => {
    // zod keeps schemas with an id in the registry's id map (what z.toJSONSchema(z.globalRegistry) reads too).
    const byId = (z.globalRegistry as unknown as { _idmap: Map<string, z.ZodType> })._idmap;
    const withExamples = [...byId.entries()].filter(([, schema]) => (z.globalRegistry.get(schema)?.examples as unknown[] | undefined)?.length);
    expect(withExamples.map(([id]) => id)).toEqual(expect.arrayContaining(['EnforcementActionCreate', 'LicenceCreate', 'PenaltyCreate']));
    for (const [id, schema] of withExamples) {
      for (const example of z.globalRegistry.get(schema)!.examples as unknown[]) {
        expect(schema.safeParse(example).success, `${id}: ${JSON.stringify(example)}`).toBe(true);
      }
    }
  });

  it('are published with their schemas, and a key can publish each one', async () => {
    const spec = await fetchSpec();
    const agency = await t.createAgency();
    const key = await t.keyFor(agency.id);
    for (const [path, id] of [['/v1/penalties', 'PenaltyCreate'], ['/v1/licences', 'LicenceCreate'], ['/v1/enforcement-actions', 'EnforcementActionCreate']] as const) {
      const [example] = spec.components.schemas[id].examples;
      const res = await t.post(path, example, key);
      expect(res.status, `${path}: ${JSON.stringify(res.body)}`).toBe(201);
    }
  });

  it('types feed entries, export lines and revisions by record type: a client narrows on `type` and gets the record schema', async () => {
    const spec = await fetchSpec();
    const schemas = spec.components.schemas as Node;
    const entry = schemas.FeedEntry;
    expect(entry.discriminator.propertyName).toBe('type');
    expect(entry.oneOf).toHaveLength(RECORD_TYPES.length);
    for (const type of RECORD_TYPES) {
      const { pascal, schema, redactable } = PUBLISHED_TYPES[type];
      const variant = schemas[`${pascal}FeedEntry`];
      expect(entry.discriminator.mapping[type]).toBe(`#/components/schemas/${pascal}FeedEntry`);
      expect(variant.properties.type.const).toBe(type);
      const id = z.globalRegistry.get(schema)!.id!;
      const data = variant.properties.data;
      const refs = redactable ? data.anyOf.map((s: Node) => s.$ref) : [data.$ref];
      expect(refs).toEqual(redactable ? [`#/components/schemas/${id}`, '#/components/schemas/RedactedVersion'] : [`#/components/schemas/${id}`]);
      expect(schemas[`${pascal}RevisionList`].properties.items.items.$ref).toBe(`#/components/schemas/${pascal}Revision`);
      expect(schemas[`${pascal}Revision`].properties.data).toEqual(data);
    }
    expect(spec.paths['/v1/penalties/{id}/revisions'].get.responses['200'].content['application/json'].schema.$ref).toBe('#/components/schemas/PenaltyRevisionList');
    expect(schemas.Feed.properties.items.items.$ref).toBe('#/components/schemas/FeedEntry');
    expect(schemas.ExportLine.anyOf.map((s: Node) => s.$ref)).toContain('#/components/schemas/FeedEntry');
  });
});
