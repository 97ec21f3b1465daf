import { z } from 'zod';
import { PowerType } from '../codes/power-types.js';
import { Citation, Citations } from './citations.js';
import { Id, RegionCode, pageQuery, recordMeta } from './common.js';
import { guarded, line, prose } from './text.js';

export { PowerType };

const POWER_STATUSES = ['active', 'cancelled'] as const;
const PowerStatus = z.enum(POWER_STATUSES).meta({
  title: '状态',
  description: 'active = 有效; cancelled = 已取消 (动态调整: the item is kept with its history, never deleted).',
});

const PowerCode = guarded('refused')
  .regex(/^[0-9A-Za-z][0-9A-Za-z._-]{0,63}$/, '职权编码: 1-64 letters, digits, ".", "_" or "-", starting with a letter or digit.')
  .meta({
    maxLength: 64,
    title: '职权编码',
    description: 'Unique within the agency. Often 行政区划代码 + 部门代码 + 职权类型代码 + 事项顺序码 (+ 子项顺序码).',
    example: '4401000010200001',
  });

const SubItem = z
  .strictObject({
    code: PowerCode.meta({ title: '子项编码', example: '440100001020000101' }),
    name: line(300).meta({ title: '子项名称' }),
  })
  .meta({ id: 'PowerSubItem', title: '子项' });

const editable = {
  code: PowerCode,
  name: line(300).meta({ title: '职权名称', example: '对未取得道路运输经营许可擅自从事道路运输经营的行政处罚' }),
  type: PowerType,
  subItems: z.array(SubItem).max(200).meta({ title: '子项' }),
  citations: Citations,
  responsibilities: z
    .array(prose(500))
    .max(50)
    .meta({ title: '责任事项', description: 'What the agency answers for at each step.', example: ['立案', '调查取证', '审理', '告知', '决定', '送达', '执行'] }),
  accountability: z
    .array(prose(2000))
    .max(50)
    .meta({ title: '追责情形', description: 'Situations in which officers are held accountable.' }),
  reviewTransfer: z.boolean().meta({ title: '审核转报', description: 'True when the agency only reviews and forwards the matter to a higher authority (审核转报 = 是).' }),
  status: PowerStatus,
};

/** Unique sub-item codes, so each 子项 can be addressed. */
function checkSubItems(p: { subItems?: { code: string }[] }, ctx: z.RefinementCtx) {
  const seen = new Set<string>();
  p.subItems?.forEach((s, i) => {
    if (seen.has(s.code)) ctx.addIssue({ code: 'custom', path: ['subItems', i, 'code'], message: 'Another 子项 already has this code.' });
    seen.add(s.code);
  });
}

export const PowerCreate = z
  .strictObject({
    agencyId: Id.optional().meta({ title: '实施主体', description: "The holding agency. A key writes only for its own agency (default); the operator must name one." }),
    code: editable.code,
    name: editable.name,
    type: editable.type,
    subItems: editable.subItems.optional(),
    citations: editable.citations.optional(),
    responsibilities: editable.responsibilities.optional(),
    accountability: editable.accountability.optional(),
    reviewTransfer: editable.reviewTransfer.optional(),
    status: editable.status.optional(),
  })
  .superRefine(checkSubItems)
  .meta({ title: '新建权责事项' });
export type PowerCreate = z.output<typeof PowerCreate>;

/** JSON merge patch (RFC 7396); arrays replace as a whole, null empties an array. The agency never changes. */
export const PowerPatch = z
  .strictObject({
    code: editable.code.optional(),
    name: editable.name.optional(),
    type: editable.type.optional(),
    subItems: editable.subItems.nullable().optional(),
    citations: editable.citations.nullable().optional(),
    responsibilities: editable.responsibilities.nullable().optional(),
    accountability: editable.accountability.nullable().optional(),
    reviewTransfer: editable.reviewTransfer.optional(),
    status: editable.status.optional(),
  })
  .meta({ title: '修改权责事项' });
export type PowerPatch = z.output<typeof PowerPatch>;

export const Power = z
  .object({
    ...recordMeta,
    status: PowerStatus,
    agencyId: Id.meta({ title: '实施主体' }),
    code: PowerCode,
    name: z.string().meta({ title: '职权名称' }),
    type: PowerType,
    typeName: z.string().meta({ title: '职权类型名称', example: '行政处罚' }),
    subItems: z.array(SubItem).meta({ title: '子项' }),
    citations: z.array(Citation).meta({ title: '依据条款', description: 'Each cited article with its validity today; repealedOnCitedDate flags a repealed text.' }),
    responsibilities: z.array(z.string()).meta({ title: '责任事项' }),
    accountability: z.array(z.string()).meta({ title: '追责情形' }),
    reviewTransfer: z.boolean().meta({ title: '审核转报' }),
  })
  .meta({ id: 'Power', title: '权责事项' });
export type Power = z.output<typeof Power>;

export const PowerListQuery = z.strictObject({
  ...pageQuery,
  agencyId: Id.optional().meta({ title: '实施主体' }),
  type: PowerType.optional(),
  regionCode: RegionCode.optional().meta({
    title: '行政区划代码',
    description: 'Powers of agencies within this division: 440000 the whole province, 440100 the city, 440103 one district.',
  }),
  legalBasisId: Id.optional().meta({ title: '法律依据', description: 'Powers citing this legal basis (any article of it).' }),
  reviewTransfer: z.enum(['true', 'false']).optional().meta({ title: '审核转报' }),
  status: PowerStatus.optional(),
  q: line(100)
    .optional()
    .meta({
      title: '检索词',
      description:
        'Chinese search: the query\'s words (segmented as the stored text is) as a phrase in 职权名称, 职权编码, 职权类型, 子项, 责任事项 or 追责情形, ' +
        'or (3+ characters) the query as a substring of 职权名称; a 1-2 character query also matches words it begins (道路 finds 道路运输). ' +
        'Ranked best first (word matches before bare substrings, denser first), then by id.',
    }),
});
export type PowerListQuery = z.output<typeof PowerListQuery>;

const PowerTypeItem = z
  .object({
    code: PowerType,
    name: z.string().meta({ title: '类型名称', example: '行政处罚' }),
    letter: z.string().meta({ title: '字母代码', example: 'CF' }),
  })
  .meta({ id: 'PowerTypeItem', title: '职权类型' });

export const PowerTypeList = z.object({ items: z.array(PowerTypeItem).meta({ title: '代码列表' }) }).meta({ id: 'PowerTypeList', title: '职权类型代码表' });
