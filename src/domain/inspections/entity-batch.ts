/**
 * Many entries of one agency's 检查对象名录库 in one transaction, all or nothing: what the directory import
 * writes per batch. Each entry is version 1 with its revision and `created` feed event, exactly as
 * POST /v1/inspection-entities writes one. An entry whose 统一社会信用代码 or 注册号 the agency's directory
 * already lists as active (or that an earlier item of the list repeats) refuses the batch with a 409 naming
 * every such item, so the caller can drop them and write the rest.
 */
import { and, eq, inArray, or } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { inspectionEntities } from '../../db/schema.js';
import { problems, type FieldError } from '../../errors.js';
import type { InspectionEntityCreate } from '../../schemas/inspections/entities.js';
import { createRecords } from '../bulk-create.js';
import { sqlState, UNIQUE_VIOLATION, violatedConstraint } from '../db-errors.js';
import type { Principal } from '../principal.js';
import { agencyOwner } from '../versioned-record.js';
import { inspectionEntity } from './entities.js';

type Identity = 'creditCode' | 'registrationNo';
const IDENTITIES: { field: Identity; label: string }[] = [
  { field: 'creditCode', label: '统一社会信用代码' },
  { field: 'registrationNo', label: '注册号' },
];
const isActive = (item: InspectionEntityCreate) => (item.status ?? 'active') === 'active';

/** The codes of `items` that the agency's directory already lists as active entries. */
async function listedCodes(tx: Db, agencyId: string, items: InspectionEntityCreate[]): Promise<Record<Identity, Set<string>>> {
  const t = inspectionEntities;
  const wanted = (field: Identity) => [...new Set(items.flatMap((i) => (isActive(i) && i[field] ? [i[field]] : [])))];
  const [codes, numbers] = [wanted('creditCode'), wanted('registrationNo')];
  const found = { creditCode: new Set<string>(), registrationNo: new Set<string>() };
  if (codes.length + numbers.length === 0) return found;
  const rows = await tx
    .select({ creditCode: t.creditCode, registrationNo: t.registrationNo })
    .from(t)
    .where(and(eq(t.agencyId, agencyId), eq(t.status, 'active'), or(codes.length ? inArray(t.creditCode, codes) : undefined, numbers.length ? inArray(t.registrationNo, numbers) : undefined)));
  for (const row of rows) {
    if (row.creditCode) found.creditCode.add(row.creditCode);
    if (row.registrationNo) found.registrationNo.add(row.registrationNo);
  }
  return found;
}

/** Why an item may not be listed: its code is listed already, or an earlier item of the list has it. */
function duplicateOf(item: InspectionEntityCreate, listed: Record<Identity, Set<string>>, seen: Record<Identity, Set<string>>): { field: Identity; detail: string } | undefined {
  for (const { field, label } of IDENTITIES) {
    const code = item[field];
    if (code && listed[field].has(code)) return { field, detail: `The directory already lists an active entity with this ${label}: update that entry instead.` };
    if (code && seen[field].has(code)) return { field, detail: `An earlier item of this list has the same ${label}.` };
  }
  return undefined;
}

function duplicates(items: InspectionEntityCreate[], listed: Record<Identity, Set<string>>, at: (i: number) => string): FieldError[] {
  const errors: FieldError[] = [];
  const seen = { creditCode: new Set<string>(), registrationNo: new Set<string>() };
  items.forEach((item, i) => {
    if (!isActive(item)) return;
    const duplicate = duplicateOf(item, listed, seen);
    if (duplicate) errors.push({ in: 'body', pointer: `${at(i)}/${duplicate.field}`, detail: duplicate.detail });
    else for (const { field } of IDENTITIES) if (item[field]) seen[field].add(item[field]);
  });
  return errors;
}

/** Writes the entries for `agencyId`; returns how many. The operator, or the agency's own key, may do so. */
export async function createInspectionEntities(db: Db, principal: Principal, now: Date, agencyId: string, items: InspectionEntityCreate[], at: (i: number) => string): Promise<number> {
  const attempt = () =>
    db.transaction(async (tx) => {
      const fixed = await agencyOwner(principal, agencyId)(tx);
      const refused = duplicates(items, await listedCodes(tx, fixed.agencyId, items), at);
      if (refused.length) throw problems.conflict("This agency's directory already lists some of these entities.", refused);
      await createRecords(tx, inspectionEntity, principal, now, items, fixed);
      return items.length;
    });
  for (let tries = 1; ; tries++) {
    try {
      return await attempt();
    } catch (err) {
      if (sqlState(err) !== UNIQUE_VIOLATION) throw err;
      // A concurrent writer listed one of these entities after the check: checked once more, it is named.
      if (tries === 2) throw inspectionEntity.conflict!(violatedConstraint(err));
    }
  }
}
