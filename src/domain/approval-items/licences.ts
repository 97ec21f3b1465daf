/**
 * The licence decisions an approval item's agency published naming it: listed with the licence list itself
 * (listLicences, so filters, paging and presentation are the licences' own), and counted with the
 * 公示时效 report's aggregates (src/domain/compliance.ts). Only the item's own agency's decisions count:
 * the write path never lets another agency name the item, and the read does not rely on that alone.
 */
import { and, eq, gte, lte, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { licences } from '../../db/schema.js';
import type { ApprovalItemCountQuery, ApprovalItemLicenceQuery } from '../../schemas/approval-items.js';
import type { ApprovalItemLicenceCounts } from '../../schemas/approval-item-licences.js';
import { TIMELINESS_AGGREGATES, timelinessCounts, type TimelinessAggregates } from '../compliance.js';
import { listLicences } from '../licences/list.js';
import { rowsOf } from '../query-helpers.js';
import { getRecord } from '../versioned-record.js';
import { approvalItem } from './items.js';

export async function listItemLicences(db: Db, itemId: string, query: ApprovalItemLicenceQuery) {
  const item = await getRecord(db, approvalItem, itemId);
  return listLicences(db, { ...query, agencyId: item.agencyId, approvalItemId: item.id });
}

interface CountRow extends TimelinessAggregates {
  on_display: number | string;
  withdrawn: number | string;
  valid: number | string;
  invalid: number | string;
}

export async function countItemLicences(db: Db, itemId: string, query: ApprovalItemCountQuery): Promise<ApprovalItemLicenceCounts> {
  const item = await getRecord(db, approvalItem, itemId);
  const t = licences;
  const where: SQL[] = [eq(t.approvalItemId, item.id), eq(t.agencyId, item.agencyId)];
  if (query.decidedFrom) where.push(gte(t.decisionDate, query.decidedFrom));
  if (query.decidedTo) where.push(lte(t.decisionDate, query.decidedTo));
  const [row] = await rowsOf<CountRow>(
    db,
    sql`SELECT ${TIMELINESS_AGGREGATES},
          count(*) FILTER (WHERE ${t.status} = 'published')::int AS on_display,
          count(*) FILTER (WHERE ${t.status} = 'withdrawn')::int AS withdrawn,
          count(*) FILTER (WHERE ${t.status} = 'published' AND ${t.state} = 'valid')::int AS valid,
          count(*) FILTER (WHERE ${t.status} = 'published' AND ${t.state} = 'invalid')::int AS invalid
        FROM ${t} WHERE ${and(...where)}`,
  );
  const counts = timelinessCounts(row!);
  return {
    approvalItemId: item.id,
    agencyId: item.agencyId,
    decidedFrom: query.decidedFrom ?? null,
    decidedTo: query.decidedTo ?? null,
    total: counts.published,
    byStatus: { published: Number(row!.on_display), withdrawn: Number(row!.withdrawn) },
    byState: { valid: Number(row!.valid), invalid: Number(row!.invalid) },
    onTime: counts.onTime,
    late: counts.late,
    averageWorkingDaysLate: counts.averageWorkingDaysLate,
    withdrawals: counts.withdrawals,
  };
}
