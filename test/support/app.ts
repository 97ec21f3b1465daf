import { afterAll, beforeAll, beforeEach, expect } from 'vitest';
import { createApp, type App } from '../../src/app.js';
import { sharedDb, type Db } from '../../src/db/client.js';
import type { AppConfig, Logger } from '../../src/context.js';
import { completeCreditCode } from '../../src/lib/credit-code.js';
import { readRedocBundle } from '../../src/docs/redoc-bundle.js';
import type { ClientAddress } from '../../src/rate-limits.js';
import { openTestDatabase, type TestDatabase } from './db.js';
import { specViolations } from './spec-check.js';

export const ADMIN_TOKEN = 'test-admin-token-0123456789';
/** Push subscriptions are enabled in every test app; a test of the disabled server passes it as undefined. */
const WEBHOOK_SIGNING_KEY = 'test-webhook-signing-key-0123456789abcdef';
export const admin = { Authorization: `Bearer ${ADMIN_TOKEN}` };
export const json = { 'Content-Type': 'application/json' };

export interface TestResponse {
  status: number;
  headers: Headers;
  /** Parsed JSON for JSON bodies, text otherwise, null when empty. */
  body: any;
}

export interface TestContext {
  app: App;
  db: Db;
  database: TestDatabase;
  logs: { level: string; message: string; fields?: Record<string, unknown> }[];
  /** app.request, parsing the body and checking it against the published OpenAPI document. */
  request(path: string, init?: RequestInit): Promise<TestResponse>;
  post(path: string, body: unknown, headers?: Record<string, string>): Promise<TestResponse>;
  patch(path: string, body: unknown, headers?: Record<string, string>): Promise<TestResponse>;
  /** Creates an agency as the operator; fields override a valid default. */
  createAgency(fields?: Record<string, unknown>): Promise<any>;
  /** Creates a writer key for an agency and returns its Authorization header. */
  keyFor(agencyId: string, scopes?: string[]): Promise<{ Authorization: string; id: string }>;
}

let serial = 0;
/** A valid, unique 统一社会信用代码 for test data. */
export function uniqueCreditCode(): string {
  serial += 1;
  const body = (Date.now() % 1e6).toString(36).toUpperCase().padStart(4, '0').slice(-4) + String(serial % 10000).padStart(4, '0');
  const org = body.replace(/[IOZSV]/g, 'A');
  const code = completeCreditCode('114401' + String(Math.floor(Math.random() * 90) + 10) + org);
  return /[IOZSV]/.test(code.slice(0, 17)) ? uniqueCreditCode() : code;
}

/**
 * A clock the tests of a file may move (pass `() => clock.now` to useTestApp). Each test starts at `start`
 * again, so none runs on the time an earlier test left it at, and each runs alone as in the whole file.
 */
export function testClock(start: string): { now: Date } {
  const clock = { now: new Date(start) };
  beforeEach(() => {
    clock.now = new Date(start);
  });
  return clock;
}

/** Builds an app over this file's own fresh database (PGlite or PostgreSQL, by project). */
export function useTestApp(
  options: { now?: () => Date; bodyLimitBytes?: number; config?: Partial<AppConfig>; clientAddress?: ClientAddress; open?: () => Promise<TestDatabase> } = {},
): TestContext {
  const ctx = { logs: [] } as unknown as TestContext;
  beforeAll(async () => {
    ctx.database = await (options.open ?? openTestDatabase)();
    ctx.db = ctx.database.db;
    const log: Logger = (level, message, fields) => ctx.logs.push({ level, message, fields });
    ctx.app = createApp({
      db: sharedDb(ctx.db),
      config: { adminToken: ADMIN_TOKEN, webhookSigningKey: WEBHOOK_SIGNING_KEY, ...(options.bodyLimitBytes ? { bodyLimitBytes: options.bodyLimitBytes } : {}), ...options.config },
      now: options.now,
      clientAddress: options.clientAddress,
      log,
      referenceBundle: readRedocBundle,
    });
  }, 60_000);
  afterAll(async () => {
    await ctx.database?.close();
  });

  ctx.request = async (path, init = {}) => {
    const res = await ctx.app.request(path, init);
    const text = await res.text();
    const type = res.headers.get('Content-Type');
    const body = text === '' ? null : type && /^application\/(problem\+)?json/.test(type) ? JSON.parse(text) : text;
    const pathname = new URL(path, 'http://x').pathname;
    const violations = specViolations(init.method ?? 'GET', pathname, res.status, type, body);
    expect(violations, `response to ${init.method ?? 'GET'} ${path} must match the OpenAPI document`).toEqual([]);
    if (res.status >= 400) expect(type).toBe('application/problem+json');
    return { status: res.status, headers: res.headers, body };
  };
  ctx.post = (path, body, headers = admin) =>
    ctx.request(path, { method: 'POST', headers: { ...json, ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });
  ctx.patch = (path, body, headers = admin) =>
    ctx.request(path, { method: 'PATCH', headers: { ...json, ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });
  ctx.createAgency = async (fields = {}) => {
    const res = await ctx.post('/v1/agencies', {
      name: '测试市交通运输局',
      creditCode: uniqueCreditCode(),
      regionCode: '440100',
      level: '市级',
      kind: '法定',
      ...fields,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body;
  };
  ctx.keyFor = async (agencyId, scopes = ['publish']) => {
    const res = await ctx.post('/v1/keys', { agencyId, name: 'test key', scopes });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return { Authorization: `Bearer ${res.body.secret}`, id: res.body.id };
  };
  return ctx;
}
