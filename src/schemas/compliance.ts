/**
 * 公示时效 report (回头看): for decisions decided in a period, how many each agency published on time and
 * late (7 working days for 行政处罚/行政许可, 20 for other actions), and its withdrawals against the
 * 3-working-day deadline of 行政处罚法 art. 48 ¶2; likewise for the results of 双随机 inspections made in the
 * period (20 working days after the inspection date, 国办发〔2018〕118号). Counts are of the records as first
 * published; a decision later withdrawn, expired or repaired, or a result later corrected, still counts where
 * it was published.
 */
import { z } from 'zod';
import { dateParam, Id, IsoDate, RegionCode } from './common.js';

export const ComplianceQuery = z
  .strictObject({
    from: dateParam({ title: '决定日期起', description: 'Decisions decided, and inspections made, on or after this date (inclusive).' }),
    to: dateParam({ title: '决定日期止', description: 'Decisions decided, and inspections made, on or before this date (inclusive); not before from.' }),
    agencyId: Id.optional().meta({ title: '执法机关', description: 'Only this agency.' }),
    regionCode: RegionCode.optional().meta({ title: '行政区划代码', description: "Only decisions and inspection results of agencies of this region (the deciding agency's region as recorded on the decision; the inspecting agency's region now)." }),
  })
  .refine((q) => q.from <= q.to, { path: ['to'], message: 'to is before from.' });
export type ComplianceQuery = z.output<typeof ComplianceQuery>;

const count = (title: string, description: string) => z.int().min(0).meta({ title, description });

/** Publication timeliness of a set of decisions: the counts of this report, also given per approval item (/v1/approval-items/{id}/licences/counts). */
export const publicationCounts = {
  published: count('已公示', 'Decisions decided in the period, or inspection results of inspections made in it, and published (whatever their status now).'),
  onTime: count('按时公示', 'Published by the deadline.'),
  late: count('逾期公示', 'Published after the deadline.'),
  averageWorkingDaysLate: z
    .string()
    .regex(/^\d+\.\d$/)
    .nullable()
    .meta({
      title: '平均逾期工作日',
      description: 'Mean working days late over the late ones only, as a decimal string with one decimal (rounded half away from zero), e.g. "2.5"; null when none was late.',
      example: '2.5',
    }),
};

export const WithdrawalCounts = z
  .object({
    total: count('撤回', 'Decisions of the period withdrawn (撤回).'),
    onTime: count('按时撤回', 'Withdrawn within 3 working days of the revoking event.'),
    late: count('逾期撤回', 'Withdrawn after that deadline.'),
  })
  .meta({ id: 'WithdrawalCounts', title: '撤回统计' });

export const ComplianceRow = z
  .object({
    agencyId: Id.meta({ title: '执法机关标识' }),
    agencyName: z.string().meta({ title: '执法机关', description: "As on its latest decision in the period; for inspection results, the agency's name now." }),
    kind: z.enum(['penalty', 'licence', 'enforcement_action', 'inspection_result']).meta({
      title: '执法类别',
      description:
        'penalty 行政处罚, licence 行政许可, enforcement_action 其他执法行为 (行政检查、行政强制等), inspection_result 双随机抽查检查结果 (one per drawn entity and inspecting agency; due 20 working days after the inspection date, 国办发〔2018〕118号).',
    }),
    ...publicationCounts,
    withdrawals: WithdrawalCounts
      .nullable()
      .meta({
        title: '撤回',
        description: '行政处罚法 art. 48 ¶2: withdraw within 3 working days and explain why. null for inspection_result: a result is never withdrawn, only corrected as a new version.',
      }),
  })
  .meta({ id: 'ComplianceRow', title: '公示时效统计' });
export type ComplianceRow = z.output<typeof ComplianceRow>;

export const ComplianceReport = z
  .object({
    from: IsoDate.meta({ title: '决定日期起' }),
    to: IsoDate.meta({ title: '决定日期止' }),
    items: z.array(ComplianceRow).meta({ title: '统计', description: 'One row per agency and kind with at least one decision or inspection result in the period; by agency name, then id, then kind.' }),
  })
  .meta({ id: 'ComplianceReport', title: '公示时效报告' });
export type ComplianceReport = z.output<typeof ComplianceReport>;
