import { describe, expect, it } from 'vitest';
import { checkResponsesFrom, parseEnv } from '../src/env.js';
import { useTestApp } from './support/app.js';
import { validPenalty } from './support/penalties.js';

// Production sends answers without checking them against their schemas again (RESPONSE_CHECKS): the same
// content as a checked answer, which this suite's harness checks against the OpenAPI document on every request.
const unchecked = useTestApp({ config: { checkResponses: false } });

describe('answers sent without the response check', () => {
  it('carry the same content as checked ones: records, lists, revisions', async () => {
    const agency = await unchecked.createAgency();
    const key = await unchecked.keyFor(agency.id);
    const penalty = await unchecked.post('/v1/penalties', validPenalty(), key);
    expect(penalty.status, JSON.stringify(penalty.body)).toBe(201);
    // Every answer below is checked against the document by the harness (test/support/app.ts).
    for (const path of [`/v1/agencies/${agency.id}`, `/v1/penalties/${penalty.body.id}`, `/v1/penalties?agencyId=${agency.id}`, `/v1/penalties/${penalty.body.id}/revisions`]) {
      const res = await unchecked.request(path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('ETag'), path).toMatch(/^"/);
    }
    const read = await unchecked.request(`/v1/penalties/${penalty.body.id}`);
    expect(read.body).toEqual(penalty.body);
    // Names beside codes come from the presenters, not from the schema: there without the check too.
    expect(read.body.party.categoryName).toBe('法人及非法人组织');
    expect(read.body.penaltyTypeNames).toEqual(['罚款']);
  });

  it('is the production default, and RESPONSE_CHECKS overrides it either way', () => {
    expect(checkResponsesFrom(parseEnv({}))).toBe(true);
    expect(checkResponsesFrom(parseEnv({ NODE_ENV: 'production' }))).toBe(false);
    expect(checkResponsesFrom(parseEnv({ NODE_ENV: 'production', RESPONSE_CHECKS: 'on' }))).toBe(true);
    expect(checkResponsesFrom(parseEnv({ RESPONSE_CHECKS: 'off' }))).toBe(false);
    expect(() => parseEnv({ RESPONSE_CHECKS: 'yes' })).toThrow(/RESPONSE_CHECKS/);
  });
});
