import { bigint, boolean, integer, pgTable, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { createdAt } from '../columns.js';

/**
 * Push subscriptions to the change feed: each follows the feed from its own position, like a reader of
 * /v1/feed, and is advanced only when its endpoint acknowledged a delivery. No secret is stored: a
 * subscription's signing secret is derived from the server's WEBHOOK_SIGNING_KEY and its id.
 */
export const webhookSubscriptions = pgTable('webhook_subscriptions', {
  id: uuid('id').primaryKey(),
  url: text('url').notNull(),
  /** Record types delivered; null for all. */
  types: text('types').array(),
  /** Delivered and acknowledged up to this feed position. */
  position: bigint('position', { mode: 'number' }).notNull(),
  active: boolean('active').notNull().default(true),
  failures: integer('failures').notNull().default(0),
  /** HTTP status of the last attempt; null for none yet or when the endpoint could not be reached. */
  lastStatus: smallint('last_status'),
  lastAttemptAt: timestamp('last_attempt_at', { withTimezone: true, mode: 'date' }),
  nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true, mode: 'date' }),
  /** A dispatcher claims a subscription until then, so two server instances never deliver the same batch at once. */
  leasedUntil: timestamp('leased_until', { withTimezone: true, mode: 'date' }),
  createdAt: createdAt(),
});
