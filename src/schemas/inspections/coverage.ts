/**
 * 抽查覆盖率: per agency, plan year and item, how much of the agency's 检查对象名录库 its random-selection
 * inspections reached. No national text defines the figure: the definitions are this API's, in
 * docs/inspection-coverage.md. Counted over the revealed draws only.
 */
import { z } from 'zod';
import { Id } from '../common.js';
import { PlanYear } from './plans.js';

export const InspectionCoverageQuery = z.strictObject({
  agencyId: Id.optional().meta({ title: '抽查部门', description: 'Only tasks this agency leads (whose directory they draw from).' }),
  year: z.coerce.number().pipe(PlanYear).optional().meta({ title: '年度', description: 'Only tasks of this plan year.' }),
  itemId: Id.optional().meta({ title: '抽查事项', description: 'Only this item.' }),
});
export type InspectionCoverageQuery = z.output<typeof InspectionCoverageQuery>;

const count = (title: string, description: string) => z.int().min(0).meta({ title, description });
const share = (title: string, description: string) =>
  z
    .int()
    .min(0)
    .nullable()
    .meta({ title, description: `${description} In basis points (1/10,000: 2500 = 25 %), rounded down; null when the denominator is 0.`, example: 2500 });

export const InspectionCoverageRow = z
  .object({
    agencyId: Id.meta({ title: '抽查部门', description: 'The lead agency of the tasks, whose directory they draw from.' }),
    agencyName: z.string().meta({ title: '抽查部门名称' }),
    year: PlanYear,
    itemId: Id.meta({ title: '抽查事项' }),
    itemCode: z.string().meta({ title: '事项编码' }),
    itemName: z.string().meta({ title: '抽查事项名称' }),
    tasks: count('抽查任务数', 'Tasks of the agency and year listing the item whose draw is revealed (a task whose draws were all voided, or whose draw is only committed, is not counted).'),
    directory: count('名录库在库数', "Active entries of the agency's directory now (the whole directory, whatever the item or the tasks' selection)."),
    pooled: count('抽取范围数', 'Distinct entities in the pools frozen by the counted draws (a 定向 task freezes only the entries its selection matched).'),
    drawn: count('抽中数', 'Distinct entities the counted draws selected.'),
    inspected: count('已公示结果数', 'Distinct drawn entities with at least one published result of a counted draw, by any agency of the task.'),
    inspectedOfDirectory: share('名录库覆盖率', 'inspected ÷ directory; may exceed 10000 when entries left the directory after they were inspected.'),
    inspectedOfPool: share('抽取范围覆盖率', 'inspected ÷ pooled.'),
    parts: z
      .array(
        z.object({
          agencyId: Id.meta({ title: '检查部门' }),
          agencyName: z.string().meta({ title: '检查部门名称' }),
          inspected: count('已公示结果数', 'Distinct entities this agency published a result for.'),
        }),
      )
      .meta({ title: '各部门结果', description: 'Each inspecting agency’s part (the lead and, in joint tasks, the cooperating agencies), by agency id; an entity two agencies inspected counts once in inspected and once in each part.' }),
  })
  .meta({ id: 'InspectionCoverageRow', title: '抽查覆盖率' });
export type InspectionCoverageRow = z.output<typeof InspectionCoverageRow>;

export const InspectionCoverageReport = z
  .object({
    items: z.array(InspectionCoverageRow).meta({ title: '统计', description: 'One row per lead agency, plan year and item with at least one counted task; by agency name, agency id, year, item code, item id.' }),
  })
  .meta({ id: 'InspectionCoverageReport', title: '抽查覆盖率报告' });
