import { describe, expect, it } from 'vitest';
import { admin, json, useTestApp } from './support/app.js';
import { spec } from './support/spec-check.js';
import { penaltyAction, validPenalty, writeState } from './support/penalties.js';

const t = useTestApp({ now: () => new Date('2026-11-27T02:00:00Z') });
const UNKNOWN_ID = '0193a1b2-7c4d-7e5f-8a9b-0c1d2e3f4a5b';

type Operation = { parameters?: { name: string; in: string; description?: string }[] };

/** Every operation that takes If-Match, with what its parameter says about "*". */
const ifMatchOperations = Object.entries(spec.paths ?? {}).flatMap(([path, item]) =>
  Object.entries(item as Record<string, Operation>).flatMap(([method, op]) => {
    const param = op.parameters?.find((p) => p.in === 'header' && p.name === 'If-Match');
    return param ? [{ method: method.toUpperCase(), path, refusesWildcard: /"\*" is refused/.test(param.description ?? '') }] : [];
  }),
);

const wildcardRefused = { in: 'header', pointer: '/If-Match', detail: expect.stringContaining('"*"') };

describe('If-Match: * on a change to a published decision', () => {
  it('is 428 exactly where the spec says so: corrections, withdrawals and credit repair', async () => {
    const refusing = ifMatchOperations.filter((o) => o.refusesWildcard).map((o) => `${o.method} ${o.path}`);
    expect(refusing.sort()).toEqual(
      [
        'POST /v1/enforcement-actions/{id}/corrections',
        'POST /v1/enforcement-actions/{id}/withdrawal',
        'POST /v1/licences/{id}/corrections',
        'POST /v1/licences/{id}/withdrawal',
        'POST /v1/penalties/{id}/corrections',
        'POST /v1/penalties/{id}/credit-repair',
        'POST /v1/penalties/{id}/withdrawal',
      ].sort(),
    );
    expect(ifMatchOperations.length).toBeGreaterThan(refusing.length);
    const wrong: string[] = [];
    for (const op of ifMatchOperations) {
      const url = op.path.replace('{powerType}', '02').replace(/\{\w+\}/g, UNKNOWN_ID);
      const res = await t.request(url, { method: op.method, headers: { ...admin, ...json, 'If-Match': ' * ' }, body: '{}' });
      const refused = res.status === 428 && res.body.errors?.[0]?.pointer === '/If-Match';
      if (refused !== op.refusesWildcard) wrong.push(`${op.method} ${op.path}: ${res.status}`);
    }
    expect(wrong).toEqual([]);
  });

  it.each([
    ['corrections', { reason: '更正文字。', changes: { content: '罚款人民币2000元整。' } }],
    ['withdrawal', { reasonCategory: 'revoked', explanation: '经行政复议决定撤销。', eventDate: '2026-11-25' }],
    ['credit-repair', { explanation: '已履行。', conditions: { regime: 'credit' } }],
  ])('refuses * on %s of a real penalty and writes nothing; its ETag is accepted', async (action, body) => {
    const agency = await t.createAgency();
    const key = await t.keyFor(agency.id);
    const created = await t.post('/v1/penalties', validPenalty(), key);
    expect(created.status).toBe(201);
    const before = await writeState(t);
    const res = await penaltyAction(t, created.body.id, action, body, key, '*');
    expect(res.status, JSON.stringify(res.body)).toBe(428);
    expect(res.body.errors).toEqual([wildcardRefused]);
    expect(await writeState(t)).toEqual(before);
    expect((await t.request(`/v1/penalties/${created.body.id}`)).body.version).toBe(1);
    // With the version it saw, the same request gets past the precondition (to whatever the rules then say).
    const named = await penaltyAction(t, created.body.id, action, body, key, created.headers.get('ETag'));
    expect(named.status).not.toBe(428);
    expect(named.status).not.toBe(412);
  });
});
