import { eq, gte } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { penalties } from '../../db/schema.js';
import { chinaDate } from '../../lib/validity.js';
import type { PenaltyListQuery } from '../../schemas/penalties.js';
import { contains, filterOn, listDecisions } from '../decisions/list.js';
import { penaltyKind, type PenaltyRow } from './present.js';

export async function listPenalties(db: Db, query: PenaltyListQuery, now: Date): Promise<{ rows: PenaltyRow[]; next: string | null }> {
  const filters = [
    // Display ends with the publicity end date even before the expiry sweep has recorded it.
    ...filterOn('shownOn', penalties.publicityEndDate, query.status === 'published' ? chinaDate(now) : undefined, gte),
    ...filterOn('penaltyType', penalties.penaltyTypes, query.penaltyType && [query.penaltyType], contains),
    ...filterOn('decisionNumber', penalties.decisionNumber, query.decisionNumber, eq),
  ];
  return listDecisions(db, {
    kind: penaltyKind,
    who: { param: 'party', name: penalties.partyName, creditCode: penalties.partyCreditCode },
    searchColumns: [penalties.partyName, penalties.decisionNumber],
    filters,
  }, query);
}
