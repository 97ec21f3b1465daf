/**
 * Request shapes that change a published decision, shared by the three kinds: the correction (更正) body and
 * the JSON merge patch fields its `changes` are built from.
 */
import { z } from 'zod';
import { derivedNameFields } from './derived-names.js';
import { PenaltyParty } from './penalty-party.js';
import { prose } from './text.js';

type Field = z.ZodType;

/**
 * JSON merge patch (RFC 7396) fields for a shape: every field optional; a field that may be absent on the
 * record (optional in the request) also takes null, which removes it (back to what omitting it on create
 * gives: absent, or an empty list). An object field takes a merge patch of its own, as RFC 7396 merges
 * members (`{"window": {"to": …}}` keeps `from`). Titles and descriptions are kept.
 * No refinements: the domain re-checks the merged record with the create schema's rules.
 */
export function mergePatchFields<S extends Record<string, Field>>(shape: S): { [K in keyof S]: z.ZodOptional<Field> } {
  const out: Record<string, z.ZodOptional<Field>> = {};
  for (const [key, field] of Object.entries(shape)) {
    const optional = field instanceof z.ZodOptional;
    const inner = optional ? (field.unwrap() as Field) : field;
    // A component id belongs to the original schema only: two schemas may not share one in the spec.
    const { id: _id, ...meta } = field.meta() ?? inner.meta() ?? {};
    const patch = inner instanceof z.ZodObject ? z.strictObject(mergePatchFields(inner.shape)) : inner;
    out[key] = (optional ? patch.nullable() : patch).optional().meta(meta);
  }
  // A record read and sent back carries the names beside its codes: accepted, then dropped (mergePatch).
  Object.assign(out, derivedNameFields(shape));
  return out as { [K in keyof S]: z.ZodOptional<Field> };
}

/** A partial 行政相对人 for corrections; null removes an optional slot. The merged party is checked in full. */
export const PenaltyPartyPatch = z
  .strictObject(mergePatchFields(PenaltyParty.shape))
  .meta({ title: '行政相对人(更正)', description: 'Only the fields to change; null removes an optional field. Unknown fields are refused.' });

/** A correction: the merge patch of the kind (`changes`) and its public reason. */
export const CorrectionCreate = <T extends z.ZodType>(patch: T, id: string) =>
  z
    .strictObject({
      reason: prose(2000).meta({ title: '更正理由', description: 'Published with the new version (revisions show it).' }),
      changes: patch,
    })
    .meta({ id, title: '更正' });
