import { z } from 'zod';
import { InspectionResult as ResultCode } from '../../codes/inspection-results.js';
import { CreditCode, Id, IsoDate, pageQuery, recordMeta, Timestamp } from '../common.js';
import { line, prose } from '../text.js';
import { PlanYear } from './plans.js';
import { uniqueIds } from './shared.js';

/*
 * 检查结果: one agency's result for one drawn entity (谁检查、谁录入、谁公开). Published within 20 working days of
 * the inspection (国办发〔2018〕118号: other enforcement information within 20 working days); lateness is public
 * and counted in /v1/compliance. A correction is a new version; nothing is deleted.
 */

const FollowUp = z
  .strictObject({
    penaltyId: Id.optional().meta({ title: '后续处罚决定', description: 'The penalty decision (/v1/penalties) that followed.' }),
    note: prose(500).optional().meta({ title: '后续处置', example: '已责令限期改正' }),
  })
  .meta({ id: 'InspectionFollowUp', title: '后续处置' });

const fields = {
  resultCode: ResultCode,
  findings: prose(5000).optional().meta({ title: '检查情况', example: '经营许可证在有效期内，进货查验记录完整。' }),
  followUp: FollowUp.optional(),
  inspectedOn: IsoDate.meta({ title: '检查日期' }),
  inspectorIds: uniqueIds({ title: '检查人员', description: 'The inspectors present: all must be among those the draw assigned to the entity.' }, 10).min(1),
};

const InspectionResultInput = z.strictObject({ entityId: Id.meta({ title: '检查对象', description: 'An entity the draw selected.' }), ...fields }).meta({ id: 'InspectionResultInput', title: '检查结果' });


export const InspectionResultBatch = z
  .strictObject({
    agencyId: Id.optional().meta({ title: '检查部门', description: "The key's own agency by default (the lead or a cooperating agency); the operator must name one." }),
    items: z.array(InspectionResultInput).min(1).max(500).meta({ title: '检查结果' }),
  })
  .meta({ title: '录入检查结果', description: 'All or nothing: one bad item refuses the batch.' });
export type InspectionResultBatch = z.output<typeof InspectionResultBatch>;

/** The stored shape the merge patch of a correction is checked against. */
export const InspectionResultFields = z.strictObject({ entityId: Id, ...fields });
export type InspectionResultFields = z.output<typeof InspectionResultFields>;

export const InspectionResultPatch = z
  .strictObject({
    resultCode: ResultCode.optional(),
    findings: fields.findings.nullable().optional(),
    followUp: FollowUp.nullable().optional(),
    inspectedOn: IsoDate.optional().meta({ title: '检查日期' }),
    inspectorIds: fields.inspectorIds.optional(),
  })
  .meta({ title: '更正检查结果', description: 'JSON merge patch (RFC 7396): a correction is a new version; the entity never changes.' });

export const InspectionResultRecord = z
  .object({
    ...recordMeta,
    status: z.enum(['published']).meta({ title: '状态' }),
    taskId: Id.meta({ title: '抽查任务' }),
    drawId: Id.meta({ title: '抽取' }),
    entityId: Id.meta({ title: '检查对象' }),
    entityName: z.string().meta({ title: '检查对象名称' }),
    creditCode: z.string().nullable().meta({ title: '统一社会信用代码', example: '11440100MB2C921737' }),
    agencyId: Id.meta({ title: '检查部门' }),
    resultCode: ResultCode,
    resultName: z.string().meta({ title: '检查结果名称' }),
    findings: z.string().nullable().meta({ title: '检查情况' }),
    followUp: FollowUp.nullable(),
    inspectedOn: IsoDate.meta({ title: '检查日期' }),
    inspectorIds: z.array(Id).meta({ title: '检查人员' }),
    dueOn: IsoDate.meta({ title: '公示期限', description: '20 working days after the inspection date (official calendar).' }),
    publishedAt: Timestamp.meta({ title: '首次公示时间' }),
    late: z.boolean().meta({ title: '逾期公示' }),
    workingDaysLate: z.int().meta({ title: '逾期工作日数' }),
  })
  .strict()
  .meta({ id: 'InspectionResult', title: '检查结果' });
export type InspectionResultRecord = z.output<typeof InspectionResultRecord>;

export const InspectionResultListQuery = z.strictObject({
  ...pageQuery,
  taskId: Id.optional().meta({ title: '抽查任务' }),
  agencyId: Id.optional().meta({ title: '检查部门' }),
  entityId: Id.optional().meta({ title: '检查对象' }),
  creditCode: CreditCode.optional(),
  resultCode: ResultCode.optional(),
  late: z.enum(['true', 'false']).optional().meta({ title: '逾期公示' }),
  year: z.coerce.number().pipe(PlanYear).optional().meta({ title: '检查年度' }),
  q: line(100).optional().meta({ title: '检索词', description: 'Chinese search over the findings and the follow-up note. Ranked.' }),
});
export type InspectionResultListQuery = z.output<typeof InspectionResultListQuery>;
