import { describe, expect, it } from 'vitest';
import { sampleAgency, sampleAgencyId } from './support/sample-agency.js';
import { specViolations } from './support/spec-check.js';

// Every test trusts this checker to catch responses that break the published spec; prove it can fail.
const id = sampleAgencyId;
const agency = sampleAgency;
const check = (status: number, type: string, body: unknown) => specViolations('GET', `/v1/agencies/${id}`, status, type, body);

describe('the response-vs-spec checker used by every test', () => {
  it('accepts a body that matches', () => {
    expect(check(200, 'application/json; charset=utf-8', agency)).toEqual([]);
    const problem = { type: 'https://gongshi.dev/problems/not-found', title: 'Not found', status: 404, detail: 'x' };
    expect(check(404, 'application/problem+json', problem)).toEqual([]);
  });

  it('reports a body that does not match the declared schema, naming the field', () => {
    expect(check(200, 'application/json', { ...agency, creditCode: null }).join()).toContain('/creditCode');
    expect(check(200, 'application/json', { ...agency, level: '国家级' }).join()).toContain('/level');
    expect(check(200, 'application/json', { ...agency, secret: 'x' })).not.toEqual([]);
    const { name: _n, ...nameless } = agency;
    expect(check(200, 'application/json', nameless)).not.toEqual([]);
    expect(check(404, 'application/problem+json', { title: 'no type or status' })).not.toEqual([]);
  });

  it('reports an undeclared status, an undeclared media type and an unknown path', () => {
    expect(check(418, 'application/json', {})).not.toEqual([]);
    expect(check(404, 'text/html', '<p>no</p>')).not.toEqual([]);
    expect(specViolations('GET', '/v2/nothing', 200, 'application/json', {})).not.toEqual([]);
    expect(specViolations('PUT', `/v1/agencies/${id}`, 200, 'application/json', agency)).not.toEqual([]);
  });
});
