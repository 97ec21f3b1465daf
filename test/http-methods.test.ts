import { describe, expect, it } from 'vitest';
import { admin, json, uniqueCreditCode, useTestApp, type TestResponse } from './support/app.js';
import { spec } from './support/spec-check.js';

const t = useTestApp();
const UNKNOWN_ID = '0193a1b2-7c4d-7e5f-8a9b-0c1d2e3f4a5b';
const validAgency = () => ({ name: '方法测试局', creditCode: uniqueCreditCode(), regionCode: '440100', level: '市级', kind: '法定' });

/** What the spec says a path answers: its operations, HEAD with GET, and OPTIONS. */
function documentedAllow(path: string): string[] {
  const methods = Object.keys(spec.paths![path]!).map((m) => m.toUpperCase());
  return [...methods, ...(methods.includes('GET') ? ['HEAD'] : []), 'OPTIONS'].sort();
}

const allowOf = (res: TestResponse) => (res.headers.get('Allow') ?? '').split(', ').sort();

describe('a known path with a method it does not answer', () => {
  it.each([
    ['PUT', '/v1/agencies', 'GET, HEAD, POST, OPTIONS'],
    ['DELETE', '/v1/agencies', 'GET, HEAD, POST, OPTIONS'],
    ['DELETE', `/v1/agencies/${UNKNOWN_ID}`, 'GET, HEAD, PATCH, OPTIONS'],
    ['GET', '/v1/penalties/batch', 'POST, OPTIONS'],
    ['PATCH', '/v1/penalties/batch', 'POST, OPTIONS'],
    ['GET', `/v1/keys/${UNKNOWN_ID}`, 'DELETE, OPTIONS'],
    ['POST', '/openapi.json', 'GET, HEAD, OPTIONS'],
    ['PUT', '/docs', 'GET, HEAD, OPTIONS'],
  ])('answers %s %s with 405 and Allow: %s', async (method, path, allow) => {
    const res = await t.request(path, { method, headers: admin });
    expect(res.status, JSON.stringify(res.body)).toBe(405);
    expect(res.headers.get('Allow')).toBe(allow);
    expect(res.body).toMatchObject({ type: 'https://gongshi.dev/problems/method-not-allowed', status: 405, detail: `This path answers only ${allow}.` });
  });

  it('answers HEAD on a path without GET with a bare 405', async () => {
    const res = await t.request('/v1/maintenance/expire', { method: 'HEAD' });
    expect(res.status).toBe(405);
    expect(res.headers.get('Allow')).toBe('POST, OPTIONS');
    expect(res.body).toBeNull();
  });

  it('allows on every documented path exactly the methods the spec lists', async () => {
    const paths = Object.keys(spec.paths ?? {});
    expect(paths.length).toBeGreaterThan(50);
    const wrong: string[] = [];
    for (const path of paths) {
      const url = path.replace('{powerType}', '02').replace(/\{\w+\}/g, '1');
      const res = await t.request(url, { method: 'PUT' });
      if (res.status !== 405 || allowOf(res).join() !== documentedAllow(path).join()) wrong.push(`${path}: ${res.status} ${res.headers.get('Allow')}`);
    }
    expect(wrong).toEqual([]);
  });

  it('still answers the methods a path has, HEAD included', async () => {
    const head = await t.app.request('/v1/agencies?limit=1', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    const post = await t.post('/v1/agencies', validAgency());
    expect(post.status).toBe(201);
  });
});

describe('OPTIONS', () => {
  it('answers a preflight on a known path with its Allow (a write is not offered cross-origin: test/cors.test.ts)', async () => {
    const res = await t.app.request(`/v1/penalties/${UNKNOWN_ID}/withdrawal`, {
      method: 'OPTIONS',
      headers: { Origin: 'https://portal.example', 'Access-Control-Request-Method': 'POST' },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('Allow')).toBe('POST, OPTIONS');
    expect(res.headers.get('Access-Control-Allow-Methods')).toBeNull();
  });

  it.each(['/v1/nothing', '/', '/v2/agencies', '/v1/agencies/x/y/z', '/v1/agencies/'])('answers OPTIONS %s with a 404 problem', async (path) => {
    const res = await t.request(path, { method: 'OPTIONS', headers: { Origin: 'https://portal.example', 'Access-Control-Request-Method': 'GET' } });
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ type: 'https://gongshi.dev/problems/not-found', status: 404 });
    expect(res.headers.get('Access-Control-Allow-Methods')).toBeNull();
  });
});

describe('X-Content-Type-Options: nosniff', () => {
  it('is on every kind of answer', async () => {
    const agency = await t.createAgency();
    const read = await t.request(`/v1/agencies/${agency.id}`);
    const answers: [string, Response | TestResponse][] = [
      ['a read', read],
      ['a 304', await t.request(`/v1/agencies/${agency.id}`, { headers: { 'If-None-Match': read.headers.get('ETag')! } })],
      ['a create', await t.post('/v1/agencies', validAgency())],
      ['a 400', await t.post('/v1/agencies', { name: 1 })],
      ['a 401', await t.post('/v1/agencies', validAgency(), {})],
      ['a 404', await t.request('/v1/nothing')],
      ['a 405', await t.request('/v1/agencies', { method: 'PUT' })],
      ['a preflight', await t.app.request('/v1/agencies', { method: 'OPTIONS', headers: { Origin: 'https://x.example', 'Access-Control-Request-Method': 'POST' } })],
      ['the spec', await t.request('/openapi.json')],
      ['the reference page', await t.request('/docs')],
      ['a CSV export', await t.request('/v1/penalties.csv')],
    ];
    expect(answers[1]![1].status).toBe(304);
    const missing = answers.filter(([, res]) => res.headers.get('X-Content-Type-Options') !== 'nosniff').map(([what, res]) => `${what} (${res.status})`);
    expect(missing).toEqual([]);
  });
});

describe('Connection: close', () => {
  const big = JSON.stringify({ ...validAgency(), matters: 'x'.repeat(2 * 1024 * 1024) });

  it.each([
    ['a 401 before the body is read', { ...json }, big],
    ['a 415 before the body is read', { ...admin, 'Content-Type': 'text/plain' }, big],
    ['a 413', { ...admin, ...json }, big],
    ['a 404 to a body sent to an unknown path', { ...admin, ...json }, '{}'],
    ['a 405 to a body', { ...admin, ...json }, '{}'],
  ])('closes the connection after %s', async (what, headers, body) => {
    const path = what.includes('unknown') ? '/v1/nothing' : what.includes('405') ? '/v1/feed' : '/v1/agencies';
    // Declared as a client on the network does (app.request would not add it).
    const res = await t.request(path, { method: 'POST', headers: { ...headers, 'Content-Length': String(Buffer.byteLength(body)) }, body });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.headers.get('Connection')).toBe('close');
  });

  it('keeps it open when the body was read, or there was none', async () => {
    const post = (headers: Record<string, string>, body: string) =>
      t.request('/v1/agencies', { method: 'POST', headers: { ...headers, 'Content-Length': String(Buffer.byteLength(body)) }, body });
    const answers = [
      await post({ ...admin, ...json }, JSON.stringify(validAgency())),
      await post({ ...admin, ...json }, '{"name": 1}'),
      await post({ ...admin, ...json }, '{"name": '),
      await post(json, ''),
      await t.request('/v1/agencies'),
    ];
    expect(answers.map((r) => r.status)).toEqual([201, 400, 400, 401, 200]);
    expect(answers.map((r) => r.headers.get('Connection'))).toEqual([null, null, null, null, null]);
  });
});
