import { inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { agencies } from '../../db/schema.js';
import { problems } from '../../errors.js';

/** Named agencies must exist and differ from the owner (422 naming the entry otherwise). */
export async function assertPartnerAgencies(tx: Db, ids: string[], ownerId: string, field: string): Promise<void> {
  if (ids.length === 0) return;
  const found = new Set((await tx.select({ id: agencies.id }).from(agencies).where(inArray(agencies.id, ids))).map((r) => r.id));
  const errors = ids.flatMap((id, i) => {
    if (id === ownerId) return [{ in: 'body' as const, pointer: `/${field}/${i}`, detail: 'The owning agency cannot also be a cooperating agency.' }];
    return found.has(id) ? [] : [{ in: 'body' as const, pointer: `/${field}/${i}`, detail: 'No agency has this id.' }];
  });
  if (errors.length > 0) throw problems.unprocessable(errors);
}
