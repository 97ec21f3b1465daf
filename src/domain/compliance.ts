import { getTableName, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { agencies, inspectionResults } from '../db/schema.js';
import type { ComplianceQuery, ComplianceRow } from '../schemas/compliance.js';
import { rowsOf } from './query-helpers.js';

/** The decision tables (test/registration.test.ts checks each decision kind is here); they share the columns counted here (decisionColumns in db/tables/decisions.ts). */
export const COMPLIANCE_TABLES = [
  { kind: 'penalty', table: 'penalties' },
  { kind: 'licence', table: 'licences' },
  { kind: 'enforcement_action', table: 'enforcement_actions' },
] as const;

/**
 * Inspection results (双随机、一公开), counted beside the decisions from their own columns: the inspection date
 * stands where a decision has its decision date, and they have no withdrawals (a result is corrected as a new
 * version). Due 20 working days after the inspection (国办发〔2018〕118号), judged at first publication.
 */
export const COMPLIANCE_RESULTS = { kind: 'inspection_result', table: getTableName(inspectionResults) } as const;

/** What TIMELINESS_AGGREGATES counts (the drivers answer counts as numbers or strings). */
export interface TimelinessAggregates {
  published: number | string;
  on_time: number | string;
  late: number | string;
  avg_late: string | null;
  withdrawals: number | string;
  withdrawals_on_time: number | string;
  withdrawals_late: number | string;
}

interface AggregateRow extends TimelinessAggregates {
  kind: ComplianceRow['kind'];
  agency_id: string;
  agency_name: string;
}

/**
 * Timeliness of a set of published records as SQL aggregates over their decision columns (late,
 * working_days_late, withdrawal): counted as first published, whatever their status now.
 */
export const TIMELINESS_AGGREGATES = sql`count(*)::int AS published,
  count(*) FILTER (WHERE NOT late)::int AS on_time,
  count(*) FILTER (WHERE late)::int AS late,
  round(avg(working_days_late) FILTER (WHERE late), 1)::text AS avg_late,
  count(withdrawal)::int AS withdrawals,
  count(*) FILTER (WHERE (withdrawal->>'late')::boolean IS FALSE)::int AS withdrawals_on_time,
  count(*) FILTER (WHERE (withdrawal->>'late')::boolean)::int AS withdrawals_late`;

/** The counts of TIMELINESS_AGGREGATES as published. */
export function timelinessCounts(r: TimelinessAggregates) {
  return {
    published: Number(r.published),
    onTime: Number(r.on_time),
    late: Number(r.late),
    averageWorkingDaysLate: r.avg_late,
    withdrawals: { total: Number(r.withdrawals), onTime: Number(r.withdrawals_on_time), late: Number(r.withdrawals_late) },
  };
}

/** The decisions of every decision table decided in [from, to], as rows to count. */
function decisionRows(q: ComplianceQuery): SQL {
  const where = (): SQL => {
    const parts: SQL[] = [sql`decision_date >= ${q.from}`, sql`decision_date <= ${q.to}`];
    if (q.agencyId) parts.push(sql`agency_id = ${q.agencyId}`);
    if (q.regionCode) parts.push(sql`region_code = ${q.regionCode}`);
    return sql.join(parts, sql` AND `);
  };
  return sql.join(
    COMPLIANCE_TABLES.map(
      ({ kind, table }) =>
        sql`SELECT ${kind}::text AS kind, agency_id, agency_name, published_at, late, working_days_late, withdrawal FROM ${sql.identifier(table)} WHERE ${where()}`,
    ),
    sql` UNION ALL `,
  );
}

/** The inspection results of inspections made in [from, to], as rows to count: the inspecting agency's current name and region. */
function resultRows(q: ComplianceQuery): SQL {
  const r = inspectionResults;
  const parts: SQL[] = [sql`${r.inspectedOn} >= ${q.from}`, sql`${r.inspectedOn} <= ${q.to}`];
  if (q.agencyId) parts.push(sql`${r.agencyId} = ${q.agencyId}`);
  if (q.regionCode) parts.push(sql`${agencies.regionCode} = ${q.regionCode}`);
  return sql`SELECT ${COMPLIANCE_RESULTS.kind}::text AS kind, ${r.agencyId} AS agency_id, ${agencies.name} AS agency_name,
      ${r.firstPublishedAt} AS published_at, ${r.late} AS late, ${r.workingDaysLate} AS working_days_late, NULL::jsonb AS withdrawal
    FROM ${r} JOIN ${agencies} ON ${agencies.id} = ${r.agencyId} WHERE ${sql.join(parts, sql` AND `)}`;
}

const WITHDRAWABLE = new Set<string>(COMPLIANCE_TABLES.map((t) => t.kind));

/** Per agency and kind, counted by SQL aggregates over the decisions decided, and the inspections made, in [from, to]. */
export async function complianceReport(db: Db, q: ComplianceQuery): Promise<ComplianceRow[]> {
  const rows = await rowsOf<AggregateRow>(
    db,
    sql`SELECT kind, agency_id::text AS agency_id,
          (array_agg(agency_name ORDER BY published_at DESC))[1] AS agency_name,
          ${TIMELINESS_AGGREGATES}
        FROM (${decisionRows(q)} UNION ALL ${resultRows(q)}) d
        GROUP BY kind, agency_id
        ORDER BY agency_name, agency_id, kind`,
  );
  return rows.map((r) => {
    const counts = timelinessCounts(r);
    return { agencyId: r.agency_id, agencyName: r.agency_name, kind: r.kind, ...counts, withdrawals: WITHDRAWABLE.has(r.kind) ? counts.withdrawals : null };
  });
}
