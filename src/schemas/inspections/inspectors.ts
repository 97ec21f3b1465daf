import { z } from 'zod';
import { mergePatchFields } from '../decision-changes.js';
import { Id, IsoDate, pageQuery, recordMeta } from '../common.js';
import { line } from '../text.js';

/*
 * 执法检查人员名录库 (两库, second half): an existing officer (/v1/officers) enrolled for random selection,
 * with the 执法领域 they may inspect and whether they can be drawn now. The person's published facts stay on
 * the officer record; nothing personal is added here.
 */

const InspectorStatus = z.enum(['active', 'removed']).meta({ title: '状态', description: 'active = 在库; removed = 移出名录库.' });
const Domains = z.array(line(50)).min(1).max(20).meta({ title: '执法领域', example: ['食品安全'] });

const fields = {
  domains: Domains,
  available: z.boolean().meta({ title: '可抽取', description: 'False while the inspector cannot be drawn (leave, secondment, training).' }),
  unavailableUntil: IsoDate.optional().meta({ title: '不可抽取至', description: 'Informative: the date the inspector is expected back.' }),
  status: InspectorStatus.optional(),
};

export const InspectorCreate = z
  .strictObject({ officerId: Id.meta({ title: '执法人员', description: 'An active officer of the writing agency (/v1/officers).' }), ...fields })
  .meta({ title: '新增检查人员' });
export type InspectorCreate = z.output<typeof InspectorCreate>;

export const InspectorPatch = z.strictObject(mergePatchFields(fields)).meta({ title: '修改检查人员', description: 'JSON merge patch (RFC 7396). The officer never changes.' });

export const Inspector = z
  .object({
    ...recordMeta,
    status: InspectorStatus,
    agencyId: Id.meta({ title: '所属执法主体', description: "The officer's agency." }),
    officerId: Id.meta({ title: '执法人员' }),
    name: z.string().meta({ title: '姓名', description: "From the officer's public record." }),
    certificateNo: z.string().meta({ title: '执法证号', description: "From the officer's public record." }),
    domains: z.array(z.string()).meta({ title: '执法领域' }),
    available: z.boolean().meta({ title: '可抽取' }),
    unavailableUntil: IsoDate.nullable().meta({ title: '不可抽取至' }),
  })
  .strict()
  .meta({ id: 'Inspector', title: '检查人员' });
export type Inspector = z.output<typeof Inspector>;

export const InspectorListQuery = z.strictObject({
  ...pageQuery,
  agencyId: Id.optional().meta({ title: '所属执法主体' }),
  domain: line(50).optional().meta({ title: '执法领域', description: 'Inspectors whose 执法领域 include exactly this entry.' }),
  available: z.enum(['true', 'false']).optional().meta({ title: '可抽取' }),
  status: InspectorStatus.optional(),
});
export type InspectorListQuery = z.output<typeof InspectorListQuery>;
