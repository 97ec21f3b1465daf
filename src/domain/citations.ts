import { and, eq, inArray, isNotNull, min } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { citations as citationRows, legalArticles, legalBases } from '../db/schema.js';
import { problems, type FieldError } from '../errors.js';
import { validityOn } from '../lib/validity.js';
import type { Citation, CitationInput } from '../schemas/citations.js';
import type { RecordType } from './records.js';

/** Every cited text and article must exist; each missing one is named by its JSON pointer. */
export async function checkCitations(db: Db, list: CitationInput[], pointer = '/citations'): Promise<void> {
  if (list.length === 0) return;
  const ids = [...new Set(list.map((c) => c.legalBasisId))];
  const bases = new Set((await db.select({ id: legalBases.id }).from(legalBases).where(inArray(legalBases.id, ids))).map((r) => r.id));
  const articles = new Set(
    (await db.select({ id: legalArticles.legalBasisId, no: legalArticles.no }).from(legalArticles).where(inArray(legalArticles.legalBasisId, ids))).map(
      (r) => `${r.id}#${r.no}`,
    ),
  );
  const errors: FieldError[] = [];
  list.forEach((c, i) => {
    if (!bases.has(c.legalBasisId)) errors.push({ in: 'body', pointer: `${pointer}/${i}/legalBasisId`, detail: 'No legal basis has this id.' });
    else if (c.articleNo && !articles.has(`${c.legalBasisId}#${c.articleNo}`)) {
      errors.push({ in: 'body', pointer: `${pointer}/${i}/articleNo`, detail: 'This legal basis has no such article.' });
    }
  });
  if (errors.length) throw problems.unprocessable(errors);
}

/** Replaces the citation index rows of one record (inside the record's write transaction). */
export async function indexCitations(tx: Db, type: RecordType, recordId: string, list: CitationInput[]): Promise<void> {
  await tx.delete(citationRows).where(and(eq(citationRows.recordType, type), eq(citationRows.recordId, recordId)));
  const rows = [...new Map(list.map((c) => [`${c.legalBasisId}#${c.articleNo ?? ''}`, c])).values()].map((c) => ({
    recordType: type,
    recordId,
    legalBasisId: c.legalBasisId,
    articleNo: c.articleNo ?? '',
  }));
  if (rows.length) await tx.insert(citationRows).values(rows);
}

/**
 * Citations as published: with the text's title, the article label, and its validity on the cited date.
 * Pass the citations of a whole page at once: it runs three queries however many records cite.
 */
export async function describeCitations(db: Db, list: CitationInput[], citedOn: string): Promise<Citation[]> {
  if (list.length === 0) return [];
  const ids = [...new Set(list.map((c) => c.legalBasisId))];
  const bases = await db
    .select({ id: legalBases.id, title: legalBases.title, effectiveOn: legalBases.effectiveOn, repealedOn: legalBases.repealedOn })
    .from(legalBases)
    .where(inArray(legalBases.id, ids));
  const amended = await db
    .select({ id: legalBases.amendsId, on: min(legalBases.effectiveOn) })
    .from(legalBases)
    .where(and(inArray(legalBases.amendsId, ids), isNotNull(legalBases.amendsId)))
    .groupBy(legalBases.amendsId);
  const nos = [...new Set(list.flatMap((c) => (c.articleNo ? [c.articleNo] : [])))];
  const labels = nos.length
    ? await db
        .select({ id: legalArticles.legalBasisId, no: legalArticles.no, label: legalArticles.label })
        .from(legalArticles)
        .where(and(inArray(legalArticles.legalBasisId, ids), inArray(legalArticles.no, nos)))
    : [];
  const byId = new Map(bases.map((b) => [b.id, b]));
  const amendedOn = new Map(amended.map((a) => [a.id!, a.on]));
  const labelOf = new Map(labels.map((l) => [`${l.id}#${l.no}`, l.label]));
  return list.map((c) => {
    const basis = byId.get(c.legalBasisId)!;
    const validity = validityOn({ effectiveOn: basis.effectiveOn, repealedOn: basis.repealedOn, amendedOn: amendedOn.get(basis.id) ?? null }, citedOn);
    return {
      legalBasisId: c.legalBasisId,
      articleNo: c.articleNo ?? null,
      paragraph: c.paragraph ?? null,
      item: c.item ?? null,
      title: basis.title,
      articleLabel: c.articleNo ? (labelOf.get(`${c.legalBasisId}#${c.articleNo}`) ?? null) : null,
      citedOn,
      validityOnCitedDate: validity,
      repealedOnCitedDate: validity === '已废止',
    };
  });
}
