/**
 * CORS is read-only: any origin may read the API, none may write to it. Generated from the route table, so a
 * new route is covered the day it is declared: every read path's preflight is allowed, every write's is not,
 * and no answer to a write — refused or done — lets a page of another origin read it.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { routes } from '../src/app.js';
import { admin, uniqueCreditCode, useTestApp } from './support/app.js';
import { routeName, sendWith } from './support/route-requests.js';
import { writeRequests, type WriteRequests } from './support/write-requests.js';

const t = useTestApp({ now: () => new Date('2026-11-27T02:00:00Z') });
const ORIGIN = { Origin: 'https://portal.example' };
const UNKNOWN_ID = '0193a1b2-7c4d-7e5f-8a9b-0c1d2e3f4a5b';
const CORS_HEADERS = ['access-control-allow-origin', 'access-control-allow-methods', 'access-control-allow-headers', 'access-control-expose-headers'];

const fill = (path: string) => path.replace('{powerType}', '02').replace(/\{\w+\}/g, UNKNOWN_ID);
const reads = [...new Set(routes.filter((r) => r.method === 'get').map((r) => fill(r.path)))];
const writes = routes.filter((r) => r.method !== 'get').map((route) => ({ route, name: routeName(route) }));

const preflight = (path: string, method: string, headers = '') =>
  t.app.request(path, { method: 'OPTIONS', headers: { ...ORIGIN, 'Access-Control-Request-Method': method, ...(headers ? { 'Access-Control-Request-Headers': headers } : {}) } });
const corsHeadersOf = (res: { headers: Headers }) => CORS_HEADERS.filter((h) => res.headers.has(h));

describe('a preflight', () => {
  it('for a read allows GET and HEAD from any origin, with If-None-Match, on every path that has GET', async () => {
    expect(reads.length).toBeGreaterThan(50);
    const wrong: string[] = [];
    for (const path of reads) {
      const res = await preflight(path, 'GET', 'if-none-match');
      const got = [res.status, res.headers.get('access-control-allow-origin'), res.headers.get('access-control-allow-methods'), res.headers.get('access-control-allow-headers')];
      if (JSON.stringify(got) !== JSON.stringify([204, '*', 'GET, HEAD', 'If-None-Match'])) wrong.push(`${path}: ${JSON.stringify(got)}`);
    }
    expect(wrong).toEqual([]);
  });

  it.each(writes)('for $name carries no CORS headers (the browser never sends it), while Allow still lists it', async ({ route }) => {
    const method = route.method.toUpperCase();
    const res = await preflight(fill(route.path), method, 'authorization,content-type,if-match,idempotency-key');
    expect(res.status).toBe(204);
    expect(corsHeadersOf(res)).toEqual([]);
    expect(res.headers.get('allow')!.split(', ')).toContain(method);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('for GET on a path without GET carries no CORS headers', async () => {
    const res = await preflight('/v1/penalties/batch', 'GET');
    expect(res.headers.get('allow')).toBe('POST, OPTIONS');
    expect(corsHeadersOf(res)).toEqual([]);
  });

  it('for a read allows no key and no write header: Authorization, If-Match and the rest are not listed', async () => {
    const res = await preflight('/v1/agencies', 'GET', 'authorization');
    expect(res.headers.get('access-control-allow-headers')).toBe('If-None-Match');
  });
});

describe('answers to reads', () => {
  it('let any origin read a list, its ETag and Link', async () => {
    await t.createAgency();
    await t.createAgency();
    const res = await t.request('/v1/agencies?limit=1', { headers: ORIGIN });
    expect(res.status).toBe(200);
    expect(res.headers.get('link')).toBeTruthy();
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-expose-headers')!.split(', ')).toEqual(expect.arrayContaining(['ETag', 'Link']));
  });

  it('let any origin read a 304, a HEAD and a problem too', async () => {
    const agency = await t.createAgency();
    const read = await t.request(`/v1/agencies/${agency.id}`, { headers: ORIGIN });
    const answers = [
      await t.request(`/v1/agencies/${agency.id}`, { headers: { ...ORIGIN, 'If-None-Match': read.headers.get('etag')! } }),
      await t.app.request(`/v1/agencies/${agency.id}`, { method: 'HEAD', headers: ORIGIN }),
      await t.request(`/v1/agencies/${UNKNOWN_ID}`, { headers: ORIGIN }),
      await t.request('/v1/agencies?limit=0', { headers: ORIGIN }),
      await t.request('/openapi.json', { headers: ORIGIN }),
    ];
    expect(answers.map((r) => r.status)).toEqual([304, 200, 404, 400, 200]);
    expect(answers.map((r) => r.headers.get('access-control-allow-origin'))).toEqual(['*', '*', '*', '*', '*']);
  });
});

describe('answers to writes carry no CORS headers', () => {
  let base: WriteRequests;
  beforeAll(async () => {
    base = (await writeRequests(t)).requests;
  });

  it.each(writes)('$name, done as the operator', async ({ route }) => {
    const req = await base[route.operationId]!();
    const res = await sendWith(t, req, ORIGIN);
    expect(res.status, JSON.stringify(res.body)).toBeLessThan(300);
    expect(corsHeadersOf(res)).toEqual([]);
  });

  it.each(writes)('$name, refused', async ({ route }) => {
    // No key (401), or, on the one route open to anyone, no body (415): refused before anything is read.
    const res = await t.request(fill(route.path), { method: route.method.toUpperCase(), headers: ORIGIN });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(corsHeadersOf(res)).toEqual([]);
  });

  it('nor do a 405, an idempotent replay, or a write to an unknown path', async () => {
    const key = { ...admin, 'Content-Type': 'application/json', 'Idempotency-Key': 'cors-replay', ...ORIGIN };
    const body = JSON.stringify({ name: '跨域测试局', creditCode: uniqueCreditCode(), regionCode: '440100', level: '市级', kind: '法定' });
    const answers = [
      await t.request('/v1/agencies', { method: 'PUT', headers: ORIGIN }),
      await t.request('/v1/agencies', { method: 'POST', headers: key, body }),
      await t.request('/v1/agencies', { method: 'POST', headers: key, body }),
      await t.request('/v1/nothing', { method: 'POST', headers: ORIGIN }),
    ];
    expect(answers.map((r) => r.status)).toEqual([405, 201, 201, 404]);
    expect(answers[2]!.headers.get('idempotent-replayed')).toBe('true');
    expect(answers.map(corsHeadersOf)).toEqual([[], [], [], []]);
  });
});
