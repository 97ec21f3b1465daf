import { INSPECTION_METHODS, InspectionMethod } from '../codes/inspection-methods.js';
import { RISK_CLASSES, RiskClass } from '../codes/risk-classes.js';
import { z } from 'zod';
import { ID_DOCUMENT_TYPES, IdDocumentType } from '../codes/id-document-types.js';
import { INSPECTION_RESULTS, InspectionResult } from '../codes/inspection-results.js';
import { LICENCE_CATEGORIES, LicenceCategory } from '../codes/licence-categories.js';
import { PARTY_CATEGORY_LIST, PartyCategory } from '../codes/party-categories.js';
import { PENALTY_CATEGORIES, PENALTY_TYPES, PenaltyType } from '../codes/penalty-types.js';
import { POWER_TYPES } from '../codes/power-types.js';
import { defineRoute, type AnyRoute } from '../registry.js';
import { WITHDRAWAL_REASONS, WithdrawalReason } from '../schemas/decision-common.js';
import { PowerTypeList } from '../schemas/powers.js';
import { etagHeaderSpec } from './links.js';

/**
 * 代码表: every code list the API publishes, each kept as data in src/codes/. One route per list, so each
 * has its exact entry schema in the spec; GET /v1/code-lists is the index. An unknown list name is no
 * route, hence a 404 problem.
 */

const tag = 'code-lists';
const name = z.string().meta({ title: '名称' });
const specify = z.boolean().meta({ title: '须注明具体内容', description: 'The value must state the specific kind (free text).' });
const note = z.string().meta({ title: '说明' });
const list = (id: string, title: string, item: z.ZodType) =>
  z.object({ items: z.array(item).meta({ title: '代码列表' }) }).meta({ id, title });

const PenaltyTypeList = list(
  'PenaltyTypeList',
  '处罚类别代码表',
  z
    .object({
      code: PenaltyType,
      name,
      category: z
        .number()
        .int()
        .min(1)
        .max(6)
        .meta({
          title: '行政处罚法第九条项',
          description: `Item of 行政处罚法 (2021) art. 9: ${PENALTY_CATEGORIES.map((c) => `${c.category} ${c.name}`).join('; ')}.`,
          example: 2,
        }),
      fine: z.boolean().meta({ title: '罚款', description: 'A decision of this type states 罚款金额（万元）.' }),
      confiscation: z.boolean().meta({ title: '没收', description: 'A decision of this type states 没收违法所得、没收非法财物的金额（万元）.' }),
      licence: z.boolean().meta({ title: '涉及证照', description: 'A decision of this type states 暂扣或吊销证照名称及编号.' }),
    })
    .meta({ id: 'PenaltyTypeItem', title: '处罚类别' }),
);

const PartyCategoryList = list(
  'PartyCategoryList',
  '行政相对人类别代码表',
  z.object({ code: PartyCategory, name, note }).meta({ id: 'PartyCategoryItem', title: '行政相对人类别' }),
);

const IdDocumentTypeList = list(
  'IdDocumentTypeList',
  '证件类型代码表',
  z.object({ code: IdDocumentType, name, specify, note: note.optional() }).meta({ id: 'IdDocumentTypeItem', title: '证件类型' }),
);

const LicenceCategoryList = list(
  'LicenceCategoryList',
  '许可类别代码表',
  z.object({ code: LicenceCategory, name, specify, note: note.optional() }).meta({ id: 'LicenceCategoryItem', title: '许可类别' }),
);

const InspectionResultList = list(
  'InspectionResultList',
  '检查结果代码表',
  z
    .object({
      code: InspectionResult,
      name,
      abnormalList: z.boolean().meta({ title: '列入经营异常名录', description: 'This result leads to the 经营异常名录.' }),
    })
    .meta({ id: 'InspectionResultItem', title: '检查结果' }),
);

const InspectionMethodList = list('InspectionMethodList', '抽查方式代码表', z.object({ code: InspectionMethod, name }).meta({ id: 'InspectionMethodItem', title: '抽查方式' }));
const RiskClassList = list('RiskClassList', '信用风险分类代码表', z.object({ code: RiskClass, name }).meta({ id: 'RiskClassItem', title: '信用风险分类' }));

const WithdrawalReasonList = list(
  'WithdrawalReasonList',
  '撤回原因类别代码表',
  z.object({ code: WithdrawalReason, name }).meta({ id: 'WithdrawalReasonItem', title: '撤回原因类别' }),
);

interface CodeList {
  name: string;
  title: string;
  operationId: string;
  description: string;
  schema: z.ZodType;
  entries: readonly object[];
}

/** Every published code list, in index order. */
const CODE_LISTS: readonly CodeList[] = [
  {
    name: 'power-types',
    title: '职权类型',
    operationId: 'listPowerTypes',
    description: 'The ten 职权类型 of a 权责清单 item: numeric code, name and two-letter code.',
    schema: PowerTypeList,
    entries: POWER_TYPES,
  },
  {
    name: 'penalty-types',
    title: '处罚类别',
    operationId: 'listPenaltyTypes',
    description:
      'The kinds of penalty of 行政处罚法 (2021) art. 9, coded as in the provincial 双公示 aggregation, with their art. 9 item and the amounts or licence they require.',
    schema: PenaltyTypeList,
    entries: PENALTY_TYPES,
  },
  {
    name: 'party-categories',
    title: '行政相对人类别',
    operationId: 'listPartyCategories',
    description: 'The three 行政相对人类别 of the 双公示 format and the identifiers each needs.',
    schema: PartyCategoryList,
    entries: PARTY_CATEGORY_LIST,
  },
  {
    name: 'id-document-types',
    title: '证件类型',
    operationId: 'listIdDocumentTypes',
    description: 'The 证件类型 of a natural person or legal representative; 99 stands for free text "其他-<证件名称>".',
    schema: IdDocumentTypeList,
    entries: ID_DOCUMENT_TYPES,
  },
  {
    name: 'licence-categories',
    title: '许可类别',
    operationId: 'listLicenceCategories',
    description: 'The 许可类别 of an administrative licence; 其他 must state the specific category.',
    schema: LicenceCategoryList,
    entries: LICENCE_CATEGORIES,
  },
  {
    name: 'inspection-results',
    title: '检查结果',
    operationId: 'listInspectionResults',
    description: 'Results of a market-regulation inspection (provincial implementation codes), with those that lead to the 经营异常名录.',
    schema: InspectionResultList,
    entries: INSPECTION_RESULTS,
  },
  {
    name: 'inspection-methods',
    title: '抽查方式',
    operationId: 'listInspectionMethods',
    description: 'How a random-selection item is inspected (企业信息公示暂行条例 art. 14: 书面检查、实地核查、网络监测, professional firms), plus 抽样检验; codes are Gongshi’s own.',
    schema: InspectionMethodList,
    entries: INSPECTION_METHODS,
  },
  {
    name: 'risk-classes',
    title: '信用风险分类',
    operationId: 'listRiskClasses',
    description: 'The four 企业信用风险分类 of 国市监信发〔2022〕6号 (A 低, B 一般, C 较高, D 高), by which a task may set a sample per class.',
    schema: RiskClassList,
    entries: RISK_CLASSES,
  },
  {
    name: 'withdrawal-reasons',
    title: '撤回原因类别',
    operationId: 'listWithdrawalReasons',
    description: 'Why a published decision is withdrawn (行政处罚法 art. 48 ¶2): 变更, 撤销, 确认违法, 确认无效.',
    schema: WithdrawalReasonList,
    entries: WITHDRAWAL_REASONS,
  },
];

const CodeListSummary = z
  .object({
    name: z.enum(CODE_LISTS.map((l) => l.name) as [string, ...string[]]).meta({ title: '代码表名称', description: 'Path segment under /v1/code-lists/.', example: 'penalty-types' }),
    title: z.string().meta({ title: '代码表标题', example: '处罚类别' }),
    count: z.number().int().min(0).meta({ title: '条目数', example: 14 }),
  })
  .meta({ id: 'CodeListSummary', title: '代码表' });

const CodeListIndex = z.object({ items: z.array(CodeListSummary).meta({ title: '代码表列表' }) }).meta({ id: 'CodeListIndex', title: '代码表目录' });

export const codeListRoutes: AnyRoute[] = [
  defineRoute({
    method: 'get',
    path: '/v1/code-lists',
    operationId: 'listCodeLists',
    summary: '代码表目录',
    description: 'Every code list the API publishes: its name (GET /v1/code-lists/{name}), title and number of entries.',
    tag,
    responses: { 200: { description: 'The index of code lists.', schema: CodeListIndex, headers: etagHeaderSpec } },
    handler: async () => ({
      status: 200 as const,
      body: { items: CODE_LISTS.map((l) => ({ name: l.name, title: l.title, count: l.entries.length })) },
    }),
  }),
  ...CODE_LISTS.map((l) =>
    defineRoute({
      method: 'get',
      path: `/v1/code-lists/${l.name}`,
      operationId: l.operationId,
      summary: `${l.title}代码表`,
      description: l.description,
      tag,
      responses: { 200: { description: 'The code list, in order.', schema: l.schema, headers: etagHeaderSpec } },
      handler: async () => ({ status: 200 as const, body: { items: l.entries.map((e) => ({ ...e })) } }),
    }),
  ),
];
