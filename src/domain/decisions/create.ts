import type { WorkCalendar } from '../../lib/working-days.js';
import { and, inArray, isNotNull } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.js';
import { insertRows } from '../../db/bulk-insert.js';
import { problems, type FieldError } from '../../errors.js';
import { newId } from '../../lib/ids.js';
import { chinaDate } from '../../lib/validity.js';
import { sqlState, UNIQUE_VIOLATION } from '../db-errors.js';
import type { Principal } from '../principal.js';
import { appendChanges } from '../records.js';
import { existingCampaigns, loadAgencies, resolveExtras, type AgencyIdentity, type ExtrasInput, type ResolvedExtras } from './decision-parts.js';
import type { DecisionKind, DecisionTable } from './kind.js';
import { ownersOf } from './ownership.js';
import type { DecisionRules } from './rules.js';
import { publicationTimeliness } from './timeliness.js';

/** The request fields every kind's create shape has (decisionExtras). */
export type DecisionItem = ExtrasInput;

/** The columns every kind stores the same way: the owning agency (also the data source) and the extras. */
export function sharedColumns(input: ExtrasInput & { tags?: string[] | undefined; remarks?: string | undefined }, agency: AgencyIdentity, extras: ResolvedExtras) {
  return {
    agencyId: agency.id,
    agencyName: agency.name,
    agencyCreditCode: agency.creditCode,
    regionCode: agency.regionCode,
    dataSource: agency.name,
    dataSourceCreditCode: agency.creditCode,
    tags: input.tags ?? [],
    joint: extras.joint,
    jointReference: extras.joint?.reference ?? null,
    campaignId: input.campaignId ?? null,
    citations: extras.citations,
    remarks: input.remarks ?? null,
  };
}

/** The per-agency number that must be unique (decisionNumber; an action's optional documentNumber). */
export interface NumberSpec {
  field: 'decisionNumber' | 'documentNumber';
  duplicate: (pointer: string) => FieldError;
  /** The 409 title when a number is already used, and its detail when a concurrent request took it. */
  taken: string;
  raced: string;
}

export interface CreateSpec<T extends DecisionTable, I extends DecisionItem, P> {
  kind: DecisionKind<T>;
  numbers: NumberSpec;
  publicationDays: number;
  dateOf: (item: I) => string;
  /** The kind's own checks of one item (future date, party, publicity), collected under `at`; undefined when they failed. */
  prepare: (item: I, at: string, errors: FieldError[], context: { today: string; rules: DecisionRules }) => Promise<P | undefined>;
  /** Every kind-specific column of the row, once every check passed. */
  values: (item: I, agency: AgencyIdentity, prepared: P, extras: ResolvedExtras) => Record<string, unknown>;
  /** The generated columns a stored row has beyond its values (nothing reads them back here). */
  generated: (values: Record<string, unknown>) => Record<string, unknown>;
}

/**
 * Publishes decisions all-or-nothing in one transaction: every item is checked first and every bad field
 * of every item is named (`${at(i)}/...`); a number already used by the same agency, in the database or
 * earlier in the list, is a 409. Masking happens in prepare, before anything is written.
 */
export async function createDecisions<T extends DecisionTable, I extends DecisionItem, P>(
  db: Db,
  spec: CreateSpec<T, I, P>,
  principal: Principal,
  now: Date,
  rules: DecisionRules,
  items: I[],
  at: (i: number) => string,
): Promise<T['$inferSelect'][]> {
  const owners = ownersOf(principal, items, at);
  const today = chinaDate(now);
  const { field, duplicate } = spec.numbers;
  const key = (i: number) => {
    const n = (items[i] as Record<string, unknown>)[field];
    return typeof n === 'string' ? `${owners[i]}#${n}` : null;
  };
  return db
    .transaction(async (tx) => {
      const known = {
        agencies: await loadAgencies(tx, [...owners, ...items.flatMap((i) => i.joint?.agencyIds ?? [])]),
        campaigns: await existingCampaigns(tx, items.flatMap((i) => (i.campaignId ? [i.campaignId] : []))),
      };
      const errors: FieldError[] = [];
      const duplicates: FieldError[] = [];
      const seen = new Set<string>();
      const values: Record<string, unknown>[] = [];
      for (const [i, item] of items.entries()) {
        const before = errors.length;
        const agency = known.agencies.get(owners[i]!);
        if (!agency) errors.push({ in: 'body', pointer: `${at(i)}/agencyId`, detail: 'No agency has this id.' });
        const prepared = await spec.prepare(item, at(i), errors, { today, rules });
        const date = spec.dateOf(item);
        const extras = await resolveExtras(tx, principal, item, owners[i]!, date, known, at(i), errors);
        const k = key(i);
        if (k !== null && seen.has(k)) duplicates.push(duplicate(`${at(i)}/${field}`));
        if (k !== null) seen.add(k);
        if (errors.length > before || !agency || prepared === undefined) continue;
        const claimed = item.claimedPublishedAt ? new Date(item.claimedPublishedAt) : null;
        values.push({
          ...firstPublication(now, date, spec.publicationDays, claimed, rules.calendar),
          ...spec.values(item, agency, prepared, extras),
          withdrawal: null,
          endedAt: null,
        });
      }
      const taken = await takenNumbers(tx, spec.kind.table, field, owners, items);
      items.forEach((_item, i) => {
        const k = key(i);
        if (k !== null && taken.has(k)) duplicates.push(duplicate(`${at(i)}/${field}`));
      });
      if (errors.length) throw problems.unprocessable([...errors, ...duplicates]);
      if (duplicates.length) throw problems.conflict(spec.numbers.taken, duplicates);

      await insertRows(tx, spec.kind.table, values as never[]);
      // The rows as stored: generated columns are the database's and nothing reads them back here.
      const rows = values.map((v) => ({ ...v, ...spec.generated(v), searchVector: '' }) as T['$inferSelect']);
      const type = spec.kind.type;
      await appendChanges(
        tx,
        principal,
        now,
        rows.map((row) => ({ type, id: row.id, version: 1, event: 'created', agencyId: row.agencyId, data: spec.kind.present(row) })),
      );
      return rows;
    })
    .catch((err: unknown) => {
      // Two writers racing for the same number: the unique index decides. With one item the field is known.
      if (sqlState(err) === UNIQUE_VIOLATION) {
        throw problems.conflict(spec.numbers.raced, items.length === 1 ? [duplicate(`${at(0)}/${field}`)] : undefined);
      }
      throw err;
    });
}

async function takenNumbers(tx: Db, table: DecisionTable, field: NumberSpec['field'], owners: string[], items: DecisionItem[]): Promise<Set<string>> {
  const numbers = [...new Set(items.map((i) => (i as Record<string, unknown>)[field]).filter((n): n is string => typeof n === 'string'))];
  if (numbers.length === 0) return new Set();
  const column = (table as unknown as Record<string, PgColumn>)[field]!;
  const rows = (await tx
    .select({ agencyId: table.agencyId, number: column })
    .from(table)
    .where(and(inArray(table.agencyId, [...new Set(owners)]), isNotNull(column), inArray(column, numbers)))) as { agencyId: string; number: string }[];
  return new Set(rows.map((r) => `${r.agencyId}#${r.number}`));
}

/** The record and timeliness columns of a decision published for the first time at `now`. */
export function firstPublication(now: Date, decisionDate: string, publicationDays: number, claimed: Date | null, calendar: WorkCalendar) {
  return {
    id: newId(),
    version: 1,
    status: 'published',
    createdAt: now,
    updatedAt: now,
    publishedAt: now,
    claimedPublishedAt: claimed,
    ...publicationTimeliness(decisionDate, publicationDays, now, claimed, calendar),
  };
}
