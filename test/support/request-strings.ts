/**
 * Every string a request can carry, read from the published OpenAPI document (not from our zod code): for each
 * operation, each string-typed place in its path and query parameters and its request body, with the JSON
 * pointer pattern that reaches it (`*` for any array index) and the personal-data policy it declares.
 * The privacy tests generate their attacks from this table, so a field is attacked the day it is declared.
 */
import { PERSONAL_DATA_KEY, type PersonalDataPolicy } from '../../src/schemas/text.js';
import { spec } from './spec-check.js';

type Node = Record<string, any>;

export interface RequestString {
  operationId: string;
  method: string;
  path: string;
  in: 'path' | 'query' | 'body';
  /** JSON pointer into the body (or /name of the parameter), `*` standing for any array index. */
  pointer: string;
  /** Declared policy, or null where the schema declares none. */
  policy: PersonalDataPolicy | null;
  schema: Node;
}

function resolve(ref: string): Node {
  let node: any = spec;
  for (const raw of ref.slice(2).split('/')) node = node?.[raw.replaceAll('~1', '/').replaceAll('~0', '~')];
  if (!node) throw new Error(`unresolved ${ref}`);
  return node;
}

const escapeToken = (key: string) => key.replaceAll('~', '~0').replaceAll('/', '~1');

/** String leaves of a JSON Schema, with their pointers; refs are followed (cycles cut). */
function* stringLeaves(schema: Node, pointer: string, seen: Set<string> = new Set()): Generator<[string, Node]> {
  if (typeof schema.$ref === 'string') {
    if (seen.has(schema.$ref)) return;
    yield* stringLeaves({ ...resolve(schema.$ref), ...without(schema, '$ref') }, pointer, new Set([...seen, schema.$ref]));
    return;
  }
  for (const key of ['anyOf', 'oneOf', 'allOf'] as const) {
    for (const branch of (schema[key] as Node[] | undefined) ?? []) yield* stringLeaves({ ...without(schema, key), ...branch }, pointer, seen);
  }
  if (schema.type === 'string') yield [pointer, schema];
  for (const [name, prop] of Object.entries((schema.properties as Record<string, Node> | undefined) ?? {})) {
    yield* stringLeaves(prop, `${pointer}/${escapeToken(name)}`, seen);
  }
  if (schema.items && typeof schema.items === 'object') yield* stringLeaves(schema.items, `${pointer}/*`, seen);
  if (schema.additionalProperties && typeof schema.additionalProperties === 'object') yield* stringLeaves(schema.additionalProperties, `${pointer}/*`, seen);
}

function without(node: Node, key: string): Node {
  const { [key]: _drop, ...rest } = node;
  return rest;
}

/**
 * Strings that cannot hold an 11-digit mobile or an 18-digit 身份证 number whatever the input: a closed list,
 * a uuid, a date or timestamp, or at most 10 characters.
 */
export function cannotCarryNumbers(schema: Node): boolean {
  if (Array.isArray(schema.enum) || 'const' in schema) return true;
  if (['uuid', 'date', 'date-time'].includes(schema.format)) return true;
  return typeof schema.maxLength === 'number' && schema.maxLength < 11;
}

const METHODS = ['get', 'post', 'patch', 'put', 'delete'];

export function requestStrings(): RequestString[] {
  const out: RequestString[] = [];
  for (const [path, item] of Object.entries(spec.paths ?? {})) {
    for (const [method, op] of Object.entries(item as Node)) {
      if (!METHODS.includes(method)) continue;
      const base = { operationId: op.operationId as string, method, path };
      for (const param of (op.parameters as Node[] | undefined) ?? []) {
        if (param.in !== 'path' && param.in !== 'query') continue;
        for (const [, leaf] of stringLeaves(param.schema, '')) {
          out.push({ ...base, in: param.in, pointer: `/${param.name}`, policy: leaf[PERSONAL_DATA_KEY] ?? null, schema: leaf });
        }
      }
      const body = op.requestBody?.content?.['application/json']?.schema ?? op.requestBody?.content?.['application/merge-patch+json']?.schema;
      if (body) {
        for (const [pointer, leaf] of stringLeaves(body, '')) {
          out.push({ ...base, in: 'body', pointer, policy: leaf[PERSONAL_DATA_KEY] ?? null, schema: leaf });
        }
      }
    }
  }
  return out;
}
