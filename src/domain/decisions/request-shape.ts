/** A stored decision in request shape, so a correction's merge patch applies to what the agency once sent. */
import type { DecisionRow } from './kind.js';

/** The object without its null and undefined members (absent in a request). */
export const defined = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null && v !== undefined));

/** The request fields every kind shares (decisionExtras), as stored. */
export function storedExtras(row: DecisionRow): Record<string, unknown> {
  return {
    citations: row.citations.map((c) => defined({ legalBasisId: c.legalBasisId, articleNo: c.articleNo, paragraph: c.paragraph, item: c.item })),
    remarks: row.remarks,
    tags: row.tags,
    joint: row.joint ? { reference: row.joint.reference, agencyIds: row.joint.agencies.map((a) => a.id) } : null,
    campaignId: row.campaignId,
    claimedPublishedAt: row.claimedPublishedAt?.toISOString() ?? null,
  };
}
