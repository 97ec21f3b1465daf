import { z } from 'zod';
import { dateParam, Id, IsoDate, pageQuery, recordMeta } from './common.js';
import { guarded, line } from './text.js';

/*
 * 执法人员. Only what the 公示 rules say is published (姓名、执法证号、执法类别, some add 执法区域) plus
 * the certificate's validity. Every input is a strict object: a phone number, ID number, photo or any
 * other personal field is refused with a 400 naming it, so it never reaches storage.
 */

const OFFICER_STATUSES = ['active', 'suspended', 'revoked'] as const;
const OfficerStatus = z.enum(OFFICER_STATUSES).meta({
  title: '证件状态',
  description: 'active = 有效; suspended = 暂停 (暂扣执法证件); revoked = 注销 (frees the certificate number for a new certificate).',
});

/** No national numbering rule exists for 执法证号 (docs/duties.md#officers): letters (incl. Chinese), digits, - and /. */
const CertificateNo = guarded('refused')
  .regex(/^[\p{L}\p{N}/-]{1,40}$/u, '执法证号: 1-40 letters, digits, - or /.')
  .meta({ title: '执法证号', description: 'As printed on the certificate; unique among active certificates.', example: '示例-44010000001', maxLength: 40 });

const Name = line(50).meta({ title: '姓名', example: '张示例' });
const Domains = z.array(line(50)).min(1).max(20).meta({ title: '执法类别', description: '执法类别 / 执法领域.', example: ['道路运输'] });
const Area = line(200).meta({ title: '执法区域', example: '示例市全域' });
const ValidFrom = IsoDate.meta({ title: '有效期自' });
const ValidTo = IsoDate.meta({ title: '有效期至' });

const validPeriod = (o: { validFrom?: string; validTo?: string }) => !o.validFrom || !o.validTo || o.validTo >= o.validFrom;
const periodError = { message: '有效期至 must not be before 有效期自.', path: ['validTo'] };

export const OfficerCreate = z
  .strictObject({
    agencyId: Id.optional().meta({ title: '所属执法主体', description: "A key's own agency by default; the operator must name one." }),
    name: Name,
    certificateNo: CertificateNo,
    domains: Domains,
    area: Area.optional(),
    validFrom: ValidFrom,
    validTo: ValidTo,
    status: OfficerStatus.optional().meta({ title: '证件状态', description: 'Defaults to active.' }),
  })
  .refine(validPeriod, periodError)
  .meta({ title: '新增执法人员' });
export type OfficerCreate = z.output<typeof OfficerCreate>;

/** JSON merge patch (RFC 7396). The agency cannot change: a transfer is a new certificate. */
export const OfficerPatch = z
  .strictObject({
    name: Name.optional(),
    certificateNo: CertificateNo.optional(),
    domains: Domains.optional(),
    area: Area.nullable().optional(),
    validFrom: ValidFrom.optional(),
    validTo: ValidTo.optional(),
    status: OfficerStatus.optional(),
  })
  .refine(validPeriod, periodError)
  .meta({ title: '修改执法人员' });
export type OfficerPatch = z.output<typeof OfficerPatch>;

export const Officer = z
  .object({
    ...recordMeta,
    status: OfficerStatus,
    agencyId: Id.meta({ title: '所属执法主体' }),
    name: z.string().meta({ title: '姓名' }),
    certificateNo: z.string().meta({ title: '执法证号' }),
    domains: z.array(z.string()).meta({ title: '执法类别' }),
    area: z.string().nullable().meta({ title: '执法区域' }),
    validFrom: ValidFrom,
    validTo: ValidTo,
  })
  .strict()
  .meta({ id: 'Officer', title: '执法人员' });
export type Officer = z.output<typeof Officer>;

export const OfficerListQuery = z.strictObject({
  ...pageQuery,
  agencyId: Id.optional().meta({ title: '所属执法主体' }),
  domain: line(50).optional().meta({ title: '执法类别', description: 'Officers whose 执法类别 include exactly this entry.' }),
  status: OfficerStatus.optional(),
  validOn: dateParam({
    title: '有效日期',
    description: 'Certificates whose 有效期 covers this date (inclusive). Combine with status=active for certificates in force.',
  }).optional(),
  q: line(100).optional().meta({
    title: '检索词',
    description: 'Chinese search over 姓名 and 执法证号: segmented words, or a substring (e.g. 2 characters of a name, part of a number). Ranked.',
  }),
});
export type OfficerListQuery = z.output<typeof OfficerListQuery>;
