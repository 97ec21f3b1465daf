import { and, eq, ne } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { officers } from '../db/schema.js';
import { problems } from '../errors.js';
import { searchText } from '../lib/segment.js';
import { OfficerCreate, type Officer } from '../schemas/officers.js';
import type { Principal } from './principal.js';
import { withRecordMeta } from './records.js';
import { agencyOwner, createRecord, type VersionedResource } from './versioned-record.js';

export type OfficerRow = typeof officers.$inferSelect;

/** The published representation: exactly the public fields and the record metadata, nothing else. */
export function toOfficer(row: OfficerRow): Officer {
  return withRecordMeta(row, {
    status: row.status as Officer['status'],
    agencyId: row.agencyId,
    name: row.name,
    certificateNo: row.certificateNo,
    domains: row.domains,
    area: row.area,
    validFrom: row.validFrom,
    validTo: row.validTo,
  });
}

const certificateTaken = () =>
  problems.conflict('Another active certificate already has this 执法证号.', [
    { in: 'body', pointer: '/certificateNo', detail: 'Already held by an active certificate; revoke that one first.' },
  ]);

/** The friendly check inside the transaction; the partial unique index still decides under concurrency. */
async function assertCertificateFree(tx: Db, input: OfficerCreate, current: OfficerRow | undefined): Promise<void> {
  if ((input.status ?? 'active') !== 'active') return;
  const [other] = await tx
    .select({ id: officers.id })
    .from(officers)
    .where(and(eq(officers.certificateNo, input.certificateNo), eq(officers.status, 'active'), current ? ne(officers.id, current.id) : undefined));
  if (other) throw certificateTaken();
}

export const officer: VersionedResource<typeof officers, OfficerRow, OfficerCreate, Officer> = {
  type: 'officer',
  name: 'Officer',
  table: officers,
  schema: OfficerCreate,
  readOnly: ['agencyId'],
  columns: (input) => ({
    name: input.name,
    certificateNo: input.certificateNo,
    domains: input.domains,
    area: input.area ?? null,
    validFrom: input.validFrom,
    validTo: input.validTo,
    status: input.status ?? 'active',
    // Search covers 姓名 and 执法证号 only (see OfficerListQuery.q).
    searchText: searchText(input.name, input.certificateNo),
  }),
  publish: (_db, rows) => rows.map(toOfficer),
  ownerOf: (row) => row.agencyId,
  check: assertCertificateFree,
  conflict: certificateTaken,
};

export const createOfficer = (db: Db, principal: Principal, now: Date, input: OfficerCreate) =>
  createRecord(db, officer, principal, now, input, agencyOwner(principal, input.agencyId));
