import { z } from 'zod';
import { RiskClass } from '../../codes/risk-classes.js';
import { mergePatchFields } from '../decision-changes.js';
import { Id, IsoDate, pageQuery, RegionCode, recordMeta } from '../common.js';
import { line, prose } from '../text.js';
import { PlanYear } from './plans.js';
import { BasisPoints, IndustryCode, ObjectType, uniqueIds } from './shared.js';

/*
 * 抽查任务: one random-selection inspection — which items, which part of the lead agency's directory
 * (不定向: all of it; 定向: filtered by type, region, industry, risk class or tag; 企业公示信息抽查办法), how many
 * entities (a count, a ratio, or a ratio or count per risk class), how many inspectors each (at least 2), and
 * when. Frozen once its draw is committed.
 */

const TaskStatus = z.enum(['active', 'cancelled']).meta({ title: '状态', description: 'active = 有效; cancelled = 已取消 (before a draw is committed).' });

const Selection = z
  .strictObject({
    objectTypes: z.array(ObjectType).min(1).max(4).optional().meta({ title: '对象类型' }),
    regionCodes: z.array(RegionCode).min(1).max(100).optional().meta({ title: '行政区划', description: 'Entities in any of these divisions or below (440000 covers the province).' }),
    industryCodes: z.array(IndustryCode).min(1).max(100).optional().meta({ title: '行业', description: 'Entities whose 国民经济行业分类 code starts with any of these.' }),
    riskClasses: z.array(RiskClass).min(1).max(4).optional().meta({ title: '信用风险分类' }),
    tags: z.array(line(30)).min(1).max(20).optional().meta({ title: '标签', description: 'Entities carrying any of these tags.' }),
  })
  .meta({ id: 'InspectionSelection', title: '抽取范围', description: 'Filters over the directory, all of which must hold; empty = 不定向 (the whole directory).' });

/** The selection as published: its risk classes with their national names beside them. */
const SelectionPublic = Selection.extend({
  riskClassNames: z
    .array(z.string())
    .optional()
    .meta({ title: '信用风险分类名称', description: 'The national names of riskClasses, in the same order. Absent without riskClasses, and in versions published before names were added.' }),
}).meta({ id: 'InspectionSelectionPublic', title: '抽取范围' });

const Count = z.strictObject({ count: z.int().min(1).max(1_000_000).meta({ title: '抽取数量' }) });
const Ratio = z.strictObject({ basisPoints: BasisPoints });

export const DrawSample = z
  .discriminatedUnion('mode', [
    z.strictObject({ mode: z.literal('count').meta({ title: '抽取方式' }), count: Count.shape.count }).meta({ title: '按数量' }),
    z.strictObject({ mode: z.literal('ratio').meta({ title: '抽取方式' }), basisPoints: BasisPoints }).meta({ title: '按比例' }),
    z
      .strictObject({
        mode: z.literal('strata').meta({ title: '抽取方式' }),
        strata: z
          .partialRecord(z.enum(['A', 'B', 'C', 'D', '-']), z.union([Count, Ratio]))
          .refine((s) => Object.keys(s).length > 0, 'Name at least one risk class.')
          .meta({ title: '分类抽取', description: "Per 信用风险分类 (A-D, '-' = unclassified): a count or a ratio. Classes not named are not drawn." }),
      })
      .meta({ title: '按信用风险分类' }),
  ])
  .meta({
    id: 'InspectionSample',
    title: '抽取数量',
    description: 'count: that many from the whole pool; ratio: ceil(pool × basisPoints / 10000); strata: per risk class (e.g. D 30 %, C 10 %, B 2 %, A 1 %).',
    example: { mode: 'strata', strata: { D: { basisPoints: 3000 }, C: { basisPoints: 1000 }, B: { basisPoints: 200 }, A: { basisPoints: 100 } } },
  });
export type DrawSample = z.output<typeof DrawSample>;

const Window = z
  .strictObject({ from: IsoDate.meta({ title: '检查开始日期' }), to: IsoDate.meta({ title: '检查结束日期' }) })
  .refine((w) => w.to >= w.from, { message: '检查结束日期 must not be before 检查开始日期.', path: ['to'] })
  .meta({ id: 'InspectionWindow', title: '检查时间' });

const fields = {
  year: PlanYear,
  planId: Id.optional().meta({ title: '年度计划', description: "The lead agency's plan of the same year." }),
  name: line(200).meta({ title: '任务名称', example: '2026年食品经营者经营条件双随机抽查' }),
  itemIds: uniqueIds({ title: '抽查事项', description: 'Active items the lead agency initiates or cooperates in.' }, 100).min(1),
  cooperatingAgencyIds: uniqueIds({ title: '配合部门', description: 'Agencies joining the task (联合抽查); their inspectors join the pool and each records its own results.' }).optional(),
  selection: Selection.optional(),
  sample: DrawSample,
  inspectorsPerEntity: z.int().min(2).max(10).meta({ title: '每户检查人员数', description: 'At least 2 (行政处罚法 art. 42: two officers).', example: 2 }),
  inspectorDomains: z.array(line(50)).min(1).max(20).optional().meta({ title: '检查人员执法领域', description: 'Only inspectors with one of these 执法领域 are drawn.' }),
  window: Window,
  description: prose(5000).optional().meta({ title: '说明' }),
  status: TaskStatus.optional(),
};

export const InspectionTaskCreate = z
  .strictObject({ agencyId: Id.optional().meta({ title: '牵头部门', description: "A key's own agency by default; the operator must name one." }), ...fields })
  .meta({ title: '新建抽查任务' });
export type InspectionTaskCreate = z.output<typeof InspectionTaskCreate>;

export const InspectionTaskPatch = z
  .strictObject(mergePatchFields(fields))
  .meta({ title: '修改抽查任务', description: 'JSON merge patch (RFC 7396), only before the draw is committed (409 afterwards).' });

export const InspectionTask = z
  .object({
    ...recordMeta,
    status: TaskStatus,
    agencyId: Id.meta({ title: '牵头部门' }),
    year: PlanYear,
    planId: Id.nullable().meta({ title: '年度计划' }),
    name: z.string().meta({ title: '任务名称' }),
    itemIds: z.array(Id).meta({ title: '抽查事项' }),
    cooperatingAgencyIds: z.array(Id).meta({ title: '配合部门' }),
    joint: z.boolean().meta({ title: '联合抽查' }),
    selection: SelectionPublic,
    targeted: z.boolean().meta({ title: '定向抽查', description: 'True when the selection filters the directory (定向); false for the whole directory (不定向).' }),
    sample: DrawSample,
    inspectorsPerEntity: z.int().meta({ title: '每户检查人员数' }),
    inspectorDomains: z.array(z.string()).meta({ title: '检查人员执法领域' }),
    window: Window,
    description: z.string().nullable().meta({ title: '说明' }),
    draw: z.string().meta({ title: '抽取', description: 'URL of the task’s draw.' }),
    results: z.string().meta({ title: '检查结果', description: 'URL of the task’s results.' }),
  })
  .strict()
  .meta({ id: 'InspectionTask', title: '抽查任务' });
export type InspectionTask = z.output<typeof InspectionTask>;

export const InspectionTaskListQuery = z.strictObject({
  ...pageQuery,
  agencyId: Id.optional().meta({ title: '部门', description: 'Tasks this agency leads or joins.' }),
  planId: Id.optional().meta({ title: '年度计划' }),
  itemId: Id.optional().meta({ title: '抽查事项' }),
  year: z.coerce.number().pipe(PlanYear).optional().meta({ title: '年度' }),
  status: TaskStatus.optional(),
  q: line(100).optional().meta({ title: '检索词', description: 'Chinese search over 任务名称 and 说明. Ranked.' }),
});
export type InspectionTaskListQuery = z.output<typeof InspectionTaskListQuery>;
