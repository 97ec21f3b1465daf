import { WITHDRAWAL_REASONS, type DecisionNotice } from '../../schemas/decision-common.js';
import { nameOf } from '../../codes/code-list.js';
import type { CreditRepair } from '../../schemas/decision-common.js';
import type { z } from 'zod';
import { withRecordMeta } from '../records.js';
import type { DecisionRow } from './kind.js';

/** The tombstone of a decision no longer displayed: identification and why it left, never its content. */
export function toNotice(
  row: DecisionRow,
  status: DecisionNotice['status'],
  decisionNumber: string | null,
  extra: { publicityEndDate?: string; repair?: z.output<typeof CreditRepair> | null } = {},
): DecisionNotice {
  return withRecordMeta(row, {
    status,
    decisionNumber,
    agencyId: row.agencyId,
    agency: row.agencyName,
    decisionDate: row.decisionDate,
    endedAt: (row.endedAt ?? row.updatedAt).toISOString(),
    publicityEndDate: extra.publicityEndDate ?? null,
    withdrawal: row.withdrawal ? { ...row.withdrawal, reasonCategoryName: nameOf(WITHDRAWAL_REASONS, row.withdrawal.reasonCategory) } : null,
    repair: extra.repair ?? null,
  });
}
