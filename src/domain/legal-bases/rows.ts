import { withRecordMeta } from '../records.js';
import type { legalArticles, legalBases } from '../../db/schema.js';
import { articleLabel, articleOrdinal } from '../../lib/article-no.js';
import { searchText } from '../../lib/segment.js';
import type { LegalArticle, LegalArticleInput } from '../../schemas/legal-articles.js';
import type { LegalBasis, LegalBasisCreate } from '../../schemas/legal-bases.js';

export type LegalBasisRow = typeof legalBases.$inferSelect;
// The stored search vector is derived by the database and never handled by the app.
export type LegalArticleRow = Omit<typeof legalArticles.$inferSelect, 'searchVector'>;

/** What is derived on read, never stored: it changes with the date and with later texts. */
export interface Derived {
  validity: LegalBasis['validity'];
  amendedBy: string[];
  articleCount: number;
}

/** The stored part of a text, as published (revision snapshots add the articles). */
export function storedFields(row: LegalBasisRow) {
  return withRecordMeta(row, {
    agencyId: row.agencyId,
    title: row.title,
    level: row.level as LegalBasis['level'],
    issuer: row.issuer,
    docNumber: row.docNumber,
    promulgatedOn: row.promulgatedOn,
    effectiveOn: row.effectiveOn,
    repealedOn: row.repealedOn,
    amendsId: row.amendsId,
    topics: row.topics,
    sourceUrl: row.sourceUrl,
  });
}

export function toLegalBasis(row: LegalBasisRow, derived: Derived): LegalBasis {
  return { ...storedFields(row), ...derived };
}

/** What the revision history and the change feed keep: the stored text with its articles as they were. */
export type LegalBasisSnapshot = ReturnType<typeof storedFields> & { articles: LegalArticle[] };

export function snapshot(row: LegalBasisRow, articles: LegalArticleRow[]): LegalBasisSnapshot {
  return { ...storedFields(row), articles: articles.map(toArticle) };
}

export function toArticle(row: LegalArticleRow): LegalArticle {
  return {
    legalBasisId: row.legalBasisId,
    no: row.no,
    label: row.label,
    chapter: row.chapter,
    text: row.text,
    paragraphs: row.paragraphs ?? null,
  };
}

/** Columns of a legal basis from a validated payload. */
export function basisColumns(input: LegalBasisCreate) {
  return {
    title: input.title,
    level: input.level,
    issuer: input.issuer,
    docNumber: input.docNumber ?? null,
    promulgatedOn: input.promulgatedOn,
    effectiveOn: input.effectiveOn,
    repealedOn: input.repealedOn ?? null,
    amendsId: input.amendsId ?? null,
    topics: input.topics ?? [],
    sourceUrl: input.sourceUrl ?? null,
    searchText: searchText(input.title),
  };
}

/** Article rows, sorted by their number, with label and ordinal derived where not given. */
export function articleRows(legalBasisId: string, list: LegalArticleInput[]): LegalArticleRow[] {
  return list
    .map((a) => ({
      legalBasisId,
      no: a.no,
      ordinal: articleOrdinal(a.no),
      label: a.label ?? articleLabel(a.no),
      chapter: a.chapter ?? null,
      text: a.text,
      paragraphs: a.paragraphs ?? null,
      searchText: searchText(a.text),
    }))
    .sort((a, b) => a.ordinal - b.ordinal);
}

/** Stored articles back in payload form, so a merge patch can be validated like a create. */
export function articleInputs(rows: Pick<LegalArticle, 'no' | 'label' | 'chapter' | 'text' | 'paragraphs'>[]): LegalArticleInput[] {
  return rows.map((r) => ({
    no: r.no,
    label: r.label,
    ...(r.chapter ? { chapter: r.chapter } : {}),
    text: r.text,
    ...(r.paragraphs ? { paragraphs: r.paragraphs } : {}),
  }));
}
