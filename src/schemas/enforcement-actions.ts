/**
 * Other enforcement actions (行政检查, 行政强制 and the rest of the 职权类型 list): 事后公开 of 执法机关、执法对象、
 * 执法类别、执法结论 (国办发〔2018〕118号; local rules add 案件事实), due 20 working days after the action
 * (docs/fields.md#action-items, docs/deadlines-and-calendar.md). There is no national column set for these, so
 * descriptions name the 118号 item instead of a column code.
 * 行政许可 and 行政处罚 have their own resources (./licences.ts, ./penalties.ts).
 *
 * 执法对象 is published by name only: there is no ID-number slot (a natural person's 证件号码 must not be
 * published, docs/personal-data.md#never-published), and the strict object refuses any unknown field by name.
 */
import { z } from 'zod';
import { PartyCategory } from '../codes/party-categories.js';
import { POWER_TYPES, type PowerTypeCode } from '../codes/power-types.js';
import { creditCodeMessages, creditCodeProblem, isCreditCode } from '../lib/credit-code.js';
import { isIndividualBusinessPlaceholder } from '../lib/party-codes.js';
import { decisionDateField, Id, IsoDate, Page, recordMeta } from './common.js';
import { guarded, line, prose } from './text.js';
import {
  checkClaimedPublication,
  checkExtras,
  DecisionNotice,
  decisionExtras,
  decisionExtrasPublic,
  decisionListFilters,
  Timeliness,
} from './decision-common.js';
import { CorrectionCreate, mergePatchFields } from './decision-changes.js';
import { enforcementActionExample } from './decision-examples.js';

/** Decisions with their own resources: 01 行政许可 (/licences), 02 行政处罚 (/penalties). */
const OWN_RESOURCE = new Set<string>(['01', '02']);
type ActionTypeCode = Exclude<PowerTypeCode, '01' | '02'>;
const ACTION_TYPES = POWER_TYPES.filter((t) => !OWN_RESOURCE.has(t.code));
const ACTION_TYPE_CODES = ACTION_TYPES.map((t) => t.code) as [ActionTypeCode, ...ActionTypeCode[]];
const actionTypeLegend = ACTION_TYPES.map((t) => `${t.code} ${t.name}`).join(', ');

// z.literal, not z.enum: keeps the codes in list order (see src/codes/power-types.ts).
export const ActionType = z
  .literal(ACTION_TYPE_CODES, {
    error: `执法类别 must be a 职权类型 code among ${actionTypeLegend}. 01 行政许可 and 02 行政处罚 are published as licences and penalties, not here.`,
  })
  .meta({
    title: '执法类别',
    description: `执法类别 (国办发〔2018〕118号: 事后公开 of 执法机关、执法对象、执法类别、执法结论): a 职权类型 code (GET /v1/code-lists/power-types) other than 01 行政许可 and 02 行政处罚, which have their own resources: ${actionTypeLegend}.`,
    example: '06',
  });

const NATURAL_PERSON = '02';

const targetFields = {
  name: line(200).meta({ title: '执法对象名称', description: '执法对象, as 国办发〔2018〕118号 lists it for 事后公开. A natural person is published by name only.', example: '示例市某某餐饮有限公司' }),
  category: PartyCategory.meta({ ...PartyCategory.meta(), title: '执法对象类别' }),
  creditCode: guarded('refused', { provenCode: isCreditCode }).max(18).optional().meta({
    title: '执法对象统一社会信用代码',
    description: 'GB 32100 code, both check characters verified. Not for a 自然人; the 个体工商户 placeholder 00000000000000000X is not accepted: leave the field out.',
    example: '91440101MA59TEST4X',
  }),
};

type TargetShape = z.output<z.ZodObject<typeof targetFields>>;

function checkTarget(t: TargetShape, ctx: z.RefinementCtx) {
  if (t.creditCode === undefined) return;
  const issue = (message: string) => ctx.addIssue({ code: 'custom', path: ['creditCode'], message });
  if (t.category === NATURAL_PERSON) issue('A 自然人 has no 统一社会信用代码: leave creditCode out.');
  else if (isIndividualBusinessPlaceholder(t.creditCode)) issue('The placeholder 00000000000000000X is not accepted for an 执法对象: leave creditCode out.');
  else {
    const problem = creditCodeProblem(t.creditCode);
    if (problem) issue(creditCodeMessages[problem]);
  }
}

const EnforcementTarget = z.strictObject(targetFields).superRefine(checkTarget).meta({
  id: 'EnforcementTarget',
  title: '执法对象',
  description: 'Name, category and (for organisations) the credit code. No ID-number field: unknown fields are refused.',
});

/** The action's own fields as the client sends them (shared with corrections). */
const enforcementActionFields = {
  actionType: ActionType,
  target: EnforcementTarget,
  actionDate: decisionDateField({ title: '执法日期', description: 'The date of the decision or action; the 20-working-day limit runs from it.', example: '2024-03-15' }),
  conclusion: prose(5000).meta({ title: '执法结论', description: '执法结论, as 国办发〔2018〕118号 lists it for 事后公开.', example: '检查未发现违法行为。' }),
  facts: prose(20000).optional().meta({
    title: '案件事实',
    description: '案件事实, which local 行政执法公示 rules add to the items of 国办发〔2018〕118号. Must not name natural persons other than the target (个人信息保护法 arts. 25 and 34).',
  }),
  documentNumber: line(128).optional().meta({ title: '执法文书号', description: 'The number of the 执法文书, where one was issued.', example: '示市监检〔2024〕8号' }),
};

export const EnforcementActionCreate = z
  .strictObject({
    ...enforcementActionFields,
    agencyId: Id.optional().meta({
      title: '执法机关',
      description: 'Operator only: the acting agency. A key always publishes for its own agency (naming another is 403); the name and credit code are filled by the server.',
    }),
    ...decisionExtras,
  })
  .superRefine((d, ctx) => {
    checkExtras(d, ctx);
    checkClaimedPublication(d.actionDate, d.claimedPublishedAt, ctx);
  })
  .meta({ id: 'EnforcementActionCreate', title: '新建执法决定信息', examples: [enforcementActionExample] });
export type EnforcementActionCreate = z.output<typeof EnforcementActionCreate>;

/** A partial 执法对象 for corrections; the merged target is checked in full by the domain. */
const EnforcementTargetPatch = z
  .strictObject(mergePatchFields(targetFields))
  .meta({ title: '执法对象(更正)', description: 'Only the fields to change; null removes creditCode. Unknown fields are refused.' });

/**
 * JSON merge patch of a published action (the `changes` of a correction). The agency cannot change.
 * Strict, no cross-field rules: the domain applies the patch and re-checks the merged record.
 */
export const EnforcementActionPatch = z
  .strictObject({
    ...mergePatchFields({ ...enforcementActionFields, ...decisionExtras }),
    target: EnforcementTargetPatch.optional(),
  })
  .meta({ id: 'EnforcementActionPatch', title: '更正执法决定信息' });
export type EnforcementActionPatch = z.output<typeof EnforcementActionPatch>;

export const EnforcementTargetPublic = z
  .object({
    name: z.string().meta(targetFields.name.meta()!),
    category: targetFields.category,
    categoryName: z.string().optional().meta({ title: '执法对象类别名称', description: 'The national name of the category. Absent in versions published before names were added.' }),
    creditCode: z.string().nullable().meta({ title: '执法对象统一社会信用代码' }),
  })
  .meta({ id: 'EnforcementTargetPublic', title: '执法对象' });

/** The published action. */
export const EnforcementAction = z
  .object({
    ...recordMeta,
    status: z.literal('published').meta({ title: '状态', description: 'published = 公示中.' }),
    actionType: ActionType,
    actionTypeName: z.string().meta({ title: '执法类别名称', description: 'The 职权类型 name of actionType (GET /v1/code-lists/power-types).' }),
    target: EnforcementTargetPublic,
    actionDate: IsoDate.meta({ title: '执法日期' }),
    conclusion: z.string().meta({ title: '执法结论' }),
    facts: z.string().nullable().meta({ title: '案件事实' }),
    documentNumber: z.string().nullable().meta({ title: '执法文书号' }),
    agencyId: Id.meta({ title: '执法机关标识' }),
    agency: z.string().meta({ title: '执法机关', description: '执法机关, as 国办发〔2018〕118号 lists it for 事后公开. From the agency record.' }),
    agencyCreditCode: z.string().meta({ title: '执法机关统一社会信用代码', description: 'From the agency record.' }),
    ...decisionExtrasPublic,
    timeliness: Timeliness,
  })
  .meta({ id: 'EnforcementAction', title: '执法决定信息' });
export type EnforcementAction = z.output<typeof EnforcementAction>;

export const EnforcementActionListQuery = z
  .strictObject({
    ...decisionListFilters,
    status: z.enum(['published', 'withdrawn']).default('published').meta({
      title: '状态',
      description: 'published (default): on display. withdrawn: the notices (no content) of withdrawn actions.',
    }),
    actionType: ActionType.optional().meta({ title: '执法类别' }),
    target: line(200).optional().meta({ title: '执法对象', description: 'An 18-character 统一社会信用代码 (exact) or part of the target name.' }),
  })
  .refine((q) => !q.decidedFrom || !q.decidedTo || q.decidedFrom <= q.decidedTo, { path: ['decidedTo'], message: 'decidedTo is before decidedFrom.' });
export type EnforcementActionListQuery = z.output<typeof EnforcementActionListQuery>;

export const EnforcementActionBatch = z
  .strictObject({
    items: z.array(EnforcementActionCreate).min(1).max(1000).meta({ title: '执法决定列表', description: '1 to 1,000 actions, written all-or-nothing.' }),
  })
  .meta({ id: 'EnforcementActionBatch', title: '批量报送执法决定信息' });

export const EnforcementActionCorrection = CorrectionCreate(EnforcementActionPatch, 'EnforcementActionCorrection');
export type EnforcementActionCorrection = z.output<typeof EnforcementActionCorrection>;

export const EnforcementActionOrNotice = z
  .union([EnforcementAction, DecisionNotice])
  .meta({ id: 'EnforcementActionOrNotice', title: '执法决定信息或停止公示说明' });
export const EnforcementActionPage = Page(EnforcementActionOrNotice, 'EnforcementActionPage', '执法决定信息列表');
