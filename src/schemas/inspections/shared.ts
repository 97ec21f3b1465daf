/** Fields several 双随机、一公开 records share. */
import { z } from 'zod';
import { Id } from '../common.js';
import { guarded } from '../text.js';

/** 抽查对象: 国市监信〔2019〕38号 lets the object library hold market entities, products, projects or conduct. */
export const OBJECT_TYPES = ['entity', 'product', 'project', 'conduct'] as const;
export const ObjectType = z.enum(OBJECT_TYPES).meta({
  title: '抽查对象类型',
  description: 'entity = 市场主体; product = 产品; project = 项目; conduct = 行为.',
  example: 'entity',
});

/** GB/T 4754-2017 国民经济行业分类: 门类 letter, then 大类 (2 digits), 中类 (3) or 小类 (4). */
export const IndustryCode = guarded('refused')
  .regex(/^[A-T](\d{2}|\d{3}|\d{4})?$/, '国民经济行业分类 code: a 门类 letter A-T, optionally followed by 2, 3 or 4 digits (GB/T 4754-2017).')
  .meta({ title: '国民经济行业分类', description: 'GB/T 4754-2017 code: 门类 letter plus 大类/中类/小类 digits, e.g. F5211.', example: 'F5211', maxLength: 5 });

/** Ids listed once each: a list that repeats an id is a 400 naming the repeat. */
export const uniqueIds = (meta: { title: string; description?: string }, max = 50) =>
  z
    .array(Id)
    .max(max)
    .superRefine((ids, ctx) => {
      const seen = new Set<string>();
      ids.forEach((id, i) => {
        if (seen.has(id)) ctx.addIssue({ code: 'custom', path: [i], message: 'Listed twice.' });
        seen.add(id);
      });
    })
    .meta(meta);

/** 抽查比例 in basis points (1/10,000), so a ratio is exact: 300 = 3 %. */
export const BasisPoints = z.int().min(1).max(10_000).meta({ title: '抽查比例(万分比)', description: 'Basis points: 300 = 3 %, 10000 = 100 %.', example: 300 });
