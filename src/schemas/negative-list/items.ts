import { z } from 'zod';
import { mergePatchFields } from '../decision-changes.js';
import { Id, pageQuery, recordMeta } from '../common.js';
import { IndustryCode } from '../inspections/shared.js';
import { guarded, line, prose } from '../text.js';
import { Edition, EditionRef } from './editions.js';
import { Measure, MeasureCreate } from './measures.js';

/*
 * One 事项 of a negative-list edition: its category (禁止准入类 / 许可准入类), 项目号, the 6-digit 事项编码
 * that identifies it across editions, the 禁止或许可事项 and its ordered measures.
 */

export const CATEGORIES = ['prohibited', 'permitted'] as const;
export const Category = z.enum(CATEGORIES).meta({
  title: '事项类别',
  description: 'prohibited = 禁止准入类 (market entities may not enter; agencies may not approve); permitted = 许可准入类 (entry by licence or on conditions the government sets).',
});
export const CATEGORY_NAMES: Record<(typeof CATEGORIES)[number], string> = { prohibited: '禁止准入类', permitted: '许可准入类' };

const ItemCode = guarded('refused')
  .regex(/^\d{6}$/, '事项编码 must be 6 digits.')
  .meta({ title: '事项编码', description: 'The 6-digit national code: the identity of an item across editions.', example: '100004', minLength: 6, maxLength: 6 });

const ItemStatus = z.enum(['active', 'removed']).meta({ title: '状态', description: 'active = 列入; removed = taken out of a draft before publication (kept with its history).' });

const fields = {
  category: Category,
  itemNo: z.int().min(1).max(999).meta({ title: '项目号', description: 'The item number within its category, as printed.', example: 4 }),
  code: ItemCode,
  name: line(300).meta({ title: '禁止或许可事项', example: '禁止违规开展金融相关经营活动' }),
  measures: z.array(MeasureCreate).min(1).max(200).meta({ title: '禁止或许可准入措施', description: 'In the order of the official table.' }),
  industryCodes: z.array(IndustryCode).max(50).optional().meta({ title: '国民经济行业分类', description: 'GB/T 4754-2017 codes of the industries the item concerns, where assigned.' }),
  note: prose(2000).optional().meta({ title: '备注' }),
  status: ItemStatus.optional(),
};

export const ItemCreate = z
  .strictObject({ editionId: Id.meta({ title: '所属版本', description: 'A draft edition.' }), ...fields })
  .meta({ title: '新增负面清单事项' });
export type ItemCreate = z.output<typeof ItemCreate>;

export const ItemPatch = z
  .strictObject(mergePatchFields(fields))
  .meta({ title: '修改负面清单事项', description: 'JSON merge patch (RFC 7396) of an item of a draft edition; `measures` is replaced as a whole.' });

export const Item = z
  .object({
    ...recordMeta,
    status: ItemStatus,
    editionId: Id.meta({ title: '所属版本' }),
    editionCode: z.string().meta({ title: '版本代码' }),
    category: Category,
    categoryName: z.string().meta({ title: '事项类别名称', example: '禁止准入类' }),
    itemNo: z.int().meta({ title: '项目号' }),
    code: z.string().meta({ title: '事项编码' }),
    name: z.string().meta({ title: '禁止或许可事项' }),
    measures: z.array(Measure).meta({ title: '禁止或许可准入措施' }),
    industryCodes: z.array(z.string()).meta({ title: '国民经济行业分类' }),
    note: z.string().nullable().meta({ title: '备注' }),
  })
  .strict()
  .meta({ id: 'NegativeListItem', title: '市场准入负面清单事项' });
export type Item = z.output<typeof Item>;

export const ItemListQuery = z.strictObject({
  ...pageQuery,
  editionId: Id.optional().meta({ title: '所属版本' }),
  category: Category.optional(),
  code: ItemCode.optional(),
  status: ItemStatus.optional(),
  q: line(100).optional().meta({ title: '检索词', description: 'Chinese search over 事项, 编码 and 措施描述. Ranked.' }),
});
export type ItemListQuery = z.output<typeof ItemListQuery>;

/** The list of one edition's items: in the order of the official table (category, then 项目号). */
export const EditionItemsQuery = z.strictObject({
  category: Category.optional(),
  q: line(100).optional().meta({ title: '检索词', description: 'Chinese search over 事项, 编码 and 措施描述.' }),
});
export type EditionItemsQuery = z.output<typeof EditionItemsQuery>;

export const ItemRefParams = z.strictObject({
  edition: EditionRef,
  code: ItemCode,
});

export const EditionItemList = z
  .object({ edition: Edition, items: z.array(Item).meta({ title: '事项' }) })
  .meta({ id: 'NegativeListEditionItems', title: '负面清单版本的事项', description: 'The whole edition, in the order of the official table.' });
