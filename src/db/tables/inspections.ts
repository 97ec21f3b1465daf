import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, primaryKey, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { recordColumns } from '../columns.js';
import type { CitationInput } from '../../schemas/citations.js';
import type { DrawResult } from '../../draw/algorithm.js';
import type { DrawParameters } from '../../draw/inputs.js';
import type { DrawSample, InspectionTaskCreate } from '../../schemas/inspections/tasks.js';
import { dateCol, searchVector } from './duties.js';

/*
 * 双随机、一公开: the item list (一单), the entity and inspector directories (两库), the 细则 and plans, tasks,
 * their draws and results. Every record table carries the shared record columns (versioned, revisions, feed).
 */

const stamp = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const inspectionItems = pgTable(
  'inspection_items',
  {
    ...recordColumns(),
    agencyId: uuid('agency_id').notNull(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    subItems: jsonb('sub_items').$type<{ code: string; name: string }[]>().notNull().default(sql`'[]'::jsonb`),
    citations: jsonb('citations').$type<CitationInput[]>().notNull().default(sql`'[]'::jsonb`),
    basisText: text('basis_text'),
    objectType: text('object_type').notNull(),
    content: text('content').notNull(),
    methods: text('methods').array().notNull(),
    category: text('category').notNull(),
    ratioBasisPoints: integer('ratio_basis_points'),
    frequency: text('frequency'),
    cooperatingAgencyIds: uuid('cooperating_agency_ids').array().notNull().default(sql`'{}'::uuid[]`),
    searchText: text('search_text').notNull(),
    searchVector: searchVector(),
  },
  (t) => [
    uniqueIndex('inspection_items_agency_code_key').on(t.agencyId, t.code),
    index('inspection_items_cooperating_idx').using('gin', t.cooperatingAgencyIds),
    index('inspection_items_search_vector_idx').using('gin', t.searchVector),
  ],
);

export const inspectionEntities = pgTable(
  'inspection_entities',
  {
    ...recordColumns(),
    agencyId: uuid('agency_id').notNull(),
    name: text('name').notNull(),
    creditCode: text('credit_code'),
    registrationNo: text('registration_no'),
    objectType: text('object_type').notNull(),
    entityKind: text('entity_kind'),
    regionCode: text('region_code').notNull(),
    industryCode: text('industry_code'),
    address: text('address'),
    riskClass: text('risk_class'),
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    searchText: text('search_text').notNull(),
    searchVector: searchVector(),
  },
  (t) => [
    // One active entry per entity in an agency's directory; the pool of a draw is read in id order from it.
    uniqueIndex('inspection_entities_agency_credit_code_key').on(t.agencyId, t.creditCode).where(sql`status = 'active' AND credit_code IS NOT NULL`),
    uniqueIndex('inspection_entities_agency_registration_no_key').on(t.agencyId, t.registrationNo).where(sql`status = 'active' AND registration_no IS NOT NULL`),
    index('inspection_entities_pool_idx').on(t.agencyId, t.status, t.id),
    index('inspection_entities_search_vector_idx').using('gin', t.searchVector),
    index('inspection_entities_name_trgm_idx').using('gin', t.name.op('gin_trgm_ops')),
  ],
);

export const inspectors = pgTable(
  'inspectors',
  {
    ...recordColumns(),
    agencyId: uuid('agency_id').notNull(),
    officerId: uuid('officer_id').notNull(),
    domains: text('domains').array().notNull(),
    available: boolean('available').notNull(),
    unavailableUntil: dateCol('unavailable_until'),
  },
  (t) => [uniqueIndex('inspectors_officer_key').on(t.officerId).where(sql`status = 'active'`), index('inspectors_agency_id_idx').on(t.agencyId)],
);

export const inspectionConflicts = pgTable(
  'inspection_conflicts',
  {
    ...recordColumns(),
    agencyId: uuid('agency_id').notNull(),
    inspectorId: uuid('inspector_id').notNull(),
    entityId: uuid('entity_id').notNull(),
    declaredBy: text('declared_by').notNull(),
    reason: text('reason'),
  },
  (t) => [
    uniqueIndex('inspection_conflicts_pair_key').on(t.inspectorId, t.entityId).where(sql`status = 'active'`),
    index('inspection_conflicts_entity_idx').on(t.entityId),
  ],
);

export const inspectionRules = pgTable(
  'inspection_rules',
  {
    ...recordColumns(),
    agencyId: uuid('agency_id').notNull(),
    title: text('title').notNull(),
    docNumber: text('doc_number'),
    effectiveOn: dateCol('effective_on').notNull(),
    text: text('text').notNull(),
    searchText: text('search_text').notNull(),
    searchVector: searchVector(),
  },
  (t) => [index('inspection_rules_agency_id_idx').on(t.agencyId), index('inspection_rules_search_vector_idx').using('gin', t.searchVector)],
);

export const inspectionPlans = pgTable(
  'inspection_plans',
  {
    ...recordColumns(),
    agencyId: uuid('agency_id').notNull(),
    year: smallint('year').notNull(),
    title: text('title').notNull(),
    itemIds: uuid('item_ids').array().notNull(),
    filedWithAgencyId: uuid('filed_with_agency_id'),
    description: text('description'),
  },
  (t) => [uniqueIndex('inspection_plans_agency_year_key').on(t.agencyId, t.year).where(sql`status = 'active'`)],
);

export const inspectionTasks = pgTable(
  'inspection_tasks',
  {
    ...recordColumns(),
    agencyId: uuid('agency_id').notNull(),
    year: smallint('year').notNull(),
    planId: uuid('plan_id'),
    name: text('name').notNull(),
    itemIds: uuid('item_ids').array().notNull(),
    cooperatingAgencyIds: uuid('cooperating_agency_ids').array().notNull().default(sql`'{}'::uuid[]`),
    selection: jsonb('selection').$type<NonNullable<InspectionTaskCreate['selection']>>().notNull(),
    sample: jsonb('sample').$type<DrawSample>().notNull(),
    inspectorsPerEntity: smallint('inspectors_per_entity').notNull(),
    inspectorDomains: text('inspector_domains').array().notNull().default(sql`'{}'::text[]`),
    windowFrom: dateCol('window_from').notNull(),
    windowTo: dateCol('window_to').notNull(),
    description: text('description'),
    searchText: text('search_text').notNull(),
    searchVector: searchVector(),
  },
  (t) => [
    index('inspection_tasks_agency_id_idx').on(t.agencyId),
    index('inspection_tasks_cooperating_idx').using('gin', t.cooperatingAgencyIds),
    index('inspection_tasks_items_idx').using('gin', t.itemIds),
    index('inspection_tasks_plan_id_idx').on(t.planId),
    index('inspection_tasks_search_vector_idx').using('gin', t.searchVector),
  ],
);

/**
 * A task's draw: committed (pools frozen, commitment published), revealed (seed and result stored) or voided
 * (kept, with its public reason). One draw that is not voided per task at a time; attempts count up.
 */
export const inspectionDraws = pgTable(
  'inspection_draws',
  {
    ...recordColumns(),
    taskId: uuid('task_id').notNull(),
    attempt: smallint('attempt').notNull(),
    agencyId: uuid('agency_id').notNull(),
    algorithm: text('algorithm').notNull(),
    /** The task's version whose parameters were frozen (readable under its revisions). */
    taskVersion: integer('task_version').notNull(),
    parameters: jsonb('parameters').$type<DrawParameters>().notNull(),
    entityCount: integer('entity_count').notNull(),
    entityHash: text('entity_hash').notNull(),
    inspectorCount: integer('inspector_count').notNull(),
    inspectorHash: text('inspector_hash').notNull(),
    conflictCount: integer('conflict_count').notNull(),
    conflictHash: text('conflict_hash').notNull(),
    commitment: text('commitment').notNull(),
    contributionsCloseAt: stamp('contributions_close_at').notNull(),
    secret: text('secret'),
    seed: text('seed'),
    revealedAt: stamp('revealed_at'),
    result: jsonb('result').$type<DrawResult>(),
    voidReason: text('void_reason'),
    voidedAt: stamp('voided_at'),
  },
  (t) => [uniqueIndex('inspection_draws_task_attempt_key').on(t.taskId, t.attempt), uniqueIndex('inspection_draws_live_key').on(t.taskId).where(sql`status <> 'voided'`)],
);

/** The frozen pools of a draw, exactly as hashed: entities with their stratum, inspectors, conflicts. */
export const drawPoolEntities = pgTable(
  'draw_pool_entities',
  { drawId: uuid('draw_id').notNull(), entityId: uuid('entity_id').notNull(), stratum: text('stratum').notNull() },
  (t) => [primaryKey({ columns: [t.drawId, t.entityId] })],
);
export const drawPoolInspectors = pgTable(
  'draw_pool_inspectors',
  { drawId: uuid('draw_id').notNull(), inspectorId: uuid('inspector_id').notNull() },
  (t) => [primaryKey({ columns: [t.drawId, t.inspectorId] })],
);
export const drawPoolConflicts = pgTable(
  'draw_pool_conflicts',
  { drawId: uuid('draw_id').notNull(), inspectorId: uuid('inspector_id').notNull(), entityId: uuid('entity_id').notNull() },
  (t) => [primaryKey({ columns: [t.drawId, t.inspectorId, t.entityId] })],
);

/** Random contributions to a committed draw, in the order they arrived (seq), each published. */
export const drawContributions = pgTable(
  'draw_contributions',
  {
    drawId: uuid('draw_id').notNull(),
    seq: integer('seq').notNull(),
    value: text('value').notNull(),
    by: text('by').notNull(),
    agencyId: uuid('agency_id'),
    keyId: uuid('key_id'),
    clientHash: text('client_hash'),
    at: stamp('at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.drawId, t.seq] })],
);

/** One agency's result for one drawn entity (a joint task has one per agency); corrections are new versions. */
export const inspectionResults = pgTable(
  'inspection_results',
  {
    ...recordColumns(),
    taskId: uuid('task_id').notNull(),
    drawId: uuid('draw_id').notNull(),
    entityId: uuid('entity_id').notNull(),
    agencyId: uuid('agency_id').notNull(),
    resultCode: text('result_code').notNull(),
    findings: text('findings'),
    followUp: jsonb('follow_up').$type<{ penaltyId?: string; note?: string }>(),
    inspectedOn: dateCol('inspected_on').notNull(),
    inspectorIds: uuid('inspector_ids').array().notNull(),
    dueOn: dateCol('due_on').notNull(),
    firstPublishedAt: stamp('first_published_at').notNull(),
    // Judged by the first publication against 20 working days after the inspection: a corrected inspection date
    // moves the due date, a correction's own time never counts as publishing.
    late: boolean('late').notNull(),
    workingDaysLate: integer('working_days_late').notNull(),
    searchText: text('search_text').notNull(),
    searchVector: searchVector(),
  },
  (t) => [
    uniqueIndex('inspection_results_entity_agency_key').on(t.drawId, t.entityId, t.agencyId),
    index('inspection_results_task_idx').on(t.taskId),
    index('inspection_results_agency_idx').on(t.agencyId),
    index('inspection_results_search_vector_idx').using('gin', t.searchVector),
  ],
);
