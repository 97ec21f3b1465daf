/**
 * 行政处罚 decisions in the national 双公示 field set (DOMAIN.md §2.1, fields #1–#30 in order; #1–#13 are the
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
import { YuanAmountCanonical, yuanToFen } from '../lib/money.js';
import { Citation, Citations } from './citations.js';
import { Id, IsoDate, recordMeta, text } from './common.js';
import { PenaltyParty, PenaltyPartyPublic } from './penalty-party.js';

export const PENALTY_TAGS = ['互联网+执法', '联合执法', '专项整治', '反垄断', '反不正当竞争'] as const;
export const PenaltyTag = z.enum(PENALTY_TAGS).meta({ title: '标签', description: 'Issue 4 item 3; filterable.' });

export const PENALTY_STATUSES = ['published', 'withdrawn', 'expired'] as const;
export const PenaltyStatus = z.enum(PENALTY_STATUSES).meta({
  title: '状态',
  description: 'published = 公示中; withdrawn = 已撤回 (tombstone); expired = 公示期满 (left public lists, kept in the change log).',
});

const FLAGS = new Map(PENALTY_TYPES.map((t) => [t.code as PenaltyTypeCode, t]));
const LICENCE_TYPE_NAMES = PENALTY_TYPES.filter((t) => t.licence).map((t) => t.name).join('/');

/** Fields #14–#25 and #30 as the client sends them (shared with updates and the batch endpoint). */
const decisionFields = {
  decisionNumber: text(128).meta({ title: '行政处罚决定书文号', description: 'CF_WSH. Unique per deciding agency.', example: '示市监处罚〔2024〕12号' }),
  violationType: text(500).meta({ title: '违法行为类型', description: 'CF_WFXW.', example: '销售不符合食品安全标准的食品' }),
  facts: text(20000).meta({ title: '违法事实', description: 'CF_SY. Must not name natural persons other than the party (DOMAIN.md §1.4).' }),
  basis: text(5000).meta({ title: '处罚依据', description: 'CF_YJ. The legal basis as written in the decision; structured links go in citations.' }),
  penaltyTypes: z.array(PenaltyType).min(1).max(PENALTY_TYPES.length).meta({
    title: '处罚类别',
    description: 'CF_CFLB. One or more codes from GET /v1/code-lists/penalty-types, each at most once.',
    example: ['01', '02'],
  }),
  content: text(5000).meta({ title: '处罚内容', description: 'CF_NR.', example: '警告，罚款人民币2000元。' }),
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
  licenceRevoked: text(200).optional().meta({
    title: '暂扣或吊销证照名称及编号',
    description: `CF_NR_ZKDX. Present exactly when a type among ${LICENCE_TYPE_NAMES} is.`,
    example: '食品经营许可证 JY14401010000001',
  }),
  decisionDate: IsoDate.meta({ title: '处罚决定日期', description: 'CF_JDRQ.', example: '2024-03-15' }),
  validUntil: IsoDate.meta({ title: '处罚有效期', description: 'CF_YXQ. Not before the decision date.', example: '2025-03-15' }),
  publicityEndDate: IsoDate.optional().meta({
    title: '公示截止期',
    description: 'CF_GSJZQ. Optional override; by default the server computes it from the publicity rule table.',
  }),
};

type DecisionShape = z.output<z.ZodObject<typeof decisionFields>>;

/** The cross-field rules of §2.1 #18–#25; each issue names the field to fix (becomes errors[].pointer). */
export function checkDecision(d: DecisionShape, ctx: z.RefinementCtx) {
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

const extras = {
  citations: Citations.optional().meta({ title: '依据条款', description: 'Not a national column: links to the cited legal-basis articles, where known.' }),
  remarks: text(2000).optional().meta({ title: '备注', description: 'BZ. Must not carry personal data (address, phone, bank account).' }),
  tags: z.array(PenaltyTag).max(PENALTY_TAGS.length).optional().meta({ title: '标签', description: 'Not a national column.' }),
};

export const PenaltyCreate = z
  .strictObject({
    party: PenaltyParty,
    ...decisionFields,
    agencyId: Id.optional().meta({
      title: '处罚机关',
      description: "Operator only: the deciding agency. A key always publishes for its own agency (naming another is 403). CF_CFJG/CF_CFJGDM and CF_SJLY/CF_SJLYDM are filled by the server.",
    }),
    ...extras,
  })
  .superRefine((d, ctx) => {
    checkDecision(d, ctx);
    const dup = d.tags?.findIndex((t, i) => d.tags!.indexOf(t) !== i) ?? -1;
    if (dup >= 0) ctx.addIssue({ code: 'custom', path: ['tags', dup], message: '标签 is listed twice.' });
  })
  .meta({ id: 'PenaltyCreate', title: '新建行政处罚决定' });
export type PenaltyCreate = z.output<typeof PenaltyCreate>;

const serverAgency = {
  decidingAgencyId: Id.meta({ title: '处罚机关标识' }),
  decidingAgency: z.string().meta({ title: '处罚机关', description: 'CF_CFJG. From the agency record.' }),
  decidingAgencyCreditCode: z.string().meta({ title: '处罚机关统一社会信用代码', description: 'CF_CFJGDM. From the agency record.' }),
  dataSource: z.string().meta({ title: '数据来源单位', description: 'CF_SJLY. The publishing agency, filled by the server.' }),
  dataSourceCreditCode: z.string().meta({ title: '数据来源单位统一社会信用代码', description: 'CF_SJLYDM. Filled by the server.' }),
};

/** The published decision, in national order; no raw ID number can appear in it. */
export const Penalty = z
  .object({
    ...recordMeta,
    status: PenaltyStatus,
    party: PenaltyPartyPublic,
    decisionNumber: z.string().meta(decisionFields.decisionNumber.meta()!),
    violationType: z.string().meta(decisionFields.violationType.meta()!),
    facts: z.string().meta(decisionFields.facts.meta()!),
    basis: z.string().meta(decisionFields.basis.meta()!),
    penaltyTypes: z.array(PenaltyType).meta(decisionFields.penaltyTypes.meta()!),
    content: z.string().meta(decisionFields.content.meta()!),
    fineAmount: z.string().nullable().meta({ title: '罚款金额(元)', description: 'CF_NR_FK. Canonical yuan, 2 decimals.', example: '2000.00' }),
    confiscationAmount: z.string().nullable().meta({ title: '没收违法所得、没收非法财物的金额(元)', description: 'CF_NR_WFFF. Canonical yuan.' }),
    licenceRevoked: z.string().nullable().meta({ title: '暂扣或吊销证照名称及编号', description: 'CF_NR_ZKDX.' }),
    decisionDate: IsoDate.meta({ title: '处罚决定日期', description: 'CF_JDRQ.' }),
    validUntil: IsoDate.meta({ title: '处罚有效期', description: 'CF_YXQ.' }),
    publicityEndDate: IsoDate.meta({ title: '公示截止期', description: 'CF_GSJZQ. As given, or computed from the publicity rule table.' }),
    ...serverAgency,
    remarks: z.string().nullable().meta({ title: '备注', description: 'BZ.' }),
    citations: z.array(Citation).meta({ title: '依据条款' }),
    tags: z.array(PenaltyTag).meta({ title: '标签' }),
  })
  .meta({ id: 'Penalty', title: '行政处罚决定' });
export type Penalty = z.output<typeof Penalty>;
