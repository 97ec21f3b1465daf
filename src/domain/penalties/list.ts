import { arrayContains, eq, gte, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { penalties } from '../../db/schema.js';
import { chinaDate } from '../../lib/validity.js';
import type { PenaltyListQuery } from '../../schemas/penalties.js';
import { listDecisions } from '../decisions/list.js';
import { penaltyKind, type PenaltyRow } from './present.js';

export async function listPenalties(db: Db, query: PenaltyListQuery, now: Date): Promise<{ rows: PenaltyRow[]; next: string | null }> {
  const filters: SQL[] = [];
  // Display ends with the publicity end date even before the expiry sweep has recorded it.
  if (query.status === 'published') filters.push(gte(penalties.publicityEndDate, chinaDate(now)));
  if (query.penaltyType) filters.push(arrayContains(penalties.penaltyTypes, [query.penaltyType]));
  if (query.decisionNumber) filters.push(eq(penalties.decisionNumber, query.decisionNumber));
  return listDecisions(db, {
    kind: penaltyKind,
    who: { param: 'party', name: penalties.partyName, creditCode: penalties.partyCreditCode },
    searchColumns: [penalties.partyName, penalties.decisionNumber],
    filters,
  }, query);
}
