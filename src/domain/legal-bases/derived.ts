import { and, asc, count, inArray, isNull, lte, or, gt, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { legalArticles, legalBases } from '../../db/schema.js';
import { validityOn, type Validity } from '../../lib/validity.js';
import type { Derived, LegalBasisRow } from './rows.js';
import { derivedEtag } from '../versioning.js';

/**
 * Validity and lineage are derived on every read: a text becomes 已修改 when a later text that amends it
 * takes effect, without any write to the text itself. Three queries per page, however long the page.
 */
export async function deriveAll(db: Db, rows: LegalBasisRow[], today: string): Promise<Map<string, Derived>> {
  const ids = rows.map((r) => r.id);
  if (ids.length === 0) return new Map();
  const amenders = await db
    .select({ id: legalBases.id, amendsId: legalBases.amendsId, effectiveOn: legalBases.effectiveOn })
    .from(legalBases)
    .where(inArray(legalBases.amendsId, ids))
    .orderBy(asc(legalBases.effectiveOn), asc(legalBases.id));
  const counts = await db
    .select({ id: legalArticles.legalBasisId, n: count() })
    .from(legalArticles)
    .where(inArray(legalArticles.legalBasisId, ids))
    .groupBy(legalArticles.legalBasisId);
  const countOf = new Map(counts.map((c) => [c.id, Number(c.n)]));
  const out = new Map<string, Derived>();
  for (const row of rows) {
    const later = amenders.filter((a) => a.amendsId === row.id);
    const validity = validityOn({ effectiveOn: row.effectiveOn, repealedOn: row.repealedOn, amendedOn: later[0]?.effectiveOn ?? null }, today);
    out.set(row.id, { validity, amendedBy: later.map((a) => a.id), articleCount: countOf.get(row.id) ?? 0 });
  }
  return out;
}

export async function derive(db: Db, row: LegalBasisRow, today: string): Promise<Derived> {
  return (await deriveAll(db, [row], today)).get(row.id)!;
}

/** The same rules as validityOn(), as a filter over legal_bases (dates compare as dates). */
export function validityCondition(validity: Validity, today: string): SQL {
  const amendedOn = sql`(select min(a.effective_on) from legal_bases a where a.amends_id = ${legalBases.id})`;
  const inEffect = lte(legalBases.effectiveOn, today);
  const notRepealed = or(isNull(legalBases.repealedOn), gt(legalBases.repealedOn, today))!;
  switch (validity) {
    case '尚未生效':
      return gt(legalBases.effectiveOn, today);
    case '已废止':
      return and(inEffect, lte(legalBases.repealedOn, today))!;
    case '已修改':
      return and(inEffect, notRepealed, sql`${amendedOn} <= ${today}`)!;
    case '现行有效':
      return and(inEffect, notRepealed, sql`(${amendedOn} IS NULL OR ${amendedOn} > ${today})`)!;
  }
}

/**
 * A text's strong ETag: its version plus a digest of what is derived on read, so a conditional GET sees
 * the change when a later amendment takes effect. If-Match compares the version part only.
 */
export function legalBasisEtag(version: number, derived: Derived): string {
  return derivedEtag(version, `${derived.validity}|${derived.amendedBy.join(',')}|${derived.articleCount}`);
}

