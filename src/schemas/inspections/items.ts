import { z } from 'zod';
import { InspectionMethod } from '../../codes/inspection-methods.js';
import { mergePatchFields } from '../decision-changes.js';
import { Citation, Citations } from '../citations.js';
import { Id, pageQuery, recordMeta } from '../common.js';
import { guarded, line, prose } from '../text.js';
import { BasisPoints, ObjectType, uniqueIds } from './shared.js';

/*
 * 随机抽查事项清单 (一单): what an agency may inspect by random selection, on what basis, how and how often
 * (国发〔2019〕5号; 国市监信〔2019〕38号). A 部门联合抽查事项 names its initiating agency (the owner) and the
 * cooperating ones. Adjusting the list is a new version (动态调整), never a silent edit.
 */

const ItemCode = guarded('refused')
  .regex(/^[0-9A-Za-z][0-9A-Za-z._-]{0,63}$/, '事项编码: 1-64 letters, digits, ".", "_" or "-", starting with a letter or digit.')
  .meta({ title: '事项编码', description: 'Unique within the agency.', example: 'SC-2026-001', maxLength: 64 });

const SubItem = z
  .strictObject({ code: ItemCode.meta({ title: '子项编码', example: 'SC-2026-001-01' }), name: line(300).meta({ title: '检查子项' }) })
  .meta({ id: 'InspectionSubItem', title: '检查子项' });

const ITEM_CATEGORIES = ['general', 'key'] as const;
const ItemCategory = z.enum(ITEM_CATEGORIES).meta({
  title: '事项类别',
  description: 'general = 一般检查事项 (the sample ratio is strictly limited); key = 重点检查事项 (safety, quality and public-interest fields; no upper limit on the ratio).',
});
const ItemStatus = z.enum(['active', 'cancelled']).meta({ title: '状态', description: 'active = 有效; cancelled = 已取消 (kept with its history, never deleted).' });

const fields = {
  code: ItemCode,
  name: line(300).meta({ title: '抽查事项', example: '食品经营者经营条件检查' }),
  subItems: z.array(SubItem).max(200).optional().meta({ title: '检查子项' }),
  citations: Citations.optional().meta({ title: '抽查依据', description: 'Articles of published legal bases (/v1/legal-bases).' }),
  basisText: prose(2000).optional().meta({ title: '抽查依据(文本)', description: 'The basis as the list states it, when the text is not published as a legal basis.' }),
  objectType: ObjectType,
  content: prose(2000).meta({ title: '抽查内容', example: '经营许可、从业人员健康管理、进货查验记录' }),
  methods: z.array(InspectionMethod).min(1).max(5).meta({ title: '抽查方式' }),
  category: ItemCategory,
  ratioBasisPoints: BasisPoints.optional(),
  frequency: line(100).optional().meta({ title: '抽查频次', example: '每年不少于1次' }),
  cooperatingAgencyIds: uniqueIds({ title: '配合部门', description: 'For a 部门联合抽查事项: the cooperating agencies; the owning agency initiates (发起部门).' }).optional(),
  status: ItemStatus.optional(),
};

function checkItem(item: { subItems?: { code: string }[] | undefined; methods?: string[] | undefined }, ctx: z.RefinementCtx) {
  const codes = new Set<string>();
  item.subItems?.forEach((s, i) => {
    if (codes.has(s.code)) ctx.addIssue({ code: 'custom', path: ['subItems', i, 'code'], message: 'Another 子项 already has this code.' });
    codes.add(s.code);
  });
  const methods = new Set<string>();
  item.methods?.forEach((m, i) => {
    if (methods.has(m)) ctx.addIssue({ code: 'custom', path: ['methods', i], message: 'Listed twice.' });
    methods.add(m);
  });
}

export const InspectionItemCreate = z
  .strictObject({ agencyId: Id.optional().meta({ title: '抽查主体', description: "A key's own agency by default; the operator must name one." }), ...fields })
  .superRefine(checkItem)
  .meta({ title: '新增随机抽查事项' });
export type InspectionItemCreate = z.output<typeof InspectionItemCreate>;

export const InspectionItemPatch = z.strictObject(mergePatchFields(fields)).meta({ title: '调整随机抽查事项', description: 'JSON merge patch (RFC 7396); the merged item is checked in full.' });

export const InspectionItem = z
  .object({
    ...recordMeta,
    status: ItemStatus,
    agencyId: Id.meta({ title: '抽查主体', description: 'The owning agency; for a joint item the initiating agency (发起部门).' }),
    code: z.string().meta({ title: '事项编码' }),
    name: z.string().meta({ title: '抽查事项' }),
    subItems: z.array(z.object({ code: z.string().meta({ title: '子项编码' }), name: z.string().meta({ title: '检查子项' }) })).meta({ title: '检查子项' }),
    citations: z.array(Citation).meta({ title: '抽查依据' }),
    basisText: z.string().nullable().meta({ title: '抽查依据(文本)' }),
    objectType: ObjectType,
    content: z.string().meta({ title: '抽查内容' }),
    methods: z.array(InspectionMethod).meta({ title: '抽查方式' }),
    methodNames: z.array(z.string()).meta({ title: '抽查方式名称' }),
    category: ItemCategory,
    ratioBasisPoints: z.int().nullable().meta({ title: '抽查比例(万分比)' }),
    frequency: z.string().nullable().meta({ title: '抽查频次' }),
    joint: z.boolean().meta({ title: '部门联合抽查事项', description: 'True when cooperating agencies are named.' }),
    cooperatingAgencyIds: z.array(Id).meta({ title: '配合部门' }),
  })
  .strict()
  .meta({ id: 'InspectionItem', title: '随机抽查事项' });
export type InspectionItem = z.output<typeof InspectionItem>;

export const InspectionItemListQuery = z.strictObject({
  ...pageQuery,
  agencyId: Id.optional().meta({ title: '抽查主体', description: 'Items this agency initiates or cooperates in.' }),
  category: ItemCategory.optional(),
  objectType: ObjectType.optional(),
  method: InspectionMethod.optional(),
  joint: z.enum(['true', 'false']).optional().meta({ title: '部门联合抽查事项' }),
  status: ItemStatus.optional(),
  q: line(100).optional().meta({ title: '检索词', description: 'Chinese search over 事项名称, 编码, 子项 and 抽查内容. Ranked.' }),
});
export type InspectionItemListQuery = z.output<typeof InspectionItemListQuery>;
