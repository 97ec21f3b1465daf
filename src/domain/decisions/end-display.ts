import { and, eq, lte } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { revisions } from '../../db/schema.js';
import type { RecordType } from '../records.js';

/**
 * Once a decision is withdrawn, expired or repaired, its earlier versions' content is no longer public:
 * revisions and feed entries up to `version` then show only the notice. The rows themselves stay.
 */
export async function redactRevisions(tx: Db, type: RecordType, id: string, version: number): Promise<void> {
  await tx
    .update(revisions)
    .set({ redacted: true })
    .where(and(eq(revisions.recordType, type), eq(revisions.recordId, id), lte(revisions.version, version)));
}
