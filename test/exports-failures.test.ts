import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestApp } from './support/app.js';

// This file breaks its own database on purpose (each test restores it), as test/errors-internal.test.ts does.
const t = useTestApp();

describe('a CSV export that cannot start answers a problem, never a 200 it cannot finish', () => {
  it.each([
    ['penalties', '/v1/penalties.csv'],
    ['licences', '/v1/licences.csv'],
    ['inspection_results', '/v1/inspection-results.csv'],
  ])('the first page of %s is read before the status is sent: a failure there is a bare 500 problem+json', async (table, path) => {
    expect((await t.request(path)).status).toBe(200);
    t.logs.length = 0;
    await t.db.execute(sql`ALTER TABLE ${sql.identifier(table)} RENAME TO ${sql.identifier(`${table}_gone`)}`);
    try {
      const res = await t.request(path);
      expect(res.status).toBe(500);
      expect(res.headers.get('Content-Type')).toBe('application/problem+json');
      expect(res.headers.get('Content-Disposition')).toBeNull();
      expect(res.body).toEqual({
        type: 'https://gongshi.dev/problems/internal',
        title: 'Internal error',
        status: 500,
        detail: 'The server could not complete the request.',
      });
    } finally {
      await t.db.execute(sql`ALTER TABLE ${sql.identifier(`${table}_gone`)} RENAME TO ${sql.identifier(table)}`);
    }
    const errors = t.logs.filter((l) => l.level === 'error');
    expect(errors).toEqual([{ level: 'error', message: 'unhandled error', fields: { method: 'GET', path, error: expect.stringMatching(/^database error 42P01: /) } }]);
    expect((await t.request(path)).status).toBe(200);
  });
});
