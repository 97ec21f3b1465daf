import { and, arrayContains, eq, inArray, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { inspectors, officers } from '../../db/schema.js';
import { problems } from '../../errors.js';
import { chinaDate } from '../../lib/validity.js';
import { InspectorCreate, type Inspector, type InspectorListQuery } from '../../schemas/inspections/inspectors.js';
import { assertActsFor, type Principal } from '../principal.js';
import { listRecords } from '../record-list.js';
import { withRecordMeta } from '../records.js';
import { createRecord, type VersionedResource } from '../versioned-record.js';
import { derivedEtag } from '../versioning.js';

export type InspectorRow = typeof inspectors.$inferSelect;

/** Name and 执法证号 come from the officer's public record, read with the page. */
async function publishInspectors(db: Db, rows: InspectorRow[]): Promise<Inspector[]> {
  if (rows.length === 0) return [];
  const people = await db
    .select({ id: officers.id, name: officers.name, certificateNo: officers.certificateNo })
    .from(officers)
    .where(inArray(officers.id, [...new Set(rows.map((r) => r.officerId))]));
  const byId = new Map(people.map((p) => [p.id, p]));
  return rows.map((row) => {
    const officer = byId.get(row.officerId)!;
    return withRecordMeta(row, {
      status: row.status as Inspector['status'],
      agencyId: row.agencyId,
      officerId: row.officerId,
      name: officer.name,
      certificateNo: officer.certificateNo,
      domains: row.domains,
      available: row.available,
      unavailableUntil: row.unavailableUntil,
    });
  });
}

/** The version plus what is read from the officer record, so a conditional GET sees a corrected name or 执法证号. */
export const inspectorEtag = (row: InspectorRow, published: Inspector) => derivedEtag(row.version, `${published.name}|${published.certificateNo}`);

export const inspector: VersionedResource<typeof inspectors, InspectorRow, InspectorCreate, Inspector> = {
  type: 'inspector',
  name: 'Inspector',
  table: inspectors,
  schema: InspectorCreate,
  readOnly: ['agencyId', 'name', 'certificateNo'],
  columns: (input) => ({
    officerId: input.officerId,
    domains: input.domains,
    available: input.available,
    unavailableUntil: input.unavailableUntil ?? null,
    status: input.status ?? 'active',
  }),
  publish: publishInspectors,
  ownerOf: (row) => row.agencyId,
  conflict: () =>
    problems.conflict('This officer is already in the inspector directory.', [{ in: 'body', pointer: '/officerId', detail: 'Already enrolled: update that entry instead.' }]),
};

/**
 * The officer's 执法证 must be active and in force today, and the writer must act for the officer's agency, which
 * owns the entry. A certificate that lapses later keeps the entry, but the draw leaves it out of the pool.
 */
function officerOwner(principal: Principal, officerId: string, now: Date) {
  return async (tx: Db) => {
    const [officer] = await tx
      .select({ agencyId: officers.agencyId, status: officers.status, validFrom: officers.validFrom, validTo: officers.validTo })
      .from(officers)
      .where(eq(officers.id, officerId));
    if (!officer) throw problems.unprocessable([{ in: 'body', pointer: '/officerId', detail: 'No officer has this id.' }]);
    assertActsFor(principal, officer.agencyId, 'publish');
    const refuse = (detail: string) => problems.unprocessable([{ in: 'body', pointer: '/officerId', detail }]);
    if (officer.status !== 'active') throw refuse("The officer's certificate is not active.");
    const today = chinaDate(now);
    if (officer.validTo < today) throw refuse(`The officer's certificate expired on ${officer.validTo}.`);
    if (officer.validFrom > today) throw refuse(`The officer's certificate is valid only from ${officer.validFrom}.`);
    return { agencyId: officer.agencyId };
  };
}

export const createInspector = (db: Db, principal: Principal, now: Date, input: InspectorCreate) =>
  createRecord(db, inspector, principal, now, input, officerOwner(principal, input.officerId, now));

export function listInspectors(db: Db, query: InspectorListQuery) {
  const t = inspectors;
  const where: (SQL | undefined)[] = [
    query.agencyId ? eq(t.agencyId, query.agencyId) : undefined,
    query.domain ? arrayContains(t.domains, [query.domain]) : undefined,
    query.available ? eq(t.available, query.available === 'true') : undefined,
    query.status ? eq(t.status, query.status) : undefined,
  ];
  return listRecords(db, t, query, [and(...where)]);
}
