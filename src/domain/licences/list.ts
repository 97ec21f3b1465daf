import { eq, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { licences } from '../../db/schema.js';
import type { LicenceListQuery } from '../../schemas/licences.js';
import { listDecisions } from '../decisions/list.js';
import { licenceKind, type LicenceRow } from './present.js';

export async function listLicences(db: Db, query: LicenceListQuery): Promise<{ rows: LicenceRow[]; next: string | null }> {
  const filters: SQL[] = [];
  if (query.decisionNumber) filters.push(eq(licences.decisionNumber, query.decisionNumber));
  if (query.category) filters.push(eq(licences.category, query.category));
  if (query.state) filters.push(eq(licences.state, query.state));
  if (query.approvalItemId) filters.push(eq(licences.approvalItemId, query.approvalItemId));
  return listDecisions(db, {
    kind: licenceKind,
    who: { param: 'party', name: licences.partyName, creditCode: licences.partyCreditCode },
    searchColumns: [licences.partyName, licences.decisionNumber],
    filters,
  }, query);
}
