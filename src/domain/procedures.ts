import { and, asc, eq } from 'drizzle-orm';
import { powerTypes } from '../codes/power-types.js';
import type { Db } from '../db/client.js';
import { agencies, procedures } from '../db/schema.js';
import { problems } from '../errors.js';
import { ProcedureFields, type Procedure, type ProcedureCreate, type ProcedurePatch } from '../schemas/procedures.js';
import { assertActsFor, type Principal } from './principal.js';
import { withRecordMeta } from './records.js';
import { createRecord, patchRecord, type VersionedResource } from './versioned-record.js';

export type ProcedureRow = typeof procedures.$inferSelect;

export function toProcedure(row: ProcedureRow): Procedure {
  return withRecordMeta(row, {
    status: row.status as Procedure['status'],
    agencyId: row.agencyId,
    powerType: row.powerType as Procedure['powerType'],
    powerTypeName: powerTypes.entry(row.powerType).name,
    serviceGuide: row.serviceGuide,
    steps: row.steps,
    reconsideration: row.reconsideration,
    litigation: row.litigation,
    complaint: row.complaint,
  });
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

/** @public Declared for test/registration.test.ts, which finds every declared kind; routes use the wrappers below. */
export const procedure: VersionedResource<typeof procedures, ProcedureRow, ProcedureFields, Procedure> = {
  type: 'procedure',
  name: 'Procedure',
  table: procedures,
  // The 职权类型 is part of the address: a patch re-validates the other fields.
  schema: ProcedureFields,
  readOnly: ['agencyId', 'powerType', 'powerTypeName'],
  columns: (input, current) => ({
    serviceGuide: input.serviceGuide,
    steps: input.steps,
    reconsideration: input.reconsideration,
    litigation: input.litigation,
    complaint: input.complaint,
    status: input.status ?? current?.status ?? 'active',
  }),
  publish: (_db, rows) => rows.map(toProcedure),
  ownerOf: (row) => row.agencyId,
  conflict: duplicate,
};

/** All procedures of one agency, one per 职权类型, in code order (at most ten: no pagination). */
export async function listProcedures(db: Db, agencyId: string): Promise<ProcedureRow[]> {
  await assertAgency(db, agencyId);
  return db.select().from(procedures).where(eq(procedures.agencyId, agencyId)).orderBy(asc(procedures.powerType));
}

const keyOf = (agencyId: string, powerType: string) => and(eq(procedures.agencyId, agencyId), eq(procedures.powerType, powerType))!;

export async function getProcedure(db: Db, agencyId: string, powerType: string): Promise<ProcedureRow> {
  const [row] = await db.select().from(procedures).where(keyOf(agencyId, powerType));
  if (!row) throw problems.notFound(label(agencyId, powerType));
  return row;
}

/** Only that agency (`publish` scope) or the operator publishes its procedures (谁执法谁公示). */
export async function createProcedure(db: Db, principal: Principal, now: Date, agencyId: string, input: ProcedureCreate) {
  assertActsFor(principal, agencyId, 'publish');
  return createRecord(db, procedure, principal, now, input, async (tx) => {
    await assertAgency(tx, agencyId);
    const [existing] = await tx.select({ id: procedures.id }).from(procedures).where(keyOf(agencyId, input.powerType));
    if (existing) throw duplicate();
    return { agencyId, powerType: input.powerType };
  });
}

/** Addressed by agency and 职权类型; whether the key may act for that agency is asked before the lookup. */
export async function patchProcedure(db: Db, principal: Principal, now: Date, key: { agencyId: string; powerType: string }, ifMatch: string, patch: ProcedurePatch) {
  assertActsFor(principal, key.agencyId, 'publish');
  return patchRecord(db, procedure, principal, now, { where: keyOf(key.agencyId, key.powerType), label: label(key.agencyId, key.powerType) }, ifMatch, patch);
}
