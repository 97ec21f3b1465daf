import { sql } from 'drizzle-orm';
import { bigint, boolean, char, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import type { LicenceCategory } from '../../codes/licence-categories.js';
import type { PenaltyTypeCode } from '../../codes/penalty-types.js';
import type { StoredPenaltyParty } from '../../domain/penalty-party.js';
import type { Citation } from '../../schemas/citations.js';
import type { CreditRepair, DecisionNotice, DecisionTag, decisionExtrasPublic, Withdrawal } from '../../schemas/decision-common.js';
import type { ActionType, EnforcementTargetPublic } from '../../schemas/enforcement-actions.js';
import type { LicenceState } from '../../schemas/licences.js';
import type { Publicity } from '../../schemas/penalties.js';
import { recordColumns } from '../columns.js';
import { dateCol, searchVector } from './duties.js';

/*
 * 事后公开: published enforcement decisions. What the public sees is computed at write time and stored
 * (citations described on the decision date, joint agencies' names, timeliness), so a read is one row
 * mapped without further queries. Status: published | withdrawn | expired | repaired; nothing is deleted.
 */

const timestamptz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** published, or why the decision left display (the notice's status). */
export type DecisionStatus = 'published' | DecisionNotice['status'];

/**
 * Columns shared by penalties, licences and other enforcement actions. JSON and coded columns carry the
 * type of what the write path stores in them (the published shapes), so rows read back need no casts.
 */
const decisionColumns = () => ({
  ...recordColumns(),
  status: text('status').$type<DecisionStatus>().notNull(),
  /** The deciding (licensing, acting) agency: the only one whose keys may write the record. */
  agencyId: uuid('agency_id').notNull(),
  agencyName: text('agency_name').notNull(),
  agencyCreditCode: char('agency_credit_code', { length: 18 }).notNull(),
  regionCode: char('region_code', { length: 6 }).notNull(),
  dataSource: text('data_source').notNull(),
  dataSourceCreditCode: char('data_source_credit_code', { length: 18 }).notNull(),
  decisionDate: dateCol('decision_date').notNull(),
  tags: text('tags').array().$type<DecisionTag[]>().notNull().default(sql`'{}'::text[]`),
  /** { reference, agencies: [{ id, name }] } as published. */
  joint: jsonb('joint').$type<NonNullable<z.output<typeof decisionExtrasPublic.joint>>>(),
  jointReference: text('joint_reference'),
  campaignId: uuid('campaign_id'),
  /** Citations as published (described on the decision date). */
  citations: jsonb('citations').$type<Citation[]>().notNull(),
  remarks: text('remarks'),
  dueDate: dateCol('due_date').notNull(),
  publishedAt: timestamptz('published_at').notNull(),
  claimedPublishedAt: timestamptz('claimed_published_at'),
  workingDaysLate: integer('working_days_late').notNull(),
  late: boolean('late').notNull(),
  calendarProvisional: boolean('calendar_provisional').notNull(),
  /** Withdrawal (撤回) as published: reason, explanation, event date, deadline and lateness. */
  // The name of reasonCategory is derived on read, never stored.
  withdrawal: jsonb('withdrawal').$type<Omit<z.output<typeof Withdrawal>, 'reasonCategoryName'>>(),
  /** When the record left public display (withdrawn, expired or repaired). */
  endedAt: timestamptz('ended_at'),
  searchText: text('search_text').notNull(),
  searchVector: searchVector(),
});

/** 行政处罚 decisions (national 双公示 template, docs/fields.md#penalty-fields). */
export const penalties = pgTable(
  'penalties',
  {
    ...decisionColumns(),
    /** The masked party block; never holds a raw ID number. */
    party: jsonb('party').$type<StoredPenaltyParty>().notNull(),
    partyName: text('party_name').generatedAlwaysAs(sql`party->>'name'`),
    partyCreditCode: text('party_credit_code').generatedAlwaysAs(sql`party->>'creditCode'`),
    decisionNumber: text('decision_number').notNull(),
    violationType: text('violation_type').notNull(),
    facts: text('facts').notNull(),
    basis: text('basis').notNull(),
    penaltyTypes: text('penalty_types').array().$type<PenaltyTypeCode[]>().notNull(),
    content: text('content').notNull(),
    fineFen: bigint('fine_fen', { mode: 'bigint' }),
    confiscationFen: bigint('confiscation_fen', { mode: 'bigint' }),
    licenceRevoked: text('licence_revoked'),
    validUntil: dateCol('valid_until').notNull(),
    publicityEndDate: dateCol('publicity_end_date').notNull(),
    /** Rule applied, allowed range and exclusion (the Publicity response object). */
    publicity: jsonb('publicity').$type<z.output<typeof Publicity>>().notNull(),
    /** Early termination (信用修复 / 提前停止公示) as published. */
    repair: jsonb('repair').$type<z.output<typeof CreditRepair>>(),
  },
  (t) => [
    uniqueIndex('penalties_agency_decision_number_key').on(t.agencyId, t.decisionNumber),
    index('penalties_agency_id_idx').on(t.agencyId, t.id),
    index('penalties_region_code_idx').on(t.regionCode, t.id),
    index('penalties_decision_date_idx').on(t.decisionDate, t.id),
    index('penalties_party_credit_code_idx').on(t.partyCreditCode),
    index('penalties_decision_number_idx').on(t.decisionNumber),
    index('penalties_status_end_idx').on(t.status, t.publicityEndDate),
    index('penalties_tags_idx').using('gin', t.tags),
    index('penalties_types_idx').using('gin', t.penaltyTypes),
    index('penalties_search_vector_idx').using('gin', t.searchVector),
    index('penalties_party_name_trgm_idx').using('gin', t.partyName.op('gin_trgm_ops')),
    index('penalties_decision_number_trgm_idx').using('gin', t.decisionNumber.op('gin_trgm_ops')),
  ],
);

/** 行政许可 decisions (national 双公示 template, docs/fields.md#licence-fields). */
export const licences = pgTable(
  'licences',
  {
    ...decisionColumns(),
    party: jsonb('party').$type<StoredPenaltyParty>().notNull(),
    partyName: text('party_name').generatedAlwaysAs(sql`party->>'name'`),
    partyCreditCode: text('party_credit_code').generatedAlwaysAs(sql`party->>'creditCode'`),
    documentTitle: text('document_title').notNull(),
    decisionNumber: text('decision_number').notNull(),
    category: text('category').$type<z.output<typeof LicenceCategory>>().notNull(),
    categoryDetail: text('category_detail'),
    certificateName: text('certificate_name'),
    licenceNumber: text('licence_number'),
    content: text('content').notNull(),
    validFrom: dateCol('valid_from').notNull(),
    validTo: dateCol('valid_to').notNull(),
    state: text('state').$type<z.output<typeof LicenceState>>().notNull(),
    /** The 行政许可事项 decided (/v1/approval-items), an item of the same agency. */
    approvalItemId: uuid('approval_item_id'),
  },
  (t) => [
    uniqueIndex('licences_agency_decision_number_key').on(t.agencyId, t.decisionNumber),
    index('licences_agency_id_idx').on(t.agencyId, t.id),
    index('licences_region_code_idx').on(t.regionCode, t.id),
    index('licences_decision_date_idx').on(t.decisionDate, t.id),
    index('licences_party_credit_code_idx').on(t.partyCreditCode),
    index('licences_approval_item_idx').on(t.approvalItemId, t.id),
    index('licences_tags_idx').using('gin', t.tags),
    index('licences_search_vector_idx').using('gin', t.searchVector),
    index('licences_party_name_trgm_idx').using('gin', t.partyName.op('gin_trgm_ops')),
    index('licences_decision_number_trgm_idx').using('gin', t.decisionNumber.op('gin_trgm_ops')),
  ],
);

/** Other enforcement actions (行政检查, 行政强制, ...): 执法机关、执法对象、执法类别、执法结论. */
export const enforcementActions = pgTable(
  'enforcement_actions',
  {
    ...decisionColumns(),
    actionType: text('action_type').$type<z.output<typeof ActionType>>().notNull(),
    /** 执法对象 { name, category, creditCode } (no ID numbers are accepted for a target). */
    target: jsonb('target').$type<z.output<typeof EnforcementTargetPublic>>().notNull(),
    targetName: text('target_name').generatedAlwaysAs(sql`target->>'name'`),
    targetCreditCode: text('target_credit_code').generatedAlwaysAs(sql`target->>'creditCode'`),
    documentNumber: text('document_number'),
    conclusion: text('conclusion').notNull(),
    facts: text('facts'),
  },
  (t) => [
    uniqueIndex('enforcement_actions_agency_document_number_key').on(t.agencyId, t.documentNumber),
    index('enforcement_actions_agency_id_idx').on(t.agencyId, t.id),
    index('enforcement_actions_decision_date_idx').on(t.decisionDate, t.id),
    index('enforcement_actions_target_credit_code_idx').on(t.targetCreditCode),
    index('enforcement_actions_tags_idx').using('gin', t.tags),
    index('enforcement_actions_search_vector_idx').using('gin', t.searchVector),
    index('enforcement_actions_target_name_trgm_idx').using('gin', t.targetName.op('gin_trgm_ops')),
    index('enforcement_actions_document_number_trgm_idx').using('gin', t.documentNumber.op('gin_trgm_ops')),
  ],
);

/** 专项整治: a named campaign with a period and a lead agency; decisions point to it. */
export const campaigns = pgTable(
  'campaigns',
  {
    ...recordColumns(),
    name: text('name').notNull(),
    description: text('description'),
    startDate: dateCol('start_date').notNull(),
    endDate: dateCol('end_date').notNull(),
    leadAgencyId: uuid('lead_agency_id').notNull(),
    participatingAgencyIds: uuid('participating_agency_ids').array().notNull().default(sql`'{}'::uuid[]`),
  },
  (t) => [index('campaigns_lead_agency_id_idx').on(t.leadAgencyId)],
);
