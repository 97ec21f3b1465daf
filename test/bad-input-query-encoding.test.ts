/**
 * Query strings are read strictly: a value (or name) that is not UTF-8 once percent-decoded, or a malformed
 * percent-escape, is a 400 naming the parameter, never a search for mojibake. Generated over every GET route
 * that takes a query, so a new one is covered the day it is declared.
 */
import { describe, expect, it } from 'vitest';
import { routes } from '../src/app.js';
import { admin, useTestApp } from './support/app.js';
import { spec } from './support/spec-check.js';

const t = useTestApp();
const UNKNOWN_ID = '0193a1b2-7c4d-7e5f-8a9b-0c1d2e3f4a5b';

/** Every GET route with a query schema, its path filled, and the query parameters the spec lists for it. */
const withQuery = routes
  .filter((r) => r.method === 'get' && r.query)
  .map((r) => {
    const parameters = ((spec.paths![r.path]!.get!.parameters ?? []) as { name: string; in: string }[]).filter((p) => p.in === 'query').map((p) => p.name);
    return { name: `GET ${r.path}`, path: r.path.replace('{powerType}', '02').replace('{version}', '1').replace(/\{\w+\}/g, UNKNOWN_ID), parameters };
  });

const NOT_UTF8: [string, string][] = [
  ['GBK 局', '%BE%D6'],
  ['GBK 道路运输', '%B5%C0%C2%B7%D4%CB%CA%E4'],
  ['a lone 0xFF byte', '%FF'],
  ['Latin-1 café', 'caf%E9'],
  ['an overlong "/"', '%C0%AF'],
  ['an encoded surrogate U+D800', '%ED%A0%80'],
  ['a code point above U+10FFFF', '%F4%90%80%80'],
  ['a truncated 中 (E4 B8 of E4 B8 AD)', '%E4%B8'],
];
const MALFORMED: [string, string][] = [
  ['%ZZ', '%ZZ'],
  ['a "%" with one digit', '%4'],
  ['a "%" at the end', 'abc%'],
  ['a "%" before a space', '%+1'],
];

async function refused(path: string, pointer: string, detail: RegExp) {
  const res = await t.request(path, { headers: admin });
  expect(res.status, `${path}: ${JSON.stringify(res.body)}`).toBe(400);
  expect(res.body.type).toBe('https://gongshi.dev/problems/validation');
  expect(res.body.errors).toEqual([{ in: 'query', pointer, detail: expect.stringMatching(detail) }]);
  return res;
}

describe('a query value that is not UTF-8 after percent-decoding', () => {
  it.each(NOT_UTF8)('is a 400 naming the parameter: %s', async (_what, value) => {
    await refused(`/v1/penalties?q=${value}`, '/q', /not UTF-8/i);
  });

  it('is a 400 on every GET route that takes a query, whichever parameter carries it', async () => {
    expect(withQuery.length).toBeGreaterThan(30);
    const wrong: string[] = [];
    for (const route of withQuery) {
      expect(route.parameters.length, route.name).toBeGreaterThan(0);
      for (const parameter of [route.parameters[0]!, route.parameters.at(-1)!]) {
        const res = await t.request(`${route.path}?${parameter}=%BE%D6`, { headers: admin });
        const named = res.body?.errors?.map((e: { in: string; pointer: string }) => `${e.in} ${e.pointer}`);
        if (res.status !== 400 || JSON.stringify(named) !== JSON.stringify([`query /${parameter}`])) wrong.push(`${route.name} ${parameter}: ${res.status} ${JSON.stringify(named)}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('in a parameter name is a 400 too, naming what can be read of it', async () => {
    await refused('/v1/agencies?%FFq=1', '/%FFq', /not UTF-8/i);
  });

  it('is refused for HEAD as for GET', async () => {
    const res = await t.app.request('/v1/agencies?q=%BE%D6', { method: 'HEAD' });
    expect(res.status).toBe(400);
  });
});

describe('a malformed percent-escape', () => {
  it.each(MALFORMED)('is a 400 naming the parameter: %s', async (_what, value) => {
    await refused(`/v1/agencies?q=${value}`, '/q', /percent-escape/);
  });

  it('is a 400 on every GET route that takes a query', async () => {
    const wrong: string[] = [];
    for (const route of withQuery) {
      const parameter = route.parameters[0]!;
      const res = await t.request(`${route.path}?${parameter}=%ZZ`, { headers: admin });
      if (res.status !== 400 || res.body.errors?.[0]?.pointer !== `/${parameter}`) wrong.push(`${route.name}: ${res.status}`);
    }
    expect(wrong).toEqual([]);
  });
});

describe('a well-formed query', () => {
  it('is read as UTF-8, with "+" as a space and "%25" as "%"', async () => {
    const agency = await t.createAgency({ name: '示例市 交通运输局%' });
    for (const q of ['%E7%A4%BA%E4%BE%8B%E5%B8%82', '%E7%A4%BA%E4%BE%8B%E5%B8%82+%E4%BA%A4%E9%80%9A', '%E4%BA%A4%E9%80%9A%E8%BF%90%E8%BE%93%E5%B1%80%25']) {
      const res = await t.request(`/v1/agencies?q=${q}`);
      expect(res.status, q).toBe(200);
      expect(res.body.items.map((a: { id: string }) => a.id), q).toContain(agency.id);
    }
  });

  it('reports every bad parameter at once, and several values of one', async () => {
    const res = await t.request('/v1/agencies?q=%FF&level=%ZZ&regionCode=440100&q=%FE');
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { pointer: string }) => e.pointer)).toEqual(['/q', '/level', '/q']);
  });
});
