import { and, count, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { negativeListEditions, negativeListItems } from '../../db/schema.js';
import { problems } from '../../errors.js';
import type { EditionPublish } from '../../schemas/negative-list/editions.js';
import { sqlState, UNIQUE_VIOLATION } from '../db-errors.js';
import { assertAdmin, type Principal } from '../principal.js';
import { appendChanges } from '../records.js';
import { countsOf, dayBefore, edition, editionTarget, PUBLISHED_NEVER_CHANGES, type EditionRow } from './editions.js';

const t = negativeListEditions;

const raced = () => problems.conflict('Another edition was published at the same time: read the current edition and publish again naming it in `supersedes`.');

/**
 * Publishes a draft: it becomes the current edition and the current one is superseded, in one transaction.
 * Both rows are locked, and one current edition is also a unique index, so of two concurrent publications
 * one wins and the other is a 409. `supersedes` must name the edition current now (a stale view is a 409).
 */
export async function publishEdition(db: Db, principal: Principal, now: Date, ref: string, body: EditionPublish) {
  assertAdmin(principal);
  return db
    .transaction(async (tx) => {
      const target = editionTarget(ref);
      const [draft] = await tx.select().from(t).where(target.where).for('update');
      if (!draft) throw problems.notFound(target.label);
      if (draft.status !== 'draft') throw problems.conflict(`${PUBLISHED_NEVER_CHANGES} (edition ${draft.code} is ${draft.status}).`);
      const [items] = await tx.select({ n: count() }).from(negativeListItems).where(and(eq(negativeListItems.editionId, draft.id), eq(negativeListItems.status, 'active')));
      if (!items?.n) throw problems.unprocessable([{ in: 'path', pointer: '/edition', detail: 'An edition without items cannot be published.' }]);
      const [current] = await tx.select().from(t).where(eq(t.status, 'current')).for('update');
      assertSupersedes(current, draft, body);
      const changes = [];
      if (current) {
        const old = await write(tx, current, { status: 'superseded', supersededAt: now, effectiveTo: dayBefore(draft.effectiveFrom) }, now);
        changes.push({ type: edition.type, id: old.id, version: old.version, event: 'superseded' as const, agencyId: null, data: (await edition.publish(tx, [old], now))[0]! });
      }
      const counts = (await countsOf(tx, [draft.id])).get(draft.id)!;
      const published = await write(tx, draft, { status: 'current', publishedAt: now, counts }, now);
      const [data] = await edition.publish(tx, [published], now);
      changes.push({ type: edition.type, id: published.id, version: published.version, event: 'published' as const, agencyId: null, data: data! });
      await appendChanges(tx, principal, now, changes);
      return { row: published, published: data! };
    })
    .catch((err: unknown) => {
      if (sqlState(err) === UNIQUE_VIOLATION) throw raced();
      throw err;
    });
}

function assertSupersedes(current: EditionRow | undefined, draft: EditionRow, body: EditionPublish) {
  if (!current) {
    if (body.supersedes) throw raced();
    return;
  }
  // A conflict, not bad input: the caller may have looked before another publication made this edition current.
  if (!body.supersedes) {
    throw problems.conflict(`Edition ${current.code} is current: name it in \`supersedes\` to replace it.`, [
      { in: 'body', pointer: '/supersedes', detail: `Must name the current edition, ${current.code}.` },
    ]);
  }
  if (body.supersedes !== current.code) throw problems.conflict(`Edition ${current.code} is current now, not ${body.supersedes}: read it and publish again naming it.`);
  if (draft.effectiveFrom <= current.effectiveFrom) {
    throw problems.unprocessable([
      { in: 'body', pointer: '/supersedes', detail: `The draft takes effect on ${draft.effectiveFrom}, not after edition ${current.code} (${current.effectiveFrom}): fix its 施行日期 first.` },
    ]);
  }
}

async function write(tx: Db, row: EditionRow, set: Partial<EditionRow>, now: Date): Promise<EditionRow> {
  const [next] = await tx.update(t).set({ ...set, version: row.version + 1, updatedAt: now }).where(eq(t.id, row.id)).returning();
  return next!;
}
