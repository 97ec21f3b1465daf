/**
 * The database side of the import CLI, not wired yet. makeSubmit must return a Submit that calls the domain
 * batch function (createPenaltyBatch(db, principal, now, items) for penalties, its licence counterpart for
 * licences) for the agency, and turns a thrown Problem into { ok: false, errors: problem.errors } (pointers
 * /items/N/...; a duplicate decision number, 409, comes back as /items/N/decisionNumber). agencyCreditCode
 * looks up the agency's 统一社会信用代码 for the own-agency check.
 */
import type { Db } from '../db/client.js';
import type { ImportKind } from './national-headers.js';
import type { Submit } from './run-import.js';

/** Set to true once makeSubmit and agencyCreditCode work: until then the CLI refuses before opening a database. */
export const WIRED: boolean = false;

export function makeSubmit(_db: Db, _agencyId: string, _kind: ImportKind): Submit {
  throw new Error('not wired');
}

export async function agencyCreditCode(_db: Db, _agencyId: string): Promise<string> {
  throw new Error('not wired');
}
