import { and, inArray, isNotNull } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { enforcementActions } from '../../db/schema.js';
import { problems, type FieldError } from '../../errors.js';
import { newId } from '../../lib/ids.js';
import { chinaDate } from '../../lib/validity.js';
import { searchText } from '../../lib/segment.js';
import type { EnforcementActionCreate } from '../../schemas/enforcement-actions.js';
import { sqlState, UNIQUE_VIOLATION } from '../db-errors.js';
import type { Principal } from '../principal.js';
import { appendChanges } from '../records.js';
import { existingCampaigns, loadAgencies, resolveExtras, type AgencyIdentity, type ResolvedExtras } from '../results/decision-parts.js';
import { ownersOf } from '../results/ownership.js';
import type { ResultRules } from '../results/rules.js';
import { PUBLICATION_DAYS, publicationTimeliness } from '../results/timeliness.js';
import { toEnforcementAction, type ActionRow } from './present.js';

const CHUNK = 500;

export const duplicateDocument = (pointer: string): FieldError => ({
  in: 'body',
  pointer,
  detail: 'This agency has already published an action with this 执法文书号.',
});

/** An action is published after it is taken: a future date would also push its deadline out. */
export const futureAction = (pointer: string): FieldError => ({
  in: 'body',
  pointer,
  detail: '执法日期 is after today (Beijing time): an action is published only once it is taken.',
});

/** Every column of an action as stored, from validated input. The target is stored as sent: it holds no ID numbers. */
export function actionValues(input: EnforcementActionCreate, agency: AgencyIdentity, extras: ResolvedExtras) {
  const target = { name: input.target.name, category: input.target.category, creditCode: input.target.creditCode ?? null };
  return {
    agencyId: agency.id,
    agencyName: agency.name,
    agencyCreditCode: agency.creditCode,
    regionCode: agency.regionCode,
    dataSource: agency.name,
    dataSourceCreditCode: agency.creditCode,
    actionType: input.actionType,
    target,
    decisionDate: input.actionDate,
    conclusion: input.conclusion,
    facts: input.facts ?? null,
    documentNumber: input.documentNumber ?? null,
    tags: input.tags ?? [],
    joint: extras.joint,
    jointReference: extras.joint?.reference ?? null,
    campaignId: input.campaignId ?? null,
    citations: extras.citations,
    remarks: input.remarks ?? null,
    searchText: searchText(target.name, target.creditCode, input.documentNumber, input.conclusion, input.facts, agency.name),
  };
}

/**
 * Publishes actions all-or-nothing in one transaction, like createPenalties: every bad field of every
 * item is named (`${at(i)}/...`); an 执法文书号 already used by the same agency is a 409. Due 20 working days
 * after the action date.
 */
export async function createActions(
  db: Db,
  principal: Principal,
  now: Date,
  rules: ResultRules,
  items: EnforcementActionCreate[],
  at: (i: number) => string,
): Promise<ActionRow[]> {
  const owners = ownersOf(principal, items, at);
  const today = chinaDate(now);
  const key = (i: number) => (items[i]!.documentNumber === undefined ? null : `${owners[i]}#${items[i]!.documentNumber}`);
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
        if (item.actionDate > today) errors.push(futureAction(`${at(i)}/actionDate`));
        const extras = await resolveExtras(tx, principal, item, owners[i]!, item.actionDate, known, at(i), errors);
        const k = key(i);
        if (k !== null && seen.has(k)) duplicates.push(duplicateDocument(`${at(i)}/documentNumber`));
        if (k !== null) seen.add(k);
        if (errors.length > before || !agency) continue;
        const claimed = item.claimedPublishedAt ? new Date(item.claimedPublishedAt) : null;
        values.push({
          id: newId(),
          version: 1,
          status: 'published',
          createdAt: now,
          updatedAt: now,
          publishedAt: now,
          claimedPublishedAt: claimed,
          ...publicationTimeliness(item.actionDate, PUBLICATION_DAYS.enforcement_action, now, claimed, rules.calendar),
          ...actionValues(item, agency, extras),
        });
      }
      const taken = await takenNumbers(tx, owners, items);
      items.forEach((_item, i) => {
        const k = key(i);
        if (k !== null && taken.has(k)) duplicates.push(duplicateDocument(`${at(i)}/documentNumber`));
      });
      if (errors.length) throw problems.unprocessable([...errors, ...duplicates]);
      if (duplicates.length) throw problems.conflict('An action with this 执法文书号 was already published by this agency.', duplicates);

      const rows: ActionRow[] = [];
      for (let start = 0; start < values.length; start += CHUNK) {
        rows.push(...(await tx.insert(enforcementActions).values(values.slice(start, start + CHUNK)).returning()));
      }
      await appendChanges(
        tx,
        principal,
        now,
        rows.map((row) => ({ type: 'enforcement_action', id: row.id, version: 1, event: 'created', agencyId: row.agencyId, data: toEnforcementAction(row) })),
      );
      return rows;
    })
    .catch((err: unknown) => {
      // Two writers racing for the same number: the unique index decides. With one item the field is known.
      if (sqlState(err) === UNIQUE_VIOLATION) {
        const detail = 'An action with this 执法文书号 was just published by this agency in a concurrent request.';
        throw problems.conflict(detail, items.length === 1 ? [duplicateDocument(`${at(0)}/documentNumber`)] : undefined);
      }
      throw err;
    });
}

async function takenNumbers(tx: Db, owners: string[], items: EnforcementActionCreate[]): Promise<Set<string>> {
  const numbers = [...new Set(items.flatMap((i) => (i.documentNumber === undefined ? [] : [i.documentNumber])))];
  if (numbers.length === 0) return new Set();
  const rows = await tx
    .select({ agencyId: enforcementActions.agencyId, documentNumber: enforcementActions.documentNumber })
    .from(enforcementActions)
    .where(and(inArray(enforcementActions.agencyId, [...new Set(owners)]), isNotNull(enforcementActions.documentNumber), inArray(enforcementActions.documentNumber, numbers)));
  return new Set(rows.map((r) => `${r.agencyId}#${r.documentNumber}`));
}
