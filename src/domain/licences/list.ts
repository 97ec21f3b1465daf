import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { licences } from '../../db/schema.js';
import type { LicenceListQuery } from '../../schemas/licences.js';
import { filterOn, listDecisions } from '../decisions/list.js';
import { licenceKind, type LicenceRow } from './present.js';

export async function listLicences(db: Db, query: LicenceListQuery): Promise<{ rows: LicenceRow[]; next: string | null }> {
  const filters = [
    ...filterOn('decisionNumber', licences.decisionNumber, query.decisionNumber, eq),
    ...filterOn('category', licences.category, query.category, eq),
    ...filterOn('state', licences.state, query.state, eq),
    ...filterOn('approvalItemId', licences.approvalItemId, query.approvalItemId, eq),
  ];
  return listDecisions(db, {
    kind: licenceKind,
    who: { param: 'party', name: licences.partyName, creditCode: licences.partyCreditCode },
    searchColumns: [licences.partyName, licences.decisionNumber],
    filters,
  }, query);
}
