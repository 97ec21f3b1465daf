/**
 * The one write flow of every versioned 事前公开 record (agencies, officers, power items, discretion
 * benchmarks, procedures, campaigns, legal bases). A resource declares its table, its create schema, how
 * a payload becomes columns and a published representation, who owns it, and any extra checks; creating
 * and merge-patching then run the same steps in one transaction: lock, ownership, merge patch,
 * re-validation with the create schema, no-op detection, checks, new version, revision row and feed event.
 */
import { eq, getTableName, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn, PgTable, PgUpdateSetSource } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import type { Db } from '../db/client.js';
import { prepared } from '../db/prepared.js';
import { fieldErrorsFromZod, problems, type Problem } from '../errors.js';
import { newId } from '../lib/ids.js';
import { sqlState, UNIQUE_VIOLATION, violatedConstraint } from './db-errors.js';
import { agencies } from '../db/schema.js';
import { assertActsFor, owningAgency, type Principal } from './principal.js';
import { appendChanges, type RecordType } from './records.js';
import { assertIfMatch, mergePatch, sameContent } from './versioning.js';

/** A table holding versioned records: the columns of `recordColumns()` at least. */
export type VersionedTable = PgTable & { id: AnyPgColumn; version: AnyPgColumn; createdAt: AnyPgColumn; updatedAt: AnyPgColumn };

export type Stored<T extends VersionedTable> = T['$inferSelect'] & { id: string; version: number; createdAt: Date; updatedAt: Date };
export type Columns<T extends VersionedTable> = Partial<T['$inferInsert']>;

export interface VersionedResource<T extends VersionedTable, Row extends Stored<T>, Input, Published extends Record<string, unknown>> {
  type: RecordType;
  /** How a 404 names one record, e.g. "Officer". */
  name: string;
  table: T;
  /** The create schema: a patch merged onto the current version is validated by it as a whole. */
  schema: z.ZodType<Input>;
  /** Published keys a patch never changes (besides id, version and timestamps): dropped before validation. */
  readOnly?: string[];
  /** The stored columns of a validated payload, without the owner columns fixed at creation. */
  columns(input: Input, current: Row | undefined): Columns<T>;
  /** The records as published: the API's answer and the revision's data. */
  publish(db: Db, rows: Row[], now: Date): Promise<Published[]> | Published[];
  /** What a merge patch applies to; the published representation by default. */
  editable?(db: Db, row: Row, published: Published): Promise<Record<string, unknown>> | Record<string, unknown>;
  /** The agency the record belongs to: it is named on the feed event. */
  ownerOf(row: Row): string | null;
  /** May this principal apply this patch (403 otherwise)? By default the owning agency's publish scope. */
  authorize?(principal: Principal, row: Row, patch: Record<string, unknown>): void;
  /** Checks against other records (422, 409) before anything is written. */
  check?(tx: Db, input: Input, current: Row | undefined, principal: Principal): Promise<void>;
  /** Rows of other tables that belong to the record (articles, the citation index). */
  children?: {
    /** Whether the payload changes rows that are content but not columns (a text's articles). */
    changed?(tx: Db, current: Row, input: Input): Promise<boolean>;
    /** Writes them for each new version, after the record's row. */
    write(tx: Db, row: Row, input: Input, current: Row | undefined): Promise<void>;
  };
  /** Reads a row as the resource needs it (e.g. with a joined name) after it is written or locked. */
  hydrate?(tx: Db, row: Stored<T>): Promise<Row>;
  /** The 409 a unique index stands for (a second record with the same natural key); `constraint` names the index. */
  conflict?(constraint: string | undefined): Problem;
}

// drizzle cannot infer rows or insert values of a table known only as a type parameter; the resource's
// declaration ties `Row` and the columns to its table, so the flow handles them through these three.
async function insertRow<T extends VersionedTable>(tx: Db, table: T, values: Columns<T>): Promise<Stored<T>> {
  const [row] = await tx.insert(table).values(values as T['$inferInsert']).returning();
  return row as Stored<T>;
}
async function updateRow<T extends VersionedTable>(tx: Db, table: T, id: string, values: Columns<T>): Promise<Stored<T>> {
  const rows = (await tx.update(table).set(values as PgUpdateSetSource<T>).where(eq(table.id, id)).returning()) as Stored<T>[];
  return rows[0]!;
}
async function lockRow<T extends VersionedTable>(tx: Db, table: T, where: SQL): Promise<Stored<T> | undefined> {
  const [row] = await tx.select().from(table as PgTable).where(where).for('update');
  return row as Stored<T> | undefined;
}

export interface Written<Row, Published> {
  row: Row;
  published: Published;
}

/** Which record a patch changes: by id, or by a natural key (a procedure is agency + 职权类型). */
export interface Target {
  where: SQL;
  /** Names the record in a 404. */
  label: string;
  /** Set when the target is the record's id: its read is then one prepared statement (findRecord). */
  id?: string;
}

function mapConflict(resource: { conflict?(constraint: string | undefined): Problem }) {
  return (err: unknown): never => {
    if (resource.conflict && sqlState(err) === UNIQUE_VIOLATION) throw resource.conflict(violatedConstraint(err));
    throw err;
  };
}

/** The row as the resource reads it: without `hydrate`, the declared Row is the table's row itself. */
async function rowOf<T extends VersionedTable, Row extends Stored<T>>(tx: Db, resource: { hydrate?(tx: Db, row: Stored<T>): Promise<Row> }, stored: Stored<T>): Promise<Row> {
  return resource.hydrate ? resource.hydrate(tx, stored) : (stored as Row);
}

async function published<T extends VersionedTable, Row extends Stored<T>, Input, Published extends Record<string, unknown>>(
  tx: Db,
  resource: VersionedResource<T, Row, Input, Published>,
  row: Row,
  now: Date,
): Promise<Written<Row, Published>> {
  const [data] = await resource.publish(tx, [row], now);
  return { row, published: data! };
}

/**
 * Creates version 1. `owner` runs first inside the transaction: it applies the resource's owner rule
 * (whose key may create it, which agency it belongs to) and returns the columns fixed at creation.
 */
export async function createRecord<T extends VersionedTable, Row extends Stored<T>, Input, Published extends Record<string, unknown>>(
  db: Db,
  resource: VersionedResource<T, Row, Input, Published>,
  principal: Principal,
  now: Date,
  input: Input,
  owner: (tx: Db) => Promise<Columns<T>>,
): Promise<Written<Row, Published>> {
  return db
    .transaction(async (tx) => {
      const fixed = await owner(tx);
      await resource.check?.(tx, input, undefined, principal);
      const stored = await insertRow(tx, resource.table, { ...resource.columns(input, undefined), ...fixed, id: newId(), version: 1, createdAt: now, updatedAt: now });
      const row = await rowOf(tx, resource, stored);
      await resource.children?.write(tx, row, input, undefined);
      const result = await published(tx, resource, row, now);
      await appendChanges(tx, principal, now, [
        { type: resource.type, id: stored.id, version: 1, event: 'created', agencyId: resource.ownerOf(result.row), data: result.published },
      ]);
      return result;
    })
    .catch(mapConflict(resource));
}

/**
 * Applies an RFC 7396 merge patch to the version named by If-Match. A patch that changes nothing
 * returns the current version untouched: no new version, no revision, no feed event.
 */
export async function patchRecord<T extends VersionedTable, Row extends Stored<T>, Input, Published extends Record<string, unknown>>(
  db: Db,
  resource: VersionedResource<T, Row, Input, Published>,
  principal: Principal,
  now: Date,
  target: Target,
  ifMatch: string,
  patch: Record<string, unknown>,
): Promise<Written<Row, Published>> {
  return db
    .transaction(async (tx) => {
      const locked = await lockRow(tx, resource.table, target.where);
      if (!locked) throw problems.notFound(target.label);
      const current = await published(tx, resource, await rowOf(tx, resource, locked), now);
      if (resource.authorize) resource.authorize(principal, current.row, patch);
      else assertActsFor(principal, resource.ownerOf(current.row) ?? '', 'publish');
      assertIfMatch(ifMatch, locked.version);
      const editable = resource.editable ? await resource.editable(tx, current.row, current.published) : current.published;
      const merged = resource.schema.safeParse(mergePatch(editable, patch, resource.readOnly));
      if (!merged.success) throw problems.unprocessable(fieldErrorsFromZod(merged.error.issues, 'body'));
      const next = resource.columns(merged.data, current.row);
      const childrenChanged = (await resource.children?.changed?.(tx, current.row, merged.data)) ?? false;
      if (sameContent(locked, next) && !childrenChanged) return current;
      await resource.check?.(tx, merged.data, current.row, principal);
      const row = await rowOf(tx, resource, await updateRow(tx, resource.table, locked.id, { ...next, version: locked.version + 1, updatedAt: now }));
      await resource.children?.write(tx, row, merged.data, current.row);
      const result = await published(tx, resource, row, now);
      await appendChanges(tx, principal, now, [
        { type: resource.type, id: row.id, version: row.version, event: 'updated', agencyId: resource.ownerOf(result.row), data: result.published },
      ]);
      return result;
    })
    .catch(mapConflict(resource));
}

/** The target of a record addressed by its id. */
export const byId = (resource: { name: string; table: VersionedTable }, id: string): Target => ({ where: eq(resource.table.id, id), label: `${resource.name} ${id}`, id });

/**
 * A record by id, the hottest public read: prepared once per table and handle, so drizzle does not rebuild the
 * select on every request and PostgreSQL does not parse and plan it again.
 */
function byIdQuery(db: Db, table: VersionedTable) {
  const name = `${getTableName(table)}_record_by_id`;
  return prepared(db, name, (d) => d.select().from(table as PgTable).where(eq(table.id, sql.placeholder('id'))).prepare(name));
}

/** Reads one record by id, or 404 naming it. */
export function getRecord<T extends VersionedTable, Row extends Stored<T>, Input, Published extends Record<string, unknown>>(
  db: Db,
  resource: VersionedResource<T, Row, Input, Published>,
  id: string,
): Promise<Row> {
  return findRecord(db, resource, byId(resource, id));
}

/** Reads the record a target names (by id, or by a natural key such as an edition's code), or 404 naming it. */
export async function findRecord<T extends VersionedTable, Row extends Stored<T>, Input, Published extends Record<string, unknown>>(
  db: Db,
  resource: VersionedResource<T, Row, Input, Published>,
  target: Target,
): Promise<Row> {
  const found =
    target.id === undefined
      ? db.select().from(resource.table as PgTable).where(target.where)
      : byIdQuery(db, resource.table).execute({ id: target.id });
  const [stored] = (await found) as Stored<T>[];
  if (!stored) throw problems.notFound(target.label);
  return rowOf(db, resource, stored);
}

/**
 * The usual owner rule at creation: a key creates records of its own agency, the operator names the
 * agency, which must exist (422 naming `agencyId` otherwise).
 */
export function agencyOwner(principal: Principal, requested: string | undefined) {
  return async (tx: Db): Promise<{ agencyId: string }> => {
    const agencyId = owningAgency(principal, requested);
    const [agency] = await tx.select({ id: agencies.id }).from(agencies).where(eq(agencies.id, agencyId));
    if (!agency) throw problems.unprocessable([{ in: 'body', pointer: '/agencyId', detail: 'No agency has this id.' }]);
    return { agencyId };
  };
}
