import { bigint, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * The latest complete bulk export of each resource and format: the feed position it was taken at, its size
 * and SHA-256, so an aggregator can check a download (one at the same position has the same bytes).
 */
export const exportRuns = pgTable(
  'export_runs',
  {
    resource: text('resource').notNull(),
    format: text('format').notNull(),
    position: bigint('position', { mode: 'number' }).notNull(),
    records: integer('records').notNull(),
    bytes: bigint('bytes', { mode: 'number' }).notNull(),
    sha256: text('sha256').notNull(),
    completedAt: timestamp('completed_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.resource, t.format] })],
);
