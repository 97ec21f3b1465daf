import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { webhookSubscriptions } from '../../db/schema.js';
import { problems } from '../../errors.js';
import { newId } from '../../lib/ids.js';
import type { RecordTypeName } from '../../schemas/changes.js';
import type { Webhook, WebhookCreate } from '../../schemas/webhooks.js';
import { feedHead } from '../feed.js';
import { subscriptionSecret } from './signing.js';

type Row = typeof webhookSubscriptions.$inferSelect;

const iso = (d: Date | null) => (d ? d.toISOString() : null);

function toWebhook(row: Row): Webhook {
  return {
    id: row.id,
    url: row.url,
    // Written only from validated RecordType arrays (WebhookCreate).
    types: row.types as RecordTypeName[] | null,
    position: row.position,
    active: row.active,
    failures: row.failures,
    lastStatus: row.lastStatus,
    lastAttemptAt: iso(row.lastAttemptAt),
    nextAttemptAt: iso(row.nextAttemptAt),
    createdAt: row.createdAt.toISOString(),
  };
}

/** The server's signing key, or 409: without it no delivery could be verified. */
export function signingKeyOf(key: string | undefined): string {
  if (!key) throw problems.conflict('Push subscriptions are not enabled on this server: its operator sets WEBHOOK_SIGNING_KEY.');
  return key;
}

/** A position a subscription starts from or is moved to: one the feed has reached (422 naming `after` otherwise). */
async function startingPosition(db: Db, after: string | undefined): Promise<number> {
  const head = await feedHead(db);
  if (after === undefined) return head;
  if (Number(after) > head) throw problems.unprocessable([{ in: 'body', pointer: '/after', detail: `Position ${after} is ahead of the change log's head (${head}).` }]);
  return Number(after);
}

export async function createSubscription(db: Db, signingKey: string, input: WebhookCreate, now: Date) {
  const [row] = await db
    .insert(webhookSubscriptions)
    .values({ id: newId(), url: input.url, types: input.types ?? null, position: await startingPosition(db, input.after), createdAt: now })
    .returning();
  return { ...toWebhook(row!), secret: subscriptionSecret(signingKey, row!.id) };
}

export async function listSubscriptions(db: Db): Promise<Webhook[]> {
  return (await db.select().from(webhookSubscriptions).orderBy(asc(webhookSubscriptions.id))).map(toWebhook);
}

export async function patchSubscription(db: Db, id: string, patch: { after?: string | undefined; active?: boolean | undefined }): Promise<Webhook> {
  const set: Partial<typeof webhookSubscriptions.$inferInsert> = {};
  if (patch.after !== undefined) set.position = await startingPosition(db, patch.after);
  // Resuming, or moving the position, retries at once.
  if (patch.active !== undefined) set.active = patch.active;
  if (patch.active || patch.after !== undefined) Object.assign(set, { failures: 0, nextAttemptAt: null });
  const [row] = Object.keys(set).length
    ? await db.update(webhookSubscriptions).set(set).where(eq(webhookSubscriptions.id, id)).returning()
    : await db.select().from(webhookSubscriptions).where(eq(webhookSubscriptions.id, id));
  if (!row) throw problems.notFound(`Webhook subscription ${id}`);
  return toWebhook(row);
}

export async function deleteSubscription(db: Db, id: string): Promise<void> {
  const [row] = await db.delete(webhookSubscriptions).where(eq(webhookSubscriptions.id, id)).returning({ id: webhookSubscriptions.id });
  if (!row) throw problems.notFound(`Webhook subscription ${id}`);
}
