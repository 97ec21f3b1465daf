import { problems } from '../errors.js';
import { stableJson } from '../lib/stable-json.js';
import { withoutDerivedNames } from '../schemas/derived-names.js';

/** A record's strong ETag: its representation changes only with its version. */
export const versionEtag = (version: number) => `"v${version}"`;

/** 32-bit FNV-1a, hex: enough to tell two derived states of one version apart. */
function fnv(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(16).padStart(8, '0');
}

/**
 * The strong ETag of a record whose representation also holds values derived on read (a text's
 * validity, a citation's repeal flag): its version plus a digest of that derived state, so a
 * conditional GET notices when, say, a cited law is repealed without the record itself changing.
 */
export const derivedEtag = (version: number, derivedState: string) => `"v${version}.${fnv(derivedState)}"`;

/**
 * Updates name the version they change: "*", or a strong ETag this API issued for that version (with or
 * without the derived-state digest, which does not matter to a write). Anything else is 412.
 */
export function assertIfMatch(ifMatch: string, version: number): void {
  if (ifMatch.trim() === '*') return;
  const tags = ifMatch.match(/(W\/)?"[^"]*"/g) ?? [];
  if (!tags.some((t) => new RegExp(`^"v${version}(\\.[0-9a-f]{8})?"$`).test(t))) throw problems.preconditionFailed();
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function mergeValue(target: unknown, patch: unknown): unknown {
  if (!isObject(patch)) return patch;
  const merged: Record<string, unknown> = isObject(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete merged[key];
    else if (value !== undefined) merged[key] = mergeValue(merged[key], value);
  }
  return merged;
}

/**
 * RFC 7396 merge patch over a record's published representation: null removes, present values replace,
 * absent keys keep, objects merge member by member. Record metadata (id, version, timestamps) and
 * any other `readOnly` keys are dropped so the result can be validated as a create payload.
 */
export function mergePatch(current: Record<string, unknown>, patch: Record<string, unknown>, readOnly: string[] = []): Record<string, unknown> {
  const editable = { ...current };
  for (const key of ['id', 'version', 'createdAt', 'updatedAt', ...readOnly]) delete editable[key];
  const merged = mergeValue(editable, withoutDerivedNames(patch)) as Record<string, unknown>;
  for (const key of Object.keys(merged)) if (merged[key] === null) delete merged[key];
  return merged;
}

/** True when every column in `next` already has that value in `current` (jsonb key order ignored). */
export function sameContent(current: object, next: Record<string, unknown>): boolean {
  const pick = (r: Record<string, unknown>) => stableJson(Object.fromEntries(Object.keys(next).map((k) => [k, r[k]])));
  return pick(current as Record<string, unknown>) === pick(next);
}
