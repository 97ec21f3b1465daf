/**
 * 行政许可事项 (谁审批谁公示): the items an approving agency decides on, published before any decision (行政许可法
 * arts. 5 and 30; 国办发〔2022〕2号 puts every licence on a 行政许可事项清单 with its 设定和实施依据). Licence
 * decisions (/v1/licences) may name the item they decide; the item's page lists them with their timeliness.
 * Adjusting an item is a new version (动态调整), never a silent edit.
 */
import { z } from 'zod';
import { LICENCE_CATEGORIES, LicenceCategory } from '../codes/licence-categories.js';
import {
  ApprovalChannel,
  ApprovalFee,
  ApprovalMaterial,
  ApprovalStep,
  NegativeListItemCode,
  NegativeListReference,
  noRepeats,
  WebAddress,
} from './approval-item-parts.js';
import { Citation, Citations } from './citations.js';
import { Id, pageQuery, recordMeta } from './common.js';
import { mergePatchFields } from './decision-changes.js';
import { decisionListFilters } from './decision-common.js';
import { guarded, line, prose } from './text.js';

export type { ApprovalChannel, ApprovalFee, ApprovalMaterial, ApprovalStep, NegativeListReference } from './approval-item-parts.js';

const SPECIFY = new Set<string>(LICENCE_CATEGORIES.filter((c) => c.specify).map((c) => c.code));

const ItemCode = guarded('refused')
  .regex(/^[0-9A-Za-z][0-9A-Za-z._-]{0,63}$/, '事项编码: 1-64 letters, digits, ".", "_" or "-", starting with a letter or digit.')
  .meta({ title: '事项编码', description: 'The code the 行政许可事项清单 gives the item, where it gives one; unique among the active items of the agency.', example: 'XK-SC-0012', maxLength: 64 });

const Days = (title: string, description: string) => z.int().min(0).max(365).meta({ title, description });

const ItemStatus = z.enum(['active', 'cancelled']).meta({ title: '状态', description: 'active = 实施中; cancelled = 已取消 (kept with its history and its decisions, never deleted).' });

const fields = {
  code: ItemCode.optional(),
  name: line(300).meta({ title: '事项名称', example: '食品经营许可' }),
  category: LicenceCategory.meta({ ...LicenceCategory.meta(), title: '许可类别' }),
  categoryDetail: line(50).optional().meta({ title: '许可类别(其他)说明', description: 'Required with 许可类别 06 其他, refused otherwise.' }),
  citations: Citations.optional().meta({ title: '设定和实施依据(条款)', description: 'Articles of published legal bases (/v1/legal-bases).' }),
  basisText: prose(5000).optional().meta({
    title: '设定和实施依据',
    description: 'The basis as the list states it (设定依据 and 实施依据). An item needs this text or at least one citation.',
    example: '《中华人民共和国食品安全法》第三十五条',
  }),
  conditions: prose(10000).meta({ title: '许可条件', example: '具有与经营的食品品种、数量相适应的经营场所……' }),
  materials: z.array(ApprovalMaterial).max(200).optional().meta({ title: '申请材料目录' }),
  steps: z.array(ApprovalStep).max(50).optional().meta({ title: '办理流程' }),
  statutoryDays: Days('法定办结时限(工作日)', 'Working days the law allows for the decision (行政许可法 art. 42: 20 unless a law says otherwise; 0 = 当场办结).'),
  promisedDays: Days('承诺办结时限(工作日)', 'Working days the agency promises; not more than the statutory limit (422 otherwise).').optional(),
  fees: z.array(ApprovalFee).max(50).optional().meta({ title: '收费', description: 'Empty or absent = 不收费 (行政许可法 art. 58).' }),
  channels: z.array(ApprovalChannel).min(1).max(2).meta({ title: '办理渠道' }),
  onlineUrl: WebAddress.optional().meta({ title: '网上办理地址', description: 'Only with the channel online.', example: 'https://zwfw.example.gov.cn/item/spjy' }),
  negativeListMeasures: z.array(NegativeListReference).max(50).optional().meta({
    title: '实施的负面清单措施',
    description: 'The 市场准入负面清单 许可准入 items (and measures) this licence implements, by 事项编码.',
  }),
  status: ItemStatus.optional(),
};

type ItemShape = {
  category?: string;
  categoryDetail?: string | undefined;
  citations?: unknown[] | undefined;
  basisText?: string | undefined;
  materials?: { name: string }[] | undefined;
  steps?: { name: string }[] | undefined;
  fees?: { name: string }[] | undefined;
  channels?: string[];
  onlineUrl?: string | undefined;
  negativeListMeasures?: { itemCode: string; measureNo?: number | undefined }[] | undefined;
};

/** The cross-field rules; each issue names the field to fix (errors[].pointer). */
function checkItem(d: ItemShape, ctx: z.RefinementCtx) {
  const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
  const specify = d.category !== undefined && SPECIFY.has(d.category);
  if (specify && d.categoryDetail === undefined) issue(['categoryDetail'], '许可类别 06 其他 must state the specific category in categoryDetail.');
  if (!specify && d.categoryDetail !== undefined) issue(['categoryDetail'], 'categoryDetail is only allowed with 许可类别 06 其他.');
  if (!d.basisText && !d.citations?.length) issue(['basisText'], 'State the 设定和实施依据: as text (basisText) or as cited articles (citations).');
  if (d.onlineUrl !== undefined && !d.channels?.includes('online')) issue(['onlineUrl'], 'onlineUrl is only allowed with the channel online.');
  noRepeats(d.materials, (m) => m.name, 'materials', 'name', ctx);
  noRepeats(d.steps, (s) => s.name, 'steps', 'name', ctx);
  noRepeats(d.fees, (f) => f.name, 'fees', 'name', ctx);
  noRepeats(d.channels, (c) => c, 'channels', null, ctx);
  noRepeats(d.negativeListMeasures, (m) => `${m.itemCode}#${m.measureNo ?? ''}`, 'negativeListMeasures', null, ctx);
}

export const ApprovalItemCreate = z
  .strictObject({ agencyId: Id.optional().meta({ title: '审批机关', description: "A key's own agency by default; the operator must name one." }), ...fields })
  .superRefine(checkItem)
  .meta({ id: 'ApprovalItemCreate', title: '新增行政许可事项' });
export type ApprovalItemCreate = z.output<typeof ApprovalItemCreate>;

export const ApprovalItemPatch = z
  .strictObject(mergePatchFields(fields))
  .meta({ id: 'ApprovalItemPatch', title: '调整行政许可事项', description: 'JSON merge patch (RFC 7396); a list is replaced as a whole; the merged item is checked in full.' });

export const ApprovalItem = z
  .object({
    ...recordMeta,
    status: ItemStatus,
    agencyId: Id.meta({ title: '审批机关', description: 'The approving agency: the only one whose keys may change the item or name it on a licence.' }),
    code: z.string().nullable().meta({ title: '事项编码' }),
    name: z.string().meta({ title: '事项名称' }),
    category: LicenceCategory.meta({ ...LicenceCategory.meta(), title: '许可类别' }),
    categoryName: z.string().optional().meta({ title: '许可类别名称', description: 'The national name of the category. Absent in versions published before names were added.' }),
    categoryDetail: z.string().nullable().meta({ title: '许可类别(其他)说明' }),
    citations: z.array(Citation).meta({ title: '设定和实施依据(条款)' }),
    basisText: z.string().nullable().meta({ title: '设定和实施依据' }),
    conditions: z.string().meta({ title: '许可条件' }),
    materials: z.array(ApprovalMaterial).meta({ title: '申请材料目录' }),
    steps: z.array(ApprovalStep).meta({ title: '办理流程' }),
    statutoryDays: z.int().meta({ title: '法定办结时限(工作日)' }),
    promisedDays: z.int().nullable().meta({ title: '承诺办结时限(工作日)' }),
    fees: z.array(ApprovalFee).meta({ title: '收费' }),
    free: z.boolean().meta({ title: '不收费', description: 'True when no fee is listed.' }),
    channels: z.array(ApprovalChannel).meta({ title: '办理渠道' }),
    onlineUrl: z.string().nullable().meta({ title: '网上办理地址' }),
    negativeListMeasures: z.array(NegativeListReference).meta({ title: '实施的负面清单措施' }),
  })
  .strict()
  .meta({ id: 'ApprovalItem', title: '行政许可事项' });
export type ApprovalItem = z.output<typeof ApprovalItem>;

export const ApprovalItemListQuery = z.strictObject({
  ...pageQuery,
  agencyId: Id.optional().meta({ title: '审批机关' }),
  category: LicenceCategory.optional().meta({ ...LicenceCategory.meta(), title: '许可类别' }),
  channel: ApprovalChannel.optional(),
  negativeListItem: NegativeListItemCode.optional().meta({ ...NegativeListItemCode.meta(), title: '负面清单事项编码', description: 'Items implementing this 市场准入负面清单 item.' }),
  status: ItemStatus.optional(),
  q: line(100).optional().meta({ title: '检索词', description: 'Chinese search over 事项名称, 编码, 依据, 条件 and 材料. Ranked.' }),
});
export type ApprovalItemListQuery = z.output<typeof ApprovalItemListQuery>;

/** The decisions of the item's agency naming it: on display (default) or the notices of withdrawn ones. */
export const ApprovalItemLicenceQuery = z
  .strictObject({
    ...pageQuery,
    status: z.enum(['published', 'withdrawn']).default('published').meta({ title: '状态', description: 'published (default): on display. withdrawn: notices of withdrawn decisions.' }),
    decidedFrom: decisionListFilters.decidedFrom,
    decidedTo: decisionListFilters.decidedTo,
    late: decisionListFilters.late,
  })
  .refine((q) => !q.decidedFrom || !q.decidedTo || q.decidedFrom <= q.decidedTo, { path: ['decidedTo'], message: 'decidedTo is before decidedFrom.' });
export type ApprovalItemLicenceQuery = z.output<typeof ApprovalItemLicenceQuery>;

export const ApprovalItemCountQuery = z
  .strictObject({ decidedFrom: decisionListFilters.decidedFrom, decidedTo: decisionListFilters.decidedTo })
  .refine((q) => !q.decidedFrom || !q.decidedTo || q.decidedFrom <= q.decidedTo, { path: ['decidedTo'], message: 'decidedTo is before decidedFrom.' });
export type ApprovalItemCountQuery = z.output<typeof ApprovalItemCountQuery>;
