import type { z } from 'zod';
import { stableJson } from './stable-json.js';

/**
 * Opaque keyset cursors: base64url of a small JSON tuple of the last row's sort key. Clients must not
 * build them; a cursor that does not decode to the expected shape is a 400.
 */
export function encodeCursor(key: readonly (string | number)[], scope?: string): string {
  const bytes = new TextEncoder().encode(JSON.stringify(scope === undefined ? key : [...key, scopeTag(scope)]));
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

/**
 * A search cursor's sort key holds a relevance rank that means something only for the query that
 * computed it: such cursors carry a tag of that query (`scope`), and one replayed with another query is
 * refused instead of silently skipping or repeating rows.
 */
export function decodeCursor<T extends z.ZodType>(cursor: string, shape: T, scope?: string): z.output<T> | null {
  try {
    if (!/^[A-Za-z0-9_-]+$/.test(cursor)) return null;
    const bin = atob(cursor.replaceAll('-', '+').replaceAll('_', '/'));
    const bytes = Uint8Array.from(bin, (ch) => ch.charCodeAt(0));
    let value: unknown = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
    if (scope !== undefined) {
      if (!Array.isArray(value) || value[value.length - 1] !== scopeTag(scope)) return null;
      value = value.slice(0, -1);
    }
    const parsed = shape.safeParse(value);
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** 32-bit FNV-1a of the scope, hex: enough to tell one query's cursors from another's. */
function scopeTag(scope: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < scope.length; i++) h = Math.imul(h ^ scope.charCodeAt(i), 0x01000193);
  return 'q' + (h >>> 0).toString(16).padStart(8, '0');
}

/**
 * The scope of a list's cursors: its filters (everything but the cursor and the page size). A cursor replayed
 * under other filters would continue "after X" in a different list, skipping or repeating rows: it is refused.
 */
export const filterScope = (query: object): string => stableJson({ ...query, cursor: undefined, limit: undefined });
