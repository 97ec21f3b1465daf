import type { MeasureChanges } from '../../../schemas/negative-list/diff.js';
import { similarity, textDiff } from './text-diff.js';
import type { DiffMeasure } from './types.js';

/** How alike two texts must be (Dice over character bigrams) for one to count as a rewording of the other. */
const REWORDED_AT = 0.5;

const norm = (text: string) => text.replace(/\s+/g, '');

/** Positions (in `seq`) of one longest strictly increasing subsequence. */
function longestIncreasing(seq: number[]): Set<number> {
  const length = seq.map(() => 1);
  const prev = seq.map(() => -1);
  for (let i = 0; i < seq.length; i++) {
    for (let j = 0; j < i; j++) {
      if (seq[j]! < seq[i]! && length[j]! + 1 > length[i]!) {
        length[i] = length[j]! + 1;
        prev[i] = j;
      }
    }
  }
  const keep = new Set<number>();
  let at = length.indexOf(Math.max(0, ...length));
  while (at >= 0) {
    keep.add(at);
    at = prev[at]!;
  }
  return keep;
}

/**
 * Pairs the measures of one item in two editions: identical texts first (those out of their relative order
 * are `moved`), then the most similar remaining pairs, best first, as `reworded` when at least REWORDED_AT
 * alike; the rest are removed or added. Paired measures also report changed marks (★, local region, 主管部门).
 */
export function alignMeasures(from: DiffMeasure[], to: DiffMeasure[]): MeasureChanges {
  const usedTo = new Set<number>();
  const pairs: [number, number][] = [];
  from.forEach((m, i) => {
    const j = to.findIndex((n, k) => !usedTo.has(k) && norm(n.text) === norm(m.text));
    if (j >= 0) {
      usedTo.add(j);
      pairs.push([i, j]);
    }
  });
  const inOrder = longestIncreasing(pairs.map(([, j]) => j));
  const moved = pairs.filter((_, k) => !inOrder.has(k)).map(([i, j]) => ({ fromNo: i + 1, toNo: j + 1, text: to[j]!.text }));

  const pairedFrom = new Set(pairs.map(([i]) => i));
  const candidates: { i: number; j: number; s: number }[] = [];
  from.forEach((m, i) => {
    if (pairedFrom.has(i)) return;
    to.forEach((n, j) => {
      if (usedTo.has(j)) return;
      const s = similarity(m.text, n.text);
      if (s >= REWORDED_AT) candidates.push({ i, j, s });
    });
  });
  candidates.sort((a, b) => b.s - a.s || a.i - b.i || a.j - b.j);
  const reworded: MeasureChanges['reworded'] = [];
  for (const { i, j, s } of candidates) {
    if (pairedFrom.has(i) || usedTo.has(j)) continue;
    pairedFrom.add(i);
    usedTo.add(j);
    pairs.push([i, j]);
    reworded.push({ fromNo: i + 1, toNo: j + 1, from: from[i]!.text, to: to[j]!.text, similarity: Math.round(s * 1000) / 1000, segments: textDiff(from[i]!.text, to[j]!.text) });
  }
  reworded.sort((a, b) => a.toNo - b.toNo);

  return {
    added: to.flatMap((m, j) => (usedTo.has(j) ? [] : [{ no: j + 1, text: m.text }])),
    removed: from.flatMap((m, i) => (pairedFrom.has(i) ? [] : [{ no: i + 1, text: m.text }])),
    reworded,
    moved,
    marks: pairs
      .sort((a, b) => a[1] - b[1])
      .flatMap(([i, j]) => {
        const marks = markChanges(from[i]!, to[j]!);
        return marks ? [{ fromNo: i + 1, toNo: j + 1, ...marks }] : [];
      }),
  };
}

function markChanges(a: DiffMeasure, b: DiffMeasure) {
  const out: { starred?: { from: boolean; to: boolean }; localRegion?: { from: string | null; to: string | null }; authorities?: { from: string[]; to: string[] } } = {};
  if (a.starred !== b.starred) out.starred = { from: a.starred, to: b.starred };
  const [ra, rb] = [a.local?.regionCode ?? null, b.local?.regionCode ?? null];
  if (ra !== rb) out.localRegion = { from: ra, to: rb };
  if (a.authorities.join('\n') !== b.authorities.join('\n')) out.authorities = { from: a.authorities, to: b.authorities };
  return Object.keys(out).length ? out : null;
}
