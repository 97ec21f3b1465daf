/**
 * What every route answers whatever it does, generated from the route table: 401 without a key or with an
 * unknown one (every authenticated route), 403 for another agency's key (every route acting for a named
 * agency or for the operator alone), 415 for a body of another media type (every route with a body), 428
 * without If-Match and 412 with a stale one (every route that needs If-Match). Each refusal writes nothing.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { routes } from '../src/app.js';
import { admin, useTestApp } from './support/app.js';
import { wholeDatabase } from './support/public-surface.js';
import { authenticated, ownerOf, recordOf, requestFor, routeName, sendWith, withBody, withIfMatch, withRealChange, type Route, type RouteRequest } from './support/route-requests.js';
import { writeRequests, type WriteRequests, type WriteTargets } from './support/write-requests.js';

const t = useTestApp({ now: () => new Date('2026-11-27T02:00:00Z') });

/** Records of one agency (A) that the operator created, and a request factory per write operation on them. */
let base: { requests: WriteRequests; targets: WriteTargets };
beforeAll(async () => {
  base = await writeRequests(t);
});
const request = (route: Route) => requestFor(route, base.requests, base.targets);

/** Sends `req` with the headers changed and checks the answer's status, and that nothing was written. */
async function refused(req: RouteRequest, headers: Record<string, string | undefined>, status: number) {
  const before = await wholeDatabase(t);
  const res = await sendWith(t, req, headers);
  expect(res.status, `${req.method} ${req.path}: ${JSON.stringify(res.body)}`).toBe(status);
  expect(await wholeDatabase(t)).toBe(before);
  return res;
}

describe('the route table', () => {
  it('has a key on every write and a request for every authenticated route', async () => {
    expect(routes.filter((r) => r.method !== 'get' && !r.auth && !r.anonymous).map(routeName)).toEqual([]);
    expect(routes.filter((r) => r.anonymous).map((r) => r.operationId)).toEqual(['contributePubliclyToInspectionDraw']);
    expect(authenticated.length).toBeGreaterThan(25);
    const unbuilt: string[] = [];
    for (const { route, name } of authenticated) await request(route).catch((err: Error) => unbuilt.push(`${name}: ${err.message}`));
    expect(unbuilt).toEqual([]);
  });

  it('says who may use each authenticated route: the operator alone, the agency named, or any key for its own', () => {
    const by = (owner: string) => authenticated.filter(({ route }) => ownerOf(route) === owner).map(({ route }) => route.operationId);
    expect(by('operator').sort()).toEqual([
      'createAgency',
      'createNegativeListEdition',
      'createNegativeListItem',
      'createWebhook',
      'deleteWebhook',
      'dispatchWebhooks',
      'expirePublicity',
      'listWebhooks',
      'publishNegativeListEdition',
      'updateNegativeListEdition',
      'updateNegativeListItem',
      'updateWebhook',
    ]);
    expect(by('caller').sort()).toEqual(['contributeToInspectionDraw', 'createLegalBasis']);
    expect(by('agency').length).toBe(authenticated.length - 14);
  });
});

describe('401 on every authenticated route', () => {
  it.each(authenticated)('$name: without a key, and with an unknown key', async ({ route }) => {
    const req = await request(route);
    for (const authorization of [undefined, 'Bearer gs_unknownKeyOfNoAgency0123456789abcdefghijklmno']) {
      const res = await refused(req, { Authorization: authorization }, 401);
      expect(res.headers.get('WWW-Authenticate')).toBe('Bearer');
    }
  });
});

describe("403 for another agency's key", () => {
  let keyA: Record<string, string>;
  let keyB: Record<string, string>;
  beforeAll(async () => {
    // Both scopes: a refusal can only be about whose records these are.
    keyA = await t.keyFor(base.targets.agencyId, ['publish', 'admin']);
    keyB = await t.keyFor((await t.createAgency()).id, ['publish', 'admin']);
  });

  it.each(authenticated.filter(({ route }) => ownerOf(route) !== 'caller'))('$name: refused for the records of agency A', async ({ route }) => {
    const res = await refused(await request(route), { Authorization: keyB.Authorization }, 403);
    expect(res.body.type).toBe('https://gongshi.dev/problems/forbidden');
    if (ownerOf(route) === 'operator') await refused(await request(route), { Authorization: keyA.Authorization }, 403);
  });

  it.each(authenticated.filter(({ route }) => ownerOf(route) === 'caller'))('$name: names no agency, so a key writes for its own', async ({ route }) => {
    const res = await sendWith(t, await request(route), { Authorization: keyB.Authorization });
    expect(res.status, JSON.stringify(res.body)).toBeLessThan(300);
  });
});

describe('415 on every route with a body', () => {
  it.each(withBody)('$name: a body sent as text/plain', async ({ route }) => {
    const res = await refused(await request(route), { 'Content-Type': 'text/plain' }, 415);
    expect(res.body.type).toBe('https://gongshi.dev/problems/unsupported-media-type');
  });
});

describe('428 and 412 on every route that needs If-Match', () => {
  it.each(withIfMatch)('$name: 428 without If-Match', async ({ route }) => {
    const res = await refused(await request(route), { 'If-Match': undefined }, 428);
    expect(res.body.type).toBe('https://gongshi.dev/problems/precondition-required');
  });

  it.each(withIfMatch)('$name: 412 with the ETag of the version before the latest', async ({ route }) => {
    // Records of its own: the change that makes the ETag stale must not touch the other tests' records.
    const { requests, targets } = await writeRequests(t);
    const first = await requestFor(route, requests, targets);
    const stale = first.headers['If-Match']!;
    const record = recordOf(first);
    const changed = await sendWith(t, withRealChange(route, first, (await t.request(record)).body));
    expect(changed.status, `${routeName(route)}: ${JSON.stringify(changed.body)}`).toBeLessThan(300);
    expect((await t.request(record)).headers.get('ETag')).not.toBe(stale);
    const res = await refused(await requestFor(route, requests, targets), { 'If-Match': stale }, 412);
    expect(res.body.type).toBe('https://gongshi.dev/problems/precondition-failed');
  });
});

describe('the operator', () => {
  it.each(authenticated)('$name: is answered with success to the request the refusals above were made from', async ({ route }) => {
    const { requests, targets } = await writeRequests(t);
    const res = await sendWith(t, await requestFor(route, requests, targets), admin);
    expect(res.status, JSON.stringify(res.body)).toBeLessThan(300);
  });
});
