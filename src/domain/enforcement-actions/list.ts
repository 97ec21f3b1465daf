import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { enforcementActions as ea } from '../../db/schema.js';
import type { EnforcementActionListQuery } from '../../schemas/enforcement-actions.js';
import { filterOn, listDecisions } from '../decisions/list.js';
import { actionKind, type ActionRow } from './present.js';

export async function listActions(db: Db, query: EnforcementActionListQuery): Promise<{ rows: ActionRow[]; next: string | null }> {
  const filters = filterOn('actionType', ea.actionType, query.actionType, eq);
  return listDecisions(db, {
    kind: actionKind,
    who: { param: 'target', name: ea.targetName, creditCode: ea.targetCreditCode },
    searchColumns: [ea.targetName, ea.documentNumber],
    filters,
  }, query);
}
