/**
 * Request rate limits (hono-rate-limiter's fixed windows), off unless the operator sets them. Three budgets per
 * window: reads (GET, HEAD) per client address; writes per client address, counted before the key is looked up,
 * so guessing keys is bounded too; writes per key, counted once the key is known, so one agency's batch job
 * cannot take another's share wherever it runs from (the operator token, the platform's own, has no per-key budget). Every answer under a limit carries `RateLimit` and
 * `RateLimit-Policy` (IETF draft-ietf-httpapi-ratelimit-headers, the form of its draft 7); a request over it is
 * 429 problem+json with `Retry-After`. The counters live in the process (each instance or Worker isolate counts
 * its own): behind a load balancer a client's budget is the limit times the instances it reaches.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { rateLimiter } from 'hono-rate-limiter';
import type { AppEnv } from './context.js';
import { isRead } from './cors.js';
import { problems } from './errors.js';

export interface RateLimits {
  windowSeconds: number;
  /** Reads per client address per window; 0: unlimited. */
  readsPerAddress: number;
  /** Writes per client address per window; 0: unlimited. */
  writesPerAddress: number;
  /** Writes per agency key per window; 0: unlimited. The operator token has no budget of its own (its address does). */
  writesPerKey: number;
}

/** The client's address as the runtime knows it (the socket's peer, or a header the operator trusts). */
export type ClientAddress = (c: Context<AppEnv>) => string | undefined;

/**
 * The address in a request header set by the proxy in front (X-Forwarded-For, CF-Connecting-IP): its last
 * comma-separated entry, the one the nearest proxy appended. Earlier entries are the client's to write.
 */
export const headerAddress =
  (name: string): ClientAddress =>
  (c) =>
    c.req.header(name)?.split(',').pop()?.trim() || undefined;

/** A CORS preflight costs nothing and carries no credentials: never counted. */
const isPreflight = (c: Context) => c.req.method === 'OPTIONS';

function limiter(limit: number, windowSeconds: number, keyOf: (c: Context<AppEnv>) => string, counts: (c: Context<AppEnv>) => boolean): MiddlewareHandler<AppEnv> {
  return rateLimiter<AppEnv>({
    windowMs: windowSeconds * 1000,
    limit,
    standardHeaders: 'draft-7',
    keyGenerator: keyOf,
    skip: (c) => !counts(c),
    // The library has set Retry-After and the RateLimit headers on the context; the problem answer keeps them.
    handler: (c) => {
      const info = c.get('rateLimit');
      const seconds = info?.resetTime ? Math.max(1, Math.ceil((info.resetTime.getTime() - Date.now()) / 1000)) : windowSeconds;
      throw problems.tooManyRequests(seconds);
    },
  });
}

/**
 * The middleware for every request (per address) and the one that runs after authentication (per key);
 * undefined where the limit is off.
 */
export function rateLimitMiddleware(limits: RateLimits | undefined, clientAddress: ClientAddress) {
  if (!limits) return { perAddress: [], perKey: undefined };
  // Requests whose address the runtime cannot tell share one budget rather than escaping the limit.
  const address = (c: Context<AppEnv>) => clientAddress(c) ?? 'unknown';
  const perAddress: MiddlewareHandler<AppEnv>[] = [];
  if (limits.readsPerAddress > 0) perAddress.push(limiter(limits.readsPerAddress, limits.windowSeconds, address, (c) => isRead(c.req.method)));
  if (limits.writesPerAddress > 0) perAddress.push(limiter(limits.writesPerAddress, limits.windowSeconds, address, (c) => !isRead(c.req.method) && !isPreflight(c)));
  const principal = (c: Context<AppEnv>) => c.get('principal');
  const perKey =
    limits.writesPerKey > 0
      ? limiter(
          limits.writesPerKey,
          limits.windowSeconds,
          (c) => {
            const p = principal(c);
            return p.kind === 'key' ? p.keyId : 'operator';
          },
          (c) => !isRead(c.req.method) && principal(c).kind === 'key',
        )
      : undefined;
  return { perAddress, perKey };
}
