import { describe, expect, it } from 'vitest';
import { routes } from '../src/app.js';
import { admin, uniqueCreditCode, useTestApp } from './support/app.js';

const t = useTestApp();
const UNKNOWN_ID = '0193a1b2-7c4d-7e5f-8a9b-0c1d2e3f4a5b';
const validAgency = () => ({ name: '编码测试局', creditCode: uniqueCreditCode(), regionCode: '440100', level: '市级', kind: '法定' });

/** A valid agency body with `bytes` in place of its name's value: JSON around bytes that may not be UTF-8. */
function agencyWithNameBytes(bytes: number[]): Uint8Array<ArrayBuffer> {
  const [before, after] = JSON.stringify({ ...validAgency(), name: '@' }).split('@') as [string, string];
  return new Uint8Array([...Buffer.from(before), ...bytes, ...Buffer.from(after)]);
}

const feedHead = async (): Promise<number> => (await t.request('/v1/feed')).body.head;

/** Each route that takes a body, with its path filled in (unknown ids: the body is refused before any lookup). */
const bodyRoutes = routes
  .filter((r) => r.body)
  .map((r) => ({
    name: `${r.method.toUpperCase()} ${r.path}`,
    method: r.method.toUpperCase(),
    path: r.path.replace('{powerType}', '02').replace(/\{\w+\}/g, UNKNOWN_ID),
    type: (r.bodyTypes ?? ['application/json'])[0]!,
  }));

/** Sends one body to every route that takes one, as the operator, with the route's media type made into a Content-Type. */
async function toEveryBodyRoute(contentType: (mediaType: string) => string, body: BodyInit) {
  expect(bodyRoutes.length).toBeGreaterThan(15);
  const answers: { route: string; status: number; detail?: string }[] = [];
  for (const route of bodyRoutes) {
    const res = await t.request(route.path, { method: route.method, headers: { ...admin, 'Content-Type': contentType(route.type), 'If-Match': '"v1"' }, body });
    answers.push({ route: route.name, status: res.status, detail: res.body?.detail });
  }
  return answers;
}

describe('request bodies must be UTF-8', () => {
  it.each([
    ['a lone 0xFF byte', [0xff]],
    ['GBK bytes of 局', [0xbe, 0xd6]],
    ['Latin-1 é', [0x63, 0x61, 0x66, 0xe9]],
    ['an overlong "/"', [0xc0, 0xaf]],
    ['an encoded surrogate U+D800', [0xed, 0xa0, 0x80]],
    ['a truncated 局', [0xe5, 0xb1]],
    ['a code point above U+10FFFF', [0xf4, 0x90, 0x80, 0x80]],
  ])('answers 400 to %s, never storing U+FFFD, and writes nothing', async (_what, bytes) => {
    const head = await feedHead();
    const res = await t.request('/v1/agencies', { method: 'POST', headers: { ...admin, 'Content-Type': 'application/json' }, body: agencyWithNameBytes(bytes) });
    expect(res.status, JSON.stringify(res.body)).toBe(400);
    expect(res.body).toMatchObject({ type: 'https://gongshi.dev/problems/malformed-json', detail: expect.stringContaining('UTF-8') });
    expect(await feedHead()).toBe(head);
  });

  it('accepts the same name in UTF-8', async () => {
    const res = await t.request('/v1/agencies', { method: 'POST', headers: { ...admin, 'Content-Type': 'application/json' }, body: agencyWithNameBytes([...Buffer.from('示例局')]) });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.name).toBe('示例局');
  });

  it('refuses invalid UTF-8 on every route that takes a body', async () => {
    const answers = await toEveryBodyRoute((type) => type, new Uint8Array([...Buffer.from('{"x":"'), 0xff, ...Buffer.from('"}')]));
    expect(answers.filter((a) => a.status !== 400 || !/UTF-8/.test(a.detail ?? ''))).toEqual([]);
  });
});

describe('a charset other than UTF-8', () => {
  it.each(['iso-8859-1', 'GBK', 'gb2312', 'utf-16', 'us-ascii', '"latin1"'])('answers 415 to charset=%s, naming UTF-8, and writes nothing', async (charset) => {
    const head = await feedHead();
    const res = await t.post('/v1/agencies', validAgency(), { ...admin, 'Content-Type': `application/json; charset=${charset}` });
    expect(res.status, JSON.stringify(res.body)).toBe(415);
    expect(res.body).toMatchObject({ type: 'https://gongshi.dev/problems/unsupported-media-type', detail: expect.stringContaining('charset=utf-8') });
    expect(await feedHead()).toBe(head);
  });

  it.each(['utf-8', 'UTF-8', '"utf-8"', 'utf8'])('accepts charset=%s', async (charset) => {
    const res = await t.post('/v1/agencies', validAgency(), { ...admin, 'Content-Type': `application/json; charset=${charset}` });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
  });

  it('refuses it on every route that takes a body, merge patches included', async () => {
    const answers = await toEveryBodyRoute((type) => `${type}; charset=gbk`, '{}');
    expect(answers.filter((a) => a.status !== 415)).toEqual([]);
  });
});
