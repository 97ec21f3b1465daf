import { z } from 'zod';
import { EditionRef } from './editions.js';
import { Category } from './items.js';

/*
 * The difference between two editions of the negative list: items matched by 事项编码, and within a changed
 * item its measures matched by text (unchanged, moved, reworded with a character-level diff, added, removed).
 */

const Count = z.int().min(0);

export const TextSegment = z
  .object({
    op: z.enum(['equal', 'insert', 'delete']).meta({ title: '操作', description: 'equal = 未变; insert = 新增的文字; delete = 删去的文字.' }),
    text: z.string().meta({ title: '文字' }),
  })
  .meta({ id: 'NegativeListTextSegment', title: '文字差异片段' });
export type TextSegment = z.output<typeof TextSegment>;

const ItemRef = z
  .object({
    code: z.string().meta({ title: '事项编码' }),
    name: z.string().meta({ title: '禁止或许可事项' }),
    category: Category,
    categoryName: z.string().meta({ title: '事项类别名称' }),
    itemNo: z.int().meta({ title: '项目号' }),
    measureCount: Count.meta({ title: '措施数' }),
  })
  .meta({ id: 'NegativeListDiffItemRef', title: '事项' });

const MeasureRef = z.object({ no: z.int().min(1).meta({ title: '措施序号' }), text: z.string().meta({ title: '措施描述' }) }).meta({ id: 'NegativeListDiffMeasureRef', title: '措施' });

const Reworded = z
  .object({
    fromNo: z.int().min(1).meta({ title: '原措施序号' }),
    toNo: z.int().min(1).meta({ title: '新措施序号' }),
    from: z.string().meta({ title: '原措施描述' }),
    to: z.string().meta({ title: '新措施描述' }),
    similarity: z.number().min(0).max(1).meta({ title: '相似度', description: 'Dice coefficient of the two texts’ character bigrams.' }),
    segments: z.array(TextSegment).meta({ title: '文字差异' }),
  })
  .meta({ id: 'NegativeListRewordedMeasure', title: '改写的措施' });

const Flag = <T extends z.ZodType>(value: T, title: string) => z.object({ from: value.meta({ title: '原值' }), to: value.meta({ title: '新值' }) }).optional().meta({ title });
const MeasureMarks = z
  .object({
    fromNo: z.int().min(1).meta({ title: '原措施序号' }),
    toNo: z.int().min(1).meta({ title: '新措施序号' }),
    starred: Flag(z.boolean(), '★标注变化'),
    localRegion: Flag(z.string().nullable(), '地方性许可措施地区变化'),
    authorities: Flag(z.array(z.string()), '主管部门变化'),
  })
  .meta({ id: 'NegativeListMeasureMarks', title: '措施标注变化' });

const MeasureChanges = z
  .object({
    added: z.array(MeasureRef).meta({ title: '新增措施' }),
    removed: z.array(MeasureRef).meta({ title: '删除措施' }),
    reworded: z.array(Reworded).meta({ title: '改写措施' }),
    moved: z
      .array(z.object({ fromNo: z.int().meta({ title: '原措施序号' }), toNo: z.int().meta({ title: '新措施序号' }), text: z.string().meta({ title: '措施描述' }) }).meta({ title: '调整顺序的措施' }))
      .meta({ title: '调整顺序' }),
    marks: z.array(MeasureMarks).meta({ title: '标注变化' }),
  })
  .meta({ id: 'NegativeListMeasureChanges', title: '措施变化' });
export type MeasureChanges = z.output<typeof MeasureChanges>;

const ItemChange = z
  .object({
    code: z.string().meta({ title: '事项编码' }),
    name: z.string().meta({ title: '禁止或许可事项' }),
    fromName: z.string().meta({ title: '原事项名称' }),
    nameSegments: z.array(TextSegment).nullable().meta({ title: '事项名称差异', description: 'Null when the name is unchanged.' }),
    category: Category,
    categoryName: z.string().meta({ title: '事项类别名称' }),
    fromCategory: Category.meta({ title: '原事项类别' }),
    fromCategoryName: z.string().meta({ title: '原事项类别名称' }),
    movedCategory: z.boolean().meta({ title: '调整类别', description: 'True when the item moved between 禁止准入类 and 许可准入类.' }),
    itemNo: z.int().meta({ title: '项目号' }),
    fromItemNo: z.int().meta({ title: '原项目号' }),
    measures: MeasureChanges,
  })
  .meta({ id: 'NegativeListItemChange', title: '修改的事项' });
export type ItemChange = z.output<typeof ItemChange>;

const EditionName = z.object({ code: z.string().meta({ title: '版本代码' }), title: z.string().meta({ title: '清单名称' }) }).meta({ title: '版本' });

const DiffCounts = z
  .object({
    items: z
      .object({
        added: Count.meta({ title: '新增事项' }),
        removed: Count.meta({ title: '删除事项' }),
        moved: Count.meta({ title: '调整类别' }),
        changed: Count.meta({ title: '修改事项' }),
        unchanged: Count.meta({ title: '未变事项' }),
      })
      .meta({ title: '事项' }),
    measures: z
      .object({
        added: Count.meta({ title: '新增措施', description: 'Including the measures of added items.' }),
        removed: Count.meta({ title: '删除措施', description: 'Including the measures of removed items.' }),
        reworded: Count.meta({ title: '改写措施' }),
        moved: Count.meta({ title: '调整顺序的措施' }),
      })
      .meta({ title: '措施' }),
  })
  .meta({ id: 'NegativeListDiffCounts', title: '变化统计' });

export const EditionDiff = z
  .object({
    from: EditionName,
    to: EditionName,
    counts: DiffCounts,
    added: z.array(ItemRef).meta({ title: '新增事项' }),
    removed: z.array(ItemRef).meta({ title: '删除事项' }),
    changed: z.array(ItemChange).meta({ title: '修改的事项', description: 'Items in both editions that differ in category, 项目号, name or measures.' }),
    summary: z.string().meta({ title: '变化摘要', description: 'The same difference as readable Chinese Markdown (also served as text/markdown by /v1/negative-list/diff.md).' }),
  })
  .meta({ id: 'NegativeListEditionDiff', title: '负面清单版本差异' });
export type EditionDiff = z.output<typeof EditionDiff>;

export const DiffQuery = z.strictObject({
  from: EditionRef.meta({ title: '原版本', description: 'The earlier edition: its code (e.g. 2022) or id. Any edition, drafts included.', example: '2022' }),
  to: EditionRef.meta({ title: '新版本', description: 'The later edition: its code (e.g. 2025) or id.', example: '2025' }),
});
