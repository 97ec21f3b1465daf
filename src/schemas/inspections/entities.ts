import { z } from 'zod';
import { RiskClass } from '../../codes/risk-classes.js';
import { mergePatchFields } from '../decision-changes.js';
import { CreditCode, Id, pageQuery, RegionCode, recordMeta } from '../common.js';
import { guarded, line } from '../text.js';
import { IndustryCode, ObjectType } from './shared.js';

/*
 * 检查对象名录库 (两库, first half): what random selection draws from. Only public registration facts are kept;
 * a contact person, phone or any other personal field is refused with a 400 naming it (strict objects), so
 * it never reaches storage.
 */

/** The 15-digit 工商注册号 of entities registered before the unified code (GS 15-2006). */
const RegistrationNo = guarded('refused')
  .regex(/^\d{15}$/, '注册号 must be 15 digits.')
  .meta({ title: '注册号', description: 'The 15-digit 工商注册号, for entities without a 统一社会信用代码.', example: '440100000012345', minLength: 15, maxLength: 15 });

const EntityStatus = z.enum(['active', 'removed']).meta({ title: '状态', description: 'active = 在库; removed = 移出名录库 (注销, 迁出 …; kept with its history).' });
const Tag = line(30).meta({ title: '标签', example: '食品经营' });

const fields = {
  name: line(200).meta({ title: '名称', example: '示例市某某食品有限公司' }),
  creditCode: CreditCode.optional(),
  registrationNo: RegistrationNo.optional(),
  objectType: ObjectType,
  entityKind: line(50).optional().meta({ title: '主体类型', example: '有限责任公司' }),
  regionCode: RegionCode.meta({ title: '所在行政区划' }),
  industryCode: IndustryCode.optional(),
  address: line(300).optional().meta({ title: '登记住所', description: 'The registered address of the entity (not of a person).' }),
  riskClass: RiskClass.optional(),
  tags: z.array(Tag).max(20).optional().meta({ title: '标签', description: 'Classification tags, e.g. for risk or trade; selection rules can filter by them.' }),
  status: EntityStatus.optional(),
};

/** A market entity is identified by its 统一社会信用代码 or, for old registrations, its 注册号. */
function checkIdentity(e: { objectType?: string; creditCode?: string | null | undefined; registrationNo?: string | null | undefined }, ctx: z.RefinementCtx) {
  if (e.objectType === 'entity' && !e.creditCode && !e.registrationNo) {
    ctx.addIssue({ code: 'custom', path: ['creditCode'], message: 'A market entity needs its 统一社会信用代码 or its 15-digit 注册号.' });
  }
}

export const InspectionEntityCreate = z
  .strictObject({ agencyId: Id.optional().meta({ title: '名录库所属部门', description: "A key's own agency by default; the operator must name one." }), ...fields })
  .superRefine(checkIdentity)
  .meta({ title: '新增检查对象' });
export type InspectionEntityCreate = z.output<typeof InspectionEntityCreate>;

export const InspectionEntityPatch = z.strictObject(mergePatchFields(fields)).meta({ title: '修改检查对象', description: 'JSON merge patch (RFC 7396); the merged record is checked in full.' });

export const InspectionEntity = z
  .object({
    ...recordMeta,
    status: EntityStatus,
    agencyId: Id.meta({ title: '名录库所属部门' }),
    name: z.string().meta({ title: '名称' }),
    creditCode: z.string().nullable().meta({ title: '统一社会信用代码', example: '11440100MB2C921737' }),
    registrationNo: z.string().nullable().meta({ title: '注册号' }),
    objectType: ObjectType,
    entityKind: z.string().nullable().meta({ title: '主体类型' }),
    regionCode: z.string().meta({ title: '所在行政区划' }),
    industryCode: z.string().nullable().meta({ title: '国民经济行业分类' }),
    address: z.string().nullable().meta({ title: '登记住所' }),
    riskClass: RiskClass.nullable(),
    riskClassName: z.string().nullable().meta({ title: '信用风险分类名称' }),
    tags: z.array(z.string()).meta({ title: '标签' }),
  })
  .strict()
  .meta({ id: 'InspectionEntity', title: '检查对象' });
export type InspectionEntity = z.output<typeof InspectionEntity>;

export const InspectionEntityListQuery = z.strictObject({
  ...pageQuery,
  agencyId: Id.optional().meta({ title: '名录库所属部门' }),
  objectType: ObjectType.optional(),
  regionCode: RegionCode.optional().meta({ title: '行政区划', description: 'Entities in this division or below (440000 covers the province).' }),
  industryCode: IndustryCode.optional().meta({ title: '国民经济行业分类', description: 'Entities whose code starts with this one (F covers all of 批发和零售业).' }),
  riskClass: RiskClass.optional(),
  tag: Tag.optional(),
  creditCode: CreditCode.optional(),
  status: EntityStatus.optional(),
  q: line(100).optional().meta({ title: '检索词', description: 'Chinese search over 名称 and 登记住所; or a code. Ranked.' }),
});
export type InspectionEntityListQuery = z.output<typeof InspectionEntityListQuery>;
