import { lte, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { changes, exportRuns } from '../../db/schema.js';
import { RECORD_TYPES } from '../../schemas/changes.js';
import type { ExportFormat, ExportManifest } from '../../schemas/exports.js';
import { PUBLISHED_TYPES } from '../../schemas/published-records.js';
import { feedHead } from '../feed.js';

const NATIONAL = [
  { name: '行政处罚决定 (双公示 CSV)', url: '/v1/penalties.csv' },
  { name: '行政许可决定 (双公示 CSV)', url: '/v1/licences.csv' },
  { name: '抽查检查结果 (CSV)', url: '/v1/inspection-results.csv' },
];

/** Every exportable resource at the head: its record count, its files and their latest complete export. */
export async function exportManifest(db: Db): Promise<ExportManifest> {
  const position = await feedHead(db);
  const counts = await db
    .select({ type: changes.recordType, records: sql<number>`count(DISTINCT ${changes.recordId})::int` })
    .from(changes)
    .where(lte(changes.position, position))
    .groupBy(changes.recordType);
  const runs = await db.select().from(exportRuns);
  const countOf = new Map(counts.map((c) => [c.type, c.records]));
  const latestOf = (resource: string, format: ExportFormat) => {
    const run = runs.find((r) => r.resource === resource && r.format === format);
    return run ? { position: run.position, records: run.records, bytes: run.bytes, sha256: run.sha256, completedAt: run.completedAt.toISOString() } : null;
  };
  const file = (resource: string, format: ExportFormat) => ({ url: `/v1/exports/${resource}.${format}`, latest: latestOf(resource, format) });
  return {
    position,
    resources: RECORD_TYPES.map((type) => {
      const resource = PUBLISHED_TYPES[type].collection;
      return { resource, type, records: countOf.get(type) ?? 0, files: { ndjson: file(resource, 'ndjson'), csv: file(resource, 'csv') } };
    }),
    national: NATIONAL,
  };
}
