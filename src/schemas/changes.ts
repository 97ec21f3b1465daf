import { z } from 'zod';
import { Actor, Id, Timestamp } from './common.js';
import { PERSONAL_DATA_KEY } from '../lib/personal-data-scan.js';

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
const RecordType = z.enum(RECORD_TYPES).meta({ title: '记录类型' });

export const CHANGE_EVENTS = ['created', 'updated', 'withdrawn', 'expired', 'repaired', 'committed', 'contributed', 'revealed', 'voided', 'published', 'superseded'] as const;
const ChangeEvent = z.enum(CHANGE_EVENTS).meta({
  title: '变更类型',
  description: 'created = first published; updated = a new version; withdrawn = 撤回 with a public reason; expired = publicity period ended; repaired = publicity ended early (信用修复 / 提前停止公示); committed, contributed, revealed, voided = the steps of a random-selection draw; published = a negative-list edition took effect as the current one; superseded = a later edition replaced it.',
});

export const Revision = z
  .object({
    version: z.int().min(1).meta({ title: '版本号' }),
    event: ChangeEvent,
    at: Timestamp.meta({ title: '变更时间' }),
    actor: Actor,
    reason: z.string().nullable().meta({ title: '变更理由' }),
    data: z.record(z.string(), z.unknown()).meta({ title: '该版本内容', description: 'The record exactly as published at this version.' }),
  })
  .meta({ id: 'Revision', title: '修订' });
export type Revision = z.output<typeof Revision>;

export const RevisionList = z
  .object({ items: z.array(Revision).meta({ title: '修订列表' }) })
  .meta({ id: 'RevisionList', title: '修订历史' });

export const FeedEntry = z
  .object({
    position: z.int().min(1).meta({ title: '位置', description: 'Dense, commit-ordered position in the change log.' }),
    type: RecordType,
    id: Id,
    version: z.int().min(1).meta({ title: '版本号' }),
    event: ChangeEvent,
    agencyId: Id.nullable().meta({ title: '执法主体' }),
    at: Timestamp.meta({ title: '变更时间' }),
    data: z.record(z.string(), z.unknown()).meta({ title: '该版本内容' }),
  })
  .meta({ id: 'FeedEntry', title: '变更记录' });

export const Feed = z
  .object({
    items: z.array(FeedEntry).meta({ title: '变更列表' }),
    next: z.string().meta({ title: '下一游标', description: 'Pass as `after` to continue; equals `after` when nothing is new.' }),
    head: z.int().min(0).meta({ title: '最新位置', description: 'Highest committed position at the time of the read.' }),
  })
  .meta({ id: 'Feed', title: '变更订阅' });

export const FeedQuery = z.strictObject({
  after: z
    .string()
    .regex(/^\d{1,15}$/, 'after must be a position number from a previous `next` (0 for the beginning).')
    .default('0')
    .meta({ maxLength: 15, [PERSONAL_DATA_KEY]: 'number', title: '起始游标', description: 'Return changes after this position; 0 or absent for the beginning.' }),
  limit: z.coerce.number().int().min(1).max(1000).default(100).meta({ title: '每页条数' }),
  type: RecordType.optional(),
});
