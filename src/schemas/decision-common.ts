/**
 * What every published enforcement decision (行政处罚, 行政许可, other 执法行为) shares beyond its national
 * fields: tags, joint enforcement, campaign, citations, remarks, the claimed original publication date of a
 * migrated record (request side); and timeliness, withdrawal and the tombstone (response side).
 */
import { z } from 'zod';
import { Citation, Citations } from './citations.js';
import { dateParam, Id, IsoDate, pageQuery, RegionCode, Timestamp, recordMeta } from './common.js';
import { line, prose } from './text.js';

const DECISION_TAGS = ['互联网+执法', '联合执法', '专项整治', '反垄断', '反不正当竞争'] as const;
export const DecisionTag = z.enum(DECISION_TAGS).meta({
  title: '标签',
  description: '互联网+执法, 联合执法 (needs `joint`), 专项整治 (needs `campaignId`), 反垄断, 反不正当竞争. Filterable.',
});
export type DecisionTag = z.output<typeof DecisionTag>;

const JointEnforcement = z
  .strictObject({
    reference: line(100).meta({
      title: '联合执法编号',
      description: 'The joint operation as the participants name it; every participant publishes its own part under the same reference.',
      example: '示例市联合执法〔2024〕3号',
    }),
    agencyIds: z.array(Id).min(2).max(30).meta({
      title: '参与执法主体',
      description: "All participating agencies, the publishing agency among them.",
    }),
  })
  .meta({ id: 'JointEnforcementInput', title: '联合执法' });

/** Request fields shared by the three decision kinds (none of them is a national 双公示 column except 备注). */
export const decisionExtras = {
  citations: Citations.optional().meta({ title: '依据条款', description: 'Not a national column: links to the cited legal-basis articles, where known.' }),
  remarks: prose(2000).optional().meta({ title: '备注', description: 'BZ. Must not carry personal data (address, phone, bank account).' }),
  tags: z.array(DecisionTag).max(DECISION_TAGS.length).optional().meta({ title: '标签', description: 'Not a national column.' }),
  joint: JointEnforcement.optional().meta({ title: '联合执法', description: 'Required with the tag 联合执法, refused without it.' }),
  campaignId: Id.optional().meta({ title: '专项整治', description: 'A campaign from /v1/campaigns; required with the tag 专项整治, refused without it.' }),
  claimedPublishedAt: Timestamp.optional().meta({
    title: '原公示时间(自报)',
    description:
      'Operator only, for records migrated from another system: when that system first published the decision. Kept apart from publishedAt and labelled as claimed; never earlier than the decision date.',
  }),
};

type ExtrasShape = { tags?: DecisionTag[] | undefined; joint?: unknown; campaignId?: string | undefined };

/** Tags listed once; 联合执法 iff joint; 专项整治 iff campaignId. */
export function checkExtras(d: ExtrasShape, ctx: z.RefinementCtx) {
  const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
  const tags = d.tags ?? [];
  tags.forEach((t, i) => {
    if (tags.indexOf(t) !== i) issue(['tags', i], '标签 is listed twice.');
  });
  const has = (t: DecisionTag) => tags.includes(t);
  if (has('联合执法') && d.joint === undefined) issue(['joint'], 'joint (participating agencies) is required with the tag 联合执法.');
  if (!has('联合执法') && d.joint !== undefined) issue(['joint'], 'joint is only allowed with the tag 联合执法.');
  if (has('专项整治') && d.campaignId === undefined) issue(['campaignId'], 'campaignId is required with the tag 专项整治.');
  if (!has('专项整治') && d.campaignId !== undefined) issue(['campaignId'], 'campaignId is only allowed with the tag 专项整治.');
}

/** Decision dates and claimed publication: a decision is not published before it is made. */
export function checkClaimedPublication(decisionDate: string, claimed: string | undefined, ctx: z.RefinementCtx) {
  // zod runs this even when the timestamp itself failed its format (that issue names it already).
  const at = claimed === undefined ? NaN : Date.parse(claimed);
  if (Number.isNaN(at)) return;
  // Compare as Beijing dates: the decision date is a Beijing calendar date.
  const claimedDay = new Date(at + 8 * 3600_000).toISOString().slice(0, 10);
  if (claimedDay < decisionDate) ctx.addIssue({ code: 'custom', path: ['claimedPublishedAt'], message: 'claimedPublishedAt is before the decision date.' });
}

const JointAgency = z
  .object({ id: Id, name: z.string().meta({ title: '名称' }) })
  .meta({ id: 'JointAgency', title: '参与执法主体' });

/** Response fields shared by the three decision kinds while published. */
export const decisionExtrasPublic = {
  remarks: z.string().nullable().meta({ title: '备注', description: 'BZ.' }),
  citations: z.array(Citation).meta({ title: '依据条款' }),
  tags: z.array(DecisionTag).meta({ title: '标签' }),
  joint: z
    .object({ reference: z.string().meta({ title: '联合执法编号' }), agencies: z.array(JointAgency).meta({ title: '参与执法主体' }) })
    .nullable()
    .meta({ title: '联合执法' }),
  campaignId: Id.nullable().meta({ title: '专项整治' }),
};

export const Timeliness = z
  .object({
    dueDate: IsoDate.meta({
      title: '公示期限',
      description: 'Last day to publish: 7 working days after the decision date for penalties and licences, 20 for other actions (the decision day not counted).',
    }),
    publishedAt: Timestamp.meta({ title: '公示时间', description: 'When this server first published the decision.' }),
    claimedPublishedAt: Timestamp.nullable().meta({
      title: '原公示时间(自报)',
      description: 'Migrated records only: the first publication date claimed by the system it came from. Not verified by this server.',
    }),
    basis: z.enum(['server', 'claimed']).meta({ title: '判定依据', description: 'Which publication time `late` is judged on: the claimed one when given.' }),
    late: z.boolean().meta({ title: '逾期公示' }),
    workingDaysLate: z.int().min(0).meta({ title: '逾期工作日数' }),
    calendarProvisional: z.boolean().meta({
      title: '日历待确认',
      description: 'True when a date fell outside the official holiday calendar data and weekends alone were counted.',
    }),
  })
  .meta({ id: 'Timeliness', title: '公示时效' });

export const WITHDRAWAL_REASONS = [
  { code: 'changed', name: '变更' },
  { code: 'revoked', name: '撤销' },
  { code: 'ruled-unlawful', name: '确认违法' },
  { code: 'ruled-void', name: '确认无效' },
] as const;
export const WithdrawalReason = z.enum(WITHDRAWAL_REASONS.map((r) => r.code) as ['changed', 'revoked', 'ruled-unlawful', 'ruled-void']).meta({
  title: '撤回原因类别',
  description: '行政处罚法 art. 48 ¶2: changed 变更, revoked 撤销, ruled-unlawful 确认违法, ruled-void 确认无效.',
});

export const WithdrawalCreate = z
  .strictObject({
    reasonCategory: WithdrawalReason,
    explanation: prose(2000).meta({ title: '撤回说明', description: 'The public explanation (公开说明理由).' }),
    eventDate: IsoDate.meta({
      title: '变更/撤销日期',
      description: 'The date of the 变更/撤销/确认违法/确认无效 decision or ruling; the 3-working-day withdrawal deadline runs from it.',
    }),
    replacedBy: Id.optional().meta({ title: '新决定', description: 'For a changed decision: the record that replaces it, when published here.' }),
  })
  .meta({ id: 'WithdrawalCreate', title: '撤回' });
export type WithdrawalCreate = z.output<typeof WithdrawalCreate>;

export const Withdrawal = z
  .object({
    reasonCategory: WithdrawalReason,
    reasonCategoryName: z.string().meta({ title: '撤回原因类别名称', description: 'The name of reasonCategory under 行政处罚法 art. 48 ¶2 (变更, 撤销, 确认违法, 确认无效).' }),
    explanation: z.string().meta({ title: '撤回说明' }),
    eventDate: IsoDate.meta({ title: '变更/撤销日期' }),
    withdrawnAt: Timestamp.meta({ title: '撤回时间' }),
    dueDate: IsoDate.meta({ title: '撤回期限', description: '3 working days after eventDate.' }),
    late: z.boolean().meta({ title: '逾期撤回' }),
    workingDaysLate: z.int().min(0).meta({ title: '逾期工作日数' }),
    replacedBy: Id.nullable().meta({ title: '新决定' }),
  })
  .meta({ id: 'Withdrawal', title: '撤回信息' });

export const CreditRepair = z
  .object({
    terminatedAt: Timestamp.meta({ title: '提前停止公示时间' }),
    regime: z.enum(['credit', 'samr']).meta({ title: '公示规则' }),
    conditions: z.array(z.string()).meta({ title: '已承诺满足的条件', description: 'The conditions the deciding agency attested, by name.' }),
    explanation: z.string().meta({ title: '说明' }),
  })
  .meta({ id: 'CreditRepair', title: '信用修复(提前停止公示)' });

/**
 * What stays public of a decision that is no longer displayed: who decided what number on which day,
 * why it left, and when; never the party or the decision's content.
 */
export const DecisionNotice = z
  .object({
    ...recordMeta,
    status: z.enum(['withdrawn', 'expired', 'repaired']).meta({
      title: '状态',
      description: 'withdrawn = 已撤回; expired = 公示期满; repaired = 提前停止公示 (信用修复).',
    }),
    decisionNumber: z.string().nullable().meta({ title: '决定书文号' }),
    agencyId: Id.meta({ title: '执法机关标识' }),
    agency: z.string().meta({ title: '执法机关' }),
    decisionDate: IsoDate.meta({ title: '决定日期' }),
    endedAt: Timestamp.meta({ title: '停止公示时间' }),
    publicityEndDate: IsoDate.nullable().meta({ title: '公示截止期' }),
    withdrawal: Withdrawal.nullable(),
    repair: CreditRepair.nullable(),
  })
  .meta({ id: 'DecisionNotice', title: '停止公示说明' });
export type DecisionNotice = z.output<typeof DecisionNotice>;

/**
 * The answer to a batch: one receipt per item in request order, not the full records — a 1,000-item
 * batch would otherwise echo megabytes the submitter already has. GET each `location` for the record.
 */
export const BatchReceipt = z
  .object({
    items: z
      .array(
        z
          .object({
            id: Id,
            version: z.int().min(1).meta({ title: '版本号' }),
            decisionNumber: z.string().nullable().meta({ title: '决定书文号' }),
            location: z.string().meta({ title: '地址', description: 'URL of the published record.' }),
            timeliness: Timeliness,
          })
          .meta({ id: 'BatchReceiptItem', title: '报送回执' }),
      )
      .meta({ title: '回执列表' }),
  })
  .meta({ id: 'BatchReceipt', title: '批量报送回执' });

export function receiptOf(collection: string, row: { id: string; version: number; decisionNumber?: string | null; publishedAt: Date; claimedPublishedAt: Date | null; dueDate: string; late: boolean; workingDaysLate: number; calendarProvisional: boolean }) {
  return {
    id: row.id,
    version: row.version,
    decisionNumber: row.decisionNumber ?? null,
    location: `${collection}/${row.id}`,
    timeliness: {
      dueDate: row.dueDate,
      publishedAt: row.publishedAt.toISOString(),
      claimedPublishedAt: row.claimedPublishedAt?.toISOString() ?? null,
      basis: row.claimedPublishedAt ? ('claimed' as const) : ('server' as const),
      late: row.late,
      workingDaysLate: row.workingDaysLate,
      calendarProvisional: row.calendarProvisional,
    },
  };
}

const boolParam = z.enum(['true', 'false']).transform((v) => v === 'true');

/** Filters shared by the three decision lists. */
export const decisionListFilters = {
  ...pageQuery,
  agencyId: Id.optional().meta({ title: '执法机关', description: 'Decisions published by this agency (for all parts of a joint operation use jointReference).' }),
  regionCode: RegionCode.optional().meta({ title: '行政区划代码', description: "The deciding agency's region." }),
  decidedFrom: dateParam({ title: '决定日期起', description: 'Decision date on or after (inclusive).' }).optional(),
  decidedTo: dateParam({ title: '决定日期止', description: 'Decision date on or before (inclusive); not before decidedFrom.' }).optional(),
  tag: DecisionTag.optional(),
  campaignId: Id.optional().meta({ title: '专项整治' }),
  jointReference: line(100).optional().meta({ title: '联合执法编号', description: 'All parts of one joint operation.' }),
  late: boolParam.optional().meta({ title: '逾期公示', description: 'true: published after the deadline; false: on time.' }),
  q: line(100).optional().meta({ title: '检索词', description: 'Chinese search over names, decision numbers and facts. Matches are listed newest first (decision date, then id, both descending), not ranked: a decision list is read from the latest, and a common term then costs one page, not every match.' }),
};
