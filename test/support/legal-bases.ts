import { expect } from 'vitest';
import type { TestContext } from './app.js';
import { admin } from './app.js';

/** A valid legal-basis payload; fields override. Titles are made unique so tests never see each other's rows. */
let serial = 0;
export function basisPayload(fields: Record<string, unknown> = {}): Record<string, unknown> {
  serial += 1;
  return {
    title: `测试条例${serial}号`,
    level: '行政法规',
    issuer: '国务院',
    promulgatedOn: '2020-01-01',
    effectiveOn: '2020-03-01',
    topics: ['测试'],
    articles: [
      { no: '1', text: '为了测试，制定本条例。' },
      { no: '2', text: '本条例自公布之日起施行。' },
    ],
    ...fields,
  };
}

/** Creates a legal basis (as the operator unless headers say otherwise) and returns the response body. */
export async function createBasis(t: TestContext, fields: Record<string, unknown> = {}, headers: Record<string, string> = admin): Promise<any> {
  const res = await t.post('/v1/legal-bases', basisPayload(fields), headers);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

export async function feedHead(t: TestContext): Promise<number> {
  return (await t.request('/v1/feed?limit=1')).body.head;
}
