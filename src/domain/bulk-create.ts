/**
 * Version 1 of many records of one resource at once, inside the caller's transaction: what createRecord
 * writes for one record (row, revision, `created` feed event), for a whole batch in three multi-row
 * statements (insertRows, then appendChanges for the revisions and the change log). For bulk loading
 * (the directory import); the data published is what the resource's own `publish` makes of each row, as
 * GET answers it.
 */
import { insertRows } from '../db/bulk-insert.js';
import type { Db } from '../db/client.js';
import { newId } from '../lib/ids.js';
import type { Actor } from './principal.js';
import { appendChanges } from './records.js';
import type { Columns, Stored, VersionedResource, VersionedTable, Written } from './versioned-record.js';

export async function createRecords<T extends VersionedTable, Row extends Stored<T>, Input, Published extends Record<string, unknown>>(
  tx: Db,
  resource: VersionedResource<T, Row, Input, Published>,
  principal: Actor,
  now: Date,
  inputs: Input[],
  fixed: Columns<T>,
): Promise<Written<Row, Published>[]> {
  // Those run per record, reading what earlier records of the same request wrote: use createRecord.
  if (resource.check || resource.children || resource.hydrate) throw new Error(`${resource.name}: bulk creation has no per-record check, children or hydrate`);
  if (inputs.length === 0) return [];
  const values = inputs.map((input) => ({ ...resource.columns(input, undefined), ...fixed, id: newId(), version: 1, createdAt: now, updatedAt: now }));
  await insertRows(tx, resource.table, values);
  // The rows as stored, but for what the database generates (search vectors), which no publish reads:
  // the values are every other column of the row, which TS cannot see over a generic table.
  const rows = values as unknown as Row[];
  const published = await resource.publish(tx, rows, now);
  await appendChanges(
    tx,
    principal,
    now,
    rows.map((row, i) => ({ type: resource.type, id: row.id, version: 1, event: 'created', agencyId: resource.ownerOf(row), data: published[i]! })),
  );
  return rows.map((row, i) => ({ row, published: published[i]! }));
}
