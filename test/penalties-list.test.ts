import { describe, expect, it } from 'vitest';
import { useTestApp, testClock } from './support/app.js';
import { companyParty, expectProblem, validPenalty } from './support/penalties.js';

const clock = testClock('2026-11-27T02:00:00Z');
const t = useTestApp({ now: () => clock.now });

async function agencyWith(list: Record<string, unknown>[], agencyFields: Record<string, unknown> = {}) {
  const agency = await t.createAgency(agencyFields);
  const key = await t.keyFor(agency.id);
  const ids: string[] = [];
  for (const fields of list) {
    const res = await t.post('/v1/penalties', validPenalty(fields), key);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    ids.push(res.body.id);
  }
  return { agency, key, ids };
}
const ids = async (query: string) => {
  const res = await t.request(`/v1/penalties?limit=100&${query}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.items.map((p: any) => p.id).sort();
};
const sorted = (...list: string[]) => [...list].sort();

describe('listing penalties: each filter includes the right decisions and excludes the others', () => {
  it('agencyId and regionCode', async () => {
    const a = await agencyWith([{}, {}], { regionCode: '440103' });
    const b = await agencyWith([{}]);
    expect(await ids(`agencyId=${a.agency.id}`)).toEqual(sorted(...a.ids));
    expect(await ids(`agencyId=${b.agency.id}`)).toEqual(b.ids);
    expect(await ids('regionCode=440103')).toEqual(sorted(...a.ids));
  });

  it('party by exact credit code and by part of the name', async () => {
    const party = companyParty({ name: '示例市鑫隆粮油商行有限公司' });
    const { agency, ids: [target, other] } = await agencyWith([{ party }, {}]);
    expect(await ids(`agencyId=${agency.id}&party=${party.creditCode}`)).toEqual([target]);
    expect(await ids(`agencyId=${agency.id}&party=${encodeURIComponent('鑫隆粮油')}`)).toEqual([target]);
    expect(await ids(`agencyId=${agency.id}&party=${encodeURIComponent('贸易')}`)).toEqual([other]);
    // LIKE wildcards in the fragment are literal.
    expect(await ids(`agencyId=${agency.id}&party=${encodeURIComponent('%')}`)).toEqual([]);
  });

  it('decisionNumber (exact), decision date range (inclusive), penaltyType and tag', async () => {
    const { agency, ids: [a, b, c] } = await agencyWith([
      { decisionDate: '2026-11-10', tags: ['互联网+执法'] },
      { decisionDate: '2026-11-15', penaltyTypes: ['01'], fineAmount: undefined },
      { decisionDate: '2026-11-20', penaltyTypes: ['01', '02'], tags: ['反垄断'] },
    ]);
    const numberOf = async (id: string) => (await t.request(`/v1/penalties/${id}`)).body.decisionNumber;
    const scope = `agencyId=${agency.id}`;
    expect(await ids(`${scope}&decisionNumber=${encodeURIComponent(await numberOf(b!))}`)).toEqual([b]);
    expect(await ids(`${scope}&decidedFrom=2026-11-15`)).toEqual(sorted(b!, c!));
    expect(await ids(`${scope}&decidedTo=2026-11-15`)).toEqual(sorted(a!, b!));
    expect(await ids(`${scope}&decidedFrom=2026-11-15&decidedTo=2026-11-15`)).toEqual([b]);
    expect(await ids(`${scope}&penaltyType=01`)).toEqual(sorted(b!, c!));
    expect(await ids(`${scope}&penaltyType=02`)).toEqual(sorted(a!, c!));
    expect(await ids(`${scope}&tag=${encodeURIComponent('互联网+执法')}`)).toEqual([a]);
    expect(await ids(`${scope}&tag=${encodeURIComponent('反垄断')}`)).toEqual([c]);
    expectProblem(await t.request(`/v1/penalties?${scope}&decidedFrom=2026-11-16&decidedTo=2026-11-15`), 400, ['/decidedTo']);
  });

  it('late and status', async () => {
    const { agency, key, ids: [onTime, late, withdrawn] } = await agencyWith([{}, { decisionDate: '2026-09-25', validUntil: '2027-09-25' }, {}]);
    const res = await t.request(`/v1/penalties/${withdrawn}/withdrawal`, {
      method: 'POST',
      headers: { ...key, 'Content-Type': 'application/json', 'If-Match': '"v1"' },
      body: JSON.stringify({ reasonCategory: 'revoked', explanation: '已撤销。', eventDate: '2026-11-26' }),
    });
    expect(res.status).toBe(200);
    const scope = `agencyId=${agency.id}`;
    expect(await ids(`${scope}&late=true`)).toEqual([late]);
    expect(await ids(`${scope}&late=false`)).toEqual([onTime]);
    expect(await ids(scope)).toEqual(sorted(onTime!, late!));
    expect(await ids(`${scope}&status=withdrawn`)).toEqual([withdrawn]);
    expect(await ids(`${scope}&status=expired`)).toEqual([]);
  });

  it('a decision no longer displayed cannot be found by its party or its content (400 /party, /q)', async () => {
    const party = companyParty({ name: '示例市恒通撤回测试有限公司' });
    const { agency, key, ids: [gone] } = await agencyWith([{ party, facts: '当事人销售过期奶粉二十箱。' }]);
    const res = await t.request(`/v1/penalties/${gone}/withdrawal`, {
      method: 'POST',
      headers: { ...key, 'Content-Type': 'application/json', 'If-Match': '"v1"' },
      body: JSON.stringify({ reasonCategory: 'revoked', explanation: '已撤销。', eventDate: '2026-11-26' }),
    });
    expect(res.status).toBe(200);
    const scope = `agencyId=${agency.id}&status=withdrawn`;
    expect(await ids(scope)).toEqual([gone]);
    expectProblem(await t.request(`/v1/penalties?${scope}&party=${party.creditCode}`), 400, ['/party']);
    expectProblem(await t.request(`/v1/penalties?${scope}&party=${encodeURIComponent('恒通撤回')}`), 400, ['/party']);
    expectProblem(await t.request(`/v1/penalties?${scope}&q=${encodeURIComponent('过期奶粉')}`), 400, ['/q']);
    expect(await ids(`agencyId=${agency.id}&party=${party.creditCode}`)).toEqual([]);
  });

  it('Chinese search q over facts and party names, and only among published decisions', async () => {
    const { agency, ids: [facts, name] } = await agencyWith([
      { facts: '当事人在仓库内储存霉变大米三百公斤。' },
      { party: companyParty({ name: '示例市瑞丰德粮食购销有限公司' }) },
      {},
    ]);
    const scope = `agencyId=${agency.id}`;
    expect(await ids(`${scope}&q=${encodeURIComponent('霉变大米')}`)).toEqual([facts]);
    expect(await ids(`${scope}&q=${encodeURIComponent('瑞丰德')}`)).toEqual([name]);
    expect(await ids(`${scope}&q=${encodeURIComponent('钢材')}`)).toEqual([]);
  });

  it('pages of 2 add up to one big page; a cursor replayed under other filters is a 400', async () => {
    const { agency } = await agencyWith([{}, {}, {}, {}, {}]);
    const scope = `agencyId=${agency.id}`;
    const whole = (await t.request(`/v1/penalties?${scope}&limit=100`)).body.items;
    expect(whole).toHaveLength(5);
    const paged: unknown[] = [];
    let first: string | null = null;
    for (let cursor: string | null = null, i = 0; i < 10; i++) {
      const page: any = await t.request(`/v1/penalties?${scope}&limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      expect(page.body.items.length).toBeLessThanOrEqual(2);
      paged.push(...page.body.items);
      first ??= page.body.next;
      cursor = page.body.next;
      if (!cursor) break;
    }
    expect(paged).toEqual(whole);
    expectProblem(await t.request(`/v1/penalties?${scope}&penaltyType=02&limit=2&cursor=${encodeURIComponent(first!)}`), 400, ['/cursor']);
    expectProblem(await t.request(`/v1/penalties?limit=2&cursor=${encodeURIComponent(first!)}`), 400, ['/cursor']);
  });
});
