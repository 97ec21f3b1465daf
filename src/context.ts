import type { RateLimitInfo } from 'hono-rate-limiter';
import type { ClientAddress, RateLimits } from './rate-limits.js';
import type { Db } from './db/client.js';
import type { Principal } from './domain/principal.js';
import type { FieldError } from './errors.js';
import type { MaskingRule } from './lib/masking.js';
import type { PublicityRules, Regime } from './lib/publicity-period.js';
import type { WorkCalendar } from './lib/working-days.js';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
/** Structured logger. Callers pass only safe fields: never secrets, raw ID numbers, SQL or stacks. */
export type Logger = (level: LogLevel, message: string, fields?: Record<string, unknown>) => void;

export interface AppConfig {
  /** Platform operator token for bootstrap and admin routes; undefined disables admin access. */
  adminToken?: string;
  /** Key from which each push subscription's signing secret is derived; undefined: push is off. */
  webhookSigningKey?: string;
  /** Largest accepted request body in bytes. */
  bodyLimitBytes: number;
  /** Public base URL used in links, when the server sits behind a proxy. */
  publicUrl?: string;
  /** ID-number masking (default: keep the first 6 and last 4 characters). */
  masking?: MaskingRule;
  /** Publicity-period rule table (default: src/data/publicity-rules.json). */
  publicityRules?: PublicityRules;
  /** The regime a penalty follows when it names none (default: credit). */
  publicityRegime?: Regime;
  /** Official working-day calendar (default: src/data/calendar-cn.json). */
  calendar?: WorkCalendar;
  /**
   * Check each JSON answer against its response schema before sending it (a mismatch is a 500). On by
   * default; off in production (RESPONSE_CHECKS), where the test suite has already checked every answer it
   * makes against the OpenAPI document, and skipping the check is a sixth to a quarter of a read's cost.
   */
  checkResponses?: boolean;
  /** Request rate limits (src/rate-limits.ts); undefined: none. */
  rateLimits?: RateLimits;
}

/** What every handler and domain function may use; nothing else reaches them. */
export interface HandlerServices {
  /** The database this request reads: a replica for anonymous reads when one is configured, else the primary. */
  db: Db;
  /** The primary, for the rare write a read must make (a penalty past its publicity period is expired on sight). */
  primary: () => Db;
  now: () => Date;
  config: AppConfig;
  log: Logger;
}

export type AppEnv = {
  Variables: {
    services: HandlerServices;
    principal: Principal;
    /** The Allow header of the known path this request matched (set by src/methods.ts). */
    allow?: string;
    /** How the runtime tells the client's address (src/rate-limits.ts). */
    clientAddress: ClientAddress;
    /** This request's standing under a rate limit (src/rate-limits.ts), set by hono-rate-limiter. */
    rateLimit?: RateLimitInfo;
    /** Query parameters the operation does not take, for its query validator to report (src/query-string.ts). */
    unknownQuery?: FieldError[];
  };
};
