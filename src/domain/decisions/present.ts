import type { z } from 'zod';
import type { Timeliness } from '../../schemas/decision-common.js';
import type { DecisionRow } from './kind.js';

/** 备注 and the fields every published decision carries beyond its national ones, as stored. */
export function extrasOf(row: DecisionRow) {
  return {
    remarks: row.remarks,
    citations: row.citations,
    tags: row.tags,
    joint: row.joint ?? null,
    campaignId: row.campaignId,
  };
}

/** Deadline and lateness as computed at publication (or at the last correction). */
export function timelinessOf(row: DecisionRow): z.output<typeof Timeliness> {
  return {
    dueDate: row.dueDate,
    publishedAt: row.publishedAt.toISOString(),
    claimedPublishedAt: row.claimedPublishedAt?.toISOString() ?? null,
    basis: row.claimedPublishedAt ? 'claimed' : 'server',
    late: row.late,
    workingDaysLate: row.workingDaysLate,
    calendarProvisional: row.calendarProvisional,
  };
}
