import { and, eq, ne } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { enforcementActions } from '../../db/schema.js';
import { fieldErrorsFromZod, problems, type FieldError } from '../../errors.js';
import { chinaDate } from '../../lib/validity.js';
import type { Citation } from '../../schemas/citations.js';
import { EnforcementActionCreate, type EnforcementAction } from '../../schemas/enforcement-actions.js';
import type { Principal } from '../principal.js';
import { appendChanges } from '../records.js';
import { existingCampaigns, loadAgencies, resolveExtras } from '../results/decision-parts.js';
import type { ResultRules } from '../results/rules.js';
import { PUBLICATION_DAYS, publicationTimeliness } from '../results/timeliness.js';
import { mergePatch, sameContent } from '../versioning.js';
import { actionValues, duplicateDocument, futureAction } from './create.js';
import { lockAction } from './lifecycle.js';
import { toEnforcementAction, type ActionRow } from './present.js';
import type { EnforcementActionCorrection } from './schemas.js';

const defined = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null && v !== undefined));

/** The stored action in request shape, so a merge patch applies to what the agency once sent. */
function asInput(row: ActionRow): Record<string, unknown> {
  const joint = row.joint as EnforcementAction['joint'];
  return defined({
    actionType: row.actionType,
    target: defined(row.target as Record<string, unknown>),
    actionDate: row.decisionDate,
    conclusion: row.conclusion,
    facts: row.facts,
    documentNumber: row.documentNumber,
    citations: (row.citations as Citation[]).map((c) => defined({ legalBasisId: c.legalBasisId, articleNo: c.articleNo, paragraph: c.paragraph, item: c.item })),
    remarks: row.remarks,
    tags: row.tags,
    joint: joint ? { reference: joint.reference, agencyIds: joint.agencies.map((a) => a.id) } : null,
    campaignId: row.campaignId,
    claimedPublishedAt: row.claimedPublishedAt?.toISOString() ?? null,
  });
}

/** A correction (更正): a merge patch re-checked in full, published as a new version with its public reason. */
export async function correctAction(db: Db, principal: Principal, now: Date, rules: ResultRules, id: string, ifMatch: string, input: EnforcementActionCorrection) {
  return db.transaction(async (tx) => {
    const row = await lockAction(tx, principal, id, ifMatch);
    if (row.status !== 'published') throw problems.conflict(`This action is ${row.status}: only a published action can be corrected.`);
    const parsed = EnforcementActionCreate.safeParse(mergePatch(asInput(row), input.changes as Record<string, unknown>));
    if (!parsed.success) {
      throw problems.unprocessable(fieldErrorsFromZod(parsed.error.issues, 'body').map((e) => ({ ...e, pointer: '/changes' + e.pointer })));
    }
    const next = parsed.data;
    const errors: FieldError[] = [];
    if (next.claimedPublishedAt !== (row.claimedPublishedAt?.toISOString() ?? undefined) && principal.kind !== 'admin') {
      errors.push({ in: 'body', pointer: '/changes/claimedPublishedAt', detail: 'Only the operator may change a claimed publication date.' });
    }
    if (next.actionDate > chinaDate(now)) errors.push(futureAction('/changes/actionDate'));
    const known = {
      agencies: await loadAgencies(tx, [row.agencyId, ...(next.joint?.agencyIds ?? [])]),
      campaigns: await existingCampaigns(tx, next.campaignId ? [next.campaignId] : []),
    };
    const extras = await resolveExtras(tx, { kind: 'admin' }, next, row.agencyId, next.actionDate, known, '/changes', errors);
    if (errors.length) throw problems.unprocessable(errors);
    if (next.documentNumber !== undefined && next.documentNumber !== row.documentNumber) {
      const [other] = await tx
        .select({ id: enforcementActions.id })
        .from(enforcementActions)
        .where(and(eq(enforcementActions.agencyId, row.agencyId), eq(enforcementActions.documentNumber, next.documentNumber), ne(enforcementActions.id, id)));
      if (other) throw problems.conflict('This agency already published an action with this 执法文书号.', [duplicateDocument('/changes/documentNumber')]);
    }
    const agency = { id: row.agencyId, name: row.agencyName, creditCode: row.agencyCreditCode, regionCode: row.regionCode };
    const claimed = next.claimedPublishedAt ? new Date(next.claimedPublishedAt) : null;
    const values = {
      ...actionValues(next, agency, extras),
      // The published agency identity is the one at first publication; a correction does not rename it.
      agencyName: row.agencyName,
      dataSource: row.dataSource,
      dataSourceCreditCode: row.dataSourceCreditCode,
      claimedPublishedAt: claimed,
      ...publicationTimeliness(next.actionDate, PUBLICATION_DAYS.enforcement_action, row.publishedAt, claimed, rules.calendar),
    };
    if (sameContent(row, values)) return row;
    const [updated] = await tx
      .update(enforcementActions)
      .set({ ...values, version: row.version + 1, updatedAt: now })
      .where(eq(enforcementActions.id, id))
      .returning();
    await appendChanges(tx, principal, now, [
      { type: 'enforcement_action', id, version: updated!.version, event: 'updated', agencyId: row.agencyId, data: toEnforcementAction(updated!), reason: input.reason },
    ]);
    return updated!;
  });
}
