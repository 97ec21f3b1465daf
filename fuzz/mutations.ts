import fc from 'fast-check';
import { INJECTIONS, NUMBERISH, TRAVERSALS, UNICODE_EDGES, nastyStringArb, personalNumberArb } from './payloads.js';
import type { Schema } from './schema-arbitrary.js';

const WRONG_TYPES: unknown[] = [null, true, false, 0, -1, 1.5, '', 'x', [], {}, [null], { a: 1 }, '0', 'true', 'null'];
const BAD_DATES = ['2024-02-30', '2023-02-29', '2024-13-01', '0000-01-01', '9999-12-31', '2024-1-1', '2024-01-01T00:00:00Z', '20240101', '２０２４-０１-０１', '2024-01-01\n', '1900-02-29', '-2024-01-01', '+002024-01-01'];
export const BAD_IDS = [
  '', 'null', 'undefined', '0', '-1', '1e3', '00000000-0000-0000-0000-000000000000', 'ffffffff-ffff-ffff-ffff-ffffffffffff',
  '0193A1B2-7C4D-7E5F-8A9B-0C1D2E3F4A5B', '0193a1b2-7c4d-7e5f-8a9b-0c1d2e3f4a5', '0193a1b2-7c4d-7e5f-8a9b-0c1d2e3f4a5b0', '{0193a1b2-7c4d-7e5f-8a9b-0c1d2e3f4a5b}',
  '0193a1b27c4d7e5f8a9b0c1d2e3f4a5b', 'urn:uuid:0193a1b2-7c4d-7e5f-8a9b-0c1d2e3f4a5b', 'ｆｆｆｆｆｆｆｆ-ｆｆｆｆ-ｆｆｆｆ-ｆｆｆｆ-ｆｆｆｆｆｆｆｆｆｆｆｆ',
];
const NUMBER_EDGES = [0, -1, -0, 0.5, 2 ** 31, 2 ** 31 - 1, -(2 ** 31) - 1, 2 ** 53 + 1, 1e308, -1e308, Number.MIN_VALUE];

/** Deeply nested arrays (or objects) around a value: parsers, validators and stable serialisers recurse. */
export const deepArb = fc.tuple(fc.integer({ min: 16, max: 4000 }), fc.boolean()).map(([depth, objects]) => {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) value = objects ? { a: value } : [value];
  return value;
});

/** Values that break a schema node in a way a client could plausibly send: wrong types, boundaries, hostile text. */
export function mutantArb(schema: Schema, valid: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  const options: fc.Arbitrary<unknown>[] = [fc.constantFrom(...WRONG_TYPES), nastyStringArb, personalNumberArb];
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  if (type === 'string' || schema.enum) options.push(...stringMutants(schema, valid));
  if (type === 'integer' || type === 'number') {
    const bounds = [schema.minimum, schema.maximum].filter((b): b is number => typeof b === 'number');
    options.push(fc.constantFrom(...NUMBER_EDGES, ...bounds, ...bounds.map((b) => b - 1), ...bounds.map((b) => b + 1)), valid.map(String));
  }
  if (type === 'array') {
    const counts = [schema.maxItems !== undefined ? schema.maxItems + 1 : 1, 1000, 20000];
    options.push(
      fc.tuple(valid, fc.constantFrom(...counts)).map(([a, n]) => repeated(a, n)),
      deepArb,
    );
  }
  if (type === 'object' || schema.properties) {
    options.push(
      fc.tuple(valid, fc.nat()).map(([o, i]) => withoutKey(o, i)),
      fc.tuple(valid, fc.constantFrom('extra', '__proto__', 'constructor', 'id', 'version', 'createdAt', '', '\u0000'), fc.jsonValue({ maxDepth: 1 })).map(([o, k, v]) => withKey(o, k, v)),
      deepArb,
    );
  }
  return fc.oneof(...options);
}

function stringMutants(schema: Schema, valid: fc.Arbitrary<unknown>): fc.Arbitrary<unknown>[] {
  const max: number | undefined = schema.maxLength;
  const min: number = schema.minLength ?? 0;
  const lengths = [max, max !== undefined ? max + 1 : undefined, min > 0 ? min - 1 : undefined, 100_000].filter((n): n is number => n !== undefined);
  const out: fc.Arbitrary<unknown>[] = [
    fc.tuple(fc.constantFrom(...lengths), fc.constantFrom('x', '字', '😀', 'e\u0301', ' ')).map(([n, unit]) => unit.repeat(n)),
    fc.tuple(valid, fc.constantFrom(' ', '\n', '\u0000', '\u200b', '\u202e', '\ufeff', '%00')).map(([v, s]) => `${String(v)}${s}`),
    fc.tuple(valid, fc.constantFrom(' ', '\u3000', '\ufeff')).map(([v, s]) => `${s}${String(v)}`),
    valid.map((v) => String(v).normalize('NFKD').toLowerCase()),
    valid.map((v) => String(v).replace(/[0-9A-Za-z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0))),
    fc.constantFrom(...UNICODE_EDGES, ...INJECTIONS, ...TRAVERSALS, ...NUMBERISH),
  ];
  if (schema.format === 'date' || schema.format === 'date-time') out.push(fc.constantFrom(...BAD_DATES));
  if (schema.format === 'uuid') out.push(fc.constantFrom(...BAD_IDS), fc.uuid({ version: 4 }));
  return out;
}

function withoutKey(value: unknown, index: number): unknown {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return value;
  const keys = Object.keys(value);
  if (!keys.length) return value;
  const { [keys[index % keys.length]!]: _dropped, ...rest } = value as Record<string, unknown>;
  return rest;
}

function withKey(value: unknown, key: string, extra: unknown): unknown {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return value;
  const copy = { ...(value as Record<string, unknown>) };
  // defineProperty, so '__proto__' becomes an own key that JSON.stringify writes, not a prototype change.
  Object.defineProperty(copy, key, { value: extra, enumerable: true, configurable: true, writable: true });
  return copy;
}

/** n elements copied from a valid array, at most about the body limit in all (mutants nest: big copies of big copies would not fit in memory). */
function repeated(valid: unknown, n: number): unknown[] {
  const items = Array.isArray(valid) && valid.length ? valid : ['x'];
  const unit = Math.max(1, ...items.map((item) => (JSON.stringify(item) ?? '').length));
  const count = Math.min(n, Math.max(1, Math.floor(1_200_000 / unit)));
  return Array.from({ length: count }, (_, i) => items[i % items.length]);
}
