/** Checks on JSON Schemas generated from our zod schemas, shared by the pure schema tests. */
const CJK = /[\u4e00-\u9fff]/;
export type JsonNode = Record<string, unknown>;

/** Every property of every object in the JSON Schema (nested too) lacking a Chinese title (own, via $ref, or the non-null branch). */
export function untitled(root: JsonNode): string[] {
  const defs = (root.$defs ?? {}) as Record<string, JsonNode>;
  const resolve = (s: JsonNode): JsonNode => (typeof s.$ref === 'string' ? defs[s.$ref.replace('#/$defs/', '')] ?? s : s);
  const titleOf = (s: JsonNode): string | undefined => {
    if (typeof s.title === 'string') return s.title;
    if (typeof s.$ref === 'string') return titleOf(resolve(s));
    const branches = ((s.anyOf ?? s.oneOf) as JsonNode[] | undefined)?.filter((b) => b.type !== 'null');
    return branches?.length === 1 ? titleOf(branches[0]!) : undefined;
  };
  const missing: string[] = [];
  const walk = (s: unknown, path: string) => {
    if (!s || typeof s !== 'object') return;
    const n = s as JsonNode;
    for (const [name, prop] of Object.entries((n.properties ?? {}) as Record<string, JsonNode>)) {
      if (!CJK.test(titleOf(prop) ?? '')) missing.push(`${path}/${name}`);
      walk(prop, `${path}/${name}`);
    }
    for (const key of ['items', 'anyOf', 'oneOf', 'allOf']) {
      const v = n[key];
      (Array.isArray(v) ? v : [v]).forEach((x) => walk(x, path));
    }
  };
  walk(root, '');
  for (const [name, def] of Object.entries(defs)) walk(def, `#${name}`);
  return missing;
}

/** The top-level properties of a schema that may sit behind a $ref. */
export function topProperties(json: JsonNode, id: string): Record<string, JsonNode> {
  return (json.properties ?? (json.$defs as Record<string, JsonNode>)[id]!.properties) as Record<string, JsonNode>;
}
