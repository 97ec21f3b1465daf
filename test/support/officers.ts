import { count, type SQL } from 'drizzle-orm';
import { expect } from 'vitest';
import { officers } from '../../src/db/schema.js';
import type { TestContext } from './app.js';

let serial = 0;
const run = Math.random().toString(36).slice(2, 6).toUpperCase();

/** A certificate number no other test in this run uses. */
export function uniqueCertificate(prefix = '示例'): string {
  serial += 1;
  return `${prefix}-${run}${String(serial).padStart(6, '0')}`;
}

/** A valid officer payload; fields override it. */
export function validOfficer(fields: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: '张示例',
    certificateNo: uniqueCertificate(),
    domains: ['道路运输'],
    area: '示例市全域',
    validFrom: '2024-01-01',
    validTo: '2028-12-31',
    ...fields,
  };
}

/** Creates an officer (as the operator unless headers say otherwise) and returns its published body. */
export async function createOfficer(t: TestContext, agencyId: string, fields: Record<string, unknown> = {}, headers?: Record<string, string>) {
  const res = await t.post('/v1/officers', validOfficer({ agencyId, ...fields }), headers);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

/** What a refused write must leave untouched: the officer rows and the change-log head. */
export async function officerState(t: TestContext) {
  const [row] = await t.db.select({ n: count() }).from(officers);
  return { officers: row!.n, head: (await t.request('/v1/feed?limit=1')).body.head as number };
}

export const pointers = (body: { errors?: { in: string; pointer: string }[] }) => (body.errors ?? []).map((e) => `${e.in} ${e.pointer}`).sort();

/** Rows of a raw query on either driver (PGlite answers { rows }, postgres.js an array). */
export async function rowsOf<T>(t: TestContext, query: SQL): Promise<T[]> {
  const result = (await t.db.execute(query)) as unknown as { rows?: T[] } & T[];
  return result.rows ?? [...result];
}
