import { z } from 'zod';

const bool = z
  .enum(['true', 'false', '1', '0'])
  .transform((v) => v === 'true' || v === '1');

/** Configuration from the environment, parsed once at the entry point; nothing else reads env. */
export const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(8787),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: z.string().url().optional(),
  DATA_DIR: z.string().min(1).default('./.data'),
  MIGRATE: bool.default(true),
  SEED_DEMO: bool.default(true),
  ADMIN_TOKEN: z.string().min(16, 'ADMIN_TOKEN must be at least 16 characters').optional(),
  BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).max(64 * 1024 * 1024).default(1024 * 1024),
  DB_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),
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
});
export type Env = z.output<typeof EnvSchema>;

/** Parses env, naming every bad variable (but never echoing its value, which may be a secret). */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  const result = EnvSchema.safeParse(cleaned);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error('Invalid configuration:\n' + lines.join('\n'));
  }
  return result.data;
}
