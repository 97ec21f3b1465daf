import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { revisions } from '../../db/schema.js';
import type { RecordType } from '../records.js';

/**
 * Once a decision is withdrawn, expired or repaired, its earlier versions' content is no longer public:
 * revisions and feed entries so far then show only the notice. The rows themselves stay. Called with the
 * records locked, before the notice's own revision is written: every revision there is is an earlier one.
 */
export async function redactRevisions(tx: Db, type: RecordType, ids: string[]): Promise<void> {
  await tx
    .update(revisions)
    .set({ redacted: true })
    .where(and(eq(revisions.recordType, type), inArray(revisions.recordId, ids)));
}
