import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp, uniqueCreditCode } from './support/app.js';
import { validCampaign } from './support/actions.js';
import { validLicence } from './support/licences.js';
import { companyParty, expectProblem, personParty, postWith } from './support/penalties.js';

const now = new Date('2026-11-27T02:00:00Z');
const t = useTestApp({ now: () => now });

// This file's database holds only these decisions, so every filter can be checked as an exact set.
const d: Record<string, any> = {};
const JOINT = '示例市联合执法〔2026〕9号';
const CODE = uniqueCreditCode();

beforeAll(async () => {
  d.a = await t.createAgency({ regionCode: '440100' });
  d.b = await t.createAgency({ name: '测试市规划和自然资源局', regionCode: '440106' });
  const keyA = await t.keyFor(d.a.id);
  const keyB = await t.keyFor(d.b.id);
  const campaign = await t.post('/v1/campaigns', validCampaign(), keyA);
  expect(campaign.status, JSON.stringify(campaign.body)).toBe(201);
  d.campaignId = campaign.body.id;
  const publish = async (body: Record<string, unknown>, key: Record<string, string>) => {
    const res = await t.post('/v1/licences', body, key);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body;
  };
  d.l1 = await publish(validLicence({ party: companyParty({ name: '示例市甲乙食品有限公司', creditCode: CODE }) }), keyA);
  // Decided 11-10: due 11-19, published 11-27, so late.
  d.l2 = await publish(
    validLicence({ party: personParty(), category: '06', categoryDetail: '备案', decisionDate: '2026-11-10', validFrom: '2026-11-10', state: 'invalid', tags: ['专项整治'], campaignId: d.campaignId }),
    keyA,
  );
  d.l3 = await publish(
    validLicence({
      documentTitle: '关于示例市某某运输有限公司道路运输经营许可的决定',
      certificateName: '道路运输经营许可证',
      content: '准予道路运输经营许可，经营范围：普通货运。',
      decisionDate: '2026-11-25',
      validFrom: '2026-11-25',
      tags: ['联合执法'],
      joint: { reference: JOINT, agencyIds: [d.b.id, d.a.id] },
    }),
    keyB,
  );
  d.l4 = await publish(validLicence(), keyA);
  const gone = await postWith(t, `/v1/licences/${d.l4.id}/withdrawal`, { reasonCategory: 'revoked', explanation: '许可被撤销。', eventDate: '2026-11-26' }, { ...keyA, 'If-Match': '"v1"' });
  expect(gone.status, JSON.stringify(gone.body)).toBe(200);
}, 60_000);

async function ids(query: string): Promise<string[]> {
  const res = await t.request(`/v1/licences?${query}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.items.map((i: { id: string }) => i.id).sort();
}
const set = (...keys: string[]) => keys.map((k) => d[k].id).sort();
const enc = encodeURIComponent;

describe('listing licences', () => {
  it('shows published decisions only by default; withdrawn ones as notices with status=withdrawn', async () => {
    expect(await ids('')).toEqual(set('l1', 'l2', 'l3'));
    const res = await t.request('/v1/licences?status=withdrawn');
    expect(res.body.items).toEqual([expect.objectContaining({ id: d.l4.id, status: 'withdrawn', decisionNumber: d.l4.decisionNumber })]);
    expect(res.body.items[0].party).toBeUndefined();
  });

  it.each([
    ['agencyId (A)', () => `agencyId=${d.a.id}`, ['l1', 'l2']],
    ['agencyId (B)', () => `agencyId=${d.b.id}`, ['l3']],
    ['regionCode', () => 'regionCode=440106', ['l3']],
    ['decidedFrom', () => 'decidedFrom=2026-11-15', ['l1', 'l3']],
    ['decidedTo', () => 'decidedTo=2026-11-15', ['l2']],
    ['decided range', () => 'decidedFrom=2026-11-20&decidedTo=2026-11-20', ['l1']],
    ['tag', () => `tag=${enc('专项整治')}`, ['l2']],
    ['campaignId', () => `campaignId=${d.campaignId}`, ['l2']],
    ['jointReference', () => `jointReference=${enc(JOINT)}`, ['l3']],
    ['late=true', () => 'late=true', ['l2']],
    ['late=false', () => 'late=false', ['l1', 'l3']],
    ['party by credit code', () => `party=${CODE}`, ['l1']],
    ['party by part of the name', () => `party=${enc('甲乙')}`, ['l1']],
    ['party by a person name', () => `party=${enc('王五')}`, ['l2']],
    ['decisionNumber', () => `decisionNumber=${enc(d.l1.decisionNumber)}`, ['l1']],
    ['category', () => 'category=06', ['l2']],
    ['state=invalid', () => 'state=invalid', ['l2']],
    ['state=valid', () => 'state=valid', ['l1', 'l3']],
    ['search in Chinese (certificate and content)', () => `q=${enc('道路运输')}`, ['l3']],
    ['search by party name', () => `q=${enc('甲乙食品')}`, ['l1']],
    ['search by licensing agency name', () => `q=${enc('规划和自然资源局')}`, ['l3']],
  ] as [string, () => string, string[]][])('filters by %s, including matches and excluding the rest', async (_name, query, expected) => {
    expect(await ids(query())).toEqual(set(...expected));
  });

  it('pages with a cursor to exactly the rows of one full page', async () => {
    const full = await t.request('/v1/licences?limit=200');
    const seen: string[] = [];
    let next: string | null = null;
    do {
      const res: any = await t.request(`/v1/licences?limit=1${next ? `&cursor=${enc(next)}` : ''}`);
      expect(res.status).toBe(200);
      if (res.body.next) expect(res.headers.get('Link')).toContain('rel="next"');
      seen.push(...res.body.items.map((i: { id: string }) => i.id));
      next = res.body.next;
    } while (next);
    expect(seen).toEqual(full.body.items.map((i: { id: string }) => i.id));
    expect(seen).toHaveLength(3);
  });

  it('pages a ranked search the same way', async () => {
    const q = `q=${enc('许可')}`;
    const full = await t.request(`/v1/licences?${q}&limit=200`);
    expect(full.body.items.length).toBeGreaterThan(1);
    const first = await t.request(`/v1/licences?${q}&limit=1`);
    const second = await t.request(`/v1/licences?${q}&limit=1&cursor=${enc(first.body.next)}`);
    expect([first.body.items[0].id, second.body.items[0].id]).toEqual(full.body.items.slice(0, 2).map((i: { id: string }) => i.id));
  });

  it('refuses a cursor replayed with other filters, and a forged one, with 400', async () => {
    const page = await t.request(`/v1/licences?agencyId=${d.a.id}&limit=1`);
    expect(page.body.next).toEqual(expect.any(String));
    expect((await t.request(`/v1/licences?agencyId=${d.b.id}&limit=1&cursor=${enc(page.body.next)}`)).status).toBe(400);
    expect((await t.request(`/v1/licences?limit=1&cursor=${enc(page.body.next)}`)).status).toBe(400);
    expect((await t.request('/v1/licences?cursor=not-a-cursor')).status).toBe(400);
  });

  it('refuses party and q searches of withdrawn notices (they would tie a notice back to its party)', async () => {
    expectProblem(await t.request(`/v1/licences?status=withdrawn&party=${CODE}`), 400, ['/party']);
    expectProblem(await t.request(`/v1/licences?status=withdrawn&q=${enc('许可')}`), 400, ['/q']);
    expect(await ids(`status=withdrawn&decisionNumber=${enc(d.l4.decisionNumber)}`)).toEqual(set('l4'));
  });

  it('names bad query parameters', async () => {
    expectProblem(await t.request('/v1/licences?category=99'), 400, ['/category']);
    expectProblem(await t.request('/v1/licences?decidedFrom=2026-11-20&decidedTo=2026-11-01'), 400, ['/decidedTo']);
    expectProblem(await t.request('/v1/licences?status=expired'), 400, ['/status']);
  });
});
