import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { prepared } from '../db/prepared.js';
import type { Db } from '../db/client.js';
import { agencies, apiKeys, type ApiKeyRow } from '../db/schema.js';
import { problems } from '../errors.js';
import { newId } from '../lib/ids.js';
import { hashSecret, newSecret } from '../lib/secrets.js';
import type { ApiKey, KeyCreate } from '../schemas/keys.js';
import { assertActsFor, type Principal } from './principal.js';

export function toApiKey(row: ApiKeyRow): ApiKey {
  return {
    id: row.id,
    agencyId: row.agencyId,
    name: row.name,
    scopes: row.scopes as ApiKey['scopes'],
    prefix: row.prefix,
    createdAt: row.createdAt.toISOString(),
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}

/** Creates a key for one agency. The secret is returned once; only its SHA-256 is stored. */
export async function createKey(db: Db, principal: Principal, now: Date, input: KeyCreate): Promise<{ row: ApiKeyRow; secret: string }> {
  const [agency] = await db.select({ id: agencies.id }).from(agencies).where(eq(agencies.id, input.agencyId));
  if (!agency) throw problems.unprocessable([{ in: 'body', pointer: '/agencyId', detail: 'No agency has this id.' }]);
  assertActsFor(principal, input.agencyId, 'admin');
  const secret = newSecret();
  const [row] = await db
    .insert(apiKeys)
    .values({
      id: newId(),
      agencyId: input.agencyId,
      name: input.name,
      scopes: [...new Set(input.scopes)],
      secretHash: await hashSecret(secret),
      prefix: secret.slice(0, 10),
      createdAt: now,
    })
    .returning();
  return { row: row!, secret };
}

export async function revokeKey(db: Db, principal: Principal, now: Date, id: string): Promise<ApiKeyRow> {
  const [current] = await db.select().from(apiKeys).where(eq(apiKeys.id, id));
  if (!current) throw problems.notFound('Key ' + id);
  assertActsFor(principal, current.agencyId, 'admin');
  if (current.revokedAt) return current;
  const [row] = await db.update(apiKeys).set({ revokedAt: now }).where(eq(apiKeys.id, id)).returning();
  return row!;
}

export async function listKeys(db: Db, principal: Principal, agencyId: string | undefined): Promise<ApiKeyRow[]> {
  const scope = principal.kind === 'key' ? principal.agencyId : agencyId;
  if (principal.kind === 'key') assertActsFor(principal, principal.agencyId, 'admin');
  if (principal.kind === 'key' && agencyId && agencyId !== principal.agencyId) {
    throw problems.forbidden("This key may list only its own agency's keys.");
  }
  return db
    .select()
    .from(apiKeys)
    .where(scope ? eq(apiKeys.agencyId, scope) : undefined)
    .orderBy(asc(apiKeys.id))
    .limit(1000);
}

export async function findActiveKeyBySecret(db: Db, secret: string): Promise<ApiKeyRow | undefined> {
  const byHash = prepared(db, 'active_key_by_hash', (d) =>
    d.select().from(apiKeys).where(and(eq(apiKeys.secretHash, sql.placeholder('hash')), isNull(apiKeys.revokedAt))).prepare('active_key_by_hash'),
  );
  const [row] = await byHash.execute({ hash: await hashSecret(secret) });
  return row;
}
