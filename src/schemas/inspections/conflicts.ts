import { z } from 'zod';
import { Id, pageQuery, recordMeta } from '../common.js';
import { prose } from '../text.js';

/*
 * 回避: an inspector must not be assigned to an entity with which they have a conflict of interest. Either side
 * declares it: the inspector's agency, or the agency whose directory lists the entity. A draw skips every
 * active conflict, and the conflicts it used are part of its published, hashed inputs.
 */

const ConflictStatus = z.enum(['active', 'withdrawn']).meta({ title: '状态', description: 'active = 有效; withdrawn = 已撤销 (kept with its history).' });
const DeclaredBy = z.enum(['inspector', 'entity']).meta({ title: '申报方', description: "inspector = declared by the inspector's agency; entity = declared for the entity by its directory's agency." });
const Reason = prose(500).meta({ title: '回避事由', description: 'A public, general reason (e.g. 近亲属在该企业任职); no names or numbers of persons.' });

export const InspectionConflictCreate = z
  .strictObject({
    inspectorId: Id.meta({ title: '检查人员' }),
    entityId: Id.meta({ title: '检查对象' }),
    declaredBy: DeclaredBy,
    reason: Reason.optional(),
    status: ConflictStatus.optional(),
  })
  .meta({ title: '申报回避' });
export type InspectionConflictCreate = z.output<typeof InspectionConflictCreate>;

export const InspectionConflictPatch = z
  .strictObject({ reason: Reason.nullable().optional(), status: ConflictStatus.optional() })
  .meta({ title: '修改回避', description: 'JSON merge patch (RFC 7396): the reason or the status; the pair never changes.' });

export const InspectionConflict = z
  .object({
    ...recordMeta,
    status: ConflictStatus,
    agencyId: Id.meta({ title: '申报部门' }),
    inspectorId: Id.meta({ title: '检查人员' }),
    entityId: Id.meta({ title: '检查对象' }),
    declaredBy: DeclaredBy,
    reason: z.string().nullable().meta({ title: '回避事由' }),
  })
  .strict()
  .meta({ id: 'InspectionConflict', title: '回避' });
export type InspectionConflict = z.output<typeof InspectionConflict>;

export const InspectionConflictListQuery = z.strictObject({
  ...pageQuery,
  inspectorId: Id.optional().meta({ title: '检查人员' }),
  entityId: Id.optional().meta({ title: '检查对象' }),
  agencyId: Id.optional().meta({ title: '申报部门' }),
  status: ConflictStatus.optional(),
});
export type InspectionConflictListQuery = z.output<typeof InspectionConflictListQuery>;
