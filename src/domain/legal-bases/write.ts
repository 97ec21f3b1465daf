import { and, eq, ne, notInArray } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { citations, legalArticles, legalBases } from '../../db/schema.js';
import { fieldErrorsFromZod, problems, type FieldError } from '../../errors.js';
import { newId } from '../../lib/ids.js';
import { stableJson } from '../../lib/stable-json.js';
import { LegalBasisCreate, type LegalBasisPatch } from '../../schemas/legal-bases.js';
import type { Principal } from '../principal.js';
import { appendChanges } from '../records.js';
import { assertIfMatch, mergePatch, sameContent } from '../versioning.js';
import { articleInputs, articleRows, basisColumns, snapshot, storedFields, type LegalArticleRow, type LegalBasisRow } from './rows.js';

/** The operator, or any key with the publish scope, may add texts; the text then belongs to the key's agency. */
function publisherOf(principal: Principal): string | null {
  if (principal.kind === 'admin') return null;
  if (!principal.scopes.includes('publish')) throw problems.forbidden('This key lacks the "publish" scope.');
  return principal.agencyId;
}

/** The operator may edit any text; an agency only the texts its own keys published. */
function assertMayEdit(principal: Principal, row: LegalBasisRow): void {
  if (principal.kind === 'admin') return;
  if (row.agencyId !== principal.agencyId) throw problems.forbidden('An agency may edit only the legal texts it published.');
  publisherOf(principal);
}

/** amendsId names an existing earlier text, and following amendsId from it never comes back to this one. */
async function checkLineage(db: Db, input: LegalBasisCreate, selfId?: string): Promise<void> {
  if (!input.amendsId) return;
  const errors: FieldError[] = [];
  const [target] = await db.select().from(legalBases).where(eq(legalBases.id, input.amendsId));
  if (!target) errors.push({ in: 'body', pointer: '/amendsId', detail: 'No legal basis has this id.' });
  else if (input.amendsId === selfId) errors.push({ in: 'body', pointer: '/amendsId', detail: 'A text cannot amend itself.' });
  else if (input.effectiveOn < target.effectiveOn) {
    errors.push({ in: 'body', pointer: '/effectiveOn', detail: `An amending text cannot take effect before the text it amends (${target.effectiveOn}).` });
  } else if (selfId) {
    const seen = new Set<string>();
    for (let current: string | null = target.amendsId; current && !seen.has(current); ) {
      if (current === selfId) {
        errors.push({ in: 'body', pointer: '/amendsId', detail: 'That text already descends from this one; the lineage would loop.' });
        break;
      }
      seen.add(current);
      const [row] = await db.select({ amendsId: legalBases.amendsId }).from(legalBases).where(eq(legalBases.id, current));
      current = row?.amendsId ?? null;
    }
  }
  if (errors.length) throw problems.unprocessable(errors);
}

async function insertArticles(tx: Db, rows: LegalArticleRow[]): Promise<void> {
  // Batches stay far below the bind-parameter limit (65535) of the PostgreSQL protocol.
  for (let i = 0; i < rows.length; i += 500) await tx.insert(legalArticles).values(rows.slice(i, i + 500));
}

export async function createLegalBasis(db: Db, principal: Principal, now: Date, input: LegalBasisCreate): Promise<LegalBasisRow> {
  const agencyId = publisherOf(principal);
  return db.transaction(async (tx) => {
    await checkLineage(tx, input);
    const id = newId();
    const [row] = await tx
      .insert(legalBases)
      .values({ id, version: 1, status: 'published', createdAt: now, updatedAt: now, agencyId, ...basisColumns(input) })
      .returning();
    const articles = articleRows(id, input.articles ?? []);
    await insertArticles(tx, articles);
    await appendChanges(tx, principal, now, [{ type: 'legal_basis', id, version: 1, event: 'created', agencyId, data: snapshot(row!, articles) }]);
    return row!;
  });
}

/** Removing an article that a published record cites would leave that citation pointing nowhere. */
async function assertCitedArticlesKept(tx: Db, id: string, next: LegalArticleRow[]): Promise<void> {
  const kept = next.map((a) => a.no);
  const cited = await tx
    .selectDistinct({ no: citations.articleNo })
    .from(citations)
    .where(and(eq(citations.legalBasisId, id), ne(citations.articleNo, ''), kept.length ? notInArray(citations.articleNo, kept) : undefined));
  if (cited.length) {
    throw problems.conflict('Other published records cite articles this update would remove.', [
      { in: 'body', pointer: '/articles', detail: `Cited articles must stay: ${cited.map((c) => c.no).sort().join(', ')}.` },
    ]);
  }
}

/** Applies a merge patch to the version named by If-Match; the article list, when given, replaces the old one. */
export async function patchLegalBasis(db: Db, principal: Principal, now: Date, id: string, ifMatch: string, patch: LegalBasisPatch): Promise<LegalBasisRow> {
  return db.transaction(async (tx) => {
    const [current] = await tx.select().from(legalBases).where(eq(legalBases.id, id)).for('update');
    if (!current) throw problems.notFound('Legal basis ' + id);
    assertMayEdit(principal, current);
    assertIfMatch(ifMatch, current.version);
    const currentArticles = (await tx.select().from(legalArticles).where(eq(legalArticles.legalBasisId, id)).orderBy(legalArticles.ordinal)).map(
      ({ searchVector: _derived, ...article }) => article, // derived by the database; not part of the content
    );
    const editable = { ...storedFields(current), articles: articleInputs(currentArticles) };
    const merged = LegalBasisCreate.safeParse(mergePatch(editable, patch, ['agencyId']));
    if (!merged.success) throw problems.unprocessable(fieldErrorsFromZod(merged.error.issues, 'body'));
    await checkLineage(tx, merged.data, id);
    const next = basisColumns(merged.data);
    const articles = articleRows(id, merged.data.articles ?? []);
    const articlesChanged = stableJson(articles) !== stableJson(currentArticles);
    if (sameContent(current, next) && !articlesChanged) return current;
    const [row] = await tx
      .update(legalBases)
      .set({ ...next, version: current.version + 1, updatedAt: now })
      .where(eq(legalBases.id, id))
      .returning();
    if (articlesChanged) {
      await assertCitedArticlesKept(tx, id, articles);
      await tx.delete(legalArticles).where(eq(legalArticles.legalBasisId, id));
      await insertArticles(tx, articles);
    }
    const data = snapshot(row!, articles);
    await appendChanges(tx, principal, now, [{ type: 'legal_basis', id, version: row!.version, event: 'updated', agencyId: current.agencyId, data }]);
    return row!;
  });
}
