import type { z } from 'zod';
import type { CreditRepair, DecisionNotice, Withdrawal } from '../../schemas/decision-common.js';
import { recordMetaOf } from '../records.js';

interface NoticeRow {
  id: string;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  status: string;
  agencyId: string;
  agencyName: string;
  decisionDate: string;
  endedAt: Date | null;
  withdrawal: unknown;
}

/** The tombstone of a decision no longer displayed: identification and why it left, never its content. */
export function toNotice(row: NoticeRow, decisionNumber: string | null, extra: { publicityEndDate?: string; repair?: unknown } = {}): DecisionNotice {
  return {
    ...recordMetaOf(row),
    status: row.status as DecisionNotice['status'],
    decisionNumber,
    agencyId: row.agencyId,
    agency: row.agencyName,
    decisionDate: row.decisionDate,
    endedAt: (row.endedAt ?? row.updatedAt).toISOString(),
    publicityEndDate: extra.publicityEndDate ?? null,
    withdrawal: (row.withdrawal as z.output<typeof Withdrawal> | null) ?? null,
    repair: (extra.repair as z.output<typeof CreditRepair> | null) ?? null,
  };
}
