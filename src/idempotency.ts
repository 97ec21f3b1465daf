import { and, eq, lt } from 'drizzle-orm';
import type { HandlerServices } from './context.js';
import { idempotencyKeys } from './db/schema.js';
import type { Principal } from './domain/principal.js';
import { problems, Problem } from './errors.js';
import { DEFAULT_MASKING_RULE } from './lib/masking.js';
import { maskResidentIdsIn, personalDataIn, personalDataMessages } from './lib/personal-data-scan.js';
import { hashSecret } from './lib/secrets.js';
import { stableJson } from './lib/stable-json.js';

/** A response ready to send, in the form it is remembered for replay. */
export interface Rendered {
  status: number;
  body: string | null;
  headers: Record<string, string>;
}

const KEY_SHAPE = /^[\x21-\x7e]{1,255}$/;
const RETENTION_MS = 24 * 60 * 60 * 1000;

/**
 * Runs a POST at most once per Idempotency-Key (per agency, or the operator). The key row is inserted
 * in the same transaction as the POST's effects, so a concurrent retry waits on it and then replays the
 * stored answer; a failed attempt rolls back and may be retried. Same key, different request: 422.
 */
export async function idempotent(
  services: HandlerServices,
  principal: Principal,
  key: string,
  request: unknown,
  run: (services: HandlerServices) => Promise<Rendered>,
): Promise<Rendered> {
  if (!KEY_SHAPE.test(key)) {
    throw problems.validation([{ in: 'header', pointer: '/Idempotency-Key', detail: '1-255 visible ASCII characters.' }]);
  }
  // A key is the client's own opaque string; one that spells a person's number is refused, and every key is
  // kept only as a hash (an unsalted hash of a 身份证 number could be reversed by trying them all).
  const personal = personalDataIn(key);
  if (personal.length) {
    throw problems.validation(personal.map((kind) => ({ in: 'header' as const, pointer: '/Idempotency-Key', detail: personalDataMessages[kind] })));
  }
  const keyHash = await hashSecret(key);
  const scope = principal.kind === 'admin' ? 'operator' : `agency:${principal.agencyId}`;
  const requestHash = await hashSecret(stableJson(withIdsMasked(request)));
  const now = services.now();
  return services.db.transaction(async (tx) => {
    const where = and(eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, keyHash));
    await tx.delete(idempotencyKeys).where(and(where, lt(idempotencyKeys.createdAt, new Date(now.getTime() - RETENTION_MS))));
    const claimed = await tx
      .insert(idempotencyKeys)
      .values({ scope, key: keyHash, requestHash, status: 0, body: null, headers: {}, createdAt: now })
      .onConflictDoNothing()
      .returning({ key: idempotencyKeys.key });
    if (claimed.length === 0) {
      const [previous] = await tx.select().from(idempotencyKeys).where(where);
      if (previous!.requestHash !== requestHash) {
        throw new Problem(422, 'idempotency-key-reused', 'Idempotency-Key reused', 'This Idempotency-Key was already used with a different request.', [
          { in: 'header', pointer: '/Idempotency-Key', detail: 'Already used for a different request.' },
        ]);
      }
      return { status: previous!.status, body: previous!.body, headers: { ...(previous!.headers as Record<string, string>), 'Idempotent-Replayed': 'true' } };
    }
    const out = await run({ ...services, db: tx });
    await tx.update(idempotencyKeys).set({ status: out.status, body: out.body, headers: out.headers }).where(where);
    return out;
  });
}

/**
 * The request as its hash may see it: a party's 身份证 number (the only place one can be) masked first. A hash of
 * the raw body could be reversed by trying the few million numbers that fit the published, masked record; the
 * price is that a retry differing only in the hidden digits of a number replays the first answer.
 */
function withIdsMasked(value: unknown): unknown {
  if (typeof value === 'string') return maskResidentIdsIn(value, DEFAULT_MASKING_RULE);
  if (Array.isArray(value)) return value.map(withIdsMasked);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withIdsMasked(v)]));
  return value;
}
