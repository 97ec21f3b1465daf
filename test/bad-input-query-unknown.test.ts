/**
 * One behaviour for query parameters on every operation: a name the operation does not list is a 400 naming
 * it, and every name it lists is taken. Generated from the route table and the published document, so a new
 * route is covered the day it is declared.
 */
import { describe, expect, it } from 'vitest';
import { routes } from '../src/app.js';
import { freshAdultId } from './support/evasions.js';
import { admin, useTestApp } from './support/app.js';
import { spec } from './support/spec-check.js';

const t = useTestApp();
const UNKNOWN_ID = '0193a1b2-7c4d-7e5f-8a9b-0c1d2e3f4a5b';
const fill = (path: string) => path.replace('{powerType}', '02').replace('{version}', '1').replace(/\{\w+\}/g, UNKNOWN_ID);

/** Every operation of the published document, the route table's and the meta ones, with its documented query parameters. */
const operations = Object.entries(spec.paths!).flatMap(([path, item]) =>
  Object.entries(item as Record<string, { parameters?: { name: string; in: string }[] }>).map(([method, op]) => ({
    name: `${method.toUpperCase()} ${path}`,
    method: method.toUpperCase(),
    path: fill(path),
    parameters: (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name),
  })),
);
const errorsOf = (body: any): { in: string; pointer: string; detail: string }[] => body?.errors ?? [];

describe('an unknown query parameter', () => {
  it('is a 400 naming it and the parameters the operation takes, on every operation', async () => {
    expect(operations.length).toBe(routes.length + 3);
    expect(operations.filter((o) => o.parameters.length).length).toBeGreaterThan(30);
    const wrong: string[] = [];
    for (const op of operations) {
      const res = await t.request(`${op.path}?zzUnknown=1`, { method: op.method, headers: admin });
      const expected = { in: 'query', pointer: '/zzUnknown', detail: `Unknown query parameter: this operation takes ${op.parameters.join(', ') || 'none'}.` };
      // Named once, first; an operation with required parameters names those too (all that is wrong, at once).
      const errors = errorsOf(res.body);
      const others = errors.slice(1).filter((e) => e.pointer === '/zzUnknown' || !op.parameters.includes(e.pointer.slice(1)));
      if (res.status !== 400 || JSON.stringify(errors[0]) !== JSON.stringify(expected) || others.length) wrong.push(`${op.name}: ${res.status} ${JSON.stringify(errors)}`);
    }
    expect(wrong).toEqual([]);
  });

  it('is refused beside known ones, each unknown one named, in order, with what else is wrong', async () => {
    const res = await t.request('/v1/agencies?limit=1&offset=20&level=市级&page=2');
    expect(res.status).toBe(400);
    expect(errorsOf(res.body).map((e) => e.pointer)).toEqual(['/offset', '/page']);
    const both = await t.request('/v1/agencies?limit=0&offset=20');
    expect(errorsOf(both.body).map((e) => e.pointer)).toEqual(['/offset', '/limit']);
    expect(errorsOf(both.body)[0]!.detail).toMatch(/^Unknown query parameter/);
  });

  it('is refused whatever it is called: an object key, a long name, a name holding an ID number', async () => {
    const id = freshAdultId();
    for (const [name, pointer] of [
      ['__proto__', '/__proto__'],
      ['constructor', '/constructor'],
      ['a'.repeat(40), `/${'a'.repeat(32)}…`],
      [id, '/(a key holding personal data)'],
    ]) {
      const res = await t.request(`/v1/penalties?${name}=1`);
      expect(res.status, name).toBe(400);
      expect(errorsOf(res.body).map((e) => e.pointer), name).toEqual([pointer]);
      expect(JSON.stringify(res.body)).not.toContain(id);
    }
  });

  it('is refused on a record, for HEAD as for GET, and on the document and its reference page', async () => {
    const agency = await t.createAgency();
    expect((await t.request(`/v1/agencies/${agency.id}`)).status).toBe(200);
    expect((await t.request(`/v1/agencies/${agency.id}?fields=name`)).status).toBe(400);
    expect((await t.app.request(`/v1/agencies/${agency.id}?fields=name`, { method: 'HEAD' })).status).toBe(400);
    for (const path of ['/openapi.json?v=2', '/docs?lang=zh']) expect((await t.request(path)).status, path).toBe(400);
  });
});

describe('a documented query parameter', () => {
  it('is taken by every operation that lists it (never refused as unknown)', async () => {
    const wrong: string[] = [];
    for (const op of operations.filter((o) => o.parameters.length)) {
      for (const parameter of op.parameters) {
        const res = await t.request(`${op.path}?${parameter}=1`, { method: op.method, headers: admin });
        if (errorsOf(res.body).some((e) => e.detail.startsWith('Unknown query parameter'))) wrong.push(`${op.name} ${parameter}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});
