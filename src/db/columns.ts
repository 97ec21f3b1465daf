import { integer, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const createdAt = () => timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull();
const updatedAt = () => timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull();

/** Columns every published record carries: nothing published is silently changed or removed (docs/feed-and-versions.md#versions). */
export const recordColumns = () => ({
  id: uuid('id').primaryKey(),
  version: integer('version').notNull(),
  status: text('status').notNull(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});
