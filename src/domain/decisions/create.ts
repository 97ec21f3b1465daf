import type { WorkCalendar } from '../../lib/working-days.js';
import { and, inArray, isNotNull } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.js';
import { insertRows } from '../../db/bulk-insert.js';
import { problems, type FieldError } from '../../errors.js';
import { newId } from '../../lib/ids.js';
import type { DecisionTag } from '../../schemas/decision-common.js';
import { chinaDate } from '../../lib/validity.js';
import { sqlState, UNIQUE_VIOLATION } from '../db-errors.js';
import type { Principal } from '../principal.js';
import { appendChanges } from '../records.js';
import { existingCampaigns, loadAgencies, resolveExtras, type AgencyIdentity, type ExtrasInput, type ResolvedExtras } from './decision-parts.js';
import type { DecisionKind, DecisionTable } from './kind.js';
import { ownersOf } from './ownership.js';
import type { KeptIds } from './party-ids.js';
import type { DecisionRules } from './rules.js';
import { publicationTimeliness } from './timeliness.js';

/** The request fields every kind's create shape has (decisionExtras). */
export type DecisionItem = ExtrasInput;

/** The columns every kind stores the same way: the owning agency (also the data source) and the extras. */
export function sharedColumns(input: ExtrasInput & { tags?: DecisionTag[] | undefined; remarks?: string | undefined }, agency: AgencyIdentity, extras: ResolvedExtras) {
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
export interface NumberSpec<I> {
  field: 'decisionNumber' | 'documentNumber';
  column: AnyPgColumn<{ data: string }>;
  of: (item: I) => string | undefined;
  duplicate: (pointer: string) => FieldError;
  /** The 409 title when a number is already used, and its detail when a concurrent request took it. */
  taken: string;
  raced: string;
  /** The 409 title when a correction gives a number another record of the agency has. */
  takenByCorrection: string;
}

/** What a kind's checks of one item may use. */
interface PrepareContext {
  /** Today in Beijing: no decision is dated after it. */
  today: string;
  /** The day the decision was (or is now being) first published. */
  publishedOn: string;
  rules: DecisionRules;
  /** Identity values a correction keeps masked as stored (none on create). */
  keptIds: KeptIds;
}

/** Everything create and correction need of one kind beyond what all decisions share. */
export interface CreateSpec<T extends DecisionTable, I extends DecisionItem, P> {
  kind: DecisionKind<T>;
  numbers: NumberSpec<I>;
  publicationDays: number;
  dateOf: (item: I) => string;
  /** The kind's own checks of one item (future date, party, publicity), collected under `at`; undefined when they failed. */
  prepare: (item: I, at: string, errors: FieldError[], context: PrepareContext) => Promise<P | undefined>;
  /** Every kind-specific column of the row, once every check passed. */
  values: (item: I, agency: AgencyIdentity, prepared: P, extras: ResolvedExtras) => Partial<T['$inferInsert']>;
  /** The generated columns a stored row has beyond its values (nothing reads them back here). */
  generated: (item: I, prepared: P) => Partial<T['$inferSelect']>;
  /**
   * The kind's checks against other records, for every item at once (one query per batch): `current` is the
   * stored record a correction changes. Errors are collected under each item's pointer.
   */
  checkReferences?: (tx: Db, items: { item: I; agencyId: string; at: string; current?: T['$inferSelect'] }[], errors: FieldError[]) => Promise<void>;
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
    const n = spec.numbers.of(items[i]!);
    return n === undefined ? null : `${owners[i]}#${n}`;
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
      const values: Partial<T['$inferInsert']>[] = [];
      const generated: Partial<T['$inferSelect']>[] = [];
      for (const [i, item] of items.entries()) {
        const before = errors.length;
        const agency = known.agencies.get(owners[i]!);
        if (!agency) errors.push({ in: 'body', pointer: `${at(i)}/agencyId`, detail: 'No agency has this id.' });
        const prepared = await spec.prepare(item, at(i), errors, { today, publishedOn: today, rules, keptIds: {} });
        const date = spec.dateOf(item);
        const extras = await resolveExtras(tx, principal, item, owners[i]!, date, known, at(i), errors);
        const k = key(i);
        if (k !== null && seen.has(k)) duplicates.push(duplicate(`${at(i)}/${field}`));
        if (k !== null) seen.add(k);
        if (errors.length > before || !agency || prepared === undefined) continue;
        const claimed = item.claimedPublishedAt ? new Date(item.claimedPublishedAt) : null;
        // Spreads after the literal's own properties: led by a spread, V8 builds a slow dictionary-mode object.
        values.push({
          withdrawal: null,
          endedAt: null,
          ...firstPublication(now, date, spec.publicationDays, claimed, rules.calendar),
          ...spec.values(item, agency, prepared, extras),
        });
        generated.push(spec.generated(item, prepared));
      }
      await spec.checkReferences?.(tx, items.map((item, i) => ({ item, agencyId: owners[i]!, at: at(i) })), errors);
      const taken = await takenNumbers(tx, spec.kind.table, spec.numbers, owners, items);
      items.forEach((_item, i) => {
        const k = key(i);
        if (k !== null && taken.has(k)) duplicates.push(duplicate(`${at(i)}/${field}`));
      });
      if (errors.length) throw problems.unprocessable([...errors, ...duplicates]);
      if (duplicates.length) throw problems.conflict(spec.numbers.taken, duplicates);

      await insertRows(tx, spec.kind.table, values);
      // The rows as stored: generated columns are the database's and nothing reads them back here. Values,
      // generated columns and the search vector make the whole row, which TS cannot see over a generic table.
      const rows = values.map((v, i) => ({ ...v, ...generated[i], searchVector: '' }) as T['$inferSelect']);
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

async function takenNumbers<I>(tx: Db, table: DecisionTable, numbers: NumberSpec<I>, owners: string[], items: I[]): Promise<Set<string>> {
  const wanted = [...new Set(items.flatMap((i) => numbers.of(i) ?? []))];
  if (wanted.length === 0) return new Set();
  const rows = await tx
    .select({ agencyId: table.agencyId, number: numbers.column })
    .from(table)
    .where(and(inArray(table.agencyId, [...new Set(owners)]), isNotNull(numbers.column), inArray(numbers.column, wanted)));
  return new Set(rows.map((r) => `${r.agencyId}#${r.number}`));
}

/** The record and timeliness columns of a decision published for the first time at `now`. */
export function firstPublication(now: Date, decisionDate: string, publicationDays: number, claimed: Date | null, calendar: WorkCalendar) {
  return {
    id: newId(),
    version: 1,
    status: 'published' as const,
    createdAt: now,
    updatedAt: now,
    publishedAt: now,
    claimedPublishedAt: claimed,
    ...publicationTimeliness(decisionDate, publicationDays, now, claimed, calendar),
  };
}
