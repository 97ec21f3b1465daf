import { z } from 'zod';
import { mergePatchFields } from '../decision-changes.js';
import { Id, pageQuery, recordMeta } from '../common.js';
import { line, prose } from '../text.js';
import { uniqueIds } from './shared.js';

/*
 * 年度抽查工作计划: the year's plan of an agency (the items it will draw on; its tasks name the plan). The
 * county-level plan is filed with the next level up (备案), which the plan may name.
 */

const PlanStatus = z.enum(['active', 'cancelled']).meta({ title: '状态', description: 'active = 有效; cancelled = 已撤销 (kept with its history).' });
export const PlanYear = z.int().min(2015).max(2099).meta({ title: '年度', example: 2026 });

const fields = {
  year: PlanYear,
  title: line(200).meta({ title: '计划名称', example: '示例市市场监督管理局2026年度双随机抽查工作计划' }),
  itemIds: uniqueIds({ title: '抽查事项', description: 'Active items (/v1/inspection-items) the agency initiates or cooperates in.' }, 500).min(1),
  filedWithAgencyId: Id.optional().meta({ title: '备案机关', description: 'The agency the plan is filed with (备案).' }),
  description: prose(5000).optional().meta({ title: '说明' }),
  status: PlanStatus.optional(),
};

export const InspectionPlanCreate = z
  .strictObject({ agencyId: Id.optional().meta({ title: '制定部门', description: "A key's own agency by default; the operator must name one." }), ...fields })
  .meta({ title: '发布年度抽查工作计划' });
export type InspectionPlanCreate = z.output<typeof InspectionPlanCreate>;

export const InspectionPlanPatch = z.strictObject(mergePatchFields(fields)).meta({ title: '调整年度抽查工作计划', description: 'JSON merge patch (RFC 7396); each change is a new version.' });

export const InspectionPlan = z
  .object({
    ...recordMeta,
    status: PlanStatus,
    agencyId: Id.meta({ title: '制定部门' }),
    year: PlanYear,
    title: z.string().meta({ title: '计划名称' }),
    itemIds: z.array(Id).meta({ title: '抽查事项' }),
    filedWithAgencyId: Id.nullable().meta({ title: '备案机关' }),
    description: z.string().nullable().meta({ title: '说明' }),
    tasks: z.string().meta({ title: '抽查任务', description: 'URL of the tasks of this plan.', example: '/v1/inspection-tasks?planId=0193a1b2-7c4d-7e5f-8a9b-0c1d2e3f4a5b' }),
  })
  .strict()
  .meta({ id: 'InspectionPlan', title: '年度抽查工作计划' });
export type InspectionPlan = z.output<typeof InspectionPlan>;

export const InspectionPlanListQuery = z.strictObject({
  ...pageQuery,
  agencyId: Id.optional().meta({ title: '制定部门' }),
  year: z.coerce.number().pipe(PlanYear).optional().meta({ title: '年度' }),
  status: PlanStatus.optional(),
});
export type InspectionPlanListQuery = z.output<typeof InspectionPlanListQuery>;
