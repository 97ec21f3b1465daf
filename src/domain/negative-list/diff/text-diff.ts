import fastDiff from 'fast-diff';
import type { TextSegment } from '../../../schemas/negative-list/diff.js';

const OPS = { [-1]: 'delete', 0: 'equal', 1: 'insert' } as const;

/**
 * A character-level diff: Chinese has no spaces to split words on, so characters are the unit. fast-diff's
 * semantic cleanup merges edits separated by a character or two of common text, so a reworded clause reads
 * as one deletion and one insertion instead of a comb of single characters.
 */
export function textDiff(from: string, to: string): TextSegment[] {
  return fastDiff(from, to, undefined, true).map(([op, text]) => ({ op: OPS[op], text }));
}

function bigrams(text: string): Map<string, number> {
  const chars = [...text.replace(/\s+/g, '')];
  const out = new Map<string, number>();
  for (let i = 0; i + 1 < chars.length; i++) {
    const pair = chars[i]! + chars[i + 1]!;
    out.set(pair, (out.get(pair) ?? 0) + 1);
  }
  return out;
}

/** Dice coefficient of two texts' character bigrams (multiset): 1 for equal texts, 0 for nothing in common. */
export function similarity(a: string, b: string): number {
  const x = bigrams(a);
  const y = bigrams(b);
  let common = 0;
  let total = 0;
  for (const n of x.values()) total += n;
  for (const [pair, n] of y) {
    total += n;
    common += Math.min(n, x.get(pair) ?? 0);
  }
  return total === 0 ? (a.trim() === b.trim() ? 1 : 0) : (2 * common) / total;
}
