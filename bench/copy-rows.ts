/**
 * The COPY baseline's rows: the same generated decisions in the stored shape, computed with the app's own
 * functions (schema parse, preparePartyForStorage masking, publicity rule table, timeliness, search text),
 * so the only difference from the app ingest is how the rows reach PostgreSQL.
 */
import { getTableColumns } from 'drizzle-orm';
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

const all = Object.entries(getTableColumns(penalties));
/** Generated columns (party_name, party_credit_code, search_vector) are PostgreSQL's to compute, as on insert. */
const writable = all.filter(([, column]) => !(column as { generated?: unknown }).generated);
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
  return writable.map(([key, column]) => field(values[key] ?? (key === 'tags' ? [] : null), column.getSQLType() === 'jsonb')).join('\t') + '\n';
}
