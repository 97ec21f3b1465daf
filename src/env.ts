import { z } from 'zod';
import { POOL_DEFAULTS } from './db/postgres.js';
import type { RateLimits } from './rate-limits.js';

const bool = z
  .enum(['true', 'false', '1', '0'])
  .transform((v) => v === 'true' || v === '1');

/** Operator-token rules: long, and not a guessable pattern (one character, a few characters, a repeated string). */
const ADMIN_TOKEN_MIN_LENGTH = 24;
const ADMIN_TOKEN_MIN_DISTINCT = 10;
/** The longest bearer credential the server reads (src/auth.ts): a longer token could never be sent. */
const ADMIN_TOKEN_MAX_LENGTH = 512;

/** Why a value cannot be the operator token, or undefined when it can. Never quotes the value. */
function adminTokenProblem(token: string): string | undefined {
  if (token.trim() === '') return 'is only whitespace';
  if (!/^[\x21-\x7e]+$/.test(token)) return 'must be visible ASCII without spaces (it is sent as "Authorization: Bearer <token>")';
  if (token.length < ADMIN_TOKEN_MIN_LENGTH) return `must be at least ${ADMIN_TOKEN_MIN_LENGTH} characters`;
  if (token.length > ADMIN_TOKEN_MAX_LENGTH) return `must be at most ${ADMIN_TOKEN_MAX_LENGTH} characters`;
  if (new Set(token).size < ADMIN_TOKEN_MIN_DISTINCT) return `must use at least ${ADMIN_TOKEN_MIN_DISTINCT} different characters`;
  if (/^(.+)\1+$/.test(token)) return 'must not be one shorter string repeated';
  return undefined;
}

/** Configuration from the environment, parsed once at the entry point; nothing else reads env. */
const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(8787),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: z.string().url().optional(),
  /** Process mode: `production` turns the response checks off unless RESPONSE_CHECKS says otherwise. */
  NODE_ENV: z.string().max(32).optional(),
  /** Check each JSON answer against its schema before sending it (src/context.ts checkResponses). */
  RESPONSE_CHECKS: z.enum(['on', 'off']).optional(),
  /** Node server processes on one port (src/node/supervise.ts): a number, or `auto` for one per core. */
  WORKERS: z.union([z.literal('auto'), z.coerce.number().int().min(1).max(256)]).default(1),
  /** Set by the supervisor on each worker it starts, never by hand: the worker's slot (0 runs the background jobs). */
  WORKER_SLOT: z.coerce.number().int().min(0).max(255).optional(),
  /** A read replica of DATABASE_URL: anonymous public reads go there (see src/app.ts). */
  DATABASE_REPLICA_URL: z.string().url().optional(),
  DATA_DIR: z.string().min(1).default('./.data'),
  MIGRATE: bool.default(true),
  SEED_DEMO: bool.default(true),
  ADMIN_TOKEN: z
    .string()
    .superRefine((token, ctx) => {
      const problem = adminTokenProblem(token);
      if (problem) ctx.addIssue({ code: 'custom', message: `${problem}; unset it to disable operator access, or use a random one (openssl rand -base64 32)` });
    })
    .optional(),
  /** Signs push deliveries (POST /v1/webhooks); unset: push is off. Long and random: each subscription's secret derives from it. */
  WEBHOOK_SIGNING_KEY: z.string().min(32, 'must be at least 32 characters (openssl rand -base64 32)').max(512).optional(),
  BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).max(64 * 1024 * 1024).default(1024 * 1024),
  DB_POOL_MAX: z.coerce.number().int().min(1).max(100).default(POOL_DEFAULTS.max),
  /** Longest wait to open a PostgreSQL connection; with DB_POOL_TIMEOUT_MS, the most a request waits for one. */
  DB_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(POOL_DEFAULTS.connectTimeoutMs),
  /** Longest wait for a free pooled connection when all DB_POOL_MAX are in use. */
  DB_POOL_TIMEOUT_MS: z.coerce.number().int().min(0).max(60_000).default(POOL_DEFAULTS.poolTimeoutMs),
  /** statement_timeout of the server's sessions (reads and writes alike); 0 leaves the database's own. */
  DB_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(0).max(3_600_000).default(5000),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  /** ID masking: characters kept at each end (default 6 and 4). */
  MASK_KEEP_START: z.coerce.number().int().min(0).max(18).optional(),
  MASK_KEEP_END: z.coerce.number().int().min(0).max(18).optional(),
  /** Publicity regime of a penalty that names none (default credit). */
  PUBLICITY_REGIME: z.enum(['credit', 'samr']).optional(),
  /** A JSON file of calendar years (src/data/calendar-cn.json shape) that extends or corrects the bundled one. */
  CALENDAR_FILE: z.string().min(1).optional(),
  /** A JSON file replacing the publicity rule table (src/data/publicity-rules.json shape). */
  PUBLICITY_RULES_FILE: z.string().min(1).optional(),
  /** Rate limits (src/rate-limits.ts): requests per window; 0 (the default) leaves that budget unlimited. */
  RATE_LIMIT_WINDOW_SECONDS: z.coerce.number().int().min(1).max(86_400).default(60),
  RATE_LIMIT_READS_PER_ADDRESS: z.coerce.number().int().min(0).max(1_000_000_000).default(0),
  RATE_LIMIT_WRITES_PER_ADDRESS: z.coerce.number().int().min(0).max(1_000_000_000).default(0),
  RATE_LIMIT_WRITES_PER_KEY: z.coerce.number().int().min(0).max(1_000_000_000).default(0),
  /**
   * Node behind a proxy: the request header that carries the client's address (e.g. X-Forwarded-For, whose
   * last entry, the one your proxy appended, is used). Unset: the connection's peer address.
   */
  CLIENT_ADDRESS_HEADER: z
    .string()
    .regex(/^[A-Za-z0-9-]{1,64}$/, 'must be a header name')
    .optional(),
})
  .refine((env) => !env.DATABASE_REPLICA_URL || env.DATABASE_URL, { path: ['DATABASE_REPLICA_URL'], message: 'needs DATABASE_URL, its primary' })
  // PGlite is one process's database: another process cannot open its folder.
  .refine((env) => env.WORKERS === 1 || env.DATABASE_URL, { path: ['WORKERS'], message: 'more than one needs DATABASE_URL (PGlite serves one process)' });
export type Env = z.output<typeof EnvSchema>;

/** A bad environment; its message names the variables and never their values, so it may be printed whole. */
export class ConfigurationError extends Error {}

/** Parses env, naming every bad variable (but never echoing its value, which may be a secret). */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  const result = EnvSchema.safeParse(cleaned);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigurationError('Invalid configuration:\n' + lines.join('\n'));
  }
  return result.data;
}

/** The rate limits the environment sets, or undefined when every budget is unlimited. */
export function rateLimitsFrom(env: Env): RateLimits | undefined {
  const limits = {
    windowSeconds: env.RATE_LIMIT_WINDOW_SECONDS,
    readsPerAddress: env.RATE_LIMIT_READS_PER_ADDRESS,
    writesPerAddress: env.RATE_LIMIT_WRITES_PER_ADDRESS,
    writesPerKey: env.RATE_LIMIT_WRITES_PER_KEY,
  };
  return limits.readsPerAddress || limits.writesPerAddress || limits.writesPerKey ? limits : undefined;
}

/** Whether answers are checked against their schemas: RESPONSE_CHECKS if set, else on outside production. */
export const checkResponsesFrom = (env: Env): boolean => (env.RESPONSE_CHECKS ? env.RESPONSE_CHECKS === 'on' : env.NODE_ENV !== 'production');
