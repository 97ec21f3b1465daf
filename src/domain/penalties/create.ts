import { and, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { insertRows } from '../../db/bulk-insert.js';
import { penalties } from '../../db/schema.js';
import { problems, type FieldError } from '../../errors.js';
import { newId } from '../../lib/ids.js';
import { yuanToFen } from '../../lib/money.js';
import { searchText } from '../../lib/segment.js';
import { chinaDate } from '../../lib/validity.js';
import type { PenaltyCreate } from '../../schemas/penalties.js';
import { sqlState, UNIQUE_VIOLATION } from '../db-errors.js';
import { preparePartyForStorage, type StoredPenaltyParty } from '../penalty-party.js';
import type { Principal } from '../principal.js';
import { appendChanges } from '../records.js';
import { collect, existingCampaigns, loadAgencies, resolveExtras, type AgencyIdentity, type ResolvedExtras } from '../results/decision-parts.js';
import { ownersOf } from '../results/ownership.js';
import type { ResultRules } from '../results/rules.js';
import { PUBLICATION_DAYS, publicationTimeliness } from '../results/timeliness.js';
import { toPenalty, type PenaltyRow } from './present.js';
import { publicityOf, type StoredPublicity } from './publicity.js';

export const duplicateNumber = (pointer: string): FieldError => ({
  in: 'body',
  pointer,
  detail: 'This agency has already published a decision with this 行政处罚决定书文号.',
});

/**
 * A decision is published after it is made. A future date would also dodge the minor check, which is
 * judged on the decision date (a 17-year-old would pass as 18 on a date two years ahead).
 */
export const futureDecision = (pointer: string): FieldError => ({
  in: 'body',
  pointer,
  detail: '处罚决定日期 is after today (Beijing time): a decision is published only once it is made.',
});

/** Every column of a penalty as stored, from validated input and the checks' results. */
export function penaltyValues(
  input: PenaltyCreate,
  agency: AgencyIdentity,
  party: StoredPenaltyParty,
  publicity: StoredPublicity,
  extras: ResolvedExtras,
) {
  return {
    agencyId: agency.id,
    agencyName: agency.name,
    agencyCreditCode: agency.creditCode,
    regionCode: agency.regionCode,
    dataSource: agency.name,
    dataSourceCreditCode: agency.creditCode,
    party,
    decisionNumber: input.decisionNumber,
    violationType: input.violationType,
    facts: input.facts,
    basis: input.basis,
    penaltyTypes: input.penaltyTypes,
    content: input.content,
    fineFen: input.fineAmount === undefined ? null : yuanToFen(input.fineAmount),
    confiscationFen: input.confiscationAmount === undefined ? null : yuanToFen(input.confiscationAmount),
    licenceRevoked: input.licenceRevoked ?? null,
    decisionDate: input.decisionDate,
    validUntil: input.validUntil,
    publicityEndDate: publicity.endDate,
    publicity,
    tags: input.tags ?? [],
    joint: extras.joint,
    jointReference: extras.joint?.reference ?? null,
    campaignId: input.campaignId ?? null,
    citations: extras.citations,
    remarks: input.remarks ?? null,
    searchText: searchText(party.name, party.creditCode, input.decisionNumber, input.violationType, input.facts, input.content, agency.name),
  };
}

/**
 * Publishes penalties all-or-nothing in one transaction: every item is checked first and every bad field
 * of every item is named (`${at(i)}/...`); a decision number already used by the same agency, in the
 * database or earlier in the list, is a 409. Masking happens here, before anything is written.
 */
export async function createPenalties(
  db: Db,
  principal: Principal,
  now: Date,
  rules: ResultRules,
  items: PenaltyCreate[],
  at: (i: number) => string,
): Promise<PenaltyRow[]> {
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
        if (item.decisionDate > today) errors.push(futureDecision(`${at(i)}/decisionDate`));
        let party: StoredPenaltyParty | undefined;
        await collect(errors, () => (party = preparePartyForStorage(item.party, rules.masking, item.decisionDate, `${at(i)}/party`)));
        const publicity = publicityOf(item, rules, today, at(i), errors);
        const extras = await resolveExtras(tx, principal, item, owners[i]!, item.decisionDate, known, at(i), errors);
        const key = `${owners[i]}#${item.decisionNumber}`;
        if (seen.has(key)) duplicates.push(duplicateNumber(`${at(i)}/decisionNumber`));
        seen.add(key);
        if (errors.length > before || !agency || !party || !publicity) continue;
        const claimed = item.claimedPublishedAt ? new Date(item.claimedPublishedAt) : null;
        values.push({
          id: newId(),
          version: 1,
          status: 'published',
          createdAt: now,
          updatedAt: now,
          publishedAt: now,
          claimedPublishedAt: claimed,
          ...publicationTimeliness(item.decisionDate, PUBLICATION_DAYS.penalty, now, claimed, rules.calendar),
          ...penaltyValues(item, agency, party, publicity, extras),
          withdrawal: null,
          endedAt: null,
          repair: null,
        });
      }
      const taken = await takenNumbers(tx, owners, items);
      items.forEach((item, i) => {
        if (taken.has(`${owners[i]}#${item.decisionNumber}`)) duplicates.push(duplicateNumber(`${at(i)}/decisionNumber`));
      });
      if (errors.length) throw problems.unprocessable([...errors, ...duplicates]);
      if (duplicates.length) throw problems.conflict('A decision with this 行政处罚决定书文号 was already published by this agency.', duplicates);

      await insertRows(tx, penalties, values);
      // The rows as stored: generated columns are the database's and nothing reads them back here.
      const rows: PenaltyRow[] = values.map((v) => ({ ...v, partyName: v.party.name, partyCreditCode: v.party.creditCode, searchVector: '' }));
      await appendChanges(
        tx,
        principal,
        now,
        rows.map((row) => ({ type: 'penalty', id: row.id, version: 1, event: 'created', agencyId: row.agencyId, data: toPenalty(row) })),
      );
      return rows;
    })
    .catch((err: unknown) => {
      // Two writers racing for the same number: the unique index decides. With one item the field is known.
      if (sqlState(err) === UNIQUE_VIOLATION) {
        const detail = 'A decision with this 行政处罚决定书文号 was just published by this agency in a concurrent request.';
        throw problems.conflict(detail, items.length === 1 ? [duplicateNumber(`${at(0)}/decisionNumber`)] : undefined);
      }
      throw err;
    });
}

async function takenNumbers(tx: Db, owners: string[], items: PenaltyCreate[]): Promise<Set<string>> {
  const numbers = [...new Set(items.map((i) => i.decisionNumber))];
  const rows = await tx
    .select({ agencyId: penalties.agencyId, decisionNumber: penalties.decisionNumber })
    .from(penalties)
    .where(and(inArray(penalties.agencyId, [...new Set(owners)]), inArray(penalties.decisionNumber, numbers)));
  return new Set(rows.map((r) => `${r.agencyId}#${r.decisionNumber}`));
}
