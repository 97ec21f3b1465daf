/**
 * Steps every decision write shares (penalties, licences, other actions): the owning agency's published
 * identity, joint participants, campaign, citations described on the decision date, timeliness. Each
 * check collects FieldErrors under the item's pointer so a batch can name every bad item at once.
 */
import { inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { agencies, campaigns } from '../../db/schema.js';
import { Problem, type FieldError } from '../../errors.js';
import type { CitationInput } from '../../schemas/citations.js';
import { checkCitations, describeCitations } from '../citations.js';
import type { Principal } from '../principal.js';

export interface AgencyIdentity {
  id: string;
  name: string;
  creditCode: string;
  regionCode: string;
}

/** Runs a check that throws a Problem with field errors and returns those errors instead. */
export async function collect(errors: FieldError[], check: () => unknown): Promise<void> {
  try {
    await check();
  } catch (err) {
    if (err instanceof Problem && err.errors?.length && (err.status === 422 || err.status === 400)) errors.push(...err.errors);
    else throw err;
  }
}

/** Agencies by id, for owners and joint participants of a whole batch in one query. */
export async function loadAgencies(tx: Db, ids: string[]): Promise<Map<string, AgencyIdentity>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await tx
    .select({ id: agencies.id, name: agencies.name, creditCode: agencies.creditCode, regionCode: agencies.regionCode })
    .from(agencies)
    .where(inArray(agencies.id, unique));
  return new Map(rows.map((r) => [r.id, r]));
}

export async function existingCampaigns(tx: Db, ids: string[]): Promise<Set<string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Set();
  const rows = await tx.select({ id: campaigns.id }).from(campaigns).where(inArray(campaigns.id, unique));
  return new Set(rows.map((r) => r.id));
}

export interface ExtrasInput {
  agencyId?: string | undefined;
  joint?: { reference: string; agencyIds: string[] } | undefined;
  campaignId?: string | undefined;
  citations?: CitationInput[] | undefined;
  claimedPublishedAt?: string | undefined;
}

export interface ResolvedExtras {
  joint: { reference: string; agencies: { id: string; name: string }[] } | null;
  citations: Awaited<ReturnType<typeof describeCitations>>;
}

/**
 * Joint participants must exist and include the owner; the campaign must exist; citations must exist.
 * claimedPublishedAt is the operator's to give (a migration), never an agency key's.
 */
export async function resolveExtras(
  tx: Db,
  principal: Principal,
  item: ExtrasInput,
  ownerId: string,
  decisionDate: string,
  known: { agencies: Map<string, AgencyIdentity>; campaigns: Set<string> },
  at: string,
  errors: FieldError[],
): Promise<ResolvedExtras> {
  const before = errors.length;
  let joint: ResolvedExtras['joint'] = null;
  if (item.joint) {
    const ids = item.joint.agencyIds;
    ids.forEach((id, i) => {
      if (ids.indexOf(id) !== i) errors.push({ in: 'body', pointer: `${at}/joint/agencyIds/${i}`, detail: 'Listed twice.' });
      else if (!known.agencies.has(id)) errors.push({ in: 'body', pointer: `${at}/joint/agencyIds/${i}`, detail: 'No agency has this id.' });
    });
    if (!ids.includes(ownerId)) {
      errors.push({ in: 'body', pointer: `${at}/joint/agencyIds`, detail: 'The publishing agency must be among the participating agencies.' });
    }
    joint = { reference: item.joint.reference, agencies: ids.flatMap((id) => (known.agencies.has(id) ? [{ id, name: known.agencies.get(id)!.name }] : [])) };
  }
  if (item.campaignId && !known.campaigns.has(item.campaignId)) {
    errors.push({ in: 'body', pointer: `${at}/campaignId`, detail: 'No campaign has this id.' });
  }
  if (item.claimedPublishedAt !== undefined && principal.kind !== 'admin') {
    errors.push({ in: 'body', pointer: `${at}/claimedPublishedAt`, detail: 'Only the operator migrating records may give a claimed publication date.' });
  }
  const list = item.citations ?? [];
  await collect(errors, () => checkCitations(tx, list, `${at}/citations`));
  const citations = errors.length === before && list.length ? await describeCitations(tx, list, decisionDate) : [];
  return { joint, citations };
}
