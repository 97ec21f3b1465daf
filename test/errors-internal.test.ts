import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { agencies } from '../src/db/schema.js';
import { newId } from '../src/lib/ids.js';
import { ADMIN_TOKEN, admin, json, uniqueCreditCode, useTestApp, type TestResponse } from './support/app.js';

// This file breaks its own database on purpose (each test restores it), so it stays apart from the rest.
const t = useTestApp();

/** A 500 tells the client nothing about the internals: no SQL, no table names, no stack. */
function expectBareInternal(res: TestResponse) {
  expect(res.status).toBe(500);
  expect(res.headers.get('content-type')).toBe('application/problem+json');
  expect(res.body).toEqual({
    type: 'https://gongshi.dev/problems/internal',
    title: 'Internal error',
    status: 500,
    detail: 'The server could not complete the request.',
  });
  const text = JSON.stringify(res.body).toLowerCase();
  for (const leak of ['select', 'insert', 'agencies', 'relation', 'error:', 'stack', '.ts:', 'node_modules']) expect(text).not.toContain(leak);
  expect(text).not.toMatch(/\bat \S+ \(/);
}

describe('unexpected failures', () => {
  it('answers 500 with no internals when the database fails, and logs it without the credentials', async () => {
    const agency = await t.createAgency();
    const key = await t.keyFor(agency.id, ['admin']);
    t.logs.length = 0;
    await t.db.execute(sql`ALTER TABLE agencies RENAME TO agencies_gone`);
    try {
      const created = await t.request('/v1/agencies', {
        method: 'POST',
        headers: { ...admin, ...json },
        body: JSON.stringify({ name: '失败局', creditCode: uniqueCreditCode(), regionCode: '440100', level: '市级', kind: '法定' }),
      });
      expectBareInternal(created);
      expectBareInternal(await t.request('/v1/agencies'));
      expectBareInternal(await t.request(`/v1/agencies/${agency.id}`));
      expectBareInternal(await t.patch(`/v1/agencies/${agency.id}`, { name: '改不了局' }, { Authorization: key.Authorization, 'If-Match': '"v1"' }));
      expect(JSON.stringify(created.body)).not.toContain('agencies_gone');
    } finally {
      await t.db.execute(sql`ALTER TABLE agencies_gone RENAME TO agencies`);
    }
    const errors = t.logs.filter((l) => l.level === 'error' && l.message === 'unhandled error');
    expect(errors).toHaveLength(4);
    expect(errors[0]!.fields).toMatchObject({ method: 'POST', path: '/v1/agencies', error: expect.stringContaining('agencies') });
    const logged = JSON.stringify(t.logs);
    // No SQL text or bound parameters in the log: only the SQLSTATE and PostgreSQL's message.
    expect(logged).not.toMatch(/select |insert into|update "|params:/i);
    expect(errors.map((e) => e.fields!.error).join(' ')).not.toContain(agency.id); // no bound parameters
    expect(errors[0]!.fields!.error).toMatch(/^database error 42P01: /);
    expect(logged).not.toContain(ADMIN_TOKEN);
    expect(logged).not.toContain(key.Authorization.slice('Bearer '.length));
    expect((await t.request(`/v1/agencies/${agency.id}`)).status).toBe(200);
  });

  it('answers 500, never 400, when a stored record fails the response schema', async () => {
    const region = '710100';
    const id = newId();
    const now = new Date();
    // A check character that fails GB 32100: the database accepts it, the published schema does not.
    const good = uniqueCreditCode();
    const bad = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    await t.db.insert(agencies).values({
      id,
      version: 1,
      status: 'active',
      createdAt: now,
      updatedAt: now,
      name: '脏数据局',
      creditCode: bad,
      regionCode: region,
      level: '市级',
      kind: '法定',
    });
    t.logs.length = 0;
    try {
      expectBareInternal(await t.request(`/v1/agencies/${id}`));
      expectBareInternal(await t.request(`/v1/agencies?regionCode=${region}`));
      expect(t.logs.filter((l) => l.message === 'response failed its schema')).toHaveLength(2);
      expect(JSON.stringify(t.logs)).not.toContain(bad);
    } finally {
      await t.db.delete(agencies).where(eq(agencies.id, id));
    }
    expect((await t.request(`/v1/agencies?regionCode=${region}`)).status).toBe(200);
  });
});
