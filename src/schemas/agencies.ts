import { z } from 'zod';
import { CreditCode, Id, IsoDate, RegionCode, pageQuery, recordMeta } from './common.js';
import { guarded, line, prose, withGuard } from './text.js';

const AGENCY_LEVELS = ['省级', '市级', '县级', '乡级'] as const;
const AGENCY_KINDS = ['法定', '授权', '委托'] as const;
const AGENCY_STATUSES = ['active', 'abolished'] as const;

const AgencyLevel = z.enum(AGENCY_LEVELS).meta({ title: '层级', description: '省级 / 市级 / 县级 / 乡级 (乡镇街道).' });
const AgencyKind = z.enum(AGENCY_KINDS).meta({
  title: '主体类型',
  description: '法定 = statutory body; 授权 = organisation empowered by law or regulation; 委托 = entrusted organisation (行政处罚法 art. 20: its 委托书 is published).',
});
const AgencyStatus = z.enum(AGENCY_STATUSES).meta({ title: '状态', description: 'active = 正常; abolished = 已撤销 (kept, never deleted).' });

const Entrustment = z
  .strictObject({
    entrustingAgencyId: Id.meta({ title: '委托机关' }),
    letterNumber: line(128).meta({ title: '委托书文号', example: '示交委〔2024〕3号' }),
    letterUrl: withGuard(z.url({ protocol: /^https?$/ }).max(2048), 'refused').optional().meta({ title: '委托书公开地址' }),
    matters: prose(2000).meta({ title: '委托事项', description: 'What is entrusted: the matters and powers.' }),
    validFrom: IsoDate.meta({ title: '委托期限自' }),
    validTo: IsoDate.optional().meta({ title: '委托期限至' }),
  })
  .refine((e) => !e.validTo || e.validTo >= e.validFrom, { message: '委托期限至 must not be before 委托期限自.', path: ['validTo'] })
  .meta({ id: 'Entrustment', title: '委托信息' });

const Contact = z
  .strictObject({
    phone: guarded('public-contact').regex(/^[0-9+\-() ]{5,32}$/, 'Office phone: digits, spaces, + - ( ).').meta({ maxLength: 32 }).optional().meta({ title: '办公电话' }),
    address: line(300).optional().meta({ title: '办公地址' }),
    email: withGuard(z.email().max(254), 'public-contact').optional().meta({ title: '电子邮箱' }),
    hours: line(200).optional().meta({ title: '办公时间' }),
  })
  .meta({ id: 'AgencyContact', title: '联系方式', description: 'Office contact details published by the agency (no personal data).' });

const editable = {
  name: line(200).meta({ title: '执法主体名称', example: '示例市交通运输局' }),
  creditCode: CreditCode,
  regionCode: RegionCode,
  level: AgencyLevel,
  parentId: Id.nullable().optional().meta({ title: '上级机关' }),
  kind: AgencyKind,
  entrustment: Entrustment.nullable().optional(),
  domains: z.array(line(50)).max(50).optional().meta({ title: '执法领域', example: ['交通运输', '道路运输'] }),
  contact: Contact.nullable().optional(),
  website: withGuard(z.url({ protocol: /^https?$/ }).max(2048), 'refused').nullable().optional().meta({ title: '网站' }),
  status: AgencyStatus.optional(),
};

/** A 委托 body names who entrusted it; the others must not carry an entrustment. */
function checkEntrustment(a: { kind?: string; entrustment?: unknown }, ctx: z.RefinementCtx) {
  if (a.kind === '委托' && !a.entrustment) {
    ctx.addIssue({ code: 'custom', path: ['entrustment'], message: 'A 委托 agency must state its entrustment (委托机关, 委托书文号, 委托事项, 期限).' });
  }
  if (a.kind !== undefined && a.kind !== '委托' && a.entrustment) {
    ctx.addIssue({ code: 'custom', path: ['entrustment'], message: 'Only a 委托 agency carries an entrustment.' });
  }
}

export const AgencyCreate = z.strictObject(editable).superRefine(checkEntrustment).meta({ title: '新建执法主体' });
export type AgencyCreate = z.output<typeof AgencyCreate>;

/** JSON merge patch (RFC 7396): present fields replace, null clears an optional field. */
export const AgencyPatch = z
  .strictObject({
    name: editable.name.optional(),
    creditCode: CreditCode.optional(),
    regionCode: RegionCode.optional(),
    level: AgencyLevel.optional(),
    parentId: editable.parentId,
    kind: AgencyKind.optional(),
    entrustment: editable.entrustment,
    domains: editable.domains.nullable(),
    contact: editable.contact,
    website: editable.website,
    status: editable.status,
  })
  .meta({ title: '修改执法主体' });
export type AgencyPatch = z.output<typeof AgencyPatch>;

export const Agency = z
  .object({
    ...recordMeta,
    status: AgencyStatus,
    name: editable.name,
    creditCode: CreditCode,
    regionCode: RegionCode,
    level: AgencyLevel,
    parentId: Id.nullable().meta({ title: '上级机关' }),
    kind: AgencyKind,
    entrustment: Entrustment.nullable(),
    domains: z.array(z.string()).meta({ title: '执法领域' }),
    contact: Contact.nullable(),
    website: z.string().nullable().meta({ title: '网站' }),
  })
  .meta({ id: 'Agency', title: '执法主体' });
export type Agency = z.output<typeof Agency>;

export const AgencyListQuery = z.strictObject({
  ...pageQuery,
  regionCode: RegionCode.optional().meta({
    title: '行政区划代码',
    description: 'Agencies within this division: 440000 matches the whole province, 440100 the city, 440103 one district.',
  }),
  level: AgencyLevel.optional(),
  parentId: Id.optional().meta({ title: '上级机关' }),
  status: AgencyStatus.optional(),
  q: line(100).optional().meta({ title: '名称检索', description: 'Substring of the agency name.' }),
});
export type AgencyListQuery = z.output<typeof AgencyListQuery>;
