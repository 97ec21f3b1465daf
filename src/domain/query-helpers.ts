import type { SQL } from 'drizzle-orm';
import type { Db } from '../db/client.js';

/** Escapes LIKE wildcards so user text matches literally (the default escape character is backslash). */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (ch) => '\\' + ch);
}

/** GB/T 2260 codes nest: 440000 (province) contains 4401xx, 440100 (city) contains 4401xx. */
export function regionPrefix(code: string): string {
  if (code.endsWith('0000')) return code.slice(0, 2);
  if (code.endsWith('00')) return code.slice(0, 4);
  return code;
}

/** Rows of a raw query: PGlite answers { rows }, postgres.js an array. */
export async function rowsOf<T>(db: Db, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows?: T[] } & T[]; // the two drivers' result shapes, told apart here
  return result.rows ?? [...result];
}
