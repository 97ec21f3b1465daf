import postgres from 'postgres';
import { drizzle } from 'drizzle-orm/postgres-js';
import * as schema from './schema.js';
import type { Db } from './client.js';

export interface PostgresOptions {
  /** Pool size; Workers use a handful per request, Node a shared pool. */
  max?: number;
}

/** Real PostgreSQL through postgres.js (Node, or Workers via Hyperdrive). */
export function openPostgres(url: string, options: PostgresOptions = {}): { db: Db; close(): Promise<void> } {
  const client = postgres(url, {
    max: options.max ?? 10,
    onnotice: () => {},
    connection: { application_name: 'gongshi' },
  });
  const db = drizzle({ client, schema }) as unknown as Db;
  return { db, close: () => client.end({ timeout: 5 }) };
}
