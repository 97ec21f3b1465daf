import { describe, expect, it } from 'vitest';
import { useTestApp } from './support/app.js';
import { schemas, untypedSchemas } from './support/spec-schemas.js';

// A schema without a shape (zod's `unrepresentable: 'any'`, z.unknown(), a custom type, a transform's output)
// becomes `unknown` in every generated client: a number then compiles where the server wants a string.

const t = useTestApp();

async function fetchSpec() {
  const res = await t.request('/openapi.json');
  expect(res.status).toBe(200);
  return res.body as Record<string, any>;
}

describe('every schema of the OpenAPI document has a shape', () => {
  it('finds an untyped property, item and map value when there is one (the check can fail)', () => {
    const planted = {
      components: { schemas: { A: { type: 'object', properties: { ok: { type: 'string' }, loose: { title: 'x' } } } } },
      paths: { '/a': { get: { responses: { 200: { content: { 'application/json': { schema: { type: 'array', items: { anyOf: [{ type: 'object', additionalProperties: {} }, {}] } } } } } } } } },
    };
    expect(untypedSchemas(planted)).toEqual([
      '/components/schemas/A/properties/loose',
      '/paths/~1a/get/responses/200/content/application~1json/schema/items/anyOf/0/additionalProperties',
      '/paths/~1a/get/responses/200/content/application~1json/schema/items/anyOf/1',
    ]);
  });

  it('types every property, item, map value and branch, in components, parameters, bodies and headers', async () => {
    const spec = await fetchSpec();
    expect([...schemas(spec)].length).toBeGreaterThan(1000);
    // The feed's, the revisions' and the exports' data included: each is its record type's schema.
    expect(untypedSchemas(spec)).toEqual([]);
  });

  it('publishes every amount of money as a decimal string with the pattern the server enforces', async () => {
    const spec = await fetchSpec();
    const amounts = [...schemas(spec)].filter(([at, s]) => /\/properties\/[^/]+$/.test(at) && /\((万)?元\)/.test(s.title ?? ''));
    const where = amounts.map(([at]) => at);
    for (const id of ['Penalty', 'PenaltyCreate', 'PenaltyPatch']) {
      for (const field of ['fineAmount', 'confiscationAmount']) expect(where).toContain(`/components/schemas/${id}/properties/${field}`);
    }
    expect(where).toEqual(expect.arrayContaining(['/components/schemas/DiscretionTierOut/properties/fineMin', '/components/schemas/ApprovalFee/properties/amount']));
    for (const [at, schema] of amounts) {
      // The value's own branch: the schema itself, or the non-null branch of a nullable one.
      const branches = ((schema.anyOf ?? [schema]) as Record<string, any>[]).filter((b) => b.type !== 'null');
      expect(branches, at).toHaveLength(1);
      const [value] = branches as [Record<string, any>];
      expect(value.type, at).toBe('string');
      expect(value.maxLength, at).toBeLessThanOrEqual(32);
      const pattern = new RegExp(value.pattern, 'u');
      expect(pattern.test('2000.00'), at).toBe(true);
      for (const wrong of ['2e3', '-1.00', '1,000.00', '2000.001', ' 1.00', '']) expect(pattern.test(wrong), `${at} ${JSON.stringify(wrong)}`).toBe(false);
    }
  });
});
