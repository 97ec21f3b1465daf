import fc from 'fast-check';
import { mutantArb } from './mutations.js';
import { nastyStringArb, personalNumberArb } from './payloads.js';

/** A JSON Schema node as the served document writes it (OpenAPI 3.1 = JSON Schema 2020-12). */
export type Schema = Record<string, any>;

/** What the generator knows beyond the schema: references, real ids and values seen in responses. */
export interface GenContext {
  deref(schema: Schema): Schema;
  /** Ids of existing records fitting a field name (agencyId -> agencies), mixed with unknown ones. */
  idFor(name: string | undefined): fc.Arbitrary<string>;
  /** Real values seen under this property name in responses (may be empty). */
  seen(name: string | undefined): unknown[];
  /** Share of schema nodes replaced by a mutant (0: schema-valid values only). */
  mutate: boolean;
}

const MAX_DEPTH = 12;
const cjk = fc.array(fc.integer({ min: 0x4e00, max: 0x9fa5 }).map((c) => String.fromCharCode(c)), { minLength: 1, maxLength: 12 }).map((a) => a.join(''));
const isoDate = fc.date({ min: new Date('2000-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const isoDateTime = fc.date({ min: new Date('2000-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }).map((d) => d.toISOString());

/** An arbitrary for a schema node; with ctx.mutate, any node may come out as a mutant of its schema instead. */
export function schemaArb(raw: Schema, ctx: GenContext, name?: string, depth = 0): fc.Arbitrary<unknown> {
  const schema = ctx.deref(raw);
  const valid = depth > MAX_DEPTH ? fc.constant(null) : validArb(schema, ctx, name, depth);
  if (!ctx.mutate) return valid;
  return fc.oneof({ arbitrary: valid, weight: 10 }, { arbitrary: mutantArb(schema, valid), weight: 1 });
}

function validArb(schema: Schema, ctx: GenContext, name: string | undefined, depth: number): fc.Arbitrary<unknown> {
  if ('const' in schema) return fc.constant(schema.const);
  if (Array.isArray(schema.enum)) return fc.constantFrom(...schema.enum);
  const branches = schema.anyOf ?? schema.oneOf;
  if (Array.isArray(branches)) return fc.oneof(...branches.map((b: Schema) => schemaArb(b, ctx, name, depth + 1)));
  if (Array.isArray(schema.allOf)) return validArb(mergeAll(schema.allOf.map(ctx.deref)), ctx, name, depth);
  if (Array.isArray(schema.type)) return fc.oneof(...schema.type.map((type: string) => validArb({ ...schema, type }, ctx, name, depth)));
  const type = schema.type ?? (schema.properties ? 'object' : undefined);
  switch (type) {
    case 'string':
      return stringArb(schema, ctx, name);
    case 'integer':
    case 'number':
      return withSeen(numberArb(schema, type === 'integer'), ctx.seen(name), (v) => typeof v === 'number');
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array': {
      const minLength = schema.minItems ?? 0;
      return fc.array(schemaArb(schema.items ?? {}, ctx, name, depth + 1), { minLength, maxLength: Math.max(minLength, Math.min(schema.maxItems ?? 3, 3)) });
    }
    case 'object':
      return objectArb(schema, ctx, depth);
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

function objectArb(schema: Schema, ctx: GenContext, depth: number): fc.Arbitrary<unknown> {
  const properties: Record<string, Schema> = schema.properties ?? {};
  const arbs = Object.fromEntries(Object.entries(properties).map(([key, s]) => [key, schemaArb(s, ctx, key, depth + 1)]));
  const generated = fc.record(arbs, { requiredKeys: (schema.required ?? []).filter((k: string) => k in arbs) });
  const record = Array.isArray(schema.examples) && schema.examples.length ? fc.oneof(generated, fromExample(schema.examples, properties, arbs, ctx)) : generated;
  if (schema.additionalProperties === false || schema.additionalProperties === undefined) return record;
  const extra = fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }), schemaArb(schema.additionalProperties === true ? {} : schema.additionalProperties, ctx, undefined, depth + 1), { maxKeys: 3 });
  return fc.tuple(extra, record).map(([e, r]) => ({ ...e, ...(r as object) }));
}

/**
 * A documented example with up to two properties regenerated and every id replaced by a real one: the
 * cross-field rules JSON Schema cannot express hold, so the request gets past validation to the domain and
 * the database (and creates records that corrections and withdrawals then reach).
 */
function fromExample(examples: unknown[], properties: Record<string, Schema>, arbs: Record<string, fc.Arbitrary<unknown>>, ctx: GenContext): fc.Arbitrary<unknown> {
  const keys = Object.keys(arbs);
  const isId = (key: string) => ctx.deref(properties[key]!).format === 'uuid';
  // Free text gets a salt, so numbers that must be unique (决定书文号) do not all collide with the example's.
  const isFreeText = (key: string) => {
    const p = ctx.deref(properties[key]!);
    return p.type === 'string' && !p.format && !p.pattern && !p.enum;
  };
  return fc.tuple(fc.constantFrom(...examples), fc.subarray(keys, { maxLength: 2 }), fc.record(arbs), fc.nat(99_999)).map(([example, regenerate, fresh, salt]) => {
    const out: Record<string, unknown> = { ...(example as object) };
    for (const key of keys) {
      if ((regenerate.includes(key) || (isId(key) && key in out)) && key in fresh) out[key] = fresh[key];
      else if (typeof out[key] === 'string' && isFreeText(key)) out[key] = `${out[key]}-${salt}`;
    }
    return out;
  });
}

function stringArb(schema: Schema, ctx: GenContext, name: string | undefined): fc.Arbitrary<string> {
  const minLength: number = schema.minLength ?? 0;
  const maxLength: number = schema.maxLength ?? 200;
  const fit = (s: string) => (s.length > maxLength ? s.slice(0, maxLength) : s.padEnd(minLength, '字'));
  const shaped = shapedStringArb(schema, ctx, name);
  const seen = ctx.seen(name).filter((v): v is string => typeof v === 'string');
  const options: fc.WeightedArbitrary<string>[] = [];
  if (shaped) options.push({ arbitrary: shaped, weight: 4 });
  if (seen.length) options.push({ arbitrary: fc.constantFrom(...seen), weight: 4 });
  if (typeof schema.example === 'string') options.push({ arbitrary: fc.constant(schema.example), weight: 1 });
  if (!shaped) {
    // Free text: realistic, arbitrary, hostile, and with personal numbers inside (the guard must catch them).
    const text = fc.oneof(cjk, fc.string({ maxLength: 20, unit: 'grapheme' }), nastyStringArb);
    const withNumber = fc.tuple(cjk, personalNumberArb, fc.string({ maxLength: 4 })).map(([a, n, b]) => a + n + b);
    options.push({ arbitrary: text.map(fit), weight: 4 }, { arbitrary: withNumber.map(fit), weight: 2 });
  }
  return fc.oneof(...options);
}

function shapedStringArb(schema: Schema, ctx: GenContext, name: string | undefined): fc.Arbitrary<string> | null {
  switch (schema.format) {
    case 'uuid':
      return ctx.idFor(name);
    case 'date':
      return isoDate;
    case 'date-time':
      return isoDateTime;
    case 'email':
      return fc.emailAddress();
    case 'uri':
      return fc.webUrl();
  }
  if (typeof schema.pattern === 'string') {
    try {
      return fc.stringMatching(new RegExp(schema.pattern, 'u'));
    } catch {
      return null;
    }
  }
  return null;
}

function numberArb(schema: Schema, integer: boolean): fc.Arbitrary<number> {
  const min = schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : -1e6);
  const max = schema.maximum ?? (schema.exclusiveMaximum !== undefined ? schema.exclusiveMaximum - 1 : 1e9);
  if (integer) return fc.integer({ min: Math.ceil(Math.max(min, -(2 ** 31))), max: Math.floor(Math.min(max, 2 ** 31)) });
  return fc.double({ min, max, noNaN: true, noDefaultInfinity: true }).map((x) => Math.round(x * 100) / 100);
}

function withSeen<T>(arb: fc.Arbitrary<T>, seen: unknown[], keep: (v: unknown) => v is T): fc.Arbitrary<T> {
  const values = seen.filter(keep);
  return values.length ? fc.oneof(arb, fc.constantFrom(...values)) : arb;
}

function mergeAll(parts: Schema[]): Schema {
  return Object.assign({}, ...parts, { properties: Object.assign({}, ...parts.map((s) => s.properties)), required: parts.flatMap((s) => s.required ?? []) });
}
