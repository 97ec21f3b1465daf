/**
 * The diff of two negative-list editions of 120 items and 500 measures each (issue: "diff of two editions: time"),
 * in process: the first edition is the negative-list data set, the second the same edition revised the way an
 * edition is (items removed, added and moved between categories, measures reworded, dropped, added and
 * reordered), by a fixed seed. Beside it, on the same pair, the plain comparison a script would make: items by
 * code, measures compared as exact texts. Median and 95th percentile over repeated runs, after a warm-up.
 */
import { diffEditions } from '../src/domain/negative-list/diff/edition-diff.js';
import type { DiffEdition, DiffItem, DiffMeasure } from '../src/domain/negative-list/diff/types.js';
import { negativeListDataset, NL_EDITION } from './dataset-negative-list.js';
import { prng } from './dataset.js';

export const NEGATIVE_LIST_DIFF = 'negative-list-diff';
const RUNS = 200;

type Body = { category: DiffItem['category']; itemNo: number; code: string; name: string; measures: (Partial<DiffMeasure> & { text: string })[] };

function editionOf(items: Body[], code: string): DiffEdition {
  return {
    code,
    title: NL_EDITION.title,
    items: items.map((i) => ({ ...i, measures: i.measures.map((m) => ({ text: m.text, starred: m.starred ?? false, local: m.local ?? null, authorities: m.authorities ?? [] })) })),
  };
}

/** The edition revised: 6 items removed, 5 added, 2 moved between categories, ~40 rewordings, 10 dropped, 10 added, 5 reordered. */
function revised(from: DiffEdition): DiffEdition {
  const rand = prng(0xd1ff);
  const pickIndex = (n: number) => Math.floor(rand() * n);
  const items: DiffItem[] = from.items.map((i) => ({ ...i, measures: [...i.measures] }));
  for (let n = 0; n < 6; n++) items.splice(6 + pickIndex(items.length - 6), 1);
  for (let n = 0; n < 2; n++) items[6 + pickIndex(items.length - 6)]!.category = 'prohibited';
  for (let n = 0; n < 40; n++) {
    const item = items[pickIndex(items.length)]!;
    const k = pickIndex(item.measures.length);
    const m = item.measures[k]!;
    const at = 2 + pickIndex(Math.max(1, m.text.length - 4));
    item.measures[k] = { ...m, text: `${m.text.slice(0, at)}${['依法', '按规定', '经批准'][n % 3]}${m.text.slice(at + (n % 2))}` };
  }
  for (let n = 0; n < 10; n++) {
    const item = items[pickIndex(items.length)]!;
    if (item.measures.length > 1) item.measures.splice(pickIndex(item.measures.length), 1);
    const other = items[pickIndex(items.length)]!;
    other.measures.push({ text: `未获得许可，不得从事${other.name.slice(-6)}相关的新增经营活动（第${n + 1}条）`, starred: false, local: null, authorities: ['市场监管总局'] });
  }
  for (let n = 0; n < 5; n++) {
    const item = items.find((i, k) => k >= n * 20 && i.measures.length > 2) ?? items[0]!;
    item.measures.reverse();
  }
  for (let n = 0; n < 5; n++) {
    items.push({ code: String(290001 + n), category: 'permitted', itemNo: 200 + n, name: `未获得许可，不得从事新增示例经营活动${n + 1}`, measures: [{ text: `未获得许可，不得从事新增示例经营活动${n + 1}`, starred: false, local: null, authorities: ['国务院有关部门'] }] });
  }
  return { code: 'bench-revised', title: NL_EDITION.title, items };
}

/** The plain comparison: items by code, measures as exact texts (no alignment, no character diff, no summary). */
function plainCompare(a: DiffEdition, b: DiffEdition) {
  const before = new Map(a.items.map((i) => [i.code, i]));
  let changed = 0;
  for (const item of b.items) {
    const old = before.get(item.code);
    if (old && (old.category !== item.category || old.measures.map((m) => m.text).join('\n') !== item.measures.map((m) => m.text).join('\n'))) changed++;
  }
  return changed;
}

function time(fn: () => unknown): { median: number; p95: number } {
  for (let i = 0; i < 20; i++) fn();
  const ms: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    fn();
    ms.push(performance.now() - start);
  }
  ms.sort((x, y) => x - y);
  return { median: ms[Math.floor(RUNS / 2)]!, p95: ms[Math.floor(RUNS * 0.95)]! };
}

export interface DiffFacts {
  items: [number, number];
  measures: [number, number];
  counts: ReturnType<typeof diffEditions>['counts'];
  summaryBytes: number;
  ours: { median: number; p95: number };
  plain: { median: number; p95: number };
}

export function benchDiff(): DiffFacts {
  const bases = Array.from({ length: 12 }, (_, i) => `00000000-0000-7000-8000-${String(i).padStart(12, '0')}`);
  // The data set's bodies are API bodies; the diff reads only what DiffEdition names.
  const from = editionOf(negativeListDataset(bases).items as Body[], NL_EDITION.code);
  const to = revised(from);
  const result = diffEditions(from, to);
  const measures = (e: DiffEdition) => e.items.reduce((n, i) => n + i.measures.length, 0);
  return {
    items: [from.items.length, to.items.length],
    measures: [measures(from), measures(to)],
    counts: result.counts,
    summaryBytes: Buffer.byteLength(result.summary),
    ours: time(() => diffEditions(from, to)),
    plain: time(() => plainCompare(from, to)),
  };
}

export function formatDiff(f: DiffFacts): string[] {
  const c = f.counts;
  return [
    '## Negative list: the diff of two editions',
    '',
    `Two editions of ${f.items[0]} and ${f.items[1]} items holding ${f.measures[0]} and ${f.measures[1]} measures (bench/diff.ts: the data set, and the same revised by a fixed seed). ` +
      `Found: items ${c.items.added} added, ${c.items.removed} removed, ${c.items.moved} moved, ${c.items.changed} changed, ${c.items.unchanged} unchanged; ` +
      `measures ${c.measures.added} added, ${c.measures.removed} removed, ${c.measures.reworded} reworded, ${c.measures.moved} moved; Markdown summary ${f.summaryBytes.toLocaleString('en')} bytes. ` +
      `In process, ${RUNS} runs after 20 warm-up runs.`,
    '',
    '| comparison | median ms | p95 ms |',
    '| --- | ---: | ---: |',
    `| diffEditions (alignment, character diffs, counts, summary) | ${f.ours.median.toFixed(2)} | ${f.ours.p95.toFixed(2)} |`,
    `| plain: items by code, measures as exact texts | ${f.plain.median.toFixed(3)} | ${f.plain.p95.toFixed(3)} |`,
    '',
  ];
}
