/**
 * The change log as aggregators read it: feed entries, revisions and export lines, each a member of a union
 * keyed by record type whose `data` is that type's published schema (src/schemas/published-records.ts).
 */
import { z } from 'zod';
import { PERSONAL_DATA_KEY } from '../lib/personal-data-scan.js';
import { changeFields, RECORD_TYPES, RecordType, revisionFields, type RecordTypeName } from './changes.js';
import { PUBLISHED_TYPES, versionData } from './published-records.js';

function feedEntryOf<K extends RecordTypeName>(type: K) {
  const { pascal } = PUBLISHED_TYPES[type];
  return z
    .object({ ...changeFields, type: z.literal(type).meta({ title: '记录类型' }), data: versionData(type).meta({ title: '该版本内容', description: 'The record exactly as published at this version.' }) })
    .meta({ id: `${pascal}FeedEntry`, title: `变更记录 (${type})` });
}

const [firstType, ...otherTypes] = RECORD_TYPES;
export const FeedEntry = z
  .discriminatedUnion('type', [feedEntryOf(firstType), ...otherTypes.map(feedEntryOf)])
  .meta({
    id: 'FeedEntry',
    title: '变更记录',
    description: 'One change to one record: which version it made and the record as published at that version. Narrow on `type` for the schema of `data`.',
    // OpenAPI's own keyword, for generators that build tagged unions from it (zod passes unknown meta through).
    discriminator: {
      propertyName: 'type',
      mapping: Object.fromEntries(RECORD_TYPES.map((t) => [t, `#/components/schemas/${PUBLISHED_TYPES[t].pascal}FeedEntry`])),
    },
  });
export type FeedEntry = z.output<typeof FeedEntry>;

export const Feed = z
  .object({
    items: z.array(FeedEntry).meta({ title: '变更列表' }),
    next: z.string().meta({ title: '下一游标', description: 'Pass as `after` to continue; equals `after` when nothing is new.' }),
    head: z.int().min(0).meta({ title: '最新位置', description: 'Highest committed position at the time of the read.' }),
  })
  .meta({ id: 'Feed', title: '变更订阅' });

/** Longest a feed read may wait for a new change (seconds): below common proxy idle timeouts (60 s). */
const FEED_MAX_WAIT = 30;

/** A change-log position as a query value: digits only, and never ahead of the head (checked on read). */
const Position = z
  .string()
  .regex(/^\d{1,15}$/, 'A position is a number from a previous `next` or export (0 for the beginning).')
  .meta({ maxLength: 15, [PERSONAL_DATA_KEY]: 'number', title: '游标' });

export const FeedQuery = z.strictObject({
  after: Position.default('0').meta({ title: '起始游标', description: 'Return changes after this position; 0 or absent for the beginning. A position ahead of the head is 400.' }),
  limit: z.coerce.number().int().min(1).max(1000).default(100).meta({ title: '每页条数' }),
  type: z
    .union([RecordType, z.array(RecordType).min(1).max(RECORD_TYPES.length)])
    .optional()
    .meta({ title: '记录类型', description: 'Only changes to records of this type; repeat the parameter for several (`type=penalty&type=licence`).' }),
  wait: z.coerce
    .number()
    .int()
    .min(0)
    .max(FEED_MAX_WAIT)
    .default(0)
    .meta({
      title: '等待秒数',
      description: `Long poll: when nothing is new after \`after\`, hold the answer up to this many seconds (at most ${FEED_MAX_WAIT}) and answer as soon as a change arrives; 0 answers at once.`,
    }),
});

function revisionOf<K extends RecordTypeName>(type: K) {
  const { pascal } = PUBLISHED_TYPES[type];
  const revision = z
    .object({ ...revisionFields, data: versionData(type).meta({ title: '该版本内容', description: 'The record exactly as published at this version.' }) })
    .meta({ id: `${pascal}Revision`, title: `修订 (${type})` });
  const list = z.object({ items: z.array(revision).meta({ title: '修订列表' }) }).meta({ id: `${pascal}RevisionList`, title: `修订历史 (${type})` });
  return { revision, list };
}

/** The revision and revision-list schemas of each record type. */
export const REVISION_SCHEMAS = Object.fromEntries(RECORD_TYPES.map((t) => [t, revisionOf(t)])) as {
  [K in RecordTypeName]: ReturnType<typeof revisionOf<K>>;
};
export type Revision = z.output<ReturnType<typeof revisionOf>['revision']>;
