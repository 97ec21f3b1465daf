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
import { problems, type FieldError } from '../errors.js';
import { cursorAfter, pageLimit, pageOf } from './paging.js';
import { chinaDate } from '../lib/validity.js';
import { CampaignCreate, type Campaign } from '../schemas/campaigns.js';
import { owningAgency, type Principal } from './principal.js';
import { withRecordMeta } from './records.js';
import { createRecord, type VersionedResource } from './versioned-record.js';
import { derivedEtag } from './versioning.js';

export type CampaignRow = typeof campaigns.$inferSelect & { leadAgency: string };

const campaignStatus = (row: { endDate: string }, today: string): Campaign['status'] => (today > row.endDate ? 'closed' : 'active');

export function toCampaign(row: CampaignRow, today: string): Campaign {
  return withRecordMeta(row, {
    status: campaignStatus(row, today),
    name: row.name,
    description: row.description,
    startDate: row.startDate,
    endDate: row.endDate,
    leadAgencyId: row.leadAgencyId,
    leadAgency: row.leadAgency,
    participatingAgencyIds: row.participatingAgencyIds,
  });
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
async function checkAgencies(tx: Db, input: CampaignCreate): Promise<void> {
  const lead = input.leadAgencyId!;
  const ids = [lead, ...(input.participatingAgencyIds ?? [])];
  const rows = await tx.select({ id: agencies.id }).from(agencies).where(inArray(agencies.id, [...new Set(ids)]));
  const known = new Set(rows.map((r) => r.id));
  const errors: FieldError[] = [];
  if (!known.has(lead)) errors.push({ in: 'body', pointer: '/leadAgencyId', detail: 'No agency has this id.' });
  (input.participatingAgencyIds ?? []).forEach((id, i) => {
    if (!known.has(id)) errors.push({ in: 'body', pointer: `/participatingAgencyIds/${i}`, detail: 'No agency has this id.' });
  });
  if (errors.length) throw problems.unprocessable(errors);
}

export const campaign: VersionedResource<typeof campaigns, CampaignRow, CampaignCreate, Campaign> = {
  type: 'campaign',
  name: 'Campaign',
  table: campaigns,
  schema: CampaignCreate,
  readOnly: ['status', 'leadAgency'],
  columns: (input) => ({
    name: input.name,
    description: input.description ?? null,
    startDate: input.startDate,
    endDate: input.endDate,
    // Always set: createCampaign fills in the key's agency, and a patch starts from the published lead.
    leadAgencyId: input.leadAgencyId!,
    participatingAgencyIds: input.participatingAgencyIds ?? [],
    status: 'published',
  }),
  publish: (_db, rows, now) => rows.map((row) => toCampaign(row, chinaDate(now))),
  hydrate: (tx, row) => getCampaign(tx, row.id),
  ownerOf: (row) => row.leadAgencyId,
  // Handing the lead to another agency is the operator's (or that agency's own key's) to do.
  check: async (tx, input, current, principal) => {
    if (current && input.leadAgencyId !== current.leadAgencyId) owningAgency(principal, input.leadAgencyId);
    await checkAgencies(tx, input);
  },
};

/** A key creates campaigns led by its own agency; the operator names the lead agency. */
export async function createCampaign(db: Db, principal: Principal, now: Date, input: CampaignCreate) {
  if (principal.kind === 'admin' && !input.leadAgencyId) {
    throw problems.unprocessable([{ in: 'body', pointer: '/leadAgencyId', detail: 'The operator must name the lead agency.' }]);
  }
  return createRecord(db, campaign, principal, now, { ...input, leadAgencyId: owningAgency(principal, input.leadAgencyId) }, async () => ({}));
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
  const after = cursorAfter(query, IdCursor);
  const where: SQL[] = [];
  if (query.leadAgencyId) where.push(eq(campaigns.leadAgencyId, query.leadAgencyId));
  if (query.activeOn) where.push(lte(campaigns.startDate, query.activeOn), gte(campaigns.endDate, query.activeOn));
  if (after) where.push(gt(campaigns.id, after[0]));
  const rows = await selectCampaigns(db).where(and(...where)).orderBy(asc(campaigns.id)).limit(pageLimit(query) + 1);
  return pageOf(rows, query, (last) => [last.id]);
}
