import { getTableColumns } from 'drizzle-orm';
import type { enforcementActions, licences, penalties } from '../../db/schema.js';
import type { RecordType } from '../records.js';

/** The three tables of published decisions: they share decisionColumns (src/db/tables/decisions.ts). */
export type DecisionTable = typeof penalties | typeof licences | typeof enforcementActions;


/**
 * Kept for search only: the record's text again and its tsvector, never presented and together often wider
 * than the rest of the row, so reads that present a record leave them out.
 */
type SearchOnly = 'searchText' | 'searchVector';

/** A row as the reads select it (readColumns): everything a presenter needs. */
export type ReadRow<T extends DecisionTable> = Omit<T['$inferSelect'], SearchOnly>;

/** A read row of any of the three tables. */
export type DecisionRow = ReadRow<typeof penalties> | ReadRow<typeof licences> | ReadRow<typeof enforcementActions>;

/** Per table when T is the union, so a select over any of the three keeps each table's own columns. */
type ReadColumns<T extends DecisionTable> = T extends unknown ? Omit<T['_']['columns'], SearchOnly> : never;

/** The columns of ReadRow, for `select(readColumns(t))`. */
export function readColumns<T extends DecisionTable>(t: T): ReadColumns<T> {
  const { searchText: _text, searchVector: _vector, ...read } = getTableColumns(t);
  // The rest is exactly ReadColumns<T>; TS does not carry a rest of a generic through a distributive type.
  return read as ReadColumns<T>;
}

/**
 * What the shared decision code needs to know of one kind: its table, record type, how a row is
 * presented, and the words its problems use (tests and clients read them, so each kind keeps its own).
 */
export interface DecisionKind<T extends DecisionTable, O = Record<string, unknown>> {
  table: T;
  type: RecordType;
  /** Named in 404s: `${label} ${id}`. */
  label: string;
  /** The record as published (O: its response type), or the notice of one no longer displayed. */
  present: (row: ReadRow<T>) => O;
  /** 'decision' or 'action', as problem details name the record. */
  noun: 'decision' | 'action';
}

/**
 * A row the shared code read from `kind.table`, as that kind's row. drizzle types a query over a table
 * that is one of three as a query over their union, so the narrowing to T's row, which the query's
 * table guarantees, is asserted here, in one place.
 */
export const rowOf = <T extends DecisionTable>(_kind: DecisionKind<T>, row: DecisionTable['$inferSelect']): T['$inferSelect'] => row as T['$inferSelect'];

/** rowOf for a row read with readColumns. */
export const readRowOf = <T extends DecisionTable>(_kind: DecisionKind<T>, row: DecisionRow): ReadRow<T> => row as ReadRow<T>;
