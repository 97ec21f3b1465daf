import { and, asc, eq } from 'drizzle-orm';
import { powerType as powerTypeEntry } from '../codes/power-types.js';
import type { Db } from '../db/client.js';
import { agencies, procedures } from '../db/schema.js';
import { fieldErrorsFromZod, problems } from '../errors.js';
import { newId } from '../lib/ids.js';
import { ProcedureFields, type Procedure, type ProcedureCreate, type ProcedurePatch } from '../schemas/procedures.js';
import { sqlState, UNIQUE_VIOLATION } from './db-errors.js';
import { assertActsFor, type Principal } from './principal.js';
import { appendChanges, recordMetaOf } from './records.js';
import { assertIfMatch, mergePatch, sameContent } from './versioning.js';

export type ProcedureRow = typeof procedures.$inferSelect;

export function toProcedure(row: ProcedureRow): Procedure {
  return {
    ...recordMetaOf(row),
    status: row.status as Procedure['status'],
    agencyId: row.agencyId,
    powerType: row.powerType as Procedure['powerType'],
    powerTypeName: powerTypeEntry(row.powerType).name,
    serviceGuide: row.serviceGuide,
    steps: row.steps as Procedure['steps'],
    reconsideration: row.reconsideration as Procedure['reconsideration'],
    litigation: row.litigation as Procedure['litigation'],
    complaint: row.complaint as Procedure['complaint'],
  };
}

function columns(input: ProcedureFields, status: string) {
  return {
    serviceGuide: input.serviceGuide,
    steps: input.steps,
    reconsideration: input.reconsideration,
    litigation: input.litigation,
    complaint: input.complaint,
    status: input.status ?? status,
  };
}

const label = (agencyId: string, powerType: string) => `The ${powerType} procedure of agency ${agencyId}`;

async function assertAgency(db: Db, agencyId: string): Promise<void> {
  const [row] = await db.select({ id: agencies.id }).from(agencies).where(eq(agencies.id, agencyId));
  if (!row) throw problems.notFound('Agency ' + agencyId);
}

const duplicate = () =>
  problems.conflict('This agency already publishes a procedure for this 职权类型; change it with PATCH.', [
    { in: 'body', pointer: '/powerType', detail: 'Already published for this agency.' },
  ]);

function duplicateProcedure(err: unknown): never {
  if (sqlState(err) === UNIQUE_VIOLATION) throw duplicate();
  throw err;
}

/** All procedures of one agency, one per 职权类型, in code order (at most ten: no pagination). */
export async function listProcedures(db: Db, agencyId: string): Promise<ProcedureRow[]> {
  await assertAgency(db, agencyId);
  return db.select().from(procedures).where(eq(procedures.agencyId, agencyId)).orderBy(asc(procedures.powerType));
}

export async function getProcedure(db: Db, agencyId: string, powerType: string): Promise<ProcedureRow> {
  const [row] = await db
    .select()
    .from(procedures)
    .where(and(eq(procedures.agencyId, agencyId), eq(procedures.powerType, powerType)));
  if (!row) throw problems.notFound(label(agencyId, powerType));
  return row;
}

/** Only that agency (`publish` scope) or the operator publishes its procedures (谁执法谁公示). */
export async function createProcedure(db: Db, principal: Principal, now: Date, agencyId: string, input: ProcedureCreate): Promise<ProcedureRow> {
  assertActsFor(principal, agencyId, 'publish');
  return db
    .transaction(async (tx) => {
      await assertAgency(tx, agencyId);
      const [existing] = await tx
        .select({ id: procedures.id })
        .from(procedures)
        .where(and(eq(procedures.agencyId, agencyId), eq(procedures.powerType, input.powerType)));
      if (existing) throw duplicate();
      const [row] = await tx
        .insert(procedures)
        .values({ id: newId(), version: 1, createdAt: now, updatedAt: now, agencyId, powerType: input.powerType, ...columns(input, 'active') })
        .returning();
      await appendChanges(tx, principal, now, [{ type: 'procedure', id: row!.id, version: 1, event: 'created', agencyId, data: toProcedure(row!) }]);
      return row!;
    })
    .catch(duplicateProcedure);
}

/** A merge patch against the version named by If-Match; each change is a new version with its revision. */
export async function patchProcedure(
  db: Db,
  principal: Principal,
  now: Date,
  key: { agencyId: string; powerType: string },
  ifMatch: string,
  patch: ProcedurePatch,
): Promise<ProcedureRow> {
  assertActsFor(principal, key.agencyId, 'publish');
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select()
      .from(procedures)
      .where(and(eq(procedures.agencyId, key.agencyId), eq(procedures.powerType, key.powerType)))
      .for('update');
    if (!current) throw problems.notFound(label(key.agencyId, key.powerType));
    assertIfMatch(ifMatch, current.version);
    const merged = ProcedureFields.safeParse(mergePatch(toProcedure(current), patch, ['agencyId', 'powerType', 'powerTypeName']));
    if (!merged.success) throw problems.unprocessable(fieldErrorsFromZod(merged.error.issues, 'body'));
    const next = columns(merged.data, current.status);
    if (sameContent(current, next)) return current;
    const [row] = await tx
      .update(procedures)
      .set({ ...next, version: current.version + 1, updatedAt: now })
      .where(eq(procedures.id, current.id))
      .returning();
    await appendChanges(tx, principal, now, [
      { type: 'procedure', id: current.id, version: row!.version, event: 'updated', agencyId: key.agencyId, data: toProcedure(row!) },
    ]);
    return row!;
  });
}
