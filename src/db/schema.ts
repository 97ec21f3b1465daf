import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  char,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';

import { createdAt, recordColumns } from './columns.js';
import type { AgencyCreate } from '../schemas/agencies.js';

export * from './tables/duties.js';
export * from './tables/decisions.js';
export * from './tables/inspections.js';
export * from './tables/negative-list.js';
export * from './tables/approval-items.js';
export * from './tables/exports.js';
export * from './tables/webhooks.js';

/** 执法主体: an enforcement body (法定 / 授权 / 委托). */
export const agencies = pgTable(
  'agencies',
  {
    ...recordColumns(),
    name: text('name').notNull(),
    creditCode: char('credit_code', { length: 18 }).notNull(),
    regionCode: char('region_code', { length: 6 }).notNull(),
    level: text('level').notNull(),
    parentId: uuid('parent_id').references((): AnyPgColumn => agencies.id),
    kind: text('kind').notNull(),
    entrustment: jsonb('entrustment').$type<NonNullable<AgencyCreate['entrustment']>>(),
    domains: text('domains').array().notNull().default(sql`'{}'::text[]`),
    contact: jsonb('contact').$type<NonNullable<AgencyCreate['contact']>>(),
    website: text('website'),
  },
  (t) => [
    uniqueIndex('agencies_credit_code_key').on(t.creditCode),
    index('agencies_region_code_idx').on(t.regionCode),
    index('agencies_parent_id_idx').on(t.parentId),
  ],
);

/** Immutable snapshots: one row per version of every published record. */
export const revisions = pgTable(
  'revisions',
  {
    recordType: text('record_type').notNull(),
    recordId: uuid('record_id').notNull(),
    version: integer('version').notNull(),
    event: text('event').notNull(),
    data: jsonb('data').notNull(),
    actorKind: text('actor_kind').notNull(),
    actorKeyId: uuid('actor_key_id'),
    actorAgencyId: uuid('actor_agency_id'),
    reason: text('reason'),
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull(),
    /** Set on the earlier versions of a withdrawn, expired or repaired decision: their content is no longer public. */
    redacted: boolean('redacted').notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.recordId, t.version] })],
);

/**
 * The global change log, in commit order. Positions are handed out from `change_clock` under its row
 * lock, which the writing transaction holds until it commits, so positions are dense and a reader
 * that has seen position N never later finds a newly committed row below N.
 */
export const changes = pgTable(
  'changes',
  {
    position: bigint('position', { mode: 'number' }).primaryKey(),
    recordType: text('record_type').notNull(),
    recordId: uuid('record_id').notNull(),
    version: integer('version').notNull(),
    event: text('event').notNull(),
    agencyId: uuid('agency_id'),
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    index('changes_record_type_position_idx').on(t.recordType, t.position),
    // The bulk export reads the latest version of each record of a type, in id order (DISTINCT ON).
    index('changes_record_type_record_id_version_idx').on(t.recordType, t.recordId, t.version.desc()),
  ],
);

export const changeClock = pgTable('change_clock', {
  id: smallint('id').primaryKey(),
  position: bigint('position', { mode: 'number' }).notNull(),
});

/** Writer keys: only a SHA-256 of the secret is stored. */
export const apiKeys = pgTable(
  'api_keys',
  {
    id: uuid('id').primaryKey(),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id),
    name: text('name').notNull(),
    scopes: text('scopes').array().notNull(),
    secretHash: text('secret_hash').notNull(),
    prefix: text('prefix').notNull(),
    createdAt: createdAt(),
    revokedAt: timestamp('revoked_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [uniqueIndex('api_keys_secret_hash_key').on(t.secretHash), index('api_keys_agency_id_idx').on(t.agencyId)],
);

export type AgencyRow = typeof agencies.$inferSelect;
export type ApiKeyRow = typeof apiKeys.$inferSelect;

/**
 * Remembered answers to POSTs sent with an Idempotency-Key, per agency (or the operator), written in the
 * same transaction as the POST's effects so a retry can never apply them twice.
 */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    scope: text('scope').notNull(),
    /** SHA-256 of the client's Idempotency-Key: the key itself is never stored. */
    key: text('key').notNull(),
    requestHash: text('request_hash').notNull(),
    status: integer('status').notNull(),
    body: text('body'),
    headers: jsonb('headers').notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.scope, t.key] })],
);
