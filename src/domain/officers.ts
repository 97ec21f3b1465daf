import { and, eq, ne } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { agencies, officers } from '../db/schema.js';
import { fieldErrorsFromZod, problems } from '../errors.js';
import { newId } from '../lib/ids.js';
import { searchText } from '../lib/segment.js';
import { OfficerCreate, type Officer, type OfficerPatch } from '../schemas/officers.js';
import { sqlState, UNIQUE_VIOLATION } from './db-errors.js';
import { assertActsFor, owningAgency, type Principal } from './principal.js';
import { appendChanges, recordMetaOf } from './records.js';
import { assertIfMatch, mergePatch, sameContent } from './versioning.js';

export type OfficerRow = typeof officers.$inferSelect;

/** The published representation: exactly the public fields and the record metadata, nothing else. */
export function toOfficer(row: OfficerRow): Officer {
  return {
    ...recordMetaOf(row),
    status: row.status as Officer['status'],
    agencyId: row.agencyId,
    name: row.name,
    certificateNo: row.certificateNo,
    domains: row.domains,
    area: row.area,
    validFrom: row.validFrom,
    validTo: row.validTo,
  };
}

function columns(input: OfficerCreate) {
  return {
    name: input.name,
    certificateNo: input.certificateNo,
    domains: input.domains,
    area: input.area ?? null,
    validFrom: input.validFrom,
    validTo: input.validTo,
    status: input.status ?? 'active',
    // Search covers 姓名 and 执法证号 only (see OfficerListQuery.q).
    searchText: searchText(input.name, input.certificateNo),
  };
}

const certificateTaken = () =>
  problems.conflict('Another active certificate already has this 执法证号.', [
    { in: 'body', pointer: '/certificateNo', detail: 'Already held by an active certificate; revoke that one first.' },
  ]);

/** The friendly check inside the transaction; the partial unique index still decides under concurrency. */
async function assertCertificateFree(tx: Db, certificateNo: string, status: string, selfId?: string): Promise<void> {
  if (status !== 'active') return;
  const [other] = await tx
    .select({ id: officers.id })
    .from(officers)
    .where(and(eq(officers.certificateNo, certificateNo), eq(officers.status, 'active'), selfId ? ne(officers.id, selfId) : undefined));
  if (other) throw certificateTaken();
}

function duplicateCertificate(err: unknown): never {
  if (sqlState(err) === UNIQUE_VIOLATION) throw certificateTaken();
  throw err;
}

export async function createOfficer(db: Db, principal: Principal, now: Date, input: OfficerCreate): Promise<OfficerRow> {
  const agencyId = owningAgency(principal, input.agencyId);
  return db
    .transaction(async (tx) => {
      const [agency] = await tx.select({ id: agencies.id }).from(agencies).where(eq(agencies.id, agencyId));
      if (!agency) throw problems.unprocessable([{ in: 'body', pointer: '/agencyId', detail: 'No agency has this id.' }]);
      const values = columns(input);
      await assertCertificateFree(tx, values.certificateNo, values.status);
      const [row] = await tx
        .insert(officers)
        .values({ id: newId(), version: 1, createdAt: now, updatedAt: now, agencyId, ...values })
        .returning();
      await appendChanges(tx, principal, now, [{ type: 'officer', id: row!.id, version: 1, event: 'created', agencyId, data: toOfficer(row!) }]);
      return row!;
    })
    .catch(duplicateCertificate);
}

export async function getOfficer(db: Db, id: string): Promise<OfficerRow> {
  const [row] = await db.select().from(officers).where(eq(officers.id, id));
  if (!row) throw problems.notFound('Officer ' + id);
  return row;
}

/** A merge patch against the version named by If-Match, by the owning agency or the operator. */
export async function patchOfficer(db: Db, principal: Principal, now: Date, id: string, ifMatch: string, patch: OfficerPatch): Promise<OfficerRow> {
  return db
    .transaction(async (tx) => {
      const [current] = await tx.select().from(officers).where(eq(officers.id, id)).for('update');
      if (!current) throw problems.notFound('Officer ' + id);
      assertActsFor(principal, current.agencyId, 'publish');
      assertIfMatch(ifMatch, current.version);
      const merged = OfficerCreate.safeParse(mergePatch(toOfficer(current), patch, ['agencyId']));
      if (!merged.success) throw problems.unprocessable(fieldErrorsFromZod(merged.error.issues, 'body'));
      const next = columns(merged.data);
      if (sameContent(current, next)) return current;
      await assertCertificateFree(tx, next.certificateNo, next.status, id);
      const [row] = await tx
        .update(officers)
        .set({ ...next, version: current.version + 1, updatedAt: now })
        .where(eq(officers.id, id))
        .returning();
      await appendChanges(tx, principal, now, [{ type: 'officer', id, version: row!.version, event: 'updated', agencyId: row!.agencyId, data: toOfficer(row!) }]);
      return row!;
    })
    .catch(duplicateCertificate);
}
