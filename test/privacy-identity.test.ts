/**
 * Identity slots, generated from the document's `masked` strings: wherever a party's identifier may hold a
 * 身份证 number (证件号码 under any 证件类型, 税务登记号, 事业单位/社会组织证书号), on every operation that accepts
 * a party, the number is masked before storage however it is written, and a minor's number is refused.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { maskId } from '../src/lib/masking.js';
import { ID_EVASIONS, freshAdultId, idBornOn, rawNumbersIn } from './support/evasions.js';
import { everything } from './support/public-surface.js';
import { requestStrings } from './support/request-strings.js';
import { admin, useTestApp } from './support/app.js';
import { companyParty, personParty } from './support/penalties.js';
import { send, setAt, writeRequests, type WriteRequest, type WriteRequests } from './support/write-requests.js';

const t = useTestApp({ now: () => new Date('2026-11-27T02:00:00Z') });
let requests: WriteRequests;
beforeAll(async () => {
  ({ requests } = await writeRequests(t));
});

const masked = requestStrings().filter((s) => s.policy === 'masked' && s.in === 'body');
const cases = masked.map((s) => ({ op: s.operationId, pointer: s.pointer, slot: s.pointer.split('/').pop()! }));
// Every 证件类型 except 01, whose number must be a valid 身份证 anyway: the 身份证 number hides behind another name.
const OTHER_TYPES = ['02', '03', '04', '05', '其他-军官证'];

/** A party with `value` in `slot` (and the 证件类型 `type` for the two 证件号码 slots). */
function partyWith(slot: string, value: string, type: string): Record<string, unknown> {
  switch (slot) {
    case 'idNumber':
      return personParty({ idType: type, idNumber: value });
    case 'legalRepresentativeIdNumber':
      return companyParty({ legalRepresentativeIdType: type, legalRepresentativeIdNumber: value });
    case 'taxNumber':
      // A 个体工商户: its 税务登记号 is usually the operator's 身份证 number.
      return companyParty({ category: '03', taxNumber: value });
    default:
      return companyParty({ [slot]: value });
  }
}

const PARTY_FIELDS = ['creditCode', 'registrationNumber', 'orgCode', 'taxNumber', 'institutionCertificate', 'socialOrgCertificate', 'legalRepresentative', 'legalRepresentativeIdType', 'legalRepresentativeIdNumber', 'idType', 'idNumber'];

/** The request of `op` with the party replaced (merge-patched in full for a correction). */
async function withParty(op: string, pointer: string, party: Record<string, unknown>): Promise<WriteRequest> {
  const req = await requests[op]!();
  const body = structuredClone(req.body!);
  const at = pointer.slice(0, pointer.lastIndexOf('/'));
  // A merge patch replaces the whole party whatever earlier corrections left there.
  const patch = at.startsWith('/changes') ? { ...Object.fromEntries(PARTY_FIELDS.map((f) => [f, null])), ...party } : party;
  setAt(body, at, patch);
  return { ...req, body };
}

/** Where the record a successful write published can be read. */
function recordOf(req: WriteRequest, body: any): string {
  if (req.path.endsWith('/corrections')) return req.path.slice(0, -'/corrections'.length);
  if (body.items) return body.items[0].location;
  return `${req.path}/${body.id}`;
}

const typesOf = (slot: string) => (slot === 'idNumber' || slot === 'legalRepresentativeIdNumber' ? OTHER_TYPES : ['—']);

describe('a 身份证 number in an identity slot', () => {
  it('is an identity slot on every operation that takes a party', () => {
    expect([...new Set(cases.map((c) => c.op))].sort()).toEqual(['correctLicence', 'correctPenalty', 'createLicence', 'createLicenceBatch', 'createPenalty', 'createPenaltyBatch']);
    expect([...new Set(cases.map((c) => c.slot))].sort()).toEqual(['idNumber', 'institutionCertificate', 'legalRepresentativeIdNumber', 'socialOrgCertificate', 'taxNumber']);
  });

  it.each(cases)('$op $pointer: masked before storage under any 证件类型, however written', async ({ op, pointer, slot }) => {
    const raws: string[] = [];
    const records: string[] = [];
    // Every way of writing the number, each under one of the 证件类型 in turn (so every type is tried too).
    for (const [i, evasion] of ID_EVASIONS.entries()) {
      const type = typesOf(slot)[i % typesOf(slot).length]!;
      const raw = freshAdultId();
      raws.push(raw);
      const req = await withParty(op, pointer, partyWith(slot, evasion.write(raw), type));
      const res = await send(t, req);
      const where = `${op} ${pointer} (${type}) written "${evasion.name}"`;
      expect(rawNumbersIn(JSON.stringify(res.body), [raw]), where).toEqual([]);
      if (evasion.name === 'plain') expect(res.status, `${where}: ${JSON.stringify(res.body)}`).toBeLessThan(300);
      if (res.status >= 300) {
        // A form the slot's own shape refuses (the 税务登记号 allows only digits and capitals) is named there.
        expect(res.status, where).toBe(400);
        expect(res.body.errors.map((e: any) => e.pointer), where).toContain(pointer.replaceAll('/*', '/0'));
        continue;
      }
      const record = recordOf(req, res.body);
      records.push(record);
      const stored = (await t.request(record)).body.party[slot] as string;
      expect(stored, where).toContain('*');
      if (evasion.name === 'plain') expect(stored, where).toBe(maskId(raw));
    }
    expect(records.length).toBeGreaterThan(0);
    expect(rawNumbersIn(await everything(t, records), raws)).toEqual([]);
  });

  it.each(cases)('$op $pointer: a minor on the decision date is refused under any 证件类型', async ({ op, pointer, slot }) => {
    // 16 on the 2026-11-20 decision date of the base requests.
    const minor = idBornOn('2010-01-01');
    const evasions = ID_EVASIONS.filter((e) => ['plain', 'spaces 6-8-4', 'full-width digits', 'Latin letters around'].includes(e.name));
    // Every 证件类型 with the plain number, then the other ways of writing it under the types in turn.
    const tries = [...typesOf(slot).map((type) => [type, evasions[0]!] as const), ...evasions.slice(1).map((e, i) => [typesOf(slot)[i % typesOf(slot).length]!, e] as const)];
    for (const [type, evasion] of tries) {
      const res = await send(t, await withParty(op, pointer, partyWith(slot, evasion.write(minor), type)));
      const where = `${op} ${pointer} (${type}) written "${evasion.name}"`;
      expect(res.status, `${where}: ${JSON.stringify(res.body)}`).toBeGreaterThanOrEqual(400);
      expect(res.status, where).toBeLessThan(500);
      expect(res.body.errors.map((e: any) => e.pointer), where).toContain(pointer.replaceAll('/*', '/0'));
      if (evasion.name === 'plain') expect(res.status, where).toBe(422);
    }
    expect(rawNumbersIn(await everything(t), [minor])).toEqual([]);
  });
});

describe('the age check on identity slots', () => {
  const create = async (party: Record<string, unknown>) => send(t, await withParty('createPenalty', '/party/idNumber', party));

  it('publishes an operator of a 个体工商户 on their 18th birthday and refuses the day before', async () => {
    const eighteenOnDecision = idBornOn('2008-11-20');
    const eighteenTomorrow = idBornOn('2008-11-21');
    expect((await create(companyParty({ category: '03', legalRepresentativeIdType: '02', legalRepresentativeIdNumber: eighteenOnDecision }))).status).toBe(201);
    const refused = await create(companyParty({ category: '03', legalRepresentativeIdType: '02', legalRepresentativeIdNumber: eighteenTomorrow }));
    expect(refused.status).toBe(422);
    expect(refused.body.errors.map((e: any) => e.pointer)).toEqual(['/party/legalRepresentativeIdNumber']);
  });

  it('refuses a 身份证 number born after the decision date, in any slot', async () => {
    const res = await create(companyParty({ category: '03', taxNumber: idBornOn('2026-11-21') }));
    expect(res.status).toBe(422);
    expect(res.body.errors.map((e: any) => e.pointer)).toEqual(['/party/taxNumber']);
  });

  it('asks for a kept, masked 税务登记号 again when a correction moves the decision date', async () => {
    const created = await create(companyParty({ category: '03', taxNumber: freshAdultId() }));
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const path = `/v1/penalties/${created.body.id}`;
    const moved = await send(t, { method: 'POST', path: `${path}/corrections`, body: { reason: '决定日期更正。', changes: { decisionDate: '2026-11-19' } }, headers: { ...admin, 'If-Match': '"v1"' } });
    expect(moved.status, JSON.stringify(moved.body)).toBe(422);
    expect(moved.body.errors.map((e: any) => e.pointer)).toEqual(['/changes/party/taxNumber']);
    const kept = await send(t, { method: 'POST', path: `${path}/corrections`, body: { reason: '违法事实更正。', changes: { facts: '当事人销售过期食品。' } }, headers: { ...admin, 'If-Match': '"v1"' } });
    expect(kept.status, JSON.stringify(kept.body)).toBe(200);
    expect(kept.body.party.taxNumber).toBe(created.body.party.taxNumber);
  });
});
