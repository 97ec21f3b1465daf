import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import type { LicenceCategory } from '../../codes/licence-categories.js';
import type { CitationInput } from '../../schemas/citations.js';
import type { ApprovalChannel, ApprovalFee, ApprovalMaterial, ApprovalStep, NegativeListReference } from '../../schemas/approval-items.js';
import { recordColumns } from '../columns.js';
import { searchVector } from './duties.js';

/*
 * 行政许可事项 (谁审批谁公示): what an approving agency publishes before it decides (行政许可法 art. 30: 事项、依据、
 * 条件、数量、程序、期限、材料目录、申请书示范文本), as a versioned record. JSON columns hold the canonical request
 * shapes (no null members), so the published record and the merge-patch target are the same object.
 */
export const approvalItems = pgTable(
  'approval_items',
  {
    ...recordColumns(),
    agencyId: uuid('agency_id').notNull(),
    /** 行政许可事项清单 code, where the list gives one. */
    code: text('code'),
    name: text('name').notNull(),
    category: text('category').$type<z.output<typeof LicenceCategory>>().notNull(),
    categoryDetail: text('category_detail'),
    citations: jsonb('citations').$type<CitationInput[]>().notNull().default(sql`'[]'::jsonb`),
    basisText: text('basis_text'),
    conditions: text('conditions').notNull(),
    materials: jsonb('materials').$type<ApprovalMaterial[]>().notNull().default(sql`'[]'::jsonb`),
    steps: jsonb('steps').$type<ApprovalStep[]>().notNull().default(sql`'[]'::jsonb`),
    statutoryDays: integer('statutory_days').notNull(),
    promisedDays: integer('promised_days'),
    fees: jsonb('fees').$type<ApprovalFee[]>().notNull().default(sql`'[]'::jsonb`),
    channels: text('channels').array().$type<ApprovalChannel[]>().notNull(),
    onlineUrl: text('online_url'),
    negativeListMeasures: jsonb('negative_list_measures').$type<NegativeListReference[]>().notNull().default(sql`'[]'::jsonb`),
    searchText: text('search_text').notNull(),
    searchVector: searchVector(),
  },
  (t) => [
    // A code names one item of the agency's list at a time: a cancelled item gives its code back.
    uniqueIndex('approval_items_agency_code_key').on(t.agencyId, t.code).where(sql`status = 'active' AND code IS NOT NULL`),
    index('approval_items_agency_id_idx').on(t.agencyId, t.id),
    index('approval_items_negative_list_idx').using('gin', t.negativeListMeasures.op('jsonb_path_ops')),
    index('approval_items_search_vector_idx').using('gin', t.searchVector),
  ],
);
