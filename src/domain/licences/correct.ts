import { and, eq, ne } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { licences } from '../../db/schema.js';
import { fieldErrorsFromZod, problems, type FieldError } from '../../errors.js';
import { completeResidentId } from '../../lib/resident-id.js';
import { chinaDate } from '../../lib/validity.js';
import type { Citation } from '../../schemas/citations.js';
import { LicenceCreate, type Licence } from '../../schemas/licences.js';
import { RESIDENT_ID_TYPE } from '../../schemas/penalty-party.js';
import { preparePartyForStorage, type StoredPenaltyParty } from '../penalty-party.js';
import type { Principal } from '../principal.js';
import { appendChanges } from '../records.js';
import { collect, existingCampaigns, loadAgencies, resolveExtras } from '../results/decision-parts.js';
import type { ResultRules } from '../results/rules.js';
import { PUBLICATION_DAYS, publicationTimeliness } from '../results/timeliness.js';
import { mergePatch, sameContent } from '../versioning.js';
import { duplicateNumber, futureDecision, licenceValues } from './create.js';
import { lockForChange } from './lifecycle.js';
import { toLicence, type LicenceRow } from './present.js';
import type { LicenceCorrection } from './shapes.js';

const defined = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null && v !== undefined));

/** The stored decision in request shape, so a merge patch applies to what the agency once sent. */
function asInput(row: LicenceRow): Record<string, unknown> {
  const joint = row.joint as Licence['joint'];
  return defined({
    party: defined(row.party as Record<string, unknown>),
    documentTitle: row.documentTitle,
    decisionNumber: row.decisionNumber,
    category: row.category,
    categoryDetail: row.categoryDetail,
    certificateName: row.certificateName,
    licenceNumber: row.licenceNumber,
    content: row.content,
    decisionDate: row.decisionDate,
    validFrom: row.validFrom,
    validTo: row.validTo,
    state: row.state,
    citations: (row.citations as Citation[]).map((c) => defined({ legalBasisId: c.legalBasisId, articleNo: c.articleNo, paragraph: c.paragraph, item: c.item })),
    remarks: row.remarks,
    tags: row.tags,
    joint: joint ? { reference: joint.reference, agencyIds: joint.agencies.map((a) => a.id) } : null,
    campaignId: row.campaignId,
    claimedPublishedAt: row.claimedPublishedAt?.toISOString() ?? null,
  });
}

type Slot = 'idNumber' | 'legalRepresentativeIdNumber';
const TYPE_OF: Record<Slot, 'idType' | 'legalRepresentativeIdType'> = { idNumber: 'idType', legalRepresentativeIdNumber: 'legalRepresentativeIdType' };
// Any valid adult 身份证 number: stands in for a kept masked one so the merged party passes its checks.
const STAND_IN = completeResidentId('11010519800101001');

/**
 * A correction (更正) of a licence, as correctPenalty does it: a merge patch on the decision as sent,
 * re-checked in full, published as a new version with its public reason. An ID number the patch does not
 * touch is kept as stored (masked; its type must then stay too); a new one arrives raw and is masked.
 */
export async function correctLicence(db: Db, principal: Principal, now: Date, rules: ResultRules, id: string, ifMatch: string, input: LicenceCorrection) {
  return db.transaction(async (tx) => {
    const row = await lockForChange(tx, principal, id, ifMatch);
    if (row.status !== 'published') throw problems.conflict(`This decision is ${row.status}: only a published decision can be corrected.`);
    const stored = row.party as StoredPenaltyParty;
    const merged = mergePatch(asInput(row), input.changes as Record<string, unknown>);
    const party = (merged.party ?? {}) as Record<string, unknown>;
    const kept: Partial<Record<Slot, string>> = {};
    const errors: FieldError[] = [];
    const patchedParty = (input.changes.party ?? {}) as Partial<Record<Slot, unknown>>;
    for (const slot of ['idNumber', 'legalRepresentativeIdNumber'] as const) {
      if (patchedParty[slot] !== undefined || stored[slot] === null || party[slot] === undefined) continue;
      if (party[TYPE_OF[slot]] !== stored[TYPE_OF[slot]]) {
        errors.push({ in: 'body', pointer: `/changes/party/${slot}`, detail: 'Send the 证件号码 again when its 证件类型 changes.' });
      } else if (slot === 'idNumber' && stored.idType === RESIDENT_ID_TYPE && merged.decisionDate !== row.decisionDate) {
        // The minor check needs the birth date, which masking hid: a moved decision date needs the number.
        errors.push({ in: 'body', pointer: '/changes/party/idNumber', detail: "Send the 证件号码 again when 许可决定日期 changes: the party's age on that date is checked from it." });
      }
      kept[slot] = stored[slot]!;
      party[slot] = party[TYPE_OF[slot]] === RESIDENT_ID_TYPE ? STAND_IN : stored[slot];
    }
    const parsed = LicenceCreate.safeParse(merged);
    if (!parsed.success) errors.push(...fieldErrorsFromZod(parsed.error.issues, 'body').map((e) => ({ ...e, pointer: '/changes' + e.pointer })));
    if (errors.length || !parsed.success) throw problems.unprocessable(errors);
    const next = parsed.data;
    if (next.claimedPublishedAt !== (row.claimedPublishedAt?.toISOString() ?? undefined) && principal.kind !== 'admin') {
      throw problems.unprocessable([{ in: 'body', pointer: '/changes/claimedPublishedAt', detail: 'Only the operator may change a claimed publication date.' }]);
    }

    const fresh = { ...next.party };
    for (const slot of Object.keys(kept) as Slot[]) delete fresh[slot];
    let newParty: StoredPenaltyParty | undefined;
    await collect(errors, () => (newParty = preparePartyForStorage(fresh, rules.masking, next.decisionDate, '/changes/party')));
    if (next.decisionDate > chinaDate(now)) errors.push(futureDecision('/changes/decisionDate'));
    const known = {
      agencies: await loadAgencies(tx, [row.agencyId, ...(next.joint?.agencyIds ?? [])]),
      campaigns: await existingCampaigns(tx, next.campaignId ? [next.campaignId] : []),
    };
    const extras = await resolveExtras(tx, { kind: 'admin' }, next, row.agencyId, next.decisionDate, known, '/changes', errors);
    if (next.decisionNumber !== row.decisionNumber) {
      const [other] = await tx
        .select({ id: licences.id })
        .from(licences)
        .where(and(eq(licences.agencyId, row.agencyId), eq(licences.decisionNumber, next.decisionNumber), ne(licences.id, id)));
      if (other) throw problems.conflict('This agency already published a licence decision with this number.', [duplicateNumber('/changes/decisionNumber')]);
    }
    if (errors.length) throw problems.unprocessable(errors);
    const partyToStore = { ...newParty!, ...kept } as StoredPenaltyParty;
    const agency = { id: row.agencyId, name: row.agencyName, creditCode: row.agencyCreditCode, regionCode: row.regionCode };
    const claimed = next.claimedPublishedAt ? new Date(next.claimedPublishedAt) : null;
    const values = {
      ...licenceValues(next, agency, partyToStore, extras),
      // The published agency identity is the one at first publication; a correction does not rename it.
      dataSource: row.dataSource,
      dataSourceCreditCode: row.dataSourceCreditCode,
      claimedPublishedAt: claimed,
      ...publicationTimeliness(next.decisionDate, PUBLICATION_DAYS.licence, row.publishedAt, claimed, rules.calendar),
    };
    if (sameContent(row, values)) return row;
    const [updated] = await tx
      .update(licences)
      .set({ ...values, version: row.version + 1, updatedAt: now })
      .where(eq(licences.id, id))
      .returning();
    await appendChanges(tx, principal, now, [
      { type: 'licence', id, version: updated!.version, event: 'updated', agencyId: row.agencyId, data: toLicence(updated!), reason: input.reason },
    ]);
    return updated!;
  });
}
