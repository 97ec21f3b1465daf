import type { enforcementActions, licences, penalties } from '../../db/schema.js';
import type { RecordType } from '../records.js';

/** The three tables of published decisions: they share decisionColumns (src/db/tables/decisions.ts). */
export type DecisionTable = typeof penalties | typeof licences | typeof enforcementActions;

/** A row of any of the three tables. */
export type DecisionRow = DecisionTable['$inferSelect'];

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
  present: (row: T['$inferSelect']) => O;
  /** 'decision' or 'action', as problem details name the record. */
  noun: 'decision' | 'action';
}

/**
 * A row the shared code read from `kind.table`, as that kind's row. drizzle types a query over a table
 * that is one of three as a query over their union, so the narrowing to T's row, which the query's
 * table guarantees, is asserted here, in one place.
 */
export const rowOf = <T extends DecisionTable>(_kind: DecisionKind<T>, row: DecisionRow): T['$inferSelect'] => row as T['$inferSelect'];
