/**
 * Rows of a 市场准入负面清单 file -> items, as the official table lays them out: one row per measure, an item's
 * 项目号, 事项 and 事项编码 on its first row and repeated or left blank on the rows of its further measures. A row
 * with a blank 事项编码, or the same code as the row above, continues the item above; any other code starts the
 * next item. Each item is validated by the schema POST /v1/negative-list/items uses (its personal-data guard
 * included), and each problem is reported on the row and column it came from.
 *
 * The category comes from the 类别 cell when the file has one, else from the section heading above the item
 * ("一、禁止准入类"), else from the code's first digit (1 = 禁止准入类, 2 = 许可准入类) — a convention the published
 * lists follow but no published text states, so the summary counts the items that relied on it.
 */
import type { z } from 'zod';
import type { $ZodIssue } from 'zod/v4/core';
import { ItemCreate } from '../schemas/negative-list/items.js';
import { fieldsOf, type ColumnMapping } from './national-headers.js';
import { authoritiesCell, categoryCell, categoryOfCode, itemCodeCell, itemNoCell, localCell, sectionOf, starOf, type LocalRegion } from './negative-list-values.js';
import type { TableRow } from './read-table.js';
import { RowContext, type RowError } from './row-common.js';

/** An item as the file gives it: everything POST /v1/negative-list/items takes but the edition. */
const ImportedItem = ItemCreate.omit({ editionId: true });
type ImportedItem = z.output<typeof ImportedItem>;
type Category = ImportedItem['category'];

/** Where an item's category came from. */
export type CategoryRule = 'column' | 'section' | 'code';

export interface ParsedItem {
  item: ImportedItem;
  /** The item's rows: [i] holds its measure i; [0] also its 项目号, 事项 and 事项编码. */
  rows: RowContext<ColumnMapping>[];
  rule: CategoryRule;
}

type Ctx = RowContext<ColumnMapping>;
const flat = (s: string) => s.replace(/\s*[\r\n]+\s*/g, '');

interface Pending {
  rows: Ctx[];
  code: string | undefined;
  rawCode: string;
  name: string | undefined;
  itemNo: number | undefined;
  category: Category | undefined;
  rule: CategoryRule;
  measures: Record<string, unknown>[];
}

/** Collects the items of a file row by row; `done()` returns them with every rejected row's reasons. */
export class ItemCollector {
  readonly items: ParsedItem[] = [];
  readonly rejected: RowError[] = [];
  readonly rules: Record<CategoryRule, number> = { column: 0, section: 0, code: 0 };
  private current: Pending | undefined;
  private section: Category | undefined;
  private readonly codes = new Map<string, number>();
  private readonly numbers = new Map<string, number>();
  private readonly counters: Record<Category, number> = { prohibited: 0, permitted: 0 };
  private readonly numbered: boolean;

  constructor(
    private readonly mapping: ColumnMapping,
    private readonly localRegion: LocalRegion | undefined,
  ) {
    this.numbered = [...mapping.fieldOf.values()].includes('itemNo');
  }

  add(row: TableRow) {
    const heading = sectionOf(row.cells);
    if (heading) {
      this.finish();
      this.section = heading;
      return;
    }
    const ctx = new RowContext(this.mapping, row.rowNumber, fieldsOf(this.mapping, row.cells));
    const code = ctx.fields['code']?.replace(/\s+/g, '');
    const item = this.current;
    if (code === undefined && !item) {
      ctx.add('code', 'Empty, and there is no item above for this row to continue: the first row of an item needs its 事项编码.');
      this.rejected.push(...ctx.errors);
      return;
    }
    if (item && (code === undefined || code === item.rawCode)) this.continueItem(item, ctx);
    else {
      this.finish();
      this.current = this.start(ctx, code!);
    }
    this.current!.rows.push(ctx);
    this.current!.measures.push(this.measureOf(ctx));
  }

  /** The file is read: the last item is settled. */
  done(): { items: ParsedItem[]; rejected: RowError[]; rules: Record<CategoryRule, number> } {
    this.finish();
    this.rejected.sort((a, b) => a.rowNumber - b.rowNumber);
    return { items: this.items, rejected: this.rejected, rules: this.rules };
  }

  private start(ctx: Ctx, rawCode: string): Pending {
    const f = ctx.fields;
    const code = ctx.convert('code', itemCodeCell);
    const earlier = code && this.codes.get(code);
    if (earlier) ctx.add('code', `Same 事项编码 as row ${earlier}: an item is listed once, its further measures on the rows right below it.`);
    else if (code) this.codes.set(code, ctx.rowNumber);
    const fromColumn = ctx.convert('category', categoryCell);
    const fromCode = code ? categoryOfCode(code) : undefined;
    const [category, rule]: [Category | undefined, CategoryRule] =
      f['category'] !== undefined ? [fromColumn, 'column'] : this.section ? [this.section, 'section'] : [fromCode, 'code'];
    if (!category && code && f['category'] === undefined) {
      ctx.add('code', 'Cannot tell the category: no 类别 cell, no section heading (一、禁止准入类) above, and the code does not begin with 1 or 2.');
    }
    let itemNo = this.numbered ? ctx.convert('itemNo', itemNoCell) : undefined;
    if (this.numbered && f['itemNo'] === undefined) ctx.add('itemNo', 'Empty: the first row of an item needs its 项目号.');
    if (!this.numbered && category) itemNo = ++this.counters[category];
    const key = `${category}:${itemNo}`;
    const sameNo = category && itemNo !== undefined && this.numbers.get(key);
    if (sameNo) ctx.add('itemNo', `Same 项目号 as row ${sameNo} in the same category.`);
    else if (category && itemNo !== undefined) this.numbers.set(key, ctx.rowNumber);
    return { rows: [], code, rawCode, name: f['name'] && flat(f['name']), itemNo, category, rule, measures: [] };
  }

  /** A further measure's row: what it repeats of the item must agree with the item's first row. */
  private continueItem(item: Pending, ctx: Ctx) {
    const f = ctx.fields;
    const first = item.rows[0]!.rowNumber;
    if (f['name'] !== undefined && item.name !== undefined && flat(f['name']) !== item.name) {
      ctx.add('name', `Differs from row ${first}, whose item this row continues (same or blank 事项编码): a new item needs its own 事项编码.`);
    }
    if (this.numbered && f['itemNo'] !== undefined && item.itemNo !== undefined && ctx.convert('itemNo', itemNoCell) !== item.itemNo) {
      ctx.add('itemNo', `Differs from row ${first}, whose item this row continues (same or blank 事项编码).`);
    }
    if (f['category'] !== undefined && item.rule === 'column' && ctx.convert('category', categoryCell) !== item.category) {
      ctx.add('category', `Differs from row ${first}, whose item this row continues.`);
    }
  }

  private measureOf(ctx: Ctx): Record<string, unknown> {
    const f = ctx.fields;
    if (f['text'] === undefined) ctx.add('text', 'Empty: each row of an item is one of its measures and needs its 禁止或许可准入措施描述.');
    const { text, starred } = starOf(f['text'] ?? '');
    if (f['text'] !== undefined && text === '') ctx.add('text', 'Only a ★: the measure text is empty.');
    return {
      text,
      starred,
      local: f['local'] === undefined ? null : ctx.convert('local', (cell) => localCell(cell, text, this.localRegion)),
      authorities: ctx.convert('authorities', authoritiesCell),
      basisText: f['basisText'],
    };
  }

  private finish() {
    const item = this.current;
    this.current = undefined;
    if (!item) return;
    const input = { category: item.category, itemNo: item.itemNo, code: item.code, name: item.name, measures: item.measures };
    const parsed = ImportedItem.safeParse(input);
    // A code, category or 项目号 left undefined has its reason on its row already; the schema would only add "Required".
    const unset = new Set(Object.entries({ code: item.code, category: item.category, itemNo: item.itemNo }).flatMap(([k, v]) => (v === undefined ? [k] : [])));
    if (!parsed.success) for (const issue of parsed.error.issues) if (!(issue.path.length === 1 && unset.has(String(issue.path[0])))) this.place(item, issue);
    const errors = item.rows.flatMap((r) => r.errors);
    if (parsed.success && errors.length === 0) {
      this.items.push({ item: parsed.data, rows: item.rows, rule: item.rule });
      this.rules[item.rule]++;
    } else this.rejected.push(...errors);
  }

  /** A schema issue on the row it concerns: a measure's on its own row, the item's on its first row. */
  private place(item: Pending, issue: $ZodIssue) {
    const [head, index, field] = issue.path;
    if (head === 'measures' && typeof index === 'number' && item.rows[index]) {
      item.rows[index].addIssues([{ ...issue, path: [field ?? 'text'] }]);
    } else item.rows[0]!.addIssues([{ ...issue, path: [head === 'measures' ? 'text' : (head ?? 'code')] }]);
  }
}
