/**
 * One delivery round: every active subscription that is due gets the next feed entries after its position
 * (at most WEBHOOK_BATCH), POSTed and signed; a 2xx moves it past them, anything else (or no answer in 10 s)
 * doubles its wait, from 30 s up to an hour. Delivery is at least once: a receiver applies entries by
 * (type, id, version), and dedupes a redelivered message by its webhook-id.
 */
import { and, asc, eq, isNull, lt, lte, or } from 'drizzle-orm';
import type { Logger } from '../../context.js';
import type { Db } from '../../db/client.js';
import { webhookSubscriptions } from '../../db/schema.js';
import type { RecordTypeName } from '../../schemas/changes.js';
import { WEBHOOK_BATCH } from '../../schemas/webhooks.js';
import { databaseError } from '../db-errors.js';
import { feedPageJson, readFeed } from '../feed.js';
import { signature, subscriptionSecret } from './signing.js';

type Subscription = typeof webhookSubscriptions.$inferSelect;
type Send = (url: string, init: RequestInit) => Promise<Response>;

/** How long a dispatcher may hold a subscription: longer than one delivery can take. */
const LEASE_MS = 60_000;
const TIMEOUT_MS = 10_000;
/** How often the Node server runs a round (Workers: the every-minute cron of wrangler.toml). */
export const WEBHOOK_ROUND_MS = 5_000;
const backoffMs = (failures: number) => Math.min(30_000 * 2 ** (failures - 1), 3_600_000);

export interface DispatchRound {
  db: Db;
  signingKey: string;
  now: Date;
  log: Logger;
  send?: Send;
  /** At most this many due subscriptions (the lowest ids first). */
  limit?: number | undefined;
}

export async function dispatchWebhooks({ db, signingKey, now, log, send = fetch, limit }: DispatchRound): Promise<{ delivered: number; failed: number }> {
  const free = or(isNull(webhookSubscriptions.leasedUntil), lt(webhookSubscriptions.leasedUntil, now));
  const due = await db
    .select({ id: webhookSubscriptions.id })
    .from(webhookSubscriptions)
    .where(and(eq(webhookSubscriptions.active, true), or(isNull(webhookSubscriptions.nextAttemptAt), lte(webhookSubscriptions.nextAttemptAt, now)), free))
    .orderBy(asc(webhookSubscriptions.id))
    .limit(limit ?? Number.MAX_SAFE_INTEGER);
  const outcome = { delivered: 0, failed: 0 };
  for (const { id } of due) {
    // Claimed by one statement: another server instance running a round skips it.
    const [sub] = await db
      .update(webhookSubscriptions)
      .set({ leasedUntil: new Date(now.getTime() + LEASE_MS) })
      .where(and(eq(webhookSubscriptions.id, id), free))
      .returning();
    if (!sub) continue;
    try {
      const result = await deliver(db, sub, signingKey, now, send);
      if (result === 'delivered') outcome.delivered++;
      if (result === 'failed') outcome.failed++;
    } catch (err) {
      // The URL may carry the subscriber's own token: never logged.
      log('error', 'webhook delivery round failed', { subscription: id, sqlstate: databaseError(err)?.code ?? null });
    } finally {
      await db.update(webhookSubscriptions).set({ leasedUntil: null }).where(eq(webhookSubscriptions.id, id));
    }
  }
  return outcome;
}

async function deliver(db: Db, sub: Subscription, signingKey: string, now: Date, send: Send): Promise<'idle' | 'delivered' | 'failed'> {
  // Written only from validated RecordType arrays (WebhookCreate).
  const types = (sub.types as RecordTypeName[] | null) ?? undefined;
  const page = await readFeed(db, sub.position, WEBHOOK_BATCH, types);
  // Only this subscription's own position is moved: the operator may have moved it during the delivery.
  const same = and(eq(webhookSubscriptions.id, sub.id), eq(webhookSubscriptions.position, sub.position));
  if (page.entries.length === 0) {
    // Nothing of its types: skip past what the filter hid.
    await db.update(webhookSubscriptions).set({ position: page.next }).where(same);
    return 'idle';
  }
  // The schema WebhookDelivery (schemas/webhooks.ts) documents this body.
  const body = feedPageJson(page, `"subscriptionId":${JSON.stringify(sub.id)},`);
  const messageId = `msg_${sub.id}_${sub.position}_${page.next}`;
  const timestamp = Math.floor(now.getTime() / 1000);
  let status: number | null = null;
  try {
    const res = await send(sub.url, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        'webhook-id': messageId,
        'webhook-timestamp': String(timestamp),
        'webhook-signature': signature(subscriptionSecret(signingKey, sub.id), messageId, timestamp, body),
      },
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    status = res.status;
    await res.body?.cancel();
  } catch {
    status = null;
  }
  const ok = status !== null && status >= 200 && status < 300;
  const failures = ok ? 0 : sub.failures + 1;
  await db
    .update(webhookSubscriptions)
    .set({
      ...(ok ? { position: page.next } : {}),
      failures,
      lastStatus: status,
      lastAttemptAt: now,
      nextAttemptAt: ok ? null : new Date(now.getTime() + backoffMs(failures)),
    })
    .where(same);
  return ok ? 'delivered' : 'failed';
}
