import type { enforcementActions, licences, penalties } from '../../db/schema.js';
import type { RecordType } from '../records.js';

/** The three tables of published decisions: they share decisionColumns (src/db/tables/decisions.ts). */
export type DecisionTable = typeof penalties | typeof licences | typeof enforcementActions;

/**
 * What the shared decision code needs to know of one kind: its table, record type, how a row is
 * presented, and the words its problems use (tests and clients read them, so each kind keeps its own).
 */
export interface DecisionKind<T extends DecisionTable> {
  table: T;
  type: RecordType;
  /** Named in 404s: `${label} ${id}`. */
  label: string;
  present: (row: T['$inferSelect']) => Record<string, unknown>;
  /** 'decision' or 'action', as problem details name the record. */
  noun: 'decision' | 'action';
}
