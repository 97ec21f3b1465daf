/**
 * 行政许可 decisions in the national 双公示 field set (docs/fields.md#licence-fields, fields #1–#28 in order; #1–#13 are the
 * party block shared with penalties, ./penalty-party.ts). Each property's title is the national Chinese field
 * name and its description starts with the national column code.
 *
 * Server-filled, never client-chosen (谁执法谁公示): #23–#24 许可机关 and its credit code come from the owning
 * agency (a key's own agency; the operator names `agencyId`), #26–#27 数据来源单位 likewise.
 * Publication is due 7 working days after 许可决定日期 (发改办财金〔2018〕424号; docs/deadlines-and-calendar.md).
 */
import { z } from 'zod';
import { LICENCE_CATEGORIES, LicenceCategory } from '../codes/licence-categories.js';
import { decisionDateField, Id, IsoDate, Page, recordMeta } from './common.js';
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
import { licenceExample } from './decision-examples.js';
import { CorrectionCreate, mergePatchFields, PenaltyPartyPatch } from './decision-changes.js';

const SPECIFY = new Set<string>(LICENCE_CATEGORIES.filter((c) => c.specify).map((c) => c.code));
const SPECIFY_LEGEND = LICENCE_CATEGORIES.filter((c) => c.specify).map((c) => `${c.code} ${c.name}`).join('/');

const LICENCE_STATES = ['valid', 'invalid'] as const;
export const LicenceState = z.enum(LICENCE_STATES).meta({
  title: '当前状态',
  description: 'XK_ZT. valid = 有效, invalid = 无效 (the national 双公示 template\'s code values for 当前状态 are not confirmed, so exports write the names).',
  example: 'valid',
});

/** Fields #14–#22 and #25 as the client sends them (shared with corrections). */
const licenceFields = {
  documentTitle: line(200).meta({
    title: '行政许可决定文书名称',
    description: 'XK_XKWS. The title of the decision document.',
    example: '示例市市场监督管理局关于示例市某某贸易有限公司食品经营许可的决定',
  }),
  decisionNumber: line(128).meta({
    title: '行政许可决定文书号',
    description: 'XK_WSH. Unique per licensing agency. If the decision has no document number, the 许可编号.',
    example: '示市监许〔2024〕35号',
  }),
  category: LicenceCategory.meta({ ...LicenceCategory.meta(), title: '许可类别', description: `XK_XKLB. ${LicenceCategory.meta()?.description ?? ''}` }),
  categoryDetail: line(50).optional().meta({
    title: '许可类别(其他)说明',
    description: `XK_XKLB, continued: the specific category. Required when 许可类别 is ${SPECIFY_LEGEND}, refused otherwise.`,
    example: '备案',
  }),
  certificateName: line(200).optional().meta({ title: '许可证书名称', description: 'XK_XKZS.', example: '食品经营许可证' }),
  licenceNumber: line(100).optional().meta({ title: '许可编号', description: 'XK_XKBH.', example: 'JY14401010000001' }),
  content: prose(5000).meta({ title: '许可内容', description: 'XK_NR. The main content of the decision.', example: '准予食品经营许可，经营项目：预包装食品销售。' }),
  decisionDate: decisionDateField({ title: '许可决定日期', description: 'XK_JDRQ.', example: '2024-03-15' }),
  validFrom: IsoDate.meta({ title: '有效期自', description: 'XK_YXQZ. May precede 许可决定日期 (e.g. a renewal).', example: '2024-03-15' }),
  validTo: IsoDate.meta({ title: '有效期至', description: 'XK_YXQZI. Not before 有效期自 nor 许可决定日期.', example: '2029-03-14' }),
  state: LicenceState.optional().meta({
    title: '当前状态',
    description: 'XK_ZT. valid = 有效, invalid = 无效. When omitted the server stores valid (有效).',
    example: 'valid',
  }),  approvalItemId: Id.optional().meta({
    title: '行政许可事项',
    description:
      'Not a national column: the approval item decided (/v1/approval-items), an active item of the licensing agency itself (422 for an unknown, cancelled or other agency\'s item). Its page lists the decision.',
  }),
};

type LicenceShape = z.output<z.ZodObject<typeof licenceFields>>;

/** The cross-field rules of national fields #16 and #20–#22; each issue names the field to fix (becomes errors[].pointer). */
function checkLicence(d: LicenceShape, ctx: z.RefinementCtx) {
  const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
  const specify = SPECIFY.has(d.category);
  if (specify && d.categoryDetail === undefined) issue(['categoryDetail'], `许可类别 ${SPECIFY_LEGEND} must state the specific category in categoryDetail.`);
  if (!specify && d.categoryDetail !== undefined) issue(['categoryDetail'], `categoryDetail is only allowed with 许可类别 ${SPECIFY_LEGEND}.`);
  // ISO dates compare correctly as strings. One issue per field: the first rule broken.
  if (d.validTo < d.validFrom) issue(['validTo'], '有效期至 must not be before 有效期自.');
  else if (d.validTo < d.decisionDate) issue(['validTo'], '有效期至 must not be before 许可决定日期.');
}

export const LicenceCreate = z
  .strictObject({
    party: PenaltyParty,
    ...licenceFields,
    agencyId: Id.optional().meta({
      title: '许可机关',
      description:
        'Operator only: the licensing agency. A key always publishes for its own agency (naming another is 403). XK_XKJG/XK_XKJGDM and XK_SJLY/XK_SJLYDM are filled by the server.',
    }),
    ...decisionExtras,
  })
  .superRefine((d, ctx) => {
    checkLicence(d, ctx);
    checkExtras(d, ctx);
    checkClaimedPublication(d.decisionDate, d.claimedPublishedAt, ctx);
  })
  .meta({ id: 'LicenceCreate', title: '新建行政许可决定', examples: [licenceExample] });
export type LicenceCreate = z.output<typeof LicenceCreate>;

/**
 * JSON merge patch of a published licence (the `changes` of a correction). The licensing agency cannot change.
 * Strict, no cross-field rules: the domain applies the patch and re-checks the merged record (checkLicence,
 * checkParty, checkExtras).
 */
export const LicencePatch = z
  .strictObject({
    party: PenaltyPartyPatch.optional(),
    ...mergePatchFields({ ...licenceFields, ...decisionExtras }),
    // Always stored (omitted = valid on create), so a correction may change it but not remove it.
    state: LicenceState.optional().meta({ title: '当前状态', description: 'XK_ZT. valid = 有效, invalid = 无效. Cannot be null.' }),
  })
  .meta({ id: 'LicencePatch', title: '更正行政许可决定' });
export type LicencePatch = z.output<typeof LicencePatch>;

const nullableText = (field: { meta(): Record<string, unknown> | undefined }) => z.string().nullable().meta(field.meta()!);

/** The published decision, in national order; no raw ID number can appear in it. */
export const Licence = z
  .object({
    ...recordMeta,
    status: z.literal('published').meta({ title: '状态', description: 'published = 公示中.' }),
    party: PenaltyPartyPublic,
    documentTitle: z.string().meta(licenceFields.documentTitle.meta()!),
    decisionNumber: z.string().meta(licenceFields.decisionNumber.meta()!),
    category: licenceFields.category,
    categoryName: z.string().optional().meta({ title: '许可类别名称', description: 'The national name of the category. Absent in versions published before names were added.' }),
    categoryDetail: nullableText(licenceFields.categoryDetail),
    certificateName: nullableText(licenceFields.certificateName),
    licenceNumber: nullableText(licenceFields.licenceNumber),
    content: z.string().meta(licenceFields.content.meta()!),
    decisionDate: IsoDate.meta({ title: '许可决定日期', description: 'XK_JDRQ.' }),
    validFrom: IsoDate.meta({ title: '有效期自', description: 'XK_YXQZ.' }),
    validTo: IsoDate.meta({ title: '有效期至', description: 'XK_YXQZI.' }),
    licensingAgencyId: Id.meta({ title: '许可机关标识' }),
    licensingAgency: z.string().meta({ title: '许可机关', description: 'XK_XKJG. From the agency record.' }),
    licensingAgencyCreditCode: z.string().meta({ title: '许可机关统一社会信用代码', description: 'XK_XKJGDM. From the agency record.' }),
    state: LicenceState,
    dataSource: z.string().meta({ title: '数据来源单位', description: 'XK_SJLY. The publishing agency, filled by the server.' }),
    dataSourceCreditCode: z.string().meta({ title: '数据来源单位统一社会信用代码', description: 'XK_SJLYDM. Filled by the server.' }),
    approvalItemId: Id.nullable().meta({ title: '行政许可事项', description: 'Not a national column: the approval item decided (/v1/approval-items), or null.' }),
    ...decisionExtrasPublic,
    timeliness: Timeliness,
  })
  .meta({ id: 'Licence', title: '行政许可决定' });
export type Licence = z.output<typeof Licence>;

export const LicenceCorrection = CorrectionCreate(LicencePatch, 'LicenceCorrection');
export type LicenceCorrection = z.output<typeof LicenceCorrection>;

export const LicenceBatch = z
  .strictObject({ items: z.array(LicenceCreate).min(1).max(1000).meta({ title: '决定列表', description: '1 to 1,000 decisions, written all-or-nothing.' }) })
  .meta({ id: 'LicenceBatch', title: '批量报送行政许可决定' });

export const LicenceListQuery = z
  .strictObject({
    ...decisionListFilters,
    status: z.enum(['published', 'withdrawn']).default('published').meta({
      title: '状态',
      description: 'published (default): on display. withdrawn: notices (no content) of withdrawn decisions.',
    }),
    party: line(200).optional().meta({ title: '行政相对人', description: 'An 18-character 统一社会信用代码 (exact) or part of the party name.' }),
    decisionNumber: line(128).optional().meta({ title: '行政许可决定文书号', description: 'Exact.' }),
    category: LicenceCategory.optional().meta({ ...LicenceCategory.meta(), title: '许可类别' }),
    state: LicenceState.optional(),
    approvalItemId: Id.optional().meta({ title: '行政许可事项', description: 'Decisions naming this approval item.' }),
  })
  .refine((q) => !q.decidedFrom || !q.decidedTo || q.decidedFrom <= q.decidedTo, { path: ['decidedTo'], message: 'decidedTo is before decidedFrom.' });
export type LicenceListQuery = z.output<typeof LicenceListQuery>;

export const LicenceOrNotice = z.union([Licence, DecisionNotice]).meta({ id: 'LicenceOrNotice', title: '行政许可决定或停止公示说明' });
export const LicencePage = Page(LicenceOrNotice, 'LicencePage', '行政许可决定列表');
