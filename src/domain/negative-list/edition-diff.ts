import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { negativeListEditions, negativeListItems } from '../../db/schema.js';
import { problems } from '../../errors.js';
import { diffEditions } from './diff/edition-diff.js';
import type { DiffEdition } from './diff/types.js';
import { editionTarget } from './editions.js';
import { tableOrder } from './items.js';

/** An edition as the diff reads it: its active items in table order, measures as stored. */
async function diffEditionOf(db: Db, ref: string, pointer: '/from' | '/to'): Promise<DiffEdition> {
  const [edition] = await db.select().from(negativeListEditions).where(editionTarget(ref).where);
  if (!edition) throw problems.unprocessable([{ in: 'query', pointer, detail: `No negative-list edition has the code or id ${ref}.` }]);
  const t = negativeListItems;
  const rows = await db
    .select({ code: t.code, category: t.category, itemNo: t.itemNo, name: t.name, measures: t.measures })
    .from(t)
    .where(and(eq(t.editionId, edition.id), eq(t.status, 'active')))
    .orderBy(...tableOrder);
  return {
    code: edition.code,
    title: edition.title,
    items: rows.map((r) => ({ ...r, measures: r.measures.map((m) => ({ text: m.text, starred: m.starred, local: m.local, authorities: m.authorities })) })),
  };
}

/** The difference between two editions named by code or id (an unknown one is a 422 naming its parameter). */
export async function compareEditions(db: Db, from: string, to: string) {
  const [a, b] = await Promise.all([diffEditionOf(db, from, '/from'), diffEditionOf(db, to, '/to')]);
  return diffEditions(a, b);
}
