/**
 * 抽查覆盖率 (docs/inspection-coverage.md): per lead agency, plan year and item, over the revealed draws of its
 * tasks (a voided draw never counts), the directory now, the frozen pools, the entities drawn and those with a
 * published result, each inspecting agency's part, and the shares. One query of SQL aggregates.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { agencies, drawPoolEntities, inspectionDraws, inspectionEntities, inspectionItems, inspectionResults, inspectionTasks } from '../../db/schema.js';
import type { InspectionCoverageQuery, InspectionCoverageRow } from '../../schemas/inspections/coverage.js';
import { rowsOf } from '../query-helpers.js';

interface CoverageRow {
  agency_id: string;
  agency_name: string;
  year: number;
  item_id: string;
  item_code: string;
  item_name: string;
  tasks: number;
  directory: number;
  pooled: number;
  drawn: number;
  inspected: number;
  of_directory: number | null;
  of_pool: number | null;
  parts: InspectionCoverageRow['parts'];
}

/** A counted draw's row per item of its task: the revealed draws of the tasks the query selects. */
function countedDraws(q: InspectionCoverageQuery): SQL {
  const d = inspectionDraws;
  const t = inspectionTasks;
  const where: SQL[] = [sql`${d.status} = 'revealed'`];
  if (q.agencyId) where.push(sql`${t.agencyId} = ${q.agencyId}`);
  if (q.year) where.push(sql`${t.year} = ${q.year}`);
  if (q.itemId) where.push(sql`items.item_id = ${q.itemId}`);
  return sql`SELECT ${d.id} AS draw_id, ${t.id} AS task_id, ${t.agencyId} AS agency_id, ${t.year} AS year, items.item_id, ${d.result} AS result
    FROM ${d} JOIN ${t} ON ${t.id} = ${d.taskId} CROSS JOIN LATERAL unnest(${t.itemIds}) AS items(item_id)
    WHERE ${sql.join(where, sql` AND `)}`;
}

/** Joins a per-(agency, year, item) aggregate to the groups. */
const sameGroup = (alias: string) => sql.raw(`${alias}.agency_id = g.agency_id AND ${alias}.year = g.year AND ${alias}.item_id = g.item_id`);

export async function inspectionCoverage(db: Db, q: InspectionCoverageQuery): Promise<InspectionCoverageRow[]> {
  const key = sql.raw('c.agency_id, c.year, c.item_id');
  const rows = await rowsOf<CoverageRow>(
    db,
    sql`WITH counted AS (${countedDraws(q)}),
      groups AS (SELECT agency_id, year, item_id, count(DISTINCT task_id)::int AS tasks FROM counted GROUP BY agency_id, year, item_id),
      directory AS (
        SELECT ${inspectionEntities.agencyId} AS agency_id, count(*)::int AS directory FROM ${inspectionEntities}
        WHERE ${inspectionEntities.status} = 'active' AND ${inspectionEntities.agencyId} IN (SELECT agency_id FROM groups)
        GROUP BY ${inspectionEntities.agencyId}),
      pooled AS (
        SELECT ${key}, count(DISTINCT ${drawPoolEntities.entityId})::int AS pooled
        FROM counted c JOIN ${drawPoolEntities} ON ${drawPoolEntities.drawId} = c.draw_id GROUP BY ${key}),
      drawn AS (
        SELECT ${key}, count(DISTINCT s.selection->>'entityId')::int AS drawn
        FROM counted c CROSS JOIN LATERAL jsonb_array_elements(c.result->'selections') AS s(selection) GROUP BY ${key}),
      results AS (
        SELECT ${key}, ${inspectionResults.agencyId} AS by_agency, ${inspectionResults.entityId} AS entity_id
        FROM counted c JOIN ${inspectionResults} ON ${inspectionResults.drawId} = c.draw_id),
      inspected AS (SELECT agency_id, year, item_id, count(DISTINCT entity_id)::int AS inspected FROM results GROUP BY agency_id, year, item_id),
      parts AS (
        SELECT x.agency_id, x.year, x.item_id,
          json_agg(json_build_object('agencyId', x.by_agency, 'agencyName', ${agencies.name}, 'inspected', x.n) ORDER BY x.by_agency) AS parts
        FROM (SELECT agency_id, year, item_id, by_agency, count(DISTINCT entity_id)::int AS n FROM results GROUP BY agency_id, year, item_id, by_agency) x
        JOIN ${agencies} ON ${agencies.id} = x.by_agency
        GROUP BY x.agency_id, x.year, x.item_id),
      report AS (
        SELECT g.agency_id, ${agencies.name} AS agency_name, g.year, g.item_id, ${inspectionItems.code} AS item_code, ${inspectionItems.name} AS item_name, g.tasks,
          coalesce(dir.directory, 0) AS directory, coalesce(po.pooled, 0) AS pooled, coalesce(dr.drawn, 0) AS drawn,
          coalesce(ins.inspected, 0) AS inspected, coalesce(pa.parts, '[]'::json) AS parts
        FROM groups g
        JOIN ${agencies} ON ${agencies.id} = g.agency_id
        JOIN ${inspectionItems} ON ${inspectionItems.id} = g.item_id
        LEFT JOIN directory dir ON dir.agency_id = g.agency_id
        LEFT JOIN pooled po ON ${sameGroup('po')}
        LEFT JOIN drawn dr ON ${sameGroup('dr')}
        LEFT JOIN inspected ins ON ${sameGroup('ins')}
        LEFT JOIN parts pa ON ${sameGroup('pa')})
    SELECT agency_id::text AS agency_id, agency_name, year, item_id::text AS item_id, item_code, item_name, tasks, directory, pooled, drawn, inspected, parts,
      (CASE WHEN directory > 0 THEN inspected::bigint * 10000 / directory END)::int AS of_directory,
      (CASE WHEN pooled > 0 THEN inspected::bigint * 10000 / pooled END)::int AS of_pool
    FROM report
    ORDER BY agency_name, agency_id, year, item_code, item_id`,
  );
  return rows.map((r) => ({
    agencyId: r.agency_id,
    agencyName: r.agency_name,
    year: r.year,
    itemId: r.item_id,
    itemCode: r.item_code,
    itemName: r.item_name,
    tasks: r.tasks,
    directory: r.directory,
    pooled: r.pooled,
    drawn: r.drawn,
    inspected: r.inspected,
    inspectedOfDirectory: r.of_directory,
    inspectedOfPool: r.of_pool,
    parts: r.parts,
  }));
}
