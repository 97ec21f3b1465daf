/**
 * The COPY baseline's rows: the same generated decisions in the stored shape, computed with the app's own
 * functions (schema parse, preparePartyForStorage masking, publicity rule table, timeliness, search text),
 * so the only difference from the app ingest is how the rows reach PostgreSQL.
 */
import { getTableColumns } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { penalties } from '../src/db/schema.js';
import type { FieldError } from '../src/errors.js';
import { chinaDate } from '../src/lib/validity.js';
import { penaltyValues } from '../src/domain/penalties/create.js';
import { publicityOf } from '../src/domain/penalties/publicity.js';
import { preparePartyForStorage } from '../src/domain/penalty-party.js';
import type { AgencyIdentity } from '../src/domain/decisions/decision-parts.js';
import type { DecisionRules } from '../src/domain/decisions/rules.js';
import { PUBLICATION_DAYS } from '../src/domain/decisions/timeliness.js';
import { firstPublication } from '../src/domain/decisions/create.js';
import { PenaltyCreate } from '../src/schemas/penalties.js';

type WritableColumns = [string, { name: string; getSQLType(): string }][];

/** A table's columns COPY writes: generated ones (search vectors …) are PostgreSQL's to compute, as on insert. */
export function copyColumnsOf(table: PgTable): WritableColumns {
  return Object.entries(getTableColumns(table)).filter(([, column]) => !(column as { generated?: unknown }).generated);
}

const writable = copyColumnsOf(penalties);
export const COPY_COLUMNS = writable.map(([, column]) => column.name);

/** COPY text format: backslash, tab, newline and carriage return escaped; \N is NULL. */
const escapeCopyText = (s: string) => s.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'));
const arrayLiteral = (list: string[]) => '{' + list.map((s) => '"' + s.replace(/["\\]/g, (c) => '\\' + c) + '"').join(',') + '}';

function field(value: unknown, jsonb: boolean): string {
  if (value === null || value === undefined) return '\\N';
  if (value instanceof Date) return value.toISOString();
  if (jsonb) return escapeCopyText(JSON.stringify(value));
  if (Array.isArray(value)) return escapeCopyText(arrayLiteral(value as string[]));
  return escapeCopyText(String(value));
}

/** One COPY text line of `values` (keyed by property name) over the given columns; a missing value is NULL. */
export const copyLineOf = (columns: WritableColumns, values: Record<string, unknown>): string =>
  columns.map(([key, column]) => field(values[key], column.getSQLType() === 'jsonb')).join('\t') + '\n';

/** One COPY line for a decision as the app would store it when published at `now` by `agency`. */
export function copyLine(raw: unknown, agency: AgencyIdentity, rules: DecisionRules, now: Date): string {
  const item = PenaltyCreate.parse(raw);
  const errors: FieldError[] = [];
  const party = preparePartyForStorage(item.party, rules.masking, item.decisionDate);
  const publicity = publicityOf(item, rules, chinaDate(now), '', errors);
  if (!publicity || errors.length) throw new Error(`generated decision refused: ${JSON.stringify(errors)}`);
  const values: Record<string, unknown> = {
    ...firstPublication(now, item.decisionDate, PUBLICATION_DAYS.penalty, null, rules.calendar),
    ...penaltyValues(item, agency, party, publicity, { joint: null, citations: [] }),
  };
  return copyLineOf(writable, { ...values, tags: values['tags'] ?? [] });
}
