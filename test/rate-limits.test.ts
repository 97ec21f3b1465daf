import { describe, expect, it } from 'vitest';
import { parseEnv, rateLimitsFrom } from '../src/env.js';
import { headerAddress } from '../src/rate-limits.js';
import { admin, json, useTestApp, type TestContext } from './support/app.js';
import { validOfficer } from './support/officers.js';

// The client's address comes from X-Forwarded-For here, as on a Node server with CLIENT_ADDRESS_HEADER set:
// each test uses addresses of its own, so its budgets start full whatever ran before.
const clientAddress = headerAddress('X-Forwarded-For');
const perAddress = useTestApp({ config: { rateLimits: { windowSeconds: 60, readsPerAddress: 3, writesPerAddress: 2, writesPerKey: 0 } }, clientAddress });
const perKey = useTestApp({ config: { rateLimits: { windowSeconds: 60, readsPerAddress: 0, writesPerAddress: 0, writesPerKey: 2 } }, clientAddress });
const unlimited = useTestApp({ clientAddress });

let serial = 0;
/** An address (TEST-NET-3, RFC 5737) no other test uses. */
const newAddress = () => `203.0.113.${++serial}`;

const from = (address: string, headers: Record<string, string> = {}) => ({ headers: { 'X-Forwarded-For': address, ...headers } });

function expectTooMany(res: Awaited<ReturnType<TestContext['request']>>, windowSeconds: number) {
  expect(res.status).toBe(429);
  expect(res.body).toMatchObject({ type: 'https://gongshi.dev/problems/too-many-requests', status: 429, title: 'Too many requests' });
  const retryAfter = Number(res.headers.get('Retry-After'));
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(windowSeconds);
  expect(res.body.detail).toContain(`${retryAfter} seconds`);
}

describe('rate limits', () => {
  it('counts reads per client address: RateLimit headers on each answer, 429 with Retry-After over the limit, other addresses unaffected', async () => {
    const address = newAddress();
    const remaining: string[] = [];
    for (let i = 0; i < 3; i++) {
      const res = await perAddress.request('/v1/agencies', from(address));
      expect(res.status).toBe(200);
      expect(res.headers.get('RateLimit-Policy')).toBe('3;w=60');
      remaining.push(res.headers.get('RateLimit')!.replace(/, reset=\d+$/, ''));
      // A browser on another origin may read them.
      expect(res.headers.get('Access-Control-Expose-Headers')).toContain('RateLimit');
    }
    expect(remaining).toEqual(['limit=3, remaining=2', 'limit=3, remaining=1', 'limit=3, remaining=0']);
    expectTooMany(await perAddress.request('/v1/agencies', from(address)), 60);
    // Every read shares the budget, whatever the path, and a 304 does not escape it.
    expectTooMany(await perAddress.request('/openapi.json', from(address)), 60);
    expect((await perAddress.request('/v1/agencies', from(newAddress()))).status).toBe(200);
  });

  it('takes the address the nearest proxy appended: a client cannot pick a fresh budget by writing its own X-Forwarded-For first', async () => {
    const address = newAddress();
    for (let i = 0; i < 3; i++) expect((await perAddress.request('/v1/agencies', from(`198.51.100.${i}, ${address}`))).status).toBe(200);
    expectTooMany(await perAddress.request('/v1/agencies', from(`198.51.100.99, ${address}`)), 60);
  });

  it('never repeats the address it counted, even when the header carries a personal number instead of an address', async () => {
    const idNumber = '11010519491231002X';
    for (let i = 0; i < 3; i++) expect((await perAddress.request('/v1/agencies', from(idNumber))).status).toBe(200);
    const refused = await perAddress.request('/v1/agencies', from(idNumber));
    expectTooMany(refused, 60);
    expect(JSON.stringify(refused.body) + JSON.stringify([...refused.headers])).not.toContain('11010519491231002');
    expect(JSON.stringify(perAddress.logs)).not.toContain('11010519491231002');
  });

  it('counts writes per address before the key is looked up, so guessing keys is bounded too; reads keep their own budget', async () => {
    const address = newAddress();
    const guess = (n: number) => perAddress.post('/v1/officers', validOfficer(), { ...from(address).headers, Authorization: `Bearer guess-${n}` });
    expect((await guess(1)).status).toBe(401);
    expect((await guess(2)).status).toBe(401);
    const third = await guess(3);
    expectTooMany(third, 60);
    // Refused before authentication: not even a real key gets through from this address in this window.
    expectTooMany(await perAddress.post('/v1/agencies', {}, { ...from(address).headers, ...admin }), 60);
    expect((await perAddress.request('/v1/agencies', from(address))).status).toBe(200);
  });

  it('counts writes per agency key wherever they come from, each key on its own budget; the operator token has none', async () => {
    const a = await perKey.createAgency();
    const b = await perKey.createAgency();
    const keyA = await perKey.keyFor(a.id);
    const keyB = await perKey.keyFor(b.id);
    const write = (agencyId: string, key: { Authorization: string }) =>
      perKey.request('/v1/officers', { method: 'POST', headers: { ...json, ...from(newAddress()).headers, Authorization: key.Authorization }, body: JSON.stringify(validOfficer({ agencyId })) });
    const first = await write(a.id, keyA);
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.headers.get('RateLimit')).toMatch(/^limit=2, remaining=1, reset=\d+$/);
    expect((await write(a.id, keyA)).status).toBe(201);
    const refused = await write(a.id, keyA);
    expectTooMany(refused, 60);
    // Nothing of the refused write was stored: key A's agency has exactly the two officers.
    const officers = await perKey.request(`/v1/officers?agencyId=${a.id}`);
    expect(officers.body.items).toHaveLength(2);
    expect((await write(b.id, keyB)).status).toBe(201);
    // Reads are not counted against a key, and the operator is not limited per key.
    expect((await perKey.request('/v1/keys', { headers: keyA })).status).not.toBe(429);
    for (let i = 0; i < 3; i++) expect((await perKey.post('/v1/officers', validOfficer({ agencyId: a.id }), admin)).status).toBe(201);
    // No per-address budget is set on this server: reads carry no RateLimit header.
    expect((await perKey.request('/v1/agencies')).headers.get('RateLimit')).toBeNull();
  });

  it('is off unless configured: no RateLimit headers and no 429, however many requests', async () => {
    const address = newAddress();
    for (let i = 0; i < 5; i++) {
      const res = await unlimited.request('/v1/agencies', from(address));
      expect(res.status).toBe(200);
      expect(res.headers.get('RateLimit')).toBeNull();
    }
    expect(rateLimitsFrom(parseEnv({}))).toBeUndefined();
  });

  it('reads its budgets from the environment, naming a bad variable without its value', () => {
    expect(rateLimitsFrom(parseEnv({ RATE_LIMIT_READS_PER_ADDRESS: '600', RATE_LIMIT_WRITES_PER_KEY: '120' }))).toEqual({
      windowSeconds: 60,
      readsPerAddress: 600,
      writesPerAddress: 0,
      writesPerKey: 120,
    });
    expect(() => parseEnv({ RATE_LIMIT_WINDOW_SECONDS: '0' })).toThrow(/RATE_LIMIT_WINDOW_SECONDS/);
    expect(() => parseEnv({ RATE_LIMIT_READS_PER_ADDRESS: '-1' })).toThrow(/RATE_LIMIT_READS_PER_ADDRESS/);
    expect(() => parseEnv({ CLIENT_ADDRESS_HEADER: 'X-Forwarded-For: 1.2.3.4' })).toThrow(/CLIENT_ADDRESS_HEADER: must be a header name/);
  });
});
