/**
 * Personal data in any field of any request, generated from the published document: every string of every
 * write operation's body and every query parameter of every read, times every way of writing a 身份证 or mobile
 * number (test/support/evasions.ts). Each is refused naming the field, never echoed, and afterwards none of the
 * numbers can be read back from any table, the feed, a list, an export, a revision or the log.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { ID_EVASIONS, MOBILE_EVASIONS, freshAdultId, freshMobile, rawNumbersIn, type Evasion } from './support/evasions.js';
import { everything } from './support/public-surface.js';
import { cannotCarryNumbers, requestStrings, type RequestString } from './support/request-strings.js';
import { useTestApp } from './support/app.js';
import { send, setAt, writeRequests, type WriteRequests } from './support/write-requests.js';
import { spec } from './support/spec-check.js';

const t = useTestApp({ now: () => new Date('2026-11-27T02:00:00Z') });
let requests: WriteRequests;
beforeAll(async () => {
  ({ requests } = await writeRequests(t));
});

const strings = requestStrings().filter((s) => !cannotCarryNumbers(s.schema));
const WRITE_METHODS = ['post', 'patch', 'put', 'delete'];
const writeOperations = Object.values(spec.paths ?? {}).flatMap((item) =>
  Object.entries(item as Record<string, { operationId: string }>)
    .filter(([method]) => WRITE_METHODS.includes(method))
    .map(([, op]) => op.operationId),
);

/** Whether `policy` must refuse this kind of number (masked identity slots are tested in privacy-identity). */
const refuses = (s: RequestString, kind: 'id' | 'mobile') =>
  s.policy === 'refused' || (kind === 'id' && (s.policy === 'public-contact' || s.policy === 'number'));

const concrete = (pointer: string) => pointer.replaceAll('/*', '/0');
const EVASIONS: { kind: 'id' | 'mobile'; evasion: Evasion; fresh: () => string }[] = [
  ...ID_EVASIONS.map((evasion) => ({ kind: 'id' as const, evasion, fresh: freshAdultId })),
  ...MOBILE_EVASIONS.map((evasion) => ({ kind: 'mobile' as const, evasion, fresh: freshMobile })),
];

/** An error at the pointer or at one of its parents (a union reports at its own place). */
function named(errors: { in: string; pointer: string }[], where: string, pointer: string): boolean {
  return errors.some((e) => e.in === where && (e.pointer === pointer || pointer.startsWith(e.pointer + '/')));
}

describe('the personal-data policy of request strings', () => {
  it('is declared (x-personal-data) by every string of the document that could hold a number', () => {
    const all = requestStrings();
    expect(all.length).toBeGreaterThan(300);
    const undeclared = all.filter((s) => s.policy === null && !cannotCarryNumbers(s.schema)).map((s) => `${s.operationId} ${s.in} ${s.pointer}`);
    expect(undeclared).toEqual([]);
  });

  it('masks only party identity slots and allows mobiles only in agency contact fields', () => {
    const where = (policy: string) => [...new Set(requestStrings().filter((s) => s.policy === policy).map((s) => s.pointer.split('/').slice(-2).join('/')))].sort();
    expect(where('masked')).toEqual(['party/idNumber', 'party/institutionCertificate', 'party/legalRepresentativeIdNumber', 'party/socialOrgCertificate', 'party/taxNumber']);
    expect(where('public-contact')).toEqual(['complaint/phone', 'contact/email', 'contact/phone']);
  });
});

describe('the base requests', () => {
  it('exist for every write operation of the OpenAPI document', () => {
    expect(Object.keys(requests).sort()).toEqual([...new Set(writeOperations)].sort());
  });

  it('are accepted as they are (so a refusal below is the attack, not a broken base)', async () => {
    for (const op of ['createPenalty', 'createLicence', 'createEnforcementAction', 'createOfficer', 'createAgency']) {
      const res = await send(t, await requests[op]!());
      expect(res.status, `${op}: ${JSON.stringify(res.body)}`).toBe(201);
    }
  });
});

const bodyOps = [...new Set(strings.filter((s) => s.in === 'body' && s.policy !== 'masked').map((s) => s.operationId))].sort();

describe('a 身份证 or mobile number in any string of a request body', () => {
  it('leaves only write operations without strings untested', () => {
    expect(writeOperations.filter((op) => !bodyOps.includes(op)).sort()).toEqual(['deleteWebhook', 'dispatchWebhooks', 'expirePublicity', 'revokeKey']);
  });

  it.each(bodyOps)('%s: refused in every field, named, never echoed, stored nowhere', async (op) => {
    const raws: string[] = [];
    for (const { kind, evasion, fresh } of EVASIONS) {
      const targets = strings.filter((s) => s.operationId === op && s.in === 'body' && refuses(s, kind));
      if (targets.length === 0) continue;
      const req = await requests[op]!();
      const body = structuredClone(req.body ?? {});
      for (const target of targets) {
        const raw = fresh();
        raws.push(raw);
        setAt(body, target.pointer, evasion.write(raw));
      }
      const res = await send(t, { ...req, body });
      const where = `${op} with ${kind} written "${evasion.name}"`;
      expect(res.status, `${where}: ${JSON.stringify(res.body)}`).toBe(400);
      const missing = targets.filter((s) => !named(res.body.errors ?? [], 'body', concrete(s.pointer))).map((s) => s.pointer);
      expect(missing, where).toEqual([]);
      expect(rawNumbersIn(JSON.stringify(res.body), raws), where).toEqual([]);
    }
    expect(raws.length).toBeGreaterThan(0);
    expect(rawNumbersIn(await everything(t), raws)).toEqual([]);
  });
});

const queryOps = [...new Set(strings.filter((s) => s.in === 'query').map((s) => `${s.operationId} ${s.path}`))].sort();
const PATH_VALUES: Record<string, string> = { id: '0193a1b2-7c4d-7e5f-8a9b-0c1d2e3f4a5b', version: '1', no: '1', powerType: '02' };

describe('a 身份证 or mobile number in any query parameter', () => {
  it.each(queryOps)('%s: refused, named, never echoed', async (opAndPath) => {
    const [op, template] = opAndPath.split(' ') as [string, string];
    const path = template.replace(/\{(\w+)\}/g, (_m, name: string) => PATH_VALUES[name]!);
    const raws: string[] = [];
    let tried = 0;
    for (const { kind, evasion, fresh } of EVASIONS) {
      const targets = strings.filter((s) => s.operationId === op && s.in === 'query' && refuses(s, kind));
      if (targets.length === 0) continue;
      const query = new URLSearchParams();
      for (const target of targets) {
        const raw = fresh();
        raws.push(raw);
        query.set(target.pointer.slice(1), evasion.write(raw));
      }
      const res = await t.request(`${path}?${query}`);
      tried += 1;
      const where = `${op} with ${kind} written "${evasion.name}"`;
      expect(res.status, `${where}: ${JSON.stringify(res.body)}`).toBe(400);
      expect(targets.filter((s) => !named(res.body.errors ?? [], 'query', s.pointer)).map((s) => s.pointer), where).toEqual([]);
      expect(rawNumbersIn(JSON.stringify(res.body), raws), where).toEqual([]);
    }
    expect(tried).toBeGreaterThan(0);
    expect(rawNumbersIn(JSON.stringify(t.logs), raws)).toEqual([]);
  });
});
