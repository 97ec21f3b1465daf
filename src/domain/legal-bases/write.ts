import { and, eq, ne, notInArray } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { citations, legalArticles, legalBases } from '../../db/schema.js';
import { problems, type FieldError } from '../../errors.js';
import { stableJson } from '../../lib/stable-json.js';
import { LegalBasisCreate } from '../../schemas/legal-bases.js';
import type { Principal } from '../principal.js';
import { createRecord, type VersionedResource } from '../versioned-record.js';
import {
  articleInputs,
  articleRows,
  basisColumns,
  snapshot,
  storedFields,
  type LegalArticleRow,
  type LegalBasisRow,
  type LegalBasisSnapshot,
} from './rows.js';

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

async function storedArticles(tx: Db, id: string): Promise<LegalArticleRow[]> {
  const rows = await tx.select().from(legalArticles).where(eq(legalArticles.legalBasisId, id)).orderBy(legalArticles.ordinal);
  return rows.map(({ searchVector: _derived, ...article }) => article); // derived by the database; not part of the content
}

const articlesDiffer = async (tx: Db, id: string, input: LegalBasisCreate) =>
  stableJson(articleRows(id, input.articles ?? [])) !== stableJson(await storedArticles(tx, id));

/**
 * A text with its articles. The revision keeps the stored text and its articles as they were; what is
 * derived on read (validity, amendedBy) is not part of a version. A patch's article list, when given,
 * replaces the old one.
 */
export const legalBasis: VersionedResource<typeof legalBases, LegalBasisRow, LegalBasisCreate, LegalBasisSnapshot> = {
  type: 'legal_basis',
  name: 'Legal basis',
  table: legalBases,
  schema: LegalBasisCreate,
  readOnly: ['agencyId'],
  columns: basisColumns,
  publish: (tx, rows) => Promise.all(rows.map(async (row) => snapshot(row, await storedArticles(tx, row.id)))),
  editable: (_tx, row, published) => ({ ...storedFields(row), articles: articleInputs(published.articles) }),
  ownerOf: (row) => row.agencyId,
  authorize: assertMayEdit,
  check: (tx, input, current) => checkLineage(tx, input, current?.id),
  children: {
    changed: (tx, current, input) => articlesDiffer(tx, current.id, input),
    write: async (tx, row, input, current) => {
      if (current && !(await articlesDiffer(tx, row.id, input))) return;
      const articles = articleRows(row.id, input.articles ?? []);
      if (current) {
        await assertCitedArticlesKept(tx, row.id, articles);
        await tx.delete(legalArticles).where(eq(legalArticles.legalBasisId, row.id));
      }
      await insertArticles(tx, articles);
    },
  },
};

/** The text belongs to the key's agency (null for the operator). */
export const createLegalBasis = (db: Db, principal: Principal, now: Date, input: LegalBasisCreate) =>
  createRecord(db, legalBasis, principal, now, input, async () => ({ agencyId: publisherOf(principal), status: 'published' }));
