/**
 * The database side of the import CLI. The importer publishes on the operator's behalf for one agency: each
 * batch goes to the same all-or-nothing domain function as POST /v1/penalties/batch (or its licence
 * counterpart; for directory entries, createInspectionEntities; for approval items, createApprovalItems), as the operator with
 * every item's agencyId set to that agency, and a refused batch (422, or 409 for a decision number or
 * directory code already used) comes back as { ok: false, errors } with pointers /items/N/..., which the
 * drivers (runImport, importEntities) map to rows.
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { agencies } from '../db/schema.js';
import { createLicences } from '../domain/licences/create.js';
import { createPenalties } from '../domain/penalties/create.js';
import { decisionRules } from '../domain/decisions/rules.js';
import { Problem } from '../errors.js';
import type { LicenceCreate } from '../schemas/licences.js';
import type { PenaltyCreate } from '../schemas/penalties.js';
import { createInspectionEntities } from '../domain/inspections/entity-batch.js';
import type { InspectionEntityCreate } from '../schemas/inspections/entities.js';
import { importEntities, type EntityImportOptions, type EntityImportResult } from './entity-import.js';
import { createApprovalItems } from '../domain/approval-items/batch.js';
import type { ApprovalItemCreate } from '../schemas/approval-items.js';
import { approvalItemRows } from './approval-item-import.js';
import { importRows, type StreamImportOptions, type StreamImportResult } from './stream-import.js';
import type { ImportKind } from './national-headers.js';
import { runImport, type ImportProgress, type ImportResult, type Submit } from './run-import.js';

/** Both kinds are wired; the CLI refuses a kind that is not before opening any database. */
export const WIRED: boolean = true;
const WIRED_KINDS: Record<ImportKind, boolean> = { penalties: true, licences: true };
export const isWired = (kind: ImportKind): boolean => WIRED_KINDS[kind];
export const NOT_WIRED_LICENCES = 'Importing 行政许可 into the database is not wired yet; use --dry-run.';

/** The importer publishes on the operator's behalf, for the one agency named on the command line. */
const ADMIN = { kind: 'admin' } as const;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A Submit over an all-or-nothing domain write of `items` (pointers `/items/N`): a refusal (a Problem: 422,
 * or 409 for a number or code already used) comes back as { ok: false, errors }; anything else is thrown.
 */
function refusalsAsErrors(write: (items: unknown[], at: (i: number) => string) => Promise<unknown>): Submit {
  const at = (i: number) => '/items/' + i;
  return async (items) => {
    try {
      await write(items, at);
      return { ok: true };
    } catch (e) {
      if (!(e instanceof Problem)) throw e;
      // A refusal naming no field (e.g. a concurrent writer took a number) fails the remaining batch as a whole.
      return { ok: false, errors: e.errors?.length ? e.errors : [{ in: 'body', pointer: '', detail: e.detail }] };
    }
  };
}

export function makeSubmit(db: Db, agencyId: string, kind: ImportKind, now: () => Date = () => new Date()): Submit {
  if (!isWired(kind)) throw new Error(NOT_WIRED_LICENCES);
  // No request body here, so no body limit applies; the other rules are the bundled defaults.
  const rules = decisionRules({ bodyLimitBytes: 0 });
  return refusalsAsErrors((items, at) =>
    kind === 'penalties'
      ? createPenalties(db, ADMIN, now(), rules, (items as PenaltyCreate[]).map((item) => ({ ...item, agencyId })), at)
      : createLicences(db, ADMIN, now(), rules, (items as LicenceCreate[]).map((item) => ({ ...item, agencyId })), at),
  );
}

/** The agency's 统一社会信用代码, for the own-agency check on 处罚机关/许可机关统一社会信用代码. */
export async function agencyCreditCode(db: Db, agencyId: string): Promise<string> {
  const bad = agencyIdProblem(agencyId);
  if (bad) throw new ImportAgencyError(bad);
  const [row] = await db.select({ creditCode: agencies.creditCode }).from(agencies).where(eq(agencies.id, agencyId));
  if (!row) throw new ImportAgencyError('No agency has this id.');
  return row.creditCode;
}

export class ImportAgencyError extends Error {}

/** Checked before a database is opened: an agency id is a UUID. */
export const agencyIdProblem = (agencyId: string): string | null =>
  UUID.test(agencyId) ? null : `--agency must be an agency id (a UUID), not ${JSON.stringify(agencyId)}.`;

export interface ImportIntoDatabaseOptions {
  agencyId: string;
  kind: ImportKind;
  file: string | Uint8Array;
  batchSize?: number;
  /** Looked up when not given. */
  agencyCreditCode?: string;
  now?: () => Date;
  onProgress?: (p: ImportProgress) => void;
}

/** What the CLI runs without --dry-run: the file's valid rows published for the agency. */
export async function importIntoDatabase(db: Db, opts: ImportIntoDatabaseOptions): Promise<ImportResult> {
  const submit = makeSubmit(db, opts.agencyId, opts.kind, opts.now);
  return runImport({
    file: opts.file,
    kind: opts.kind,
    agencyCreditCode: opts.agencyCreditCode ?? (await agencyCreditCode(db, opts.agencyId)),
    batchSize: opts.batchSize,
    submit,
    onProgress: opts.onProgress,
  });
}

/** Writes each batch into the agency's 检查对象名录库 (createInspectionEntities: one transaction per batch). */
export function makeEntitySubmit(db: Db, agencyId: string, now: () => Date = () => new Date()): Submit {
  return refusalsAsErrors((items, at) => createInspectionEntities(db, ADMIN, now(), agencyId, items as InspectionEntityCreate[], at));
}

/** What the CLI runs for --kind inspection-entities without --dry-run; an agency that does not exist is refused first. */
export async function importEntitiesIntoDatabase(db: Db, opts: Omit<EntityImportOptions, 'submit'> & { agencyId: string; now?: () => Date }): Promise<EntityImportResult> {
  await agencyCreditCode(db, opts.agencyId); // only to check the agency exists (ImportAgencyError otherwise)
  return importEntities({ ...opts, submit: makeEntitySubmit(db, opts.agencyId, opts.now) });
}

/** Writes each batch into the agency's 行政许可事项清单 (createApprovalItems: one transaction per batch). */
export function makeApprovalItemSubmit(db: Db, agencyId: string, now: () => Date = () => new Date()): Submit {
  return refusalsAsErrors((items, at) => createApprovalItems(db, ADMIN, now(), agencyId, items as ApprovalItemCreate[], at));
}

/** What the CLI runs for --kind approval-items without --dry-run; an agency that does not exist is refused first. */
export async function importApprovalItemsIntoDatabase(db: Db, opts: Omit<StreamImportOptions, 'submit'> & { agencyId: string; now?: () => Date }): Promise<StreamImportResult> {
  await agencyCreditCode(db, opts.agencyId); // only to check the agency exists (ImportAgencyError otherwise)
  return importRows(approvalItemRows, { ...opts, submit: makeApprovalItemSubmit(db, opts.agencyId, opts.now) });
}
