import { z } from 'zod';
import { Citation, Citations } from '../citations.js';
import { RegionCode } from '../common.js';
import { line, prose } from '../text.js';

/*
 * 禁止或许可准入措施: the ordered measures of one negative-list item, as the official table prints them — the
 * 措施描述, the ★ mark, whether it is a 地方性许可措施 and for which region, the 主管部门, and the 设立依据.
 */

const LocalRegion = z
  .strictObject({
    regionCode: RegionCode.meta({ title: '地方行政区划代码', description: 'GB/T 2260 code of the province (or city) whose local measure this is.', example: '440000' }),
    regionName: line(50).meta({ title: '地方', example: '广东省' }),
  })
  .meta({ id: 'NegativeListLocalRegion', title: '地方性许可措施适用地区' });

const measureFields = {
  text: prose(4000).meta({ title: '禁止或许可准入措施描述', example: '未获得许可，不得从事食品生产经营' }),
  starred: z.boolean().optional().meta({ title: '★标注', description: 'The measure carries the ★ mark in the official table (false by default).' }),
  local: LocalRegion.nullable().optional().meta({ title: '地方性许可措施', description: 'Set for a 地方性许可措施: the region it applies in. Null or absent for a national measure.' }),
  authorities: z.array(line(100)).max(20).optional().meta({ title: '主管部门', example: ['市场监管总局'] }),
  basisText: prose(2000).optional().meta({ title: '设立依据', description: 'The legal basis as the table states it.' }),
  citations: Citations.optional().meta({ title: '设立依据条款', description: 'Articles of published legal bases (/v1/legal-bases), where known.' }),
};

export const MeasureCreate = z.strictObject(measureFields).meta({ id: 'NegativeListMeasureInput', title: '禁止或许可准入措施' });

/** A measure as stored: defaults filled in, so stored and published shapes never disagree. */
export interface MeasureInput {
  text: string;
  starred: boolean;
  local: { regionCode: string; regionName: string } | null;
  authorities: string[];
  basisText: string | null;
  citations: z.output<typeof Citations>;
}

export const storedMeasure = (m: z.output<typeof MeasureCreate>): MeasureInput => ({
  text: m.text,
  starred: m.starred ?? false,
  local: m.local ?? null,
  authorities: m.authorities ?? [],
  basisText: m.basisText ?? null,
  citations: m.citations ?? [],
});

export const Measure = z
  .object({
    no: z.int().min(1).meta({ title: '措施序号', description: 'Position within the item, from 1.' }),
    text: z.string().meta({ title: '禁止或许可准入措施描述' }),
    starred: z.boolean().meta({ title: '★标注' }),
    local: z.object({ regionCode: z.string().meta({ title: '地方行政区划代码' }), regionName: z.string().meta({ title: '地方' }) }).nullable().meta({ title: '地方性许可措施' }),
    authorities: z.array(z.string()).meta({ title: '主管部门' }),
    basisText: z.string().nullable().meta({ title: '设立依据' }),
    citations: z.array(Citation).meta({ title: '设立依据条款' }),
  })
  .strict()
  .meta({ id: 'NegativeListMeasure', title: '禁止或许可准入措施' });
export type Measure = z.output<typeof Measure>;
