import { z } from 'zod';
import { Actor, Id, Timestamp } from './common.js';

export const RECORD_TYPES = [
  'agency',
  'legal_basis',
  'power',
  'officer',
  'procedure',
  'discretion_benchmark',
  'penalty',
  'licence',
  'enforcement_action',
  'campaign',
  'inspection_item',
  'inspection_entity',
  'inspector',
  'inspection_conflict',
  'inspection_rules',
  'inspection_plan',
  'inspection_task',
  'inspection_draw',
  'inspection_result',
  'negative_list_edition',
  'negative_list_item',
  'approval_item',
] as const;
export type RecordTypeName = (typeof RECORD_TYPES)[number];
export const RecordType = z.enum(RECORD_TYPES).meta({ id: 'RecordType', title: '记录类型' });

export const CHANGE_EVENTS = [
  'created',
  'updated',
  'corrected',
  'withdrawn',
  'expired',
  'repaired',
  'committed',
  'contributed',
  'revealed',
  'voided',
  'published',
  'superseded',
] as const;
const ChangeEvent = z.enum(CHANGE_EVENTS).meta({
  id: 'ChangeEvent',
  title: '变更类型',
  description:
    'created = first published; updated = a new version of a 事前公开 record; corrected = a published decision corrected (更正, with the reason); withdrawn = 撤回 with a public reason; expired = publicity period ended; repaired = publicity ended early (信用修复 / 提前停止公示); committed, contributed, revealed, voided = the steps of a random-selection draw; published = a negative-list edition took effect as the current one; superseded = a later edition replaced it. Versions written before `corrected` existed name a correction `updated`.',
});

/** The fields every revision has besides its data, which is typed per record type (src/schemas/feed.ts). */
export const revisionFields = {
  version: z.int().min(1).meta({ title: '版本号' }),
  event: ChangeEvent,
  at: Timestamp.meta({ title: '变更时间' }),
  actor: Actor,
  reason: z.string().nullable().meta({ title: '变更理由' }),
};

/** The fields every change-log entry has besides its type and data (src/schemas/feed.ts). */
export const changeFields = {
  position: z.int().min(1).meta({ title: '位置', description: 'Dense, commit-ordered position in the change log.' }),
  id: Id,
  version: z.int().min(1).meta({ title: '版本号' }),
  event: ChangeEvent,
  agencyId: Id.nullable().meta({ title: '执法主体' }),
  at: Timestamp.meta({ title: '变更时间' }),
};
