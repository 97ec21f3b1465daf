/** The public columns of an agency as the baselines select them, named as ours publishes them (src/domain/agencies.ts). */
export const AGENCY_COLUMNS = `id, version, status, name, credit_code AS "creditCode", region_code AS "regionCode", level,
  parent_id AS "parentId", kind, entrustment, domains, contact, website, created_at AS "createdAt", updated_at AS "updatedAt"`;

/** The public columns of a penalty as the baselines select them, named as ours publishes them (src/domain/penalties/present.ts). */
export const PENALTY_COLUMNS = `id, version, status, created_at AS "createdAt", updated_at AS "updatedAt", party, decision_number AS "decisionNumber",
  violation_type AS "violationType", facts, basis, penalty_types AS "penaltyTypes", content, fine_fen::text AS "fineAmount",
  confiscation_fen::text AS "confiscationAmount", licence_revoked AS "licenceRevoked", decision_date AS "decisionDate",
  valid_until AS "validUntil", publicity_end_date AS "publicityEndDate", agency_id AS "decidingAgencyId", agency_name AS "decidingAgency",
  agency_credit_code AS "decidingAgencyCreditCode", data_source AS "dataSource", data_source_credit_code AS "dataSourceCreditCode",
  remarks, citations, tags, joint, campaign_id AS "campaignId", publicity, due_date AS "dueDate", published_at AS "publishedAt",
  claimed_published_at AS "claimedPublishedAt", late, working_days_late AS "workingDaysLate", calendar_provisional AS "calendarProvisional"`;

/** The public columns of an inspection task as the baselines select them, shaped as ours publishes one (src/domain/inspections/tasks.ts). */
export const TASK_COLUMNS = `id, version, status, created_at AS "createdAt", updated_at AS "updatedAt", agency_id AS "agencyId", year,
  plan_id AS "planId", name, item_ids AS "itemIds", cooperating_agency_ids AS "cooperatingAgencyIds",
  cardinality(cooperating_agency_ids) > 0 AS joint, selection, sample, inspectors_per_entity AS "inspectorsPerEntity",
  inspector_domains AS "inspectorDomains", json_build_object('from', window_from, 'to', window_to) AS "window", description,
  '/v1/inspection-tasks/' || id || '/draw' AS draw, '/v1/inspection-tasks/' || id || '/results' AS results`;
