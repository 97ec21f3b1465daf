import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import type { ComplianceQuery, ComplianceRow } from '../schemas/compliance.js';

/** The decision tables (test/registration.test.ts checks each decision kind is here); they share the columns counted here (decisionColumns in db/tables/decisions.ts). */
export const COMPLIANCE_TABLES = [
  { kind: 'penalty', table: 'penalties' },
  { kind: 'licence', table: 'licences' },
  { kind: 'enforcement_action', table: 'enforcement_actions' },
] as const;

interface AggregateRow {
  kind: ComplianceRow['kind'];
  agency_id: string;
  agency_name: string;
  published: number | string;
  on_time: number | string;
  late: number | string;
  avg_late: string | null;
  withdrawals: number | string;
  withdrawals_on_time: number | string;
  withdrawals_late: number | string;
}

/** Rows of a raw query: PGlite answers { rows }, postgres.js an array. */
async function rowsOf<T>(db: Db, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows?: T[] } & T[];
  return result.rows ?? [...result];
}

/** Per agency and kind, counted by SQL aggregates over the decisions decided in [from, to]. */
export async function complianceReport(db: Db, q: ComplianceQuery): Promise<ComplianceRow[]> {
  const where = (): SQL => {
    const parts: SQL[] = [sql`decision_date >= ${q.from}`, sql`decision_date <= ${q.to}`];
    if (q.agencyId) parts.push(sql`agency_id = ${q.agencyId}`);
    if (q.regionCode) parts.push(sql`region_code = ${q.regionCode}`);
    return sql.join(parts, sql` AND `);
  };
  const decisions = sql.join(
    COMPLIANCE_TABLES.map(
      ({ kind, table }) =>
        sql`SELECT ${kind}::text AS kind, agency_id, agency_name, published_at, late, working_days_late, withdrawal FROM ${sql.identifier(table)} WHERE ${where()}`,
    ),
    sql` UNION ALL `,
  );
  const rows = await rowsOf<AggregateRow>(
    db,
    sql`SELECT kind, agency_id::text AS agency_id,
          (array_agg(agency_name ORDER BY published_at DESC))[1] AS agency_name,
          count(*)::int AS published,
          count(*) FILTER (WHERE NOT late)::int AS on_time,
          count(*) FILTER (WHERE late)::int AS late,
          round(avg(working_days_late) FILTER (WHERE late), 1)::text AS avg_late,
          count(withdrawal)::int AS withdrawals,
          count(*) FILTER (WHERE (withdrawal->>'late')::boolean IS FALSE)::int AS withdrawals_on_time,
          count(*) FILTER (WHERE (withdrawal->>'late')::boolean)::int AS withdrawals_late
        FROM (${decisions}) d
        GROUP BY kind, agency_id
        ORDER BY agency_name, agency_id, kind`,
  );
  return rows.map((r) => ({
    agencyId: r.agency_id,
    agencyName: r.agency_name,
    kind: r.kind,
    published: Number(r.published),
    onTime: Number(r.on_time),
    late: Number(r.late),
    averageWorkingDaysLate: r.avg_late,
    withdrawals: { total: Number(r.withdrawals), onTime: Number(r.withdrawals_on_time), late: Number(r.withdrawals_late) },
  }));
}
