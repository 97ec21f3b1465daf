import { describe, expect, it } from 'vitest';
import { useTestApp, testClock } from './support/app.js';
import { validAction, validCampaign } from './support/actions.js';
import { validPenalty } from './support/penalties.js';

const clock = testClock('2026-11-27T02:00:00Z');
const t = useTestApp({ now: () => clock.now });
const pointers = (body: any) => body.errors.map((e: any) => e.pointer);
const GHOST = '0193a1b2-7c4d-7e5f-8a9b-0c1d2e3f4a5b';
let serial = 0;
const reference = () => `示例市联合执法〔2026〕${Date.now() % 100000}-${++serial}号`;

/** Two agencies of one joint operation, each with its own key. */
async function twoAgencies() {
  const market = await t.createAgency({ name: '示例市市场监督管理局' });
  const transport = await t.createAgency({ name: '示例市交通运输局' });
  return { market, transport, marketKey: await t.keyFor(market.id), transportKey: await t.keyFor(transport.id) };
}

const RESOURCES = [
  { path: '/v1/enforcement-actions', valid: validAction, agencyField: 'agencyId' },
  { path: '/v1/penalties', valid: validPenalty, agencyField: 'decidingAgencyId' },
] as const;

describe.each(RESOURCES)('联合执法 on $path', ({ path, valid, agencyField }) => {
  it('lets each participant publish its own part under one reference, listed together with every name', async () => {
    const { market, transport, marketKey, transportKey } = await twoAgencies();
    const ref = reference();
    const joint = { reference: ref, agencyIds: [market.id, transport.id] };
    const a = await t.post(path, valid({ tags: ['联合执法'], joint }), marketKey);
    expect(a.status, JSON.stringify(a.body)).toBe(201);
    const b = await t.post(path, valid({ tags: ['联合执法'], joint: { reference: ref, agencyIds: [transport.id, market.id] } }), transportKey);
    expect(b.status, JSON.stringify(b.body)).toBe(201);
    await t.post(path, valid({ tags: ['联合执法'], joint: { reference: reference(), agencyIds: [market.id, transport.id] } }), marketKey);
    const list = await t.request(`${path}?jointReference=${encodeURIComponent(ref)}`);
    expect(list.body.items.map((i: any) => i.id).sort()).toEqual([a.body.id, b.body.id].sort());
    expect(list.body.items.map((i: any) => i[agencyField]).sort()).toEqual([market.id, transport.id].sort());
    const names = (i: any) => i.joint.agencies.map((x: any) => x.name).sort();
    for (const item of list.body.items) expect(names(item)).toEqual(['示例市交通运输局', '示例市市场监督管理局']);
    expect(a.body.joint.agencies).toEqual([
      { id: market.id, name: '示例市市场监督管理局' },
      { id: transport.id, name: '示例市交通运输局' },
    ]);
    expect((await t.request(`${path}?tag=${encodeURIComponent('联合执法')}&agencyId=${transport.id}`)).body.items.map((i: any) => i.id)).toEqual([b.body.id]);
  });

  it("refuses a key publishing another participant's part (403)", async () => {
    const { market, transport, marketKey } = await twoAgencies();
    const joint = { reference: reference(), agencyIds: [market.id, transport.id] };
    const res = await t.post(path, valid({ agencyId: transport.id, tags: ['联合执法'], joint }), marketKey);
    expect(res.status).toBe(403);
    expect(pointers(res.body)).toEqual(['/agencyId']);
    expect((await t.request(`${path}?jointReference=${encodeURIComponent(joint.reference)}`)).body.items).toEqual([]);
  });

  it('names the participant list without the publisher (/joint/agencyIds) and an unknown participant (/joint/agencyIds/N)', async () => {
    const { market, transport, marketKey } = await twoAgencies();
    const third = await t.createAgency();
    const without = await t.post(path, valid({ tags: ['联合执法'], joint: { reference: reference(), agencyIds: [transport.id, third.id] } }), marketKey);
    expect(without.status).toBe(422);
    expect(pointers(without.body)).toEqual(['/joint/agencyIds']);
    const unknown = await t.post(path, valid({ tags: ['联合执法'], joint: { reference: reference(), agencyIds: [market.id, GHOST] } }), marketKey);
    expect(unknown.status).toBe(422);
    expect(pointers(unknown.body)).toEqual(['/joint/agencyIds/1']);
    const untagged = await t.post(path, valid({ joint: { reference: reference(), agencyIds: [market.id, transport.id] } }), marketKey);
    expect(untagged.status).toBe(400);
    expect(pointers(untagged.body)).toEqual(['/joint']);
  });
});

describe.each(RESOURCES)('专项整治 on $path', ({ path, valid }) => {
  it('links decisions to an existing campaign and filters by campaign and tag', async () => {
    const { market, marketKey } = await twoAgencies();
    const campaign = (await t.post('/v1/campaigns', validCampaign(), marketKey)).body;
    const other = (await t.post('/v1/campaigns', validCampaign({ name: '另一专项' }), marketKey)).body;
    const inCampaign = await t.post(path, valid({ tags: ['专项整治'], campaignId: campaign.id }), marketKey);
    expect(inCampaign.status, JSON.stringify(inCampaign.body)).toBe(201);
    expect(inCampaign.body.campaignId).toBe(campaign.id);
    const plain = await t.post(path, valid(), marketKey);
    const unknown = await t.post(path, valid({ tags: ['专项整治'], campaignId: GHOST }), marketKey);
    expect(unknown.status).toBe(422);
    expect(pointers(unknown.body)).toEqual(['/campaignId']);
    const untagged = await t.post(path, valid({ tags: ['专项整治'] }), marketKey);
    expect(pointers(untagged.body)).toEqual(['/campaignId']);

    const ids = async (query: string) => (await t.request(`${path}?agencyId=${market.id}&${query}`)).body.items.map((i: any) => i.id);
    expect(await ids(`campaignId=${campaign.id}`)).toEqual([inCampaign.body.id]);
    expect(await ids(`campaignId=${other.id}`)).toEqual([]);
    expect(await ids(`tag=${encodeURIComponent('专项整治')}`)).toEqual([inCampaign.body.id]);
    expect(await ids(`tag=${encodeURIComponent('互联网+执法')}`)).toEqual([]);
    expect((await ids('')).sort()).toEqual([inCampaign.body.id, plain.body.id].sort());
  });
});
