/**
 * The licence decisions an approval item's agency published under it: the list is the licence list itself
 * (LicencePage); the counts reuse the 公示时效 report's notions (src/schemas/compliance.ts): published on time or
 * late against the 7 working days of 发改办财金〔2018〕424号, withdrawals against 3 working days.
 */
import { z } from 'zod';
import { Id, IsoDate } from './common.js';
import { publicationCounts, WithdrawalCounts } from './compliance.js';

const count = (title: string, description: string) => z.int().min(0).meta({ title, description });

export const ApprovalItemLicenceCounts = z
  .object({
    approvalItemId: Id.meta({ title: '行政许可事项' }),
    agencyId: Id.meta({ title: '审批机关' }),
    decidedFrom: IsoDate.nullable().meta({ title: '许可决定日期起', description: 'As asked; null = from the first decision.' }),
    decidedTo: IsoDate.nullable().meta({ title: '许可决定日期止', description: 'As asked; null = up to the latest decision.' }),
    total: count('决定总数', 'Licence decisions of the agency naming the item (decided in the period, if given), whatever their status now.'),
    byStatus: z
      .object({
        published: count('公示中', 'On display now.'),
        withdrawn: count('已撤回', 'Withdrawn (撤回): shown as notices only.'),
      })
      .meta({ title: '按公示状态' }),
    byState: z
      .object({
        valid: count('有效', 'On display and 当前状态 valid.'),
        invalid: count('无效', 'On display and 当前状态 invalid.'),
      })
      .meta({ title: '按当前状态', description: 'Of the decisions on display.' }),
    onTime: publicationCounts.onTime,
    late: publicationCounts.late,
    averageWorkingDaysLate: publicationCounts.averageWorkingDaysLate,
    // 3 working days, as for penalties (docs/decisions.md#withdrawals).
    withdrawals: WithdrawalCounts,
  })
  .meta({ id: 'ApprovalItemLicenceCounts', title: '行政许可事项决定统计' });
export type ApprovalItemLicenceCounts = z.output<typeof ApprovalItemLicenceCounts>;
