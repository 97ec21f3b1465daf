import type { EditionDiff, ItemChange } from '../../../schemas/negative-list/diff.js';
import { CATEGORY_NAMES } from '../../../schemas/negative-list/items.js';
import { alignMeasures } from './measure-alignment.js';
import { summaryMarkdown } from './summary.js';
import { textDiff } from './text-diff.js';
import type { DiffEdition, DiffItem } from './types.js';

const ref = (item: DiffItem) => ({ code: item.code, name: item.name, category: item.category, categoryName: CATEGORY_NAMES[item.category], itemNo: item.itemNo, measureCount: item.measures.length });

/** The change of one item present in both editions, or null when nothing about it changed. */
function itemChange(a: DiffItem, b: DiffItem): ItemChange | null {
  const measures = alignMeasures(a.measures, b.measures);
  const measuresChanged = Object.values(measures).some((list) => list.length > 0);
  if (!measuresChanged && a.name === b.name && a.category === b.category && a.itemNo === b.itemNo) return null;
  return {
    code: b.code,
    name: b.name,
    fromName: a.name,
    nameSegments: a.name === b.name ? null : textDiff(a.name, b.name),
    category: b.category,
    categoryName: CATEGORY_NAMES[b.category],
    fromCategory: a.category,
    fromCategoryName: CATEGORY_NAMES[a.category],
    movedCategory: a.category !== b.category,
    itemNo: b.itemNo,
    fromItemNo: a.itemNo,
    measures,
  };
}

/**
 * What changed from one edition to another. Items are matched by 事项编码; an item in both that moved
 * between categories, was renumbered, renamed or had its measures changed is listed once with all of it.
 */
export function diffEditions(from: DiffEdition, to: DiffEdition): EditionDiff {
  const before = new Map(from.items.map((i) => [i.code, i]));
  const after = new Map(to.items.map((i) => [i.code, i]));
  const added = to.items.filter((i) => !before.has(i.code));
  const removed = from.items.filter((i) => !after.has(i.code));
  const changed = to.items.flatMap((b) => {
    const a = before.get(b.code);
    const change = a ? itemChange(a, b) : null;
    return change ? [change] : [];
  });
  const inBoth = to.items.length - added.length;
  const sum = (pick: (c: ItemChange) => number) => changed.reduce((n, c) => n + pick(c), 0);
  const measureCount = (items: DiffItem[]) => items.reduce((n, i) => n + i.measures.length, 0);
  const diff: Omit<EditionDiff, 'summary'> = {
    from: { code: from.code, title: from.title },
    to: { code: to.code, title: to.title },
    counts: {
      items: { added: added.length, removed: removed.length, moved: changed.filter((c) => c.movedCategory).length, changed: changed.length, unchanged: inBoth - changed.length },
      measures: {
        added: measureCount(added) + sum((c) => c.measures.added.length),
        removed: measureCount(removed) + sum((c) => c.measures.removed.length),
        reworded: sum((c) => c.measures.reworded.length),
        moved: sum((c) => c.measures.moved.length),
      },
    },
    added: added.map(ref),
    removed: removed.map(ref),
    changed,
  };
  return { ...diff, summary: summaryMarkdown(diff) };
}
