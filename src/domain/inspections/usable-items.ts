import { inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { inspectionItems } from '../../db/schema.js';
import { problems } from '../../errors.js';

/**
 * Items a plan or task of `agencyId` may name: ones it initiates or cooperates in, and active — except items
 * the record already named, which stay valid after being cancelled or after their owner drops the agency's
 * cooperation (the record keeps its history, and another agency's change must not lock it). 422 naming each
 * bad entry otherwise.
 */
export async function assertUsableItems(tx: Db, ids: string[], agencyId: string, alreadyNamed: string[]): Promise<void> {
  const rows = await tx
    .select({ id: inspectionItems.id, agencyId: inspectionItems.agencyId, cooperating: inspectionItems.cooperatingAgencyIds, status: inspectionItems.status })
    .from(inspectionItems)
    .where(inArray(inspectionItems.id, ids));
  const byId = new Map(rows.map((r) => [r.id, r]));
  const errors = ids.flatMap((id, i) => {
    const item = byId.get(id);
    const pointer = `/itemIds/${i}`;
    if (!item) return [{ in: 'body' as const, pointer, detail: 'No inspection item has this id.' }];
    if (alreadyNamed.includes(id)) return [];
    if (item.agencyId !== agencyId && !item.cooperating.includes(agencyId)) return [{ in: 'body' as const, pointer, detail: 'An item of another agency, which this agency does not cooperate in.' }];
    if (item.status !== 'active') return [{ in: 'body' as const, pointer, detail: 'The item is cancelled.' }];
    return [];
  });
  if (errors.length > 0) throw problems.unprocessable(errors);
}
