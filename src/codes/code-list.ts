import { z } from 'zod';

export interface CodeEntry {
  readonly code: string;
  readonly name: string;
}

/**
 * The national name of a stored code, which responses carry beside it so a reader needs no second lookup;
 * a value outside the list (free text such as 其他-军官证) is its own name.
 */
export function nameOf(entries: readonly CodeEntry[], code: string): string {
  return entries.find((e) => e.code === code)?.name ?? code;
}

interface CodeListSpec<Entry extends CodeEntry> {
  /** Path segment under /v1/code-lists/. */
  path: string;
  title: string;
  example: Entry['code'];
  /** How one entry reads in a description; "<code> <name>" by default. */
  legend?: (entry: Entry) => string;
}

/**
 * A code list kept as data: its entries in published order, their codes, a legend for descriptions and
 * the zod schema of one code, so validation, the type, the OpenAPI description and the code-list route
 * all derive from the same list.
 */
export function codeList<const E extends readonly [CodeEntry, ...CodeEntry[]]>(entries: E, spec: CodeListSpec<E[number]>) {
  type Entry = E[number];
  type Code = Entry['code'];
  // map() widens the tuple to an array; the entries are non-empty, and so are their codes.
  const codes = entries.map((e) => e.code) as [Code, ...Code[]];
  const legend = entries.map(spec.legend ?? ((e: Entry) => `${e.code} ${e.name}`)).join(', ');
  const byCode = new Map<string, Entry>(entries.map((e) => [e.code, e]));
  return {
    entries,
    codes,
    legend,
    // z.literal, not z.enum: z.enum keys an object by code, which would move integer-like codes ('10') ahead of '01'.
    schema: z.literal(codes).meta({
      title: spec.title,
      description: `Code from the ${spec.title} list (GET /v1/code-lists/${spec.path}): ${legend}.`,
      example: spec.example,
    }),
    /** The entry of a stored code (codes are validated before they are stored). */
    entry(code: string): Entry {
      const entry = byCode.get(code);
      if (!entry) throw new Error(`Unknown ${spec.title} code ${code}`);
      return entry;
    },
  };
}
