import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { recordColumns } from '../columns.js';
import type { MeasureInput } from '../../schemas/negative-list/measures.js';
import type { CATEGORIES } from '../../schemas/negative-list/items.js';
import type { EDITION_STATUSES, EditionCounts } from '../../schemas/negative-list/editions.js';

type CategoryCode = (typeof CATEGORIES)[number];
import { dateCol, searchVector } from './duties.js';

/*
 * 市场准入负面清单: editions (draft → current → superseded), their items (one row per 事项, the ordered
 * measures inside it as published), and a derived row per measure so measures can be searched and filtered
 * by 主管部门, region and industry without unpacking every item.
 */

const stamp = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const negativeListEditions = pgTable(
  'negative_list_editions',
  {
    ...recordColumns(),
    status: text('status').$type<(typeof EDITION_STATUSES)[number]>().notNull(),
    code: text('code').notNull(),
    title: text('title').notNull(),
    documentNo: text('document_no'),
    issuingBodies: text('issuing_bodies').array().notNull().default(sql`'{}'::text[]`),
    releasedOn: dateCol('released_on'),
    effectiveFrom: dateCol('effective_from').notNull(),
    /** Set when a later edition supersedes this one: the day before that edition takes effect. */
    effectiveTo: dateCol('effective_to'),
    /** Frozen at publication (a published edition's items never change); a draft's are counted on read. */
    counts: jsonb('counts').$type<EditionCounts>(),
    publishedAt: stamp('published_at'),
    supersededAt: stamp('superseded_at'),
    note: text('note'),
    sourceUrl: text('source_url'),
  },
  (t) => [
    uniqueIndex('negative_list_editions_code_key').on(t.code),
    // Exactly one current edition: a second publication racing the first fails here (409).
    uniqueIndex('negative_list_editions_one_current_key').on(t.status).where(sql`status = 'current'`),
    index('negative_list_editions_effective_idx').on(t.effectiveFrom),
  ],
);

export const negativeListItems = pgTable(
  'negative_list_items',
  {
    ...recordColumns(),
    editionId: uuid('edition_id')
      .notNull()
      .references(() => negativeListEditions.id),
    category: text('category').$type<CategoryCode>().notNull(),
    itemNo: integer('item_no').notNull(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    measures: jsonb('measures').$type<MeasureInput[]>().notNull(),
    industryCodes: text('industry_codes').array().notNull().default(sql`'{}'::text[]`),
    note: text('note'),
    searchText: text('search_text').notNull(),
    searchVector: searchVector(),
  },
  (t) => [
    // 事项编码 identifies an item across editions, so it is unique within one (removed draft items excepted).
    uniqueIndex('negative_list_items_edition_code_key').on(t.editionId, t.code).where(sql`status = 'active'`),
    uniqueIndex('negative_list_items_edition_item_no_key').on(t.editionId, t.category, t.itemNo).where(sql`status = 'active'`),
    index('negative_list_items_code_idx').on(t.code),
    index('negative_list_items_search_vector_idx').using('gin', t.searchVector),
  ],
);

/** One row per measure of an active item, rewritten with each version of the item. */
export const negativeListMeasures = pgTable(
  'negative_list_measures',
  {
    itemId: uuid('item_id')
      .notNull()
      .references(() => negativeListItems.id),
    position: integer('position').notNull(),
    editionId: uuid('edition_id').notNull(),
    itemCode: text('item_code').notNull(),
    category: text('category').$type<CategoryCode>().notNull(),
    text: text('text').notNull(),
    starred: boolean('starred').notNull(),
    regionCode: text('region_code'),
    authorities: text('authorities').array().notNull(),
    industryCodes: text('industry_codes').array().notNull(),
    searchText: text('search_text').notNull(),
    searchVector: searchVector(),
  },
  (t) => [
    primaryKey({ columns: [t.itemId, t.position] }),
    index('negative_list_measures_edition_idx').on(t.editionId, t.itemCode, t.position),
    index('negative_list_measures_search_vector_idx').using('gin', t.searchVector),
    index('negative_list_measures_text_trgm_idx').using('gin', t.text.op('gin_trgm_ops')),
    index('negative_list_measures_authorities_idx').using('gin', t.authorities),
    index('negative_list_measures_industry_idx').using('gin', t.industryCodes),
  ],
);
