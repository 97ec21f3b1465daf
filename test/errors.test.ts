import { describe, expect, it } from 'vitest';
import { admin, json, uniqueCreditCode, useTestApp, type TestResponse } from './support/app.js';

const t = useTestApp();
const UNKNOWN_ID = '0193a1b2-7c4d-7e5f-8a9b-0c1d2e3f4a5b';
const validAgency = () => ({ name: '错误测试局', creditCode: uniqueCreditCode(), regionCode: '440100', level: '市级', kind: '法定' });

/** RFC 9457: every error is problem+json with type, title, status (= the HTTP status) and detail. */
function expectProblem(res: TestResponse, status: number, slug: string) {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  expect(res.headers.get('content-type')).toBe('application/problem+json');
  expect(res.body).toMatchObject({ type: `https://gongshi.dev/problems/${slug}`, status });
  expect(res.body.title).toEqual(expect.stringMatching(/\S/));
  expect(res.body.detail).toEqual(expect.stringMatching(/\S/));
}

async function feedHead(): Promise<number> {
  return (await t.request('/v1/feed')).body.head;
}

describe('problem details (RFC 9457)', () => {
  it('renders every kind of error as a problem', async () => {
    const agency = await t.createAgency();
    const ifMatch = { ...admin, 'If-Match': '"v9"' };
    expectProblem(await t.post('/v1/agencies', { name: 1 }), 400, 'validation');
    expectProblem(await t.post('/v1/agencies', validAgency(), {}), 401, 'unauthenticated');
    expectProblem(await t.post('/v1/agencies', validAgency(), { Authorization: (await t.keyFor(agency.id)).Authorization }), 403, 'forbidden');
    expectProblem(await t.request(`/v1/agencies/${UNKNOWN_ID}`), 404, 'not-found');
    expectProblem(await t.post('/v1/agencies', { ...validAgency(), creditCode: agency.creditCode }), 409, 'conflict');
    expectProblem(await t.patch(`/v1/agencies/${agency.id}`, { name: '条件不符局' }, ifMatch), 412, 'precondition-failed');
    expectProblem(await t.post('/v1/agencies', validAgency(), { ...admin, 'Content-Type': 'text/plain' }), 415, 'unsupported-media-type');
    expectProblem(await t.post('/v1/keys', { agencyId: UNKNOWN_ID, name: '无主密钥' }), 422, 'unprocessable');
    expectProblem(await t.patch(`/v1/agencies/${agency.id}`, { name: '无条件局' }), 428, 'precondition-required');
  });

  it('lists each invalid field with where it is, a JSON pointer and what is wrong', async () => {
    const res = await t.post('/v1/agencies', { ...validAgency(), name: '', level: '国家级', contact: { phone: 'x' } });
    expectProblem(res, 400, 'validation');
    expect(res.body.errors).toEqual(
      expect.arrayContaining([
        { in: 'body', pointer: '/name', detail: expect.stringMatching(/\S/) },
        { in: 'body', pointer: '/level', detail: expect.stringMatching(/\S/) },
        { in: 'body', pointer: '/contact/phone', detail: expect.stringMatching(/\S/) },
      ]),
    );
    expect(res.body.errors).toHaveLength(3);
    expect(res.body.detail).toContain('/level');
    const query = await t.request('/v1/agencies?level=国家级&limit=0');
    expect(query.body.errors.map((e: { in: string; pointer: string }) => `${e.in} ${e.pointer}`).sort()).toEqual(['query /level', 'query /limit']);
  });

  it.each([
    ['a truncated object', '{"name": "半截'],
    ['a bare word', 'agency'],
    ['single quotes', "{'name': '局'}"],
    ['a trailing comma', '{"name": "局",}'],
    ['an empty body', ''],
  ])('answers 400 malformed-json to %s, and writes nothing', async (_what, body) => {
    const head = await feedHead();
    const res = await t.request('/v1/agencies', { method: 'POST', headers: { ...admin, ...json }, body });
    expectProblem(res, 400, 'malformed-json');
    expect(await feedHead()).toBe(head);
  });

  it.each([
    ['text/plain', 'text/plain'],
    ['form data', 'application/x-www-form-urlencoded'],
    ['XML', 'application/xml'],
    ['no content type', undefined],
  ])('answers 415 to a body sent as %s', async (_what, type) => {
    const head = await feedHead();
    const headers: Record<string, string> = { ...admin };
    if (type) headers['Content-Type'] = type;
    const res = await t.request('/v1/agencies', { method: 'POST', headers, body: type ? JSON.stringify(validAgency()) : new Uint8Array(Buffer.from(JSON.stringify(validAgency()))) });
    expectProblem(res, 415, 'unsupported-media-type');
    expect(await feedHead()).toBe(head);
  });

  it('accepts JSON with a charset, and merge-patch+json for updates', async () => {
    const created = await t.post('/v1/agencies', validAgency(), { ...admin, 'Content-Type': 'application/json; charset=utf-8' });
    expect(created.status).toBe(201);
    const patched = await t.patch(`/v1/agencies/${created.body.id}`, { name: '合并补丁局' }, { ...admin, 'If-Match': '"v1"', 'Content-Type': 'application/merge-patch+json' });
    expect(patched.status).toBe(200);
    const wrong = await t.post('/v1/keys', { agencyId: created.body.id, name: 'k' }, { ...admin, 'Content-Type': 'application/merge-patch+json' });
    expectProblem(wrong, 415, 'unsupported-media-type');
  });

  it('answers 413 to a body over the default 1 MiB limit, and writes nothing', async () => {
    const head = await feedHead();
    const body = JSON.stringify({ ...validAgency(), matters: 'x'.repeat(1.1 * 1024 * 1024) });
    expect(body.length).toBeGreaterThan(1024 * 1024);
    const streamed = await t.request('/v1/agencies', { method: 'POST', headers: { ...admin, ...json }, body });
    expectProblem(streamed, 413, 'payload-too-large');
    expect(streamed.body.detail).toContain(String(1024 * 1024));
    const declared = await t.request('/v1/agencies', { method: 'POST', headers: { ...admin, ...json, 'Content-Length': String(body.length) }, body });
    expectProblem(declared, 413, 'payload-too-large');
    expect(await feedHead()).toBe(head);
  });

  it.each([
    ['GET', '/v1/nothing'],
    ['GET', '/'],
    ['GET', '/v2/agencies'],
    ['PUT', '/v1/nothing'],
    ['DELETE', '/v1/agencies/x/y/z'],
    ['GET', '/v1/agencies/x/y/z'],
  ])('answers %s %s with a 404 problem', async (method, path) => {
    const res = await t.request(path, { method, headers: admin });
    expectProblem(res, 404, 'not-found');
  });
});
