/**
 * Every record type the feed, the revisions and the bulk exports carry, with the schema of its published
 * representation and the name of its collection. One table, so a feed entry, a revision and an export line of
 * the same type are typed alike in the OpenAPI document: a client narrows on `type` and gets the record's
 * real schema (tombstones included), and a new record type cannot be published without being typed here.
 */
import { z } from 'zod';
import { PublishedDraw } from '../draw/published.js';
import { Agency } from './agencies.js';
import { ApprovalItem } from './approval-items.js';
import { Campaign } from './campaigns.js';
import type { RecordTypeName } from './changes.js';
import { Benchmark } from './discretion.js';
import { EnforcementActionOrNotice } from './enforcement-actions.js';
import { InspectionConflict } from './inspections/conflicts.js';
import { InspectionEntity } from './inspections/entities.js';
import { Inspector } from './inspections/inspectors.js';
import { InspectionItem } from './inspections/items.js';
import { InspectionPlan } from './inspections/plans.js';
import { InspectionResultRecord } from './inspections/results.js';
import { InspectionRules } from './inspections/rules.js';
import { InspectionTask } from './inspections/tasks.js';
import { LegalBasisVersion } from './legal-bases.js';
import { LicenceOrNotice } from './licences.js';
import { Edition } from './negative-list/editions.js';
import { Item } from './negative-list/items.js';
import { Officer } from './officers.js';
import { PenaltyOrNotice } from './penalties.js';
import { Power } from './powers.js';
import { Procedure } from './procedures.js';

export interface PublishedType {
  /**
   * The published representation at a version: what the revision holds, and what GET of the record answers
   * (legal bases: GET adds the values derived on read, see LegalBasisVersion).
   */
  schema: z.ZodType;
  /** The collection's last path segment, which also names its bulk export (/v1/exports/{collection}.ndjson). */
  collection: string;
  /** PascalCase, for schema and operation names. */
  pascal: string;
  /**
   * Decisions only: once withdrawn, expired or repaired, their earlier versions show a redaction notice
   * instead of their content (the feed, revisions and exports alike).
   */
  redactable?: true;
}

export const PUBLISHED_TYPES: { [K in RecordTypeName]: PublishedType } = {
  agency: { schema: Agency, collection: 'agencies', pascal: 'Agency' },
  legal_basis: { schema: LegalBasisVersion, collection: 'legal-bases', pascal: 'LegalBasis' },
  power: { schema: Power, collection: 'powers', pascal: 'Power' },
  officer: { schema: Officer, collection: 'officers', pascal: 'Officer' },
  procedure: { schema: Procedure, collection: 'procedures', pascal: 'Procedure' },
  discretion_benchmark: { schema: Benchmark, collection: 'discretion-benchmarks', pascal: 'DiscretionBenchmark' },
  penalty: { schema: PenaltyOrNotice, collection: 'penalties', pascal: 'Penalty', redactable: true },
  licence: { schema: LicenceOrNotice, collection: 'licences', pascal: 'Licence', redactable: true },
  enforcement_action: { schema: EnforcementActionOrNotice, collection: 'enforcement-actions', pascal: 'EnforcementAction', redactable: true },
  campaign: { schema: Campaign, collection: 'campaigns', pascal: 'Campaign' },
  inspection_item: { schema: InspectionItem, collection: 'inspection-items', pascal: 'InspectionItem' },
  inspection_entity: { schema: InspectionEntity, collection: 'inspection-entities', pascal: 'InspectionEntity' },
  inspector: { schema: Inspector, collection: 'inspectors', pascal: 'Inspector' },
  inspection_conflict: { schema: InspectionConflict, collection: 'inspection-conflicts', pascal: 'InspectionConflict' },
  inspection_rules: { schema: InspectionRules, collection: 'inspection-rules', pascal: 'InspectionRules' },
  inspection_plan: { schema: InspectionPlan, collection: 'inspection-plans', pascal: 'InspectionPlan' },
  inspection_task: { schema: InspectionTask, collection: 'inspection-tasks', pascal: 'InspectionTask' },
  inspection_draw: { schema: PublishedDraw, collection: 'inspection-draws', pascal: 'InspectionDraw' },
  inspection_result: { schema: InspectionResultRecord, collection: 'inspection-results', pascal: 'InspectionResult' },
  negative_list_edition: { schema: Edition, collection: 'negative-list-editions', pascal: 'NegativeListEdition' },
  negative_list_item: { schema: Item, collection: 'negative-list-items', pascal: 'NegativeListItem' },
  approval_item: { schema: ApprovalItem, collection: 'approval-items', pascal: 'ApprovalItem' },
};

export const RECORD_TYPE_NAMES = Object.keys(PUBLISHED_TYPES) as RecordTypeName[];

/** The content of an earlier version of a decision no longer displayed. */
const RedactedVersion = z
  .object({
    redacted: z.literal(true).meta({ title: '已不公开' }),
    detail: z.string().meta({ title: '说明' }),
  })
  .meta({ id: 'RedactedVersion', title: '已不公开的版本', description: 'This version of a decision is no longer public: it was withdrawn, or its publicity period ended or was ended early. Its latest version is the notice.' });

/** What a version of a record of this type holds: the record, or for decisions also the redaction notice. */
export function versionData(type: RecordTypeName): z.ZodType {
  const { schema, redactable } = PUBLISHED_TYPES[type];
  return redactable ? z.union([schema, RedactedVersion]) : schema;
}
