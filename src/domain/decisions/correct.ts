/**
 * A correction (更正) of any decision kind: a merge patch applied to the decision as sent, re-checked in full
 * with the kind's create schema and create checks, published as a new version with its public reason.
 * Each kind declares a CorrectSpec; the order of the steps is this module's.
 */
import { and, eq, ne } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../db/client.js';
import type { DecisionStatus } from '../../db/schema.js';
import { fieldErrorsFromZod, problems, type FieldError } from '../../errors.js';
import { chinaDate } from '../../lib/validity.js';
import { sqlState, UNIQUE_VIOLATION } from '../db-errors.js';
import type { Principal } from '../principal.js';
import { appendChanges } from '../records.js';
import { mergePatch, sameContent } from '../versioning.js';
import type { CreateSpec, DecisionItem, NumberSpec } from './create.js';
import { existingCampaigns, loadAgencies, resolveExtras, type ExtrasInput } from './decision-parts.js';
import { rowOf, type DecisionKind, type DecisionRow, type DecisionTable } from './kind.js';
import { lockForChange } from './lifecycle.js';
import type { Merge } from './party-ids.js';
import type { DecisionRules } from './rules.js';
import { publicationTimeliness } from './timeliness.js';

/** What a kind declares for its corrections; numbers, deadline, checks and columns are its create spec's. */
export interface CorrectSpec<T extends DecisionTable, I extends DecisionItem, P> {
  create: CreateSpec<T, I, P>;
  /** The create schema: the merged record is re-checked with every rule a new one meets. */
  schema: z.ZodType<I>;
  /** The stored record in request shape (see request-shape.ts). */
  asInput: (row: T['$inferSelect']) => Record<string, unknown>;
  /** A kind with a party keeps its masked ID numbers (keepingMaskedIds); by default a plain merge patch. */
  merge?: Merge<T['$inferSelect']>;
  /** The status a write sees, when it may differ from the stored one (a penalty past its period is expired). */
  statusAt?: (row: T['$inferSelect'], now: Date) => DecisionStatus;
}

/** The body of a correction (CorrectionCreate). */
export interface Correction {
  reason: string;
  changes: Record<string, unknown>;
}

/**
 * Corrects a published decision by its deciding agency, against the version named by If-Match: merge,
 * re-validate, the kind's checks, then the number (409), then a new version and its feed event. Every
 * bad field is named at once (422, under /changes) before the number is looked up.
 */
export async function correctDecision<T extends DecisionTable, I extends DecisionItem, P>(
  db: Db,
  spec: CorrectSpec<T, I, P>,
  principal: Principal,
  now: Date,
  rules: DecisionRules,
  id: string,
  ifMatch: string,
  input: Correction,
): Promise<T['$inferSelect']> {
  const { kind, numbers } = spec.create;
  return db
    .transaction(async (tx) => {
      const row = await lockForChange(tx, kind, principal, id, ifMatch);
      const status = spec.statusAt?.(row, now) ?? row.status;
      if (status !== 'published') throw problems.conflict(`This ${kind.noun} is ${status}: only a published ${kind.noun} can be corrected.`);
      const errors: FieldError[] = [];
      const current = spec.asInput(row);
      const { merged, kept } = spec.merge?.(row, current, input.changes, errors, rules.masking.mask) ?? { merged: mergePatch(current, input.changes), kept: {} };
      const parsed = spec.schema.safeParse(merged);
      if (!parsed.success) errors.push(...fieldErrorsFromZod(parsed.error.issues, 'body').map((e) => ({ ...e, pointer: '/changes' + e.pointer })));
      if (errors.length || !parsed.success) throw problems.unprocessable(errors);
      const next = parsed.data;
      const claimed = claimedChangeRefused(next, row, principal);
      if (claimed) errors.push(claimed);
      const date = spec.create.dateOf(next);
      const context = { today: chinaDate(now), publishedOn: chinaDate(row.publishedAt), rules, keptIds: kept };
      const prepared = await spec.create.prepare(next, '/changes', errors, context);
      const extras = await correctedExtras(tx, row, next, date, errors);
      await spec.create.checkReferences?.(tx, [{ item: next, agencyId: row.agencyId, at: '/changes', current: row }], errors);
      if (errors.length || prepared === undefined) throw problems.unprocessable(errors);
      await refuseTakenNumber(tx, kind.table, numbers, row, numbers.of(next), current[numbers.field]);
      const values = {
        ...spec.create.values(next, agencyOf(row), prepared, extras),
        ...correctedPublication(row, next.claimedPublishedAt, date, spec.create.publicationDays, rules),
      };
      return publishCorrection(tx, kind, principal, now, row, values, input.reason);
    })
    .catch((err: unknown) => {
      // Two corrections racing to the same new number: the unique index decides, and the loser hears 409.
      if (sqlState(err) === UNIQUE_VIOLATION) throw problems.conflict(numbers.takenByCorrection, [numbers.duplicate(`/changes/${numbers.field}`)]);
      throw err;
    });
}

const claimedChangeRefused = (next: { claimedPublishedAt?: string | undefined }, row: DecisionRow, principal: Principal): FieldError | null =>
  next.claimedPublishedAt !== (row.claimedPublishedAt?.toISOString() ?? undefined) && principal.kind !== 'admin'
    ? { in: 'body', pointer: '/changes/claimedPublishedAt', detail: 'Only the operator may change a claimed publication date.' }
    : null;

/** Joint participants, campaign and citations of the corrected decision, checked as the operator would be. */
async function correctedExtras(tx: Db, row: DecisionRow, next: ExtrasInput, date: string, errors: FieldError[]) {
  const known = {
    agencies: await loadAgencies(tx, [row.agencyId, ...(next.joint?.agencyIds ?? [])]),
    campaigns: await existingCampaigns(tx, next.campaignId ? [next.campaignId] : []),
  };
  return resolveExtras(tx, { kind: 'admin' }, next, row.agencyId, date, known, '/changes', errors);
}

/** The agency as first published: a correction does not rename it. */
const agencyOf = (row: DecisionRow) => ({ id: row.agencyId, name: row.agencyName, creditCode: row.agencyCreditCode, regionCode: row.regionCode });

/** Columns a correction recomputes or keeps whatever the kind: data source as first published, timeliness from the new date. */
function correctedPublication(row: DecisionRow, claimedPublishedAt: string | undefined, date: string, days: number, rules: DecisionRules) {
  const claimed = claimedPublishedAt ? new Date(claimedPublishedAt) : null;
  return {
    dataSource: row.dataSource,
    dataSourceCreditCode: row.dataSourceCreditCode,
    claimedPublishedAt: claimed,
    ...publicationTimeliness(date, days, row.publishedAt, claimed, rules.calendar),
  };
}

/** 409 when the corrected number is new to this record and another record of the same agency has it. */
async function refuseTakenNumber<I>(tx: Db, table: DecisionTable, numbers: NumberSpec<I>, row: DecisionRow, value: string | undefined, stored: unknown) {
  if (value === undefined || value === stored) return;
  const [other] = await tx
    .select({ id: table.id })
    .from(table)
    .where(and(eq(table.agencyId, row.agencyId), eq(numbers.column, value), ne(table.id, row.id)));
  if (other) throw problems.conflict(numbers.takenByCorrection, [numbers.duplicate(`/changes/${numbers.field}`)]);
}

/** Publishes the corrected values as a new version with its public reason; unchanged content is no version. */
async function publishCorrection<T extends DecisionTable>(
  tx: Db,
  kind: DecisionKind<T>,
  principal: Principal,
  now: Date,
  row: T['$inferSelect'],
  values: Record<string, unknown>,
  reason: string,
): Promise<T['$inferSelect']> {
  if (sameContent(row, values)) return row;
  const t: DecisionTable = kind.table;
  const [updated] = await tx
    .update(t)
    .set({ ...values, version: row.version + 1, updatedAt: now })
    .where(eq(t.id, row.id))
    .returning();
  const next = rowOf(kind, updated!);
  await appendChanges(tx, principal, now, [
    { type: kind.type, id: row.id, version: next.version, event: 'corrected', agencyId: row.agencyId, data: kind.present(next), reason },
  ]);
  return next;
}
