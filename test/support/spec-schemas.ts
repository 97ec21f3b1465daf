// Walks the schemas of an OpenAPI 3.1 document: every place a schema may stand, not every object that
// happens to look like one (an example's value or a property that is called "properties" is data).

type Node = Record<string, any>;

/** Keywords that give a schema a shape a client generator can type; a schema with none of them is `unknown`. */
const SHAPE_KEYWORDS = ['type', '$ref', 'oneOf', 'anyOf', 'allOf', 'const', 'enum'];

const isObject = (v: unknown): v is Node => typeof v === 'object' && v !== null && !Array.isArray(v);
const pointer = (key: string) => key.replaceAll('~', '~0').replaceAll('/', '~1');

/** Each schema of the document with its JSON pointer, nested subschemas included. */
export function* schemas(spec: Node): Generator<[string, Node]> {
  for (const [name, schema] of Object.entries((spec.components?.schemas ?? {}) as Node)) yield* subschemas(schema, `/components/schemas/${pointer(name)}`);
  for (const [path, item] of Object.entries((spec.paths ?? {}) as Node)) {
    for (const [method, op] of Object.entries(item as Node)) {
      if (!isObject(op)) continue;
      const at = `/paths/${pointer(path)}/${method}`;
      for (const [i, p] of ((op.parameters ?? []) as Node[]).entries()) if (p.schema) yield* subschemas(p.schema, `${at}/parameters/${i}/schema`);
      for (const [type, media] of Object.entries((op.requestBody?.content ?? {}) as Node)) {
        if (media.schema) yield* subschemas(media.schema, `${at}/requestBody/content/${pointer(type)}/schema`);
      }
      for (const [status, response] of Object.entries((op.responses ?? {}) as Node)) {
        for (const [type, media] of Object.entries((response.content ?? {}) as Node)) {
          if (media.schema) yield* subschemas(media.schema, `${at}/responses/${status}/content/${pointer(type)}/schema`);
        }
        for (const [name, header] of Object.entries((response.headers ?? {}) as Node)) {
          if (header.schema) yield* subschemas(header.schema, `${at}/responses/${status}/headers/${pointer(name)}/schema`);
        }
      }
    }
  }
}

function* subschemas(schema: unknown, at: string): Generator<[string, Node]> {
  if (!isObject(schema)) return; // `true`/`false` schemas: no shape to check
  yield [at, schema];
  for (const [name, sub] of Object.entries((schema.properties ?? {}) as Node)) yield* subschemas(sub, `${at}/properties/${pointer(name)}`);
  for (const key of ['items', 'additionalProperties', 'not', 'propertyNames', 'contains', 'unevaluatedProperties', 'unevaluatedItems']) {
    if (isObject(schema[key])) yield* subschemas(schema[key], `${at}/${key}`);
  }
  for (const key of ['anyOf', 'oneOf', 'allOf', 'prefixItems']) {
    for (const [i, sub] of ((schema[key] ?? []) as unknown[]).entries()) yield* subschemas(sub, `${at}/${key}/${i}`);
  }
  for (const [name, sub] of Object.entries((schema.$defs ?? {}) as Node)) yield* subschemas(sub, `${at}/$defs/${pointer(name)}`);
}

/** Pointers of the schemas that give a value no shape: generated clients type those as `unknown`. */
export function untypedSchemas(spec: Node): string[] {
  return [...schemas(spec)].filter(([, schema]) => !SHAPE_KEYWORDS.some((k) => k in schema)).map(([at]) => at);
}
