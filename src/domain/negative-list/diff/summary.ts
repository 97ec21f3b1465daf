import type { EditionDiff, ItemChange, TextSegment } from '../../../schemas/negative-list/diff.js';
import { CATEGORY_NAMES } from '../../../schemas/negative-list/items.js';

/** Text from the list as Markdown text: its own * _ ~ ` [ ] # < > | and backslashes are not formatting. */
const md = (text: string) => text.replace(/[\\*_~`[\]#<>|]/g, (c) => `\\${c}`).replace(/\s*\n\s*/g, ' ');

/** Deleted text struck through, inserted text in bold: readable in any Markdown viewer. */
const segments = (list: TextSegment[]) => list.map((s) => (s.op === 'equal' ? md(s.text) : s.op === 'delete' ? `~~${md(s.text)}~~` : `**${md(s.text)}**`)).join('');

const place = (category: keyof typeof CATEGORY_NAMES, itemNo: number) => `${CATEGORY_NAMES[category]}第${itemNo}项`;

function changeLines(c: ItemChange): string[] {
  const lines = [`### ${c.code} ${md(c.name)}`, ''];
  if (c.movedCategory) lines.push(`- 调整类别：${place(c.fromCategory, c.fromItemNo)} → ${place(c.category, c.itemNo)}`);
  else if (c.fromItemNo !== c.itemNo) lines.push(`- 项目号：第${c.fromItemNo}项 → 第${c.itemNo}项`);
  if (c.nameSegments) lines.push(`- 事项名称：${segments(c.nameSegments)}`);
  const m = c.measures;
  for (const r of m.reworded) lines.push(`- 改写措施（原第${r.fromNo}条 → 第${r.toNo}条）：${segments(r.segments)}`);
  for (const a of m.added) lines.push(`- 新增措施（第${a.no}条）：${md(a.text)}`);
  for (const r of m.removed) lines.push(`- 删除措施（原第${r.no}条）：${md(r.text)}`);
  for (const v of m.moved) lines.push(`- 调整顺序：原第${v.fromNo}条 → 第${v.toNo}条`);
  for (const k of m.marks) {
    const what = [
      k.starred ? `★ ${k.starred.from ? '有' : '无'} → ${k.starred.to ? '有' : '无'}` : null,
      k.localRegion ? `地方性许可措施 ${k.localRegion.from ?? '全国'} → ${k.localRegion.to ?? '全国'}` : null,
      k.authorities ? `主管部门 ${md(k.authorities.from.join('、') || '无')} → ${md(k.authorities.to.join('、') || '无')}` : null,
    ].filter(Boolean);
    lines.push(`- 第${k.toNo}条标注：${what.join('；')}`);
  }
  lines.push('');
  return lines;
}

/** The difference as readable Chinese Markdown: counts first, then added, removed and changed items. */
export function summaryMarkdown(diff: Omit<EditionDiff, 'summary'>): string {
  const { items, measures } = diff.counts;
  const out = [
    `# ${md(diff.from.title)}（${md(diff.from.code)}）→ ${md(diff.to.title)}（${md(diff.to.code)}）`,
    '',
    `事项：新增 ${items.added} 项，删除 ${items.removed} 项，调整类别 ${items.moved} 项，修改 ${items.changed} 项，未变 ${items.unchanged} 项。`,
    `措施：新增 ${measures.added} 条，删除 ${measures.removed} 条，改写 ${measures.reworded} 条，调整顺序 ${measures.moved} 条。`,
    '',
  ];
  const list = (title: string, refs: EditionDiff['added']) => {
    if (refs.length === 0) return;
    out.push(`## ${title}（${refs.length}）`, '', ...refs.map((r) => `- ${r.code} ${md(r.name)}（${place(r.category, r.itemNo)}，${r.measureCount} 条措施）`), '');
  };
  list('新增事项', diff.added);
  list('删除事项', diff.removed);
  if (diff.changed.length) out.push(`## 修改事项（${diff.changed.length}）`, '', ...diff.changed.flatMap(changeLines));
  return `${out.join('\n').trimEnd()}\n`;
}
