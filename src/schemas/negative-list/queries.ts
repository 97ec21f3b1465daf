import { z } from 'zod';
import { IsoDate, Page, RegionCode, dateParam, pageQuery } from '../common.js';
import { IndustryCode } from '../inspections/shared.js';
import { line } from '../text.js';
import { Edition, EditionRef } from './editions.js';
import { Category, Item } from './items.js';
import { Measure } from './measures.js';

/*
 * Questions a reader asks of the list: which measures mention a word, a 主管部门 or an industry; and "may I do
 * this?" — the items and measures in force that an activity falls under, or 非禁即入 when none does.
 */

const asOf = (description: string) => dateParam({ title: '查询日期', description, example: '2023-06-01' }).optional();
const region = RegionCode.optional().meta({
  title: '地区',
  description: 'GB/T 2260 code of where the activity takes place: that region’s 地方性许可措施 are included (a province’s measures apply in its cities and counties).',
  example: '440100',
});
const industry = IndustryCode.optional().meta({ title: '国民经济行业分类', description: 'Items assigned to this GB/T 4754-2017 code, a broader or a narrower one (F52 and F5211 meet).' });

export const MeasureSearchQuery = z.strictObject({
  ...pageQuery,
  q: line(100).optional().meta({ title: '检索词', description: 'Chinese search over 措施描述 and 事项. Ranked.' }),
  authority: line(100).optional().meta({ title: '主管部门', description: 'Measures naming exactly this 主管部门.', example: '市场监管总局' }),
  industry,
  category: Category.optional(),
  region,
  local: z.enum(['true', 'false']).optional().meta({ title: '地方性许可措施', description: 'true: local measures only; false: national ones only.' }),
  edition: EditionRef.optional().meta({ title: '版本', description: 'Search this edition (code or id) instead of the one in force on `asOf`.' }),
  asOf: asOf('The edition in force on this date is searched (today, Beijing time, by default).'),
});
export type MeasureSearchQuery = z.output<typeof MeasureSearchQuery>;

const ItemSummary = z
  .object({
    code: z.string().meta({ title: '事项编码' }),
    name: z.string().meta({ title: '禁止或许可事项' }),
    category: Category,
    categoryName: z.string().meta({ title: '事项类别名称' }),
    itemNo: z.int().meta({ title: '项目号' }),
  })
  .meta({ id: 'NegativeListItemSummary', title: '所属事项' });

export const MeasureHit = z
  .object({
    editionCode: z.string().meta({ title: '版本代码' }),
    item: ItemSummary,
    measure: Measure,
  })
  .meta({ id: 'NegativeListMeasureHit', title: '措施检索结果' });
export type MeasureHit = z.output<typeof MeasureHit>;

export const MeasureHitPage = Page(MeasureHit, 'NegativeListMeasureHitPage', '措施检索结果列表');

export const CheckQuery = z.strictObject({
  activity: line(200).meta({ title: '经营活动', description: 'What the entity wants to do, in Chinese, e.g. 销售电子烟.', example: '销售电子烟' }),
  industry,
  region,
  asOf: asOf('The edition in force on this date is checked (today, Beijing time, by default).'),
});
export type CheckQuery = z.output<typeof CheckQuery>;

const CheckMatch = z
  .object({
    item: Item,
    measureNos: z.array(z.int()).meta({ title: '相关措施序号', description: 'The measures of the item the activity meets (all of them when only the industry matched).' }),
    matchedWords: z.array(z.string()).meta({ title: '命中词', description: 'Words of the activity found in the item or its measures.' }),
    industryMatched: z.boolean().meta({ title: '行业匹配', description: 'True when the item is assigned to the given industry.' }),
  })
  .meta({ id: 'NegativeListCheckMatch', title: '相关事项' });

export const CheckResult = z
  .object({
    asOf: IsoDate.meta({ title: '查询日期' }),
    activity: z.string().meta({ title: '经营活动' }),
    edition: Edition,
    listed: z.boolean().meta({ title: '列入清单', description: 'True when the activity meets at least one item in force.' }),
    prohibited: z.boolean().meta({ title: '禁止准入', description: 'True when a 禁止准入类 item matches.' }),
    conclusion: z.string().meta({
      title: '结论',
      example: '不在清单内：非禁即入，各类市场主体可依法平等进入。',
      description: 'A reading aid: matches are found by the words of the activity and the industry code, not a legal opinion.',
    }),
    matches: z.array(CheckMatch).meta({ title: '相关事项' }),
  })
  .meta({ id: 'NegativeListCheckResult', title: '市场准入查询结果' });
export type CheckResult = z.output<typeof CheckResult>;
