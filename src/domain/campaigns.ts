/**
 * 专项整治 campaigns. Status is derived, not stored: `closed` once the Beijing date is past endDate,
 * `active` before (a campaign not yet started is `active` too: it is announced and can be referred to).
 * Deriving it means no sweep job and no version bump on the day a campaign ends; the record's ETag
 * carries the derived status so a conditional GET notices the change. The stored `status` column
 * stays 'published' (the record exists and is public).
 */
import { and, asc, eq, getTableColumns, gt, gte, inArray, lte, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../db/client.js';
import { agencies, campaigns } from '../db/schema.js';
import { fieldErrorsFromZod, problems, type FieldError } from '../errors.js';
import { decodeCursor, encodeCursor, filterScope } from '../lib/cursor.js';
import { newId } from '../lib/ids.js';
import { chinaDate } from '../lib/validity.js';
import { CampaignCreate, type Campaign, type CampaignPatch } from '../schemas/campaigns.js';
import { assertActsFor, owningAgency, type Principal } from './principal.js';
import { appendChanges, recordMetaOf } from './records.js';
import { assertIfMatch, derivedEtag, mergePatch, sameContent } from './versioning.js';

export type CampaignRow = typeof campaigns.$inferSelect & { leadAgency: string };

export const campaignStatus = (row: { endDate: string }, today: string): Campaign['status'] => (today > row.endDate ? 'closed' : 'active');

export function toCampaign(row: CampaignRow, today: string): Campaign {
  return {
    ...recordMetaOf(row),
    status: campaignStatus(row, today),
    name: row.name,
    description: row.description,
    startDate: row.startDate,
    endDate: row.endDate,
    leadAgencyId: row.leadAgencyId,
    leadAgency: row.leadAgency,
    participatingAgencyIds: row.participatingAgencyIds,
  };
}

export const campaignEtag = (row: CampaignRow, today: string) => derivedEtag(row.version, campaignStatus(row, today));

// The lead agency's current name comes with every read (one join, no second query).
const withLead = { ...getTableColumns(campaigns), leadAgency: agencies.name };

const selectCampaigns = (db: Db) => db.select(withLead).from(campaigns).innerJoin(agencies, eq(agencies.id, campaigns.leadAgencyId));

export async function getCampaign(db: Db, id: string): Promise<CampaignRow> {
  const [row] = await selectCampaigns(db).where(eq(campaigns.id, id));
  if (!row) throw problems.notFound('Campaign ' + id);
  return row;
}

/** The lead and every participant must be agencies; each unknown one is named by its pointer. */
async function checkAgencies(tx: Db, input: CampaignCreate & { leadAgencyId: string }, at: string): Promise<void> {
  const ids = [input.leadAgencyId, ...(input.participatingAgencyIds ?? [])];
  const rows = await tx.select({ id: agencies.id }).from(agencies).where(inArray(agencies.id, [...new Set(ids)]));
  const known = new Set(rows.map((r) => r.id));
  const errors: FieldError[] = [];
  if (!known.has(input.leadAgencyId)) errors.push({ in: 'body', pointer: `${at}/leadAgencyId`, detail: 'No agency has this id.' });
  (input.participatingAgencyIds ?? []).forEach((id, i) => {
    if (!known.has(id)) errors.push({ in: 'body', pointer: `${at}/participatingAgencyIds/${i}`, detail: 'No agency has this id.' });
  });
  if (errors.length) throw problems.unprocessable(errors);
}

const columns = (input: CampaignCreate, leadAgencyId: string) => ({
  name: input.name,
  description: input.description ?? null,
  startDate: input.startDate,
  endDate: input.endDate,
  leadAgencyId,
  participatingAgencyIds: input.participatingAgencyIds ?? [],
});

/** A key creates campaigns led by its own agency; the operator names the lead agency. */
export async function createCampaign(db: Db, principal: Principal, now: Date, input: CampaignCreate): Promise<CampaignRow> {
  if (principal.kind === 'admin' && !input.leadAgencyId) {
    throw problems.unprocessable([{ in: 'body', pointer: '/leadAgencyId', detail: 'The operator must name the lead agency.' }]);
  }
  const lead = owningAgency(principal, input.leadAgencyId);
  return db.transaction(async (tx) => {
    await checkAgencies(tx, { ...input, leadAgencyId: lead }, '');
    const id = newId();
    await tx.insert(campaigns).values({ id, version: 1, status: 'published', createdAt: now, updatedAt: now, ...columns(input, lead) });
    const row = await getCampaign(tx, id);
    await appendChanges(tx, principal, now, [{ type: 'campaign', id, version: 1, event: 'created', agencyId: lead, data: toCampaign(row, chinaDate(now)) }]);
    return row;
  });
}

/** Merge patch by the lead agency (or the operator); handing the lead to another agency is the operator's. */
export async function patchCampaign(db: Db, principal: Principal, now: Date, id: string, ifMatch: string, patch: CampaignPatch): Promise<CampaignRow> {
  return db.transaction(async (tx) => {
    const [locked] = await tx.select({ id: campaigns.id }).from(campaigns).where(eq(campaigns.id, id)).for('update');
    if (!locked) throw problems.notFound('Campaign ' + id);
    const current = await getCampaign(tx, id);
    assertActsFor(principal, current.leadAgencyId, 'publish');
    assertIfMatch(ifMatch, current.version);
    const today = chinaDate(now);
    const merged = CampaignCreate.safeParse(mergePatch(toCampaign(current, today), patch, ['status', 'leadAgency']));
    if (!merged.success) throw problems.unprocessable(fieldErrorsFromZod(merged.error.issues, 'body'));
    const lead = merged.data.leadAgencyId!;
    if (lead !== current.leadAgencyId) owningAgency(principal, lead);
    await checkAgencies(tx, { ...merged.data, leadAgencyId: lead }, '');
    const next = columns(merged.data, lead);
    if (sameContent(current, next)) return current;
    await tx.update(campaigns).set({ ...next, version: current.version + 1, updatedAt: now }).where(eq(campaigns.id, id));
    const row = await getCampaign(tx, id);
    await appendChanges(tx, principal, now, [{ type: 'campaign', id, version: row.version, event: 'updated', agencyId: lead, data: toCampaign(row, today) }]);
    return row;
  });
}

export interface CampaignListFilters {
  limit?: number | undefined;
  cursor?: string | undefined;
  leadAgencyId?: string | undefined;
  activeOn?: string | undefined;
}

const IdCursor = z.tuple([z.uuid()]);

/** Keyset by id; a cursor is bound to the filters that issued it. */
export async function listCampaigns(db: Db, query: CampaignListFilters): Promise<{ rows: CampaignRow[]; next: string | null }> {
  const limit = query.limit ?? 20;
  const scope = filterScope(query);
  const after = query.cursor ? decodeCursor(query.cursor, IdCursor, scope) : null;
  if (query.cursor && !after) throw problems.badCursor();
  const where: SQL[] = [];
  if (query.leadAgencyId) where.push(eq(campaigns.leadAgencyId, query.leadAgencyId));
  if (query.activeOn) where.push(lte(campaigns.startDate, query.activeOn), gte(campaigns.endDate, query.activeOn));
  if (after) where.push(gt(campaigns.id, after[0]));
  const rows = await selectCampaigns(db).where(and(...where)).orderBy(asc(campaigns.id)).limit(limit + 1);
  const more = rows.length > limit;
  const page = more ? rows.slice(0, limit) : rows;
  return { rows: page, next: more ? encodeCursor([page[page.length - 1]!.id], scope) : null };
}
