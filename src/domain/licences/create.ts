import { and, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { licences } from '../../db/schema.js';
import { problems, type FieldError } from '../../errors.js';
import { newId } from '../../lib/ids.js';
import { searchText } from '../../lib/segment.js';
import { chinaDate } from '../../lib/validity.js';
import type { LicenceCreate } from '../../schemas/licences.js';
import { sqlState, UNIQUE_VIOLATION } from '../db-errors.js';
import { preparePartyForStorage, type StoredPenaltyParty } from '../penalty-party.js';
import type { Principal } from '../principal.js';
import { appendChanges } from '../records.js';
import { collect, existingCampaigns, loadAgencies, resolveExtras, type AgencyIdentity, type ResolvedExtras } from '../results/decision-parts.js';
import { ownersOf } from '../results/ownership.js';
import type { ResultRules } from '../results/rules.js';
import { PUBLICATION_DAYS, publicationTimeliness } from '../results/timeliness.js';
import { toLicence, type LicenceRow } from './present.js';

const CHUNK = 500;

export const duplicateNumber = (pointer: string): FieldError => ({
  in: 'body',
  pointer,
  detail: 'This agency has already published a licence decision with this 行政许可决定文书号.',
});

/**
 * A decision is published after it is made; a future date would also dodge the minor check, which is
 * judged on the decision date (as for penalties).
 */
export const futureDecision = (pointer: string): FieldError => ({
  in: 'body',
  pointer,
  detail: '许可决定日期 is after today (Beijing time): a decision is published only once it is made.',
});

/** Every column of a licence as stored, from validated input and the checks' results. */
export function licenceValues(input: LicenceCreate, agency: AgencyIdentity, party: StoredPenaltyParty, extras: ResolvedExtras) {
  return {
    agencyId: agency.id,
    agencyName: agency.name,
    agencyCreditCode: agency.creditCode,
    regionCode: agency.regionCode,
    dataSource: agency.name,
    dataSourceCreditCode: agency.creditCode,
    party,
    documentTitle: input.documentTitle,
    decisionNumber: input.decisionNumber,
    category: input.category,
    categoryDetail: input.categoryDetail ?? null,
    certificateName: input.certificateName ?? null,
    licenceNumber: input.licenceNumber ?? null,
    content: input.content,
    decisionDate: input.decisionDate,
    validFrom: input.validFrom,
    validTo: input.validTo,
    state: input.state ?? 'valid',
    tags: input.tags ?? [],
    joint: extras.joint,
    jointReference: extras.joint?.reference ?? null,
    campaignId: input.campaignId ?? null,
    citations: extras.citations,
    remarks: input.remarks ?? null,
    searchText: searchText(
      party.name,
      party.creditCode,
      input.decisionNumber,
      input.documentTitle,
      input.content,
      input.certificateName,
      input.licenceNumber,
      agency.name,
    ),
  };
}

/**
 * Publishes licences all-or-nothing in one transaction, as createPenalties does: every bad field of every
 * item is named under its pointer; a 文书号 the agency already used (in the database or earlier in the
 * list) is a 409. ID numbers are masked here, before anything is written. No publicity period: a licence
 * stays on display until withdrawn.
 */
export async function createLicences(
  db: Db,
  principal: Principal,
  now: Date,
  rules: ResultRules,
  items: LicenceCreate[],
  at: (i: number) => string,
): Promise<LicenceRow[]> {
  const owners = ownersOf(principal, items, at);
  const today = chinaDate(now);
  return db
    .transaction(async (tx) => {
      const known = {
        agencies: await loadAgencies(tx, [...owners, ...items.flatMap((i) => i.joint?.agencyIds ?? [])]),
        campaigns: await existingCampaigns(tx, items.flatMap((i) => (i.campaignId ? [i.campaignId] : []))),
      };
      const errors: FieldError[] = [];
      const duplicates: FieldError[] = [];
      const seen = new Set<string>();
      const values = [];
      for (const [i, item] of items.entries()) {
        const before = errors.length;
        const agency = known.agencies.get(owners[i]!);
        if (!agency) errors.push({ in: 'body', pointer: `${at(i)}/agencyId`, detail: 'No agency has this id.' });
        let party: StoredPenaltyParty | undefined;
        await collect(errors, () => (party = preparePartyForStorage(item.party, rules.masking, item.decisionDate, `${at(i)}/party`)));
        if (item.decisionDate > today) errors.push(futureDecision(`${at(i)}/decisionDate`));
        const extras = await resolveExtras(tx, principal, item, owners[i]!, item.decisionDate, known, at(i), errors);
        const key = `${owners[i]}#${item.decisionNumber}`;
        if (seen.has(key)) duplicates.push(duplicateNumber(`${at(i)}/decisionNumber`));
        seen.add(key);
        if (errors.length > before || !agency || !party) continue;
        const claimed = item.claimedPublishedAt ? new Date(item.claimedPublishedAt) : null;
        values.push({
          id: newId(),
          version: 1,
          status: 'published',
          createdAt: now,
          updatedAt: now,
          publishedAt: now,
          claimedPublishedAt: claimed,
          ...publicationTimeliness(item.decisionDate, PUBLICATION_DAYS.licence, now, claimed, rules.calendar),
          ...licenceValues(item, agency, party, extras),
        });
      }
      const taken = await takenNumbers(tx, owners, items);
      items.forEach((item, i) => {
        if (taken.has(`${owners[i]}#${item.decisionNumber}`)) duplicates.push(duplicateNumber(`${at(i)}/decisionNumber`));
      });
      if (errors.length) throw problems.unprocessable([...errors, ...duplicates]);
      if (duplicates.length) throw problems.conflict('A licence decision with this 行政许可决定文书号 was already published by this agency.', duplicates);

      const rows: LicenceRow[] = [];
      for (let start = 0; start < values.length; start += CHUNK) {
        rows.push(...(await tx.insert(licences).values(values.slice(start, start + CHUNK)).returning()));
      }
      await appendChanges(
        tx,
        principal,
        now,
        rows.map((row) => ({ type: 'licence', id: row.id, version: 1, event: 'created', agencyId: row.agencyId, data: toLicence(row) })),
      );
      return rows;
    })
    .catch((err: unknown) => {
      // Two writers racing for the same number: the unique index decides. With one item the field is known.
      if (sqlState(err) === UNIQUE_VIOLATION) {
        const detail = 'A licence decision with this 行政许可决定文书号 was just published by this agency in a concurrent request.';
        throw problems.conflict(detail, items.length === 1 ? [duplicateNumber(`${at(0)}/decisionNumber`)] : undefined);
      }
      throw err;
    });
}

async function takenNumbers(tx: Db, owners: string[], items: LicenceCreate[]): Promise<Set<string>> {
  const numbers = [...new Set(items.map((i) => i.decisionNumber))];
  const rows = await tx
    .select({ agencyId: licences.agencyId, decisionNumber: licences.decisionNumber })
    .from(licences)
    .where(and(inArray(licences.agencyId, [...new Set(owners)]), inArray(licences.decisionNumber, numbers)));
  return new Set(rows.map((r) => `${r.agencyId}#${r.decisionNumber}`));
}
