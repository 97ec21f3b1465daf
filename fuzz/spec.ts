import type { Schema } from './schema-arbitrary.js';

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required: boolean;
  schema: Schema;
}

/** One operation of the served document, with what the generator needs of it. */
export interface Operation {
  key: string;
  method: string;
  path: string;
  parameters: Parameter[];
  body?: { required: boolean; mediaTypes: string[]; schema: Schema };
  secured: boolean;
}

export interface ServedSpec {
  document: { paths: Record<string, Record<string, any>>; components?: { schemas?: Record<string, Schema> } };
  operations: Operation[];
  deref(schema: Schema): Schema;
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

/** Reads the operations of an OpenAPI 3.1 document; $refs into components are followed on demand. */
export function readSpec(document: ServedSpec['document']): ServedSpec {
  const deref = (schema: Schema): Schema => {
    let s = schema;
    for (let hops = 0; s && typeof s.$ref === 'string' && hops < 20; hops++) {
      const name = s.$ref.replace('#/components/schemas/', '');
      const target = document.components?.schemas?.[name];
      if (!target) throw new Error(`unresolvable $ref ${s.$ref}`);
      const { $ref: _ref, ...siblings } = s;
      s = { ...target, ...siblings };
    }
    return s ?? {};
  };
  const operations: Operation[] = [];
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      const content: Record<string, { schema: Schema }> | undefined = op.requestBody?.content;
      operations.push({
        key: `${method.toUpperCase()} ${path}`,
        method: method.toUpperCase(),
        path,
        parameters: [...(item.parameters ?? []), ...(op.parameters ?? [])].map((p: any) => ({ ...p, required: Boolean(p.required), schema: p.schema ?? {} })),
        body: content ? { required: Boolean(op.requestBody.required), mediaTypes: Object.keys(content), schema: Object.values(content)[0]!.schema } : undefined,
        secured: Array.isArray(op.security) ? op.security.length > 0 : Array.isArray((document as any).security) && (document as any).security.length > 0,
      });
    }
  }
  return { document, operations, deref };
}
