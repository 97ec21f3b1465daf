import { describe, expect, it } from 'vitest';
import { useTestApp } from './support/app.js';
import { createOfficer } from './support/officers.js';

const t = useTestApp();

// A keyset cursor continues "after X" in the list that issued it; under other filters it would skip or
// repeat rows, so every list refuses it (400 naming /cursor) and keeps honouring it under its own filters.
describe('cursors are bound to the filters that issued them', () => {
  it('agencies: a cursor of one region is refused for another, accepted with another page size', async () => {
    for (let i = 0; i < 3; i++) await t.createAgency({ regionCode: '440300' });
    const first = await t.request('/v1/agencies?regionCode=440300&limit=1');
    expect(first.body.next).toEqual(expect.any(String));
    const other = await t.request(`/v1/agencies?regionCode=440100&limit=1&cursor=${first.body.next}`);
    expect(other.status).toBe(400);
    expect(other.body.errors).toEqual([{ in: 'query', pointer: '/cursor', detail: expect.any(String) }]);
    const same = await t.request(`/v1/agencies?regionCode=440300&limit=2&cursor=${first.body.next}`);
    expect(same.status).toBe(200);
    expect(same.body.items[0].id > first.body.items[0].id).toBe(true);
  });

  it('officers: a cursor of one agency is refused for the unfiltered list', async () => {
    const agency = await t.createAgency();
    for (let i = 0; i < 2; i++) await createOfficer(t, agency.id);
    const first = await t.request(`/v1/officers?agencyId=${agency.id}&limit=1`);
    expect(first.body.next).toEqual(expect.any(String));
    expect((await t.request(`/v1/officers?limit=1&cursor=${first.body.next}`)).status).toBe(400);
    expect((await t.request(`/v1/officers?agencyId=${agency.id}&limit=1&cursor=${first.body.next}`)).status).toBe(200);
  });
});
