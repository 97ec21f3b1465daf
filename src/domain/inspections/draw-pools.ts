/**
 * The pools a draw is made from, frozen at commit: the lead agency's active directory entries that match the
 * task's selection (with their 信用风险分类 as stratum), the available inspectors of the lead and cooperating
 * agencies (within the task's 执法领域), and the active conflicts of interest between the two. Copied inside
 * the database, so a pool of a million entities never passes through the application on commit.
 */
import { and, arrayOverlaps, asc, eq, inArray, like, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { drawPoolConflicts, drawPoolEntities, drawPoolInspectors, inspectionConflicts, inspectionEntities, inspectors } from '../../db/schema.js';
import { regionPrefix } from '../query-helpers.js';
import type { InspectionTaskRow } from './tasks.js';

/** The stratum of an entity without a 信用风险分类. */
const UNCLASSIFIED = '-';

function entityFilters(task: InspectionTaskRow): (SQL | undefined)[] {
  const t = inspectionEntities;
  const s = task.selection;
  return [
    eq(t.agencyId, task.agencyId),
    eq(t.status, 'active'),
    s.objectTypes ? inArray(t.objectType, s.objectTypes) : undefined,
    s.regionCodes ? or(...s.regionCodes.map((code) => like(t.regionCode, regionPrefix(code) + '%'))) : undefined,
    s.industryCodes ? or(...s.industryCodes.map((code) => like(t.industryCode, code + '%'))) : undefined,
    s.riskClasses ? inArray(t.riskClass, s.riskClasses) : undefined,
    s.tags ? arrayOverlaps(t.tags, s.tags) : undefined,
  ];
}

export async function freezePools(tx: Db, drawId: string, task: InspectionTaskRow): Promise<void> {
  const e = inspectionEntities;
  await tx.insert(drawPoolEntities).select(
    tx
      .select({ drawId: sql`${drawId}::uuid`.as('draw_id'), entityId: e.id, stratum: sql<string>`coalesce(${e.riskClass}, ${UNCLASSIFIED})`.as('stratum') })
      .from(e)
      .where(and(...entityFilters(task))),
  );
  const i = inspectors;
  await tx.insert(drawPoolInspectors).select(
    tx
      .select({ drawId: sql`${drawId}::uuid`.as('draw_id'), inspectorId: i.id })
      .from(i)
      .where(
        and(
          inArray(i.agencyId, [task.agencyId, ...task.cooperatingAgencyIds]),
          eq(i.status, 'active'),
          eq(i.available, true),
          task.inspectorDomains.length > 0 ? arrayOverlaps(i.domains, task.inspectorDomains) : undefined,
        ),
      ),
  );
  const c = inspectionConflicts;
  await tx.insert(drawPoolConflicts).select(
    tx
      .selectDistinct({ drawId: sql`${drawId}::uuid`.as('draw_id'), inspectorId: c.inspectorId, entityId: c.entityId })
      .from(c)
      .innerJoin(drawPoolEntities, and(eq(drawPoolEntities.drawId, drawId), eq(drawPoolEntities.entityId, c.entityId)))
      .innerJoin(drawPoolInspectors, and(eq(drawPoolInspectors.drawId, drawId), eq(drawPoolInspectors.inspectorId, c.inspectorId)))
      .where(eq(c.status, 'active')),
  );
}

export interface Pools {
  entities: { id: string; stratum: string }[];
  inspectors: { id: string }[];
  conflicts: { inspectorId: string; entityId: string }[];
}

/** The frozen pools in id order (a uuid sorts as its lowercase hex text does). */
export async function readPools(db: Db, drawId: string): Promise<Pools> {
  const [entities, pool, conflicts] = await Promise.all([
    db.select({ id: drawPoolEntities.entityId, stratum: drawPoolEntities.stratum }).from(drawPoolEntities).where(eq(drawPoolEntities.drawId, drawId)).orderBy(asc(drawPoolEntities.entityId)),
    db.select({ id: drawPoolInspectors.inspectorId }).from(drawPoolInspectors).where(eq(drawPoolInspectors.drawId, drawId)).orderBy(asc(drawPoolInspectors.inspectorId)),
    db
      .select({ inspectorId: drawPoolConflicts.inspectorId, entityId: drawPoolConflicts.entityId })
      .from(drawPoolConflicts)
      .where(eq(drawPoolConflicts.drawId, drawId))
      .orderBy(asc(drawPoolConflicts.inspectorId), asc(drawPoolConflicts.entityId)),
  ]);
  return { entities, inspectors: pool, conflicts };
}
