import { z } from 'zod';
import { powerTypes } from '../codes/power-types.js';
import { Id, recordMeta } from './common.js';
import { guarded, httpUrl, line, prose } from './text.js';

/*
 * 执法程序与救济渠道 (行政处罚法 art. 39: 实施机关、立案依据、实施程序和救济渠道 are published): one record per
 * agency and 职权类型, with its service guide, ordered steps with statutory time limits, and where a party
 * can seek 行政复议, 行政诉讼 or complain.
 */

const ProcedurePowerType = z.enum(powerTypes.codes).meta({ title: '职权类型', description: `Code list: ${powerTypes.legend}.`, example: '02' });

const PROCEDURE_STATUSES = ['active', 'inactive'] as const;
const ProcedureStatus = z.enum(PROCEDURE_STATUSES).meta({
  title: '状态',
  description: 'active = 现行; inactive = 停止适用 (kept with its history, never deleted).',
});

const TIME_UNITS = ['工作日', '自然日', '小时'] as const;

const TimeLimit = z
  .strictObject({
    value: z.int().min(1).max(3650).meta({ title: '时限数值' }),
    unit: z.enum(TIME_UNITS).meta({ title: '时限单位', description: '工作日 (e.g. 行政处罚法 art. 85, 行政许可法 art. 82), 自然日 or 小时.' }),
  })
  .meta({ id: 'TimeLimit', title: '办理时限' });

const Step = z
  .strictObject({
    name: line(100).meta({ title: '环节', example: '立案' }),
    description: prose(2000).optional().meta({ title: '环节说明' }),
    timeLimit: TimeLimit.optional(),
  })
  .meta({ id: 'ProcedureStep', title: '程序环节' });

const Phone = guarded('public-contact').regex(/^[0-9+\-() ]{3,32}$/, 'Phone: digits, spaces, + - ( ).').meta({ title: '投诉电话', example: '12328', maxLength: 32 });
const Url = httpUrl().meta({ title: '投诉网址' });

const reconsideration = {
  body: line(200).meta({ title: '复议机关', example: '示例市人民政府' }),
  deadlineDays: z.int().min(1).max(3650).meta({ title: '复议申请期限(日)', description: '行政复议法 (2023) art. 20: 六十日 unless a law allows longer.', example: 60 }),
  note: prose(1000).meta({ title: '复议说明' }),
};
const litigation = {
  court: line(200).meta({ title: '管辖法院', example: '示例市示例区人民法院' }),
  deadlineMonths: z.int().min(1).max(240).meta({ title: '起诉期限(月)', description: '行政诉讼法 art. 46: 六个月 unless a law says otherwise.', example: 6 }),
};
const complaint = {
  channel: line(500).meta({ title: '投诉举报渠道', example: '示例市交通运输局法制科' }),
  phone: Phone,
  url: Url,
};

const Reconsideration = z.strictObject({ ...reconsideration, note: reconsideration.note.optional() }).meta({ id: 'Reconsideration', title: '行政复议' });
const Litigation = z.strictObject(litigation).meta({ id: 'Litigation', title: '行政诉讼' });
const Complaint = z
  .strictObject({ channel: complaint.channel, phone: Phone.optional(), url: Url.optional() })
  .meta({ id: 'Complaint', title: '投诉举报' });

const editable = {
  serviceGuide: prose(20000).meta({ title: '服务指南', description: 'Who handles it, conditions, materials, fees, where and when.' }),
  steps: z.array(Step).min(1).max(50).meta({ title: '程序环节', description: 'In order, each with its statutory time limit where one exists.' }),
  reconsideration: Reconsideration,
  litigation: Litigation,
  complaint: Complaint,
  status: ProcedureStatus.optional(),
};

export const ProcedureCreate = z.strictObject({ powerType: ProcedurePowerType, ...editable }).meta({ title: '新建执法程序' });
export type ProcedureCreate = z.output<typeof ProcedureCreate>;

/** The editable fields without the power type, which the path names: what a merged patch must satisfy. */
export const ProcedureFields = z.strictObject(editable);
export type ProcedureFields = z.output<typeof ProcedureFields>;

/** JSON merge patch (RFC 7396): nested objects merge member by member, so their members are optional here. */
export const ProcedurePatch = z
  .strictObject({
    serviceGuide: editable.serviceGuide.optional(),
    steps: editable.steps.optional(),
    reconsideration: z
      .strictObject({ body: reconsideration.body.optional(), deadlineDays: reconsideration.deadlineDays.optional(), note: reconsideration.note.nullable().optional() })
      .optional()
      .meta({ title: '行政复议' }),
    litigation: z
      .strictObject({ court: litigation.court.optional(), deadlineMonths: litigation.deadlineMonths.optional() })
      .optional()
      .meta({ title: '行政诉讼' }),
    complaint: z
      .strictObject({ channel: complaint.channel.optional(), phone: Phone.nullable().optional(), url: Url.nullable().optional() })
      .optional()
      .meta({ title: '投诉举报' }),
    status: ProcedureStatus.optional(),
  })
  .meta({ title: '修改执法程序' });
export type ProcedurePatch = z.output<typeof ProcedurePatch>;

export const Procedure = z
  .object({
    ...recordMeta,
    status: ProcedureStatus,
    agencyId: Id.meta({ title: '执法主体' }),
    powerType: ProcedurePowerType,
    powerTypeName: z.string().meta({ title: '职权类型名称', example: '行政处罚' }),
    serviceGuide: z.string().meta({ title: '服务指南' }),
    steps: z.array(Step).meta({ title: '程序环节' }),
    reconsideration: Reconsideration,
    litigation: Litigation,
    complaint: Complaint,
  })
  .meta({ id: 'Procedure', title: '执法程序与救济渠道' });
export type Procedure = z.output<typeof Procedure>;

export const ProcedureList = z
  .object({ items: z.array(Procedure).meta({ title: '执法程序列表', description: 'One per 职权类型, in code order.' }) })
  .meta({ id: 'ProcedureList', title: '执法程序与救济渠道列表' });

export const ProcedureParams = z.strictObject({ id: Id.meta({ title: '执法主体' }), powerType: ProcedurePowerType });
export const AgencyParams = z.strictObject({ id: Id.meta({ title: '执法主体' }) });
