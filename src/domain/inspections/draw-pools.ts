/**
 * The pools a draw is made from, frozen at commit: the lead agency's active directory entries that match the
 * task's selection (with their 信用风险分类 as stratum), the available inspectors of the lead and cooperating
 * agencies (within the task's 执法领域) whose 执法证 is active and in force on the commit date (only certified
 * officers may inspect: 行政处罚法 art. 42, 国发〔2019〕5号), and the active conflicts of interest between the two. Copied inside
 * the database, so a pool of a million entities never passes through the application on its way in.
 *
 * A pool of a million entities takes one statement to copy (one snapshot of the directory) and one to read,
 * each longer than the server's statement_timeout (5 s by default) on a busy machine, and longer than the
 * deadline of a query outside a transaction: both run in a transaction with the timeout raised for them.
 */
import { and, arrayOverlaps, asc, eq, gte, inArray, like, lte, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { drawPoolConflicts, drawPoolEntities, drawPoolInspectors, inspectionConflicts, inspectionEntities, inspectors, officers } from '../../db/schema.js';
import { regionPrefix, rowsOf } from '../query-helpers.js';
import type { InspectionTaskRow } from './tasks.js';

/** The stratum of an entity without a 信用风险分类. */
const UNCLASSIFIED = '-';

/** The statement_timeout while a pool is copied or read. */
const POOL_STATEMENT_TIMEOUT = '10min';

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

/** Runs `work` in a transaction (a savepoint inside one) whose statements may take POOL_STATEMENT_TIMEOUT. */
function withPoolTimeout<T>(db: Db, work: (tx: Db) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    const [setting] = await rowsOf<{ previous: string }>(tx, sql`SELECT current_setting('statement_timeout') AS previous`);
    await tx.execute(sql`SELECT set_config('statement_timeout', ${POOL_STATEMENT_TIMEOUT}, true)`);
    const result = await work(tx);
    // Back to the caller's timeout for the rest of its transaction.
    await tx.execute(sql`SELECT set_config('statement_timeout', ${setting!.previous}, true)`);
    return result;
  });
}

async function read(tx: Db, drawId: string): Promise<Pools> {
  const [entities, pool, conflicts] = await Promise.all([
    tx.select({ id: drawPoolEntities.entityId, stratum: drawPoolEntities.stratum }).from(drawPoolEntities).where(eq(drawPoolEntities.drawId, drawId)).orderBy(asc(drawPoolEntities.entityId)),
    tx.select({ id: drawPoolInspectors.inspectorId }).from(drawPoolInspectors).where(eq(drawPoolInspectors.drawId, drawId)).orderBy(asc(drawPoolInspectors.inspectorId)),
    tx
      .select({ inspectorId: drawPoolConflicts.inspectorId, entityId: drawPoolConflicts.entityId })
      .from(drawPoolConflicts)
      .where(eq(drawPoolConflicts.drawId, drawId))
      .orderBy(asc(drawPoolConflicts.inspectorId), asc(drawPoolConflicts.entityId)),
  ]);
  return { entities, inspectors: pool, conflicts };
}

async function copy(tx: Db, drawId: string, task: InspectionTaskRow, onDate: string): Promise<void> {
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
      .innerJoin(officers, eq(officers.id, i.officerId))
      .where(
        and(
          inArray(i.agencyId, [task.agencyId, ...task.cooperatingAgencyIds]),
          eq(i.status, 'active'),
          eq(i.available, true),
          eq(officers.status, 'active'),
          lte(officers.validFrom, onDate),
          gte(officers.validTo, onDate),
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

/** Copies the three pools into the draw's tables and returns them as frozen, in id order; `onDate` is the commit's China date. */
export function freezePools(db: Db, drawId: string, task: InspectionTaskRow, onDate: string): Promise<Pools> {
  return withPoolTimeout(db, async (tx) => {
    await copy(tx, drawId, task, onDate);
    return read(tx, drawId);
  });
}

/** The frozen pools in id order (a uuid sorts as its lowercase hex text does). */
export function readPools(db: Db, drawId: string): Promise<Pools> {
  return withPoolTimeout(db, (tx) => read(tx, drawId));
}
