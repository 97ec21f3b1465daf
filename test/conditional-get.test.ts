/**
 * A conditional GET of one record is answered from its version alone (the registry's etagProbe): the same 304
 * the full read gives while the record is unchanged, a full answer once it changed, and never a 304 for a
 * record the full read would change (a penalty whose display has just ended is expired on sight).
 */
import { describe, expect, it } from 'vitest';
import { admin, testClock, useTestApp } from './support/app.js';
import { validLicence } from './support/licences.js';
import { penaltyAction, validPenalty } from './support/penalties.js';

const clock = testClock('2026-11-27T02:00:00Z');
const t = useTestApp({ now: () => clock.now });
const SAME_ON_304 = ['ETag', 'Cache-Control', 'Access-Control-Allow-Origin', 'Access-Control-Expose-Headers', 'X-Content-Type-Options', 'Vary'];

async function conditional(path: string, tag: string) {
  return t.request(path, { headers: { 'If-None-Match': tag } });
}

describe('conditional GET answered from the version', () => {
  it('an agency: 304 with the headers of a full answer while unchanged; 200 once changed; 400 and 404 as without the header', async () => {
    const agency = await t.createAgency();
    const path = `/v1/agencies/${agency.id}`;
    const full = await t.request(path);
    expect(full.status).toBe(200);
    expect(full.headers.get('ETag')).toBe('"v1"');
    const unchanged = await conditional(path, '"v1"');
    expect(unchanged.status).toBe(304);
    for (const name of SAME_ON_304) expect(unchanged.headers.get(name), name).toBe(full.headers.get(name));
    expect((await conditional(path, 'W/"v1"')).status).toBe(304);
    expect((await conditional(path, '"v7", "v1"')).status).toBe(304);
    expect((await conditional(path, '"v2"')).status).toBe(200);

    expect((await t.patch(path, { name: '条件请求测试局' }, { ...admin, 'If-Match': '"v1"' })).status).toBe(200);
    const changed = await conditional(path, '"v1"');
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ version: 2, name: '条件请求测试局' });
    expect((await conditional('/v1/agencies/not-a-uuid', '"v1"')).status).toBe(400);
    expect((await conditional(`${path}?unknown=1`, '"v2"')).status).toBe(400);
    expect((await conditional('/v1/agencies/0193a1b2-7c4d-7e5f-8a9b-0c1d2e3f4a5b', '*')).status).toBe(404);
  });

  it('a penalty: 304 while unchanged, the corrected version after a correction', async () => {
    const agency = await t.createAgency();
    const key = await t.keyFor(agency.id);
    const created = await t.post('/v1/penalties', validPenalty(), key);
    expect(created.status).toBe(201);
    const path = `/v1/penalties/${created.body.id}`;
    const full = await t.request(path);
    const unchanged = await conditional(path, '"v1"');
    expect(unchanged.status).toBe(304);
    for (const name of SAME_ON_304) expect(unchanged.headers.get(name), name).toBe(full.headers.get(name));
    const corrected = await penaltyAction(t, created.body.id, 'corrections', { reason: '更正文字。', changes: { content: '罚款人民币2000元整。' } }, key);
    expect(corrected.status, JSON.stringify(corrected.body)).toBe(200);
    const after = await conditional(path, '"v1"');
    expect(after.status).toBe(200);
    expect(after.body).toMatchObject({ version: 2, content: '罚款人民币2000元整。' });
    expect((await conditional(path, '"v2"')).status).toBe(304);
  });

  it('a penalty whose display has ended is read in full, not answered 304 from the version it had on display', async () => {
    const created = await t.post('/v1/penalties', validPenalty({ agencyId: (await t.createAgency()).id, publicityEndDate: '2027-02-21' }), admin);
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const path = `/v1/penalties/${created.body.id}`;
    expect((await conditional(path, '"v1"')).status).toBe(304);
    clock.now = new Date('2027-03-01T02:00:00Z');
    const ended = await conditional(path, '"v1"');
    expect(ended.status).toBe(200);
    expect(ended.body).toMatchObject({ status: 'expired', version: 2 });
    expect((await conditional(path, '"v2"')).status).toBe(304);
  });

  it('a licence: 304 while unchanged', async () => {
    const key = await t.keyFor((await t.createAgency()).id);
    const res = await t.post('/v1/licences', validLicence(), key);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const id = res.body.id as string;
    expect((await conditional(`/v1/licences/${id}`, '"v1"')).status).toBe(304);
    expect((await conditional(`/v1/licences/${id}`, '"v0"')).status).toBe(200);
  });
});
