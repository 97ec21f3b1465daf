import type { z } from 'zod';
import type { Citation } from '../../schemas/citations.js';
import type { DecisionTag, decisionExtrasPublic, Timeliness } from '../../schemas/decision-common.js';

interface PublishedRow {
  remarks: string | null;
  citations: unknown;
  tags: string[];
  joint: unknown;
  campaignId: string | null;
  dueDate: string;
  publishedAt: Date;
  claimedPublishedAt: Date | null;
  late: boolean;
  workingDaysLate: number;
  calendarProvisional: boolean;
}

/** 备注 and the fields every published decision carries beyond its national ones, as stored. */
export function extrasOf(row: PublishedRow) {
  return {
    remarks: row.remarks,
    citations: row.citations as Citation[],
    tags: row.tags as DecisionTag[],
    joint: (row.joint as z.output<typeof decisionExtrasPublic.joint>) ?? null,
    campaignId: row.campaignId,
  };
}

/** Deadline and lateness as computed at publication (or at the last correction). */
export function timelinessOf(row: PublishedRow): z.output<typeof Timeliness> {
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
