import { z } from 'zod';

/**
 * The top-level keys a record schema can publish, in declaration order: the CSV export's data columns. A
 * union (a decision or its notice) contributes the keys of every member, first seen first.
 */
export function topLevelKeys(schema: z.ZodType): string[] {
  if (schema instanceof z.ZodObject) return Object.keys(schema.shape);
  if (schema instanceof z.ZodUnion) return [...new Set((schema.options as z.ZodType[]).flatMap(topLevelKeys))];
  if (schema instanceof z.ZodPipe) return topLevelKeys(schema.out as z.ZodType);
  throw new Error(`No CSV columns for a ${schema.constructor.name}`);
}
