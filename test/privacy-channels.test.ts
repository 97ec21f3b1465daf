/**
 * Personal data through the side doors of a request: headers (Idempotency-Key, Authorization, If-Match,
 * If-None-Match, Content-Type, anything else) and the names of unknown JSON keys. None of it may be echoed,
 * stored or logged; an Idempotency-Key is kept only as a hash and refused when it spells a person's number.
 */
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { ID_EVASIONS, MOBILE_EVASIONS, freshAdultId, freshMobile, rawNumbersIn } from './support/evasions.js';
import { everything, wholeDatabase } from './support/public-surface.js';
import { admin, useTestApp } from './support/app.js';
import { rowsOf } from './support/penalties.js';
import { send, writeRequests, type WriteRequests } from './support/write-requests.js';

const t = useTestApp({ now: () => new Date('2026-11-27T02:00:00Z') });
let requests: WriteRequests;
beforeAll(async () => {
  ({ requests } = await writeRequests(t));
});

const VISIBLE_ASCII = /^[\x21-\x7e]+$/;

describe('Idempotency-Key', () => {
  it('refuses a key that spells a 身份证 or mobile number (400 naming the header), however written', async () => {
    const raws: string[] = [];
    let tried = 0;
    for (const [evasions, fresh] of [[ID_EVASIONS, freshAdultId], [MOBILE_EVASIONS, freshMobile]] as const) {
      for (const evasion of evasions) {
        const raw = fresh();
        const key = evasion.write(raw);
        if (!VISIBLE_ASCII.test(key)) continue; // refused for its shape alone
        raws.push(raw);
        tried += 1;
        const res = await send(t, await requests.createPenalty!(), { 'Idempotency-Key': key });
        expect(res.status, `${evasion.name}: ${JSON.stringify(res.body)}`).toBe(400);
        // One error per kind found (a 身份证 number may also hold a run that reads as a mobile), all at the header.
        expect(res.body.errors.length).toBeGreaterThan(0);
        expect(res.body.errors.map((e: any) => `${e.in} ${e.pointer}`)).toEqual(res.body.errors.map(() => 'header /Idempotency-Key'));
      }
    }
    expect(tried).toBeGreaterThan(5);
    expect(rawNumbersIn(await everything(t), raws)).toEqual([]);
  });

  it('is stored only as a hash, and a retry still replays', async () => {
    const key = `order-2026-${Date.now()}`;
    const req = await requests.createPenalty!();
    const first = await send(t, req, { 'Idempotency-Key': key });
    expect(first.status).toBe(201);
    const again = await send(t, req, { 'Idempotency-Key': key });
    expect(again.status).toBe(201);
    expect(again.headers.get('Idempotent-Replayed')).toBe('true');
    expect(again.body.id).toBe(first.body.id);
    const keys = await rowsOf<{ key: string }>(t, sql`select key from idempotency_keys`);
    expect(keys.length).toBeGreaterThan(0);
    expect(await wholeDatabase(t)).not.toContain(key);
  });
});

describe('other headers and unknown keys', () => {
  it('never echo, store or log a number sent in a header', async () => {
    const raws = Array.from({ length: 8 }, freshAdultId);
    const [auth, ifMatch, ifNoneMatch, charset, custom, forwarded, agent, mobile] = raws as [string, string, string, string, string, string, string, string];
    const answers = [
      await send(t, await requests.createPenalty!(), { Authorization: `Bearer ${auth}` }),
      await send(t, { ...(await requests.correctPenalty!()), headers: { ...admin, 'If-Match': `"${ifMatch}"` } }),
      await t.request('/v1/penalties', { headers: { 'If-None-Match': `"${ifNoneMatch}"`, 'X-Request-Id': custom, 'X-Forwarded-For': forwarded, 'User-Agent': agent } }),
      await send(t, await requests.createPenalty!(), { 'Content-Type': `application/json; charset=${charset}` }),
      await t.request(`/v1/penalties?cursor=${mobile}`),
    ];
    expect(answers.map((a) => a.status)).toEqual([401, 412, 200, expect.any(Number), 400]);
    for (const answer of answers) {
      expect(rawNumbersIn(JSON.stringify(answer.body) + JSON.stringify([...answer.headers]), raws)).toEqual([]);
    }
    expect(rawNumbersIn(await everything(t), raws)).toEqual([]);
  });

  it('never echo a number written as the name of an unknown field', async () => {
    const raws: string[] = [];
    for (const evasion of ID_EVASIONS) {
      const raw = freshAdultId();
      raws.push(raw);
      const req = await requests.createPenalty!();
      const res = await send(t, { ...req, body: { ...req.body, [evasion.write(raw)]: '备注', party: { ...(req.body!.party as object), [evasion.write(raw)]: 1 } } });
      expect(res.status, evasion.name).toBe(400);
      expect(res.body.errors.length).toBeGreaterThanOrEqual(2);
      expect(rawNumbersIn(JSON.stringify(res.body), [raw]), evasion.name).toEqual([]);
    }
    expect(rawNumbersIn(JSON.stringify(t.logs), raws)).toEqual([]);
  });
});
