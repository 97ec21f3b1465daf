import { powerTypes } from '../codes/power-types.js';
import type { Db } from '../db/client.js';
import { powers } from '../db/schema.js';
import { problems } from '../errors.js';
import { searchText } from '../lib/segment.js';
import type { Citation } from '../schemas/citations.js';
import { PowerCreate, type Power } from '../schemas/powers.js';
import { publishCiting } from './citation-lists.js';
import { checkCitations, indexCitations } from './citations.js';
import type { Principal } from './principal.js';
import { withRecordMeta } from './records.js';
import { agencyOwner, createRecord, type VersionedResource } from './versioned-record.js';

export type PowerRow = typeof powers.$inferSelect;

function toPower(row: PowerRow, citations: Citation[]): Power {
  return withRecordMeta(row, {
    status: row.status as Power['status'],
    agencyId: row.agencyId,
    code: row.code,
    name: row.name,
    type: row.type as Power['type'],
    typeName: powerTypes.entry(row.type).name,
    subItems: row.subItems,
    citations,
    responsibilities: row.responsibilities,
    accountability: row.accountability,
    reviewTransfer: row.reviewTransfer,
  });
}

/**
 * Rows as published, their citations described with today's validity (a repealed text is flagged).
 * One describeCitations call for the whole page.
 */
export const publishPowers = publishCiting(toPower);

export const power: VersionedResource<typeof powers, PowerRow, PowerCreate, Power> = {
  type: 'power',
  name: 'Power',
  table: powers,
  schema: PowerCreate,
  columns: (input) => {
    const subItems = input.subItems ?? [];
    const responsibilities = input.responsibilities ?? [];
    const accountability = input.accountability ?? [];
    return {
      code: input.code,
      name: input.name,
      type: input.type,
      subItems,
      citations: input.citations ?? [],
      responsibilities,
      accountability,
      reviewTransfer: input.reviewTransfer ?? false,
      status: input.status ?? 'active',
      searchText: searchText(input.name, input.code, powerTypes.entry(input.type).name, ...subItems.flatMap((s) => [s.code, s.name]), ...responsibilities, ...accountability),
    };
  },
  publish: publishPowers,
  // A patch applies to the citations as given, not as described with today's validity.
  editable: (_db, row) => ({
    code: row.code,
    name: row.name,
    type: row.type,
    subItems: row.subItems,
    citations: row.citations,
    responsibilities: row.responsibilities,
    accountability: row.accountability,
    reviewTransfer: row.reviewTransfer,
    status: row.status,
  }),
  ownerOf: (row) => row.agencyId,
  check: (tx, input) => checkCitations(tx, input.citations ?? []),
  children: { write: (tx, row) => indexCitations(tx, 'power', row.id, row.citations) },
  conflict: () =>
    problems.conflict('This agency already has a power item with this 职权编码.', [
      { in: 'body', pointer: '/code', detail: 'Already used by another power item of this agency.' },
    ]),
};

export const createPower = (db: Db, principal: Principal, now: Date, input: PowerCreate) =>
  createRecord(db, power, principal, now, input, agencyOwner(principal, input.agencyId));
