import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { routes } from '../src/app.js';
import { newId } from '../src/lib/ids.js';
import { QUERY_DATES } from '../src/schemas/common.js';
import { admin, useTestApp } from './support/app.js';

// Every date query parameter of every route, found in the route table: a parameter added tomorrow is covered
// the day it is added. Each must state its range in the OpenAPI document and refuse anything outside it with
// a 400 naming it, before the handler (and so the database) sees it.
const t = useTestApp();

type Prop = { format?: string };
const dateParams = routes.flatMap((route) => {
  if (!route.query) return [];
  const json = z.toJSONSchema(route.query, { io: 'input', unrepresentable: 'any' }) as { properties?: Record<string, Prop>; required?: string[] };
  const props = json.properties ?? {};
  const dates = Object.keys(props).filter((name) => props[name]!.format === 'date');
  const required = json.required ?? [];
  const others = required.filter((name) => !dates.includes(name));
  return dates.map((name) => ({ route, name, dates, required, others, label: `${route.method.toUpperCase()} ${route.path} ?${name}` }));
});

/** Valid values of other required parameters, by path (the question a date parameter goes with). */
const NEEDS: Record<string, Record<string, string>> = { '/v1/negative-list/check': { activity: '销售电子烟' } };

const OUTSIDE = ['0000-01-01', '9999-99-99', '+002026-01-01', '2026-02-30', '2026-2-3', '', '1999-12-31', '2100-01-01'];

/** The route's URL with `values` as query, the other required date parameters set to `fill`. */
function url(p: (typeof dateParams)[number], values: Record<string, string>, fill: string): string {
  const query = new URLSearchParams(NEEDS[p.route.path]);
  for (const d of p.dates) if (!(d in values) && p.required.includes(d)) query.set(d, fill);
  for (const [k, v] of Object.entries(values)) query.set(k, v);
  return p.route.path.replace(/\{\w+\}/g, newId()) + '?' + query.toString();
}
const request = (p: (typeof dateParams)[number], path: string) => t.request(path, { method: p.route.method.toUpperCase(), headers: p.route.auth ? admin : {} });

describe('date query parameters', () => {
  it('are found in the route table', () => {
    const found = dateParams.map((p) => p.label);
    for (const known of ['GET /v1/penalties ?decidedFrom', 'GET /v1/licences.csv ?decidedTo', 'GET /v1/compliance ?from', 'GET /v1/officers ?validOn', 'GET /v1/campaigns ?activeOn']) {
      expect(found).toContain(known);
    }
    // Other required parameters need a valid value in NEEDS.
    expect(dateParams.filter((p) => p.others.some((name) => !NEEDS[p.route.path]?.[name])).map((p) => p.label)).toEqual([]);
  });

  it.each(dateParams.map((p) => [p.label, p] as const))('%s states its range in the OpenAPI document', async (_label, p) => {
    const spec = (await t.request('/openapi.json')).body;
    const param = spec.paths[p.route.path][p.route.method].parameters.find((x: { name: string; in: string }) => x.in === 'query' && x.name === p.name);
    expect(param.description).toContain(`A date from ${QUERY_DATES.min} to ${QUERY_DATES.max}`);
  });

  it.each(dateParams.map((p) => [p.label, p] as const))('%s: a value outside the range is a 400 naming it', async (_label, p) => {
    for (const value of OUTSIDE) {
      const res = await request(p, url(p, { [p.name]: value }, '2024-06-15'));
      expect(res.status, `${p.name}=${value}: ${JSON.stringify(res.body)}`).toBe(400);
      expect(res.body.errors, `${p.name}=${value}`).toContainEqual(expect.objectContaining({ in: 'query', pointer: `/${p.name}` }));
    }
  });

  it.each(dateParams.map((p) => [p.label, p] as const))('%s: both ends of the range are answered', async (_label, p) => {
    for (const value of [QUERY_DATES.min, QUERY_DATES.max]) {
      // The other required dates take the same value, so a from/to pair stays in order.
      const res = await request(p, url(p, { [p.name]: value }, value));
      expect(res.status, `${p.name}=${value}: ${JSON.stringify(res.body)}`).toBeLessThan(500);
      expect(res.status, `${p.name}=${value}: ${JSON.stringify(res.body)}`).not.toBe(400);
    }
  });

  const pairs = dateParams.flatMap((p) => {
    const to = p.name.replace(/From$/, 'To').replace(/^from$/, 'to');
    return to !== p.name && p.dates.includes(to) ? [[`${p.route.method.toUpperCase()} ${p.route.path} ?${p.name}&${to}`, p, to] as const] : [];
  });
  it('pairs of from and to are found', () => expect(pairs.length).toBeGreaterThanOrEqual(6));

  it.each(pairs)('%s: a period that ends before it starts is a 400 naming its end', async (_label, p, to) => {
    const res = await request(p, url(p, { [p.name]: '2024-02-01', [to]: '2024-01-31' }, '2024-06-15'));
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ in: 'query', pointer: `/${to}` })]);
  });
});
