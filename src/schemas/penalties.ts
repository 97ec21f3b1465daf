/**
 * 行政处罚 decisions in the national 双公示 field set (docs/fields.md#penalty-fields, fields #1–#30 in order; #1–#13 are the
 * party block in ./penalty-party.ts). Each property's title is the national Chinese field name and its
 * description names the national column code.
 *
 * Server-filled, never client-chosen (谁执法谁公示): #26–#27 处罚机关 and its credit code come from the
 * owning agency (src/domain/principal.ts owningAgency: a key's own agency; the operator names `agencyId`),
 * #28–#29 数据来源单位 likewise. Amounts are yuan with ≤ 2 decimals (src/lib/money.ts); the national
 * export converts to 万元.
 */
import { z } from 'zod';
import { PENALTY_TYPES, PenaltyType, type PenaltyTypeCode } from '../codes/penalty-types.js';
import { PublishedYuan, YuanAmountCanonical, yuanToFen } from '../lib/money.js';
import { decisionDateField, Id, IsoDate, recordMeta } from './common.js';
import { line, prose } from './text.js';
import {
  checkClaimedPublication,
  checkExtras,
  DecisionNotice,
  decisionExtras,
  decisionExtrasPublic,
  decisionListFilters,
  Timeliness,
} from './decision-common.js';
import { PenaltyParty, PenaltyPartyPublic } from './penalty-party.js';
import { CorrectionCreate, mergePatchFields, PenaltyPartyPatch } from './decision-changes.js';
import { SEVERITIES } from '../lib/publicity-period.js';
import { penaltyExample } from './decision-examples.js';

const FLAGS = new Map(PENALTY_TYPES.map((t) => [t.code as PenaltyTypeCode, t]));
const LICENCE_TYPE_NAMES = PENALTY_TYPES.filter((t) => t.licence).map((t) => t.name).join('/');

/** Fields #14–#25 and #30 as the client sends them (shared with updates and the batch endpoint). */
const decisionFields = {
  decisionNumber: line(128).meta({ title: '行政处罚决定书文号', description: 'CF_WSH. Unique per deciding agency.', example: '示市监处罚〔2024〕12号' }),
  violationType: line(500).meta({ title: '违法行为类型', description: 'CF_WFXW.', example: '销售不符合食品安全标准的食品' }),
  facts: prose(20000).meta({ title: '违法事实', description: 'CF_SY. Must not name natural persons other than the party (local 行政处罚结果信息网上公示 rules hide them; 个人信息保护法).' }),
  basis: prose(5000).meta({ title: '处罚依据', description: 'CF_YJ. The legal basis as written in the decision; structured links go in citations.' }),
  penaltyTypes: z.array(PenaltyType).min(1).max(PENALTY_TYPES.length).meta({
    title: '处罚类别',
    description: 'CF_CFLB. One or more codes from GET /v1/code-lists/penalty-types, each at most once.',
    example: ['01', '02'],
  }),
  content: prose(5000).meta({ title: '处罚内容', description: 'CF_NR.', example: '警告，罚款人民币2000元。' }),
  fineAmount: YuanAmountCanonical.optional().meta({
    title: '罚款金额(元)',
    description: 'CF_NR_FK (exported in 万元). Yuan, ≤ 2 decimals, > 0; present exactly when a 罚款 type is.',
    example: '2000.00',
  }),
  confiscationAmount: YuanAmountCanonical.optional().meta({
    title: '没收违法所得、没收非法财物的金额(元)',
    description: 'CF_NR_WFFF (exported in 万元). Yuan, ≤ 2 decimals; present exactly when a 没收 type is.',
    example: '500.00',
  }),
  licenceRevoked: line(200).optional().meta({
    title: '暂扣或吊销证照名称及编号',
    description: `CF_NR_ZKDX. Present exactly when a type among ${LICENCE_TYPE_NAMES} is.`,
    example: '食品经营许可证 JY14401010000001',
  }),
  decisionDate: decisionDateField({ title: '处罚决定日期', description: 'CF_JDRQ.', example: '2024-03-15' }),
  validUntil: IsoDate.meta({ title: '处罚有效期', description: 'CF_YXQ. Not before the decision date.', example: '2025-03-15' }),
  publicityEndDate: IsoDate.optional().meta({
    title: '公示截止期',
    description: 'CF_GSJZQ. Optional override; by default the server computes it from the publicity rule table.',
  }),
};

type DecisionShape = z.output<z.ZodObject<typeof decisionFields>>;

/** The cross-field rules of national fields #18–#25; each issue names the field to fix (becomes errors[].pointer). */
function checkDecision(d: DecisionShape, ctx: z.RefinementCtx) {
  const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
  const seen = new Set<string>();
  d.penaltyTypes.forEach((code, i) => {
    if (seen.has(code)) issue(['penaltyTypes', i], `处罚类别 ${code} is listed twice.`);
    seen.add(code);
  });
  // Unknown codes are already issues of their own; zod may still run this refinement, so skip them.
  const types = d.penaltyTypes.flatMap((c) => FLAGS.get(c) ?? []);
  const hasFine = types.some((t) => t.fine);
  const hasConfiscation = types.some((t) => t.confiscation);
  const hasLicence = types.some((t) => t.licence);

  if (hasFine && d.fineAmount === undefined) issue(['fineAmount'], '罚款金额 is required when 处罚类别 includes 罚款 (02).');
  if (!hasFine && d.fineAmount !== undefined) issue(['fineAmount'], '罚款金额 is only allowed when 处罚类别 includes 罚款 (02).');
  if (hasFine && d.fineAmount !== undefined && yuanToFen(d.fineAmount) === 0n) issue(['fineAmount'], '罚款金额 must be more than 0.');
  if (hasConfiscation && d.confiscationAmount === undefined)
    issue(['confiscationAmount'], '没收金额 is required when 处罚类别 includes 没收违法所得 (03) or 没收非法财物 (09).');
  if (!hasConfiscation && d.confiscationAmount !== undefined)
    issue(['confiscationAmount'], '没收金额 is only allowed when 处罚类别 includes 没收违法所得 (03) or 没收非法财物 (09).');
  if (hasLicence && d.licenceRevoked === undefined) issue(['licenceRevoked'], `暂扣或吊销证照名称及编号 is required for ${LICENCE_TYPE_NAMES}.`);
  if (!hasLicence && d.licenceRevoked !== undefined) issue(['licenceRevoked'], `暂扣或吊销证照名称及编号 is only allowed with ${LICENCE_TYPE_NAMES}.`);

  // ISO dates compare correctly as strings.
  if (d.validUntil < d.decisionDate) issue(['validUntil'], '处罚有效期 must not be before 处罚决定日期.');
  if (d.publicityEndDate !== undefined && d.publicityEndDate < d.decisionDate) issue(['publicityEndDate'], '公示截止期 must not be before 处罚决定日期.');
}

const PublicityInput = z
  .strictObject({
    regime: z.enum(['credit', 'samr']).optional().meta({
      title: '公示规则',
      description: 'credit = 信用网站 (国家发展改革委令第36号 tiers by severity); samr = 国家企业信用信息公示系统 (总局令第45号). Default: the server\'s configured regime (credit unless changed).',
    }),
    severity: z.enum(SEVERITIES).optional().meta({
      title: '失信程度',
      description: 'credit regime: 轻微 / 一般 / 严重. Default 一般. 轻微 is not published unless publicityEndDate is given (≤ 3 months).',
    }),
    lowAmountFine: z.boolean().optional().meta({ title: '较低数额罚款', description: 'samr regime: the fine is below the provincial threshold (3-month period).' }),
    restrictionEndDate: IsoDate.optional().meta({
      title: '限制期限届满日',
      description: 'samr regime: end of a 限制开展生产经营活动/限制从业 restriction; published until then when longer than 3 years.',
    }),
  })
  .meta({ id: 'PublicityInput', title: '公示期限规则', description: 'Chooses the row of the publicity rule table (GET /v1/code-lists/publicity-rules). Not a national column.' });

/** The request object without its cross-field rules (corrections re-check the merged record with them). */
export const penaltyObject = z.strictObject({
  party: PenaltyParty,
  ...decisionFields,
  agencyId: Id.optional().meta({
    title: '处罚机关',
    description: "Operator only: the deciding agency. A key always publishes for its own agency (naming another is 403). CF_CFJG/CF_CFJGDM and CF_SJLY/CF_SJLYDM are filled by the server.",
  }),
  publicity: PublicityInput.optional(),
  ...decisionExtras,
});

function refinePenalty(d: z.output<typeof penaltyObject>, ctx: z.RefinementCtx) {
  checkDecision(d, ctx);
  checkExtras(d, ctx);
  checkClaimedPublication(d.decisionDate, d.claimedPublishedAt, ctx);
}

export const PenaltyCreate = penaltyObject.superRefine(refinePenalty).meta({ id: 'PenaltyCreate', title: '新建行政处罚决定', examples: [penaltyExample] });
export type PenaltyCreate = z.output<typeof PenaltyCreate>;

const serverAgency = {
  decidingAgencyId: Id.meta({ title: '处罚机关标识' }),
  decidingAgency: z.string().meta({ title: '处罚机关', description: 'CF_CFJG. From the agency record.' }),
  decidingAgencyCreditCode: z.string().meta({ title: '处罚机关统一社会信用代码', description: 'CF_CFJGDM. From the agency record.' }),
  dataSource: z.string().meta({ title: '数据来源单位', description: 'CF_SJLY. The publishing agency, filled by the server.' }),
  dataSourceCreditCode: z.string().meta({ title: '数据来源单位统一社会信用代码', description: 'CF_SJLYDM. Filled by the server.' }),
};

export const Publicity = z
  .object({
    ruleId: z.string().meta({ title: '公示规则条目', description: 'The row of the publicity rule table applied.' }),
    regime: z.enum(['credit', 'samr']).meta({ title: '公示规则' }),
    severity: z.enum(SEVERITIES).nullable().meta({ title: '失信程度' }),
    endDate: IsoDate.meta({ title: '公示截止期', description: 'After this day the record leaves public lists and search (an `expired` feed event).' }),
    overridden: z.boolean().meta({ title: '单独设定', description: 'True when the agency set the end date within the allowed range.' }),
    earliestTerminationDate: IsoDate.meta({ title: '最早可提前停止公示日', description: 'Credit repair may be requested from this date.' }),
    earlyTerminationExcluded: z.boolean().meta({ title: '不得提前停止公示', description: 'The penalty types exclude early termination (e.g. 吊销许可证件).' }),
  })
  .meta({ id: 'Publicity', title: '公示期限' });

/** The published decision, in national order; no raw ID number can appear in it. */
export const Penalty = z
  .object({
    ...recordMeta,
    status: z.literal('published').meta({ title: '状态', description: 'published = 公示中.' }),
    party: PenaltyPartyPublic,
    decisionNumber: z.string().meta(decisionFields.decisionNumber.meta()!),
    violationType: z.string().meta(decisionFields.violationType.meta()!),
    facts: z.string().meta(decisionFields.facts.meta()!),
    basis: z.string().meta(decisionFields.basis.meta()!),
    penaltyTypes: z.array(PenaltyType).meta(decisionFields.penaltyTypes.meta()!),
    penaltyTypeNames: z
      .array(z.string())
      .optional()
      .meta({ title: '处罚类别名称', description: 'The national names of penaltyTypes, in the same order. Absent in versions published before names were added.' }),
    content: z.string().meta(decisionFields.content.meta()!),
    fineAmount: PublishedYuan.nullable().meta({ title: '罚款金额(元)', description: 'CF_NR_FK. Canonical yuan, 2 decimals.', example: '2000.00' }),
    confiscationAmount: PublishedYuan.nullable().meta({ title: '没收违法所得、没收非法财物的金额(元)', description: 'CF_NR_WFFF. Canonical yuan, 2 decimals.', example: '500.00' }),
    licenceRevoked: z.string().nullable().meta({ title: '暂扣或吊销证照名称及编号', description: 'CF_NR_ZKDX.' }),
    decisionDate: IsoDate.meta({ title: '处罚决定日期', description: 'CF_JDRQ.' }),
    validUntil: IsoDate.meta({ title: '处罚有效期', description: 'CF_YXQ.' }),
    publicityEndDate: IsoDate.meta({ title: '公示截止期', description: 'CF_GSJZQ. As given, or computed from the publicity rule table.' }),
    ...serverAgency,
    ...decisionExtrasPublic,
    publicity: Publicity,
    timeliness: Timeliness,
  })
  .meta({ id: 'Penalty', title: '行政处罚决定' });
export type Penalty = z.output<typeof Penalty>;

const { party: _party, agencyId: _agency, ...patchable } = penaltyObject.shape;
/**
 * JSON merge patch of a published penalty (the `changes` of a correction); null removes an optional field.
 * The deciding agency cannot change. The merged record is re-checked in full.
 */
const PenaltyPatch = z
  .strictObject({ party: PenaltyPartyPatch.optional(), ...mergePatchFields(patchable) })
  .meta({ id: 'PenaltyPatch', title: '行政处罚决定更正内容' });

export const PenaltyCorrection = CorrectionCreate(PenaltyPatch, 'PenaltyCorrection');
export type PenaltyCorrection = z.output<typeof PenaltyCorrection>;

export const PenaltyBatch = z
  .strictObject({ items: z.array(PenaltyCreate).min(1).max(1000).meta({ title: '决定列表', description: '1 to 1,000 decisions, written all-or-nothing.' }) })
  .meta({ id: 'PenaltyBatch', title: '批量报送行政处罚决定' });

const attested = (title: string) => z.literal(true).meta({ title, description: 'Must be true: the deciding agency attests it.' });
export const CreditRepairCreate = z
  .strictObject({
    conditions: z
      .discriminatedUnion('regime', [
        z.strictObject({
          regime: z.literal('credit').meta({ title: '公示规则' }),
          obligationsPerformed: attested('失信行为已纠正、义务已履行'),
          creditCommitment: attested('已作出信用承诺'),
          otherConditionsMet: attested('符合法律法规规定的其他条件'),
        }),
        z.strictObject({
          regime: z.literal('samr').meta({ title: '公示规则' }),
          obligationsPerformed: attested('已履行行政处罚决定规定的义务'),
          harmEliminated: attested('已主动消除危害后果和不良影响'),
          noFurtherPenalty: attested('未因同一类违法行为再次受到行政处罚'),
          notListed: attested('未在经营异常名录和严重违法失信名单中'),
        }),
      ])
      .meta({
        title: '修复条件',
        description: "The conditions of the penalty's regime, each attested true: credit (令第36号) or samr (总局令45号 art. 14).",
      }),
    explanation: prose(2000).meta({ title: '说明', description: 'Published with the notice.' }),
  })
  .meta({ id: 'CreditRepairCreate', title: '信用修复(提前停止公示)' });
export type CreditRepairCreate = z.output<typeof CreditRepairCreate>;

export const PenaltyListQuery = z
  .strictObject({
    ...decisionListFilters,
    status: z.enum(['published', 'withdrawn', 'expired', 'repaired']).default('published').meta({
      title: '状态',
      description: 'published (default): on display now. The others list notices (no content) of decisions no longer displayed.',
    }),
    party: line(200).optional().meta({ title: '行政相对人', description: 'An 18-character 统一社会信用代码 (exact) or part of the party name.' }),
    decisionNumber: line(128).optional().meta({ title: '行政处罚决定书文号', description: 'Exact.' }),
    penaltyType: PenaltyType.optional().meta({ title: '处罚类别' }),
  })
  .refine((q) => !q.decidedFrom || !q.decidedTo || q.decidedFrom <= q.decidedTo, { path: ['decidedTo'], message: 'decidedTo is before decidedFrom.' });
export type PenaltyListQuery = z.output<typeof PenaltyListQuery>;

export const PenaltyOrNotice = z.union([Penalty, DecisionNotice]).meta({ id: 'PenaltyOrNotice', title: '行政处罚决定或停止公示说明' });
