import { describe, expect, it } from 'vitest';
import { useTestApp } from './support/app.js';
import { createPower } from './support/powers.js';
import { createOfficer } from './support/officers.js';

// A search page is ordered by relevance to its q: the rank in its cursor means nothing for another q,
// so replaying the cursor with a different q must be refused, not silently skip or repeat rows.
const t = useTestApp();

async function firstCursor(path: string): Promise<string> {
  const res = await t.request(path);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  expect(res.body.next).toEqual(expect.any(String));
  return res.body.next;
}

describe('search cursors are bound to their q', () => {
  it('powers: a cursor from q=甲 is 400 with q=乙 and still works with q=甲', async () => {
    const agency = await t.createAgency();
    for (const name of ['审查游标甲事项一', '审查游标甲事项二', '审查游标乙事项一', '审查游标乙事项二']) {
      await createPower(t, { agencyId: agency.id, name });
    }
    const cursor = await firstCursor(`/v1/powers?limit=1&agencyId=${agency.id}&q=${encodeURIComponent('游标甲')}`);
    const replayed = await t.request(`/v1/powers?limit=1&agencyId=${agency.id}&q=${encodeURIComponent('游标乙')}&cursor=${cursor}`);
    expect(replayed.status).toBe(400);
    expect(replayed.body.errors).toEqual([{ in: 'query', pointer: '/cursor', detail: expect.any(String) }]);
    const same = await t.request(`/v1/powers?limit=1&agencyId=${agency.id}&q=${encodeURIComponent('游标甲')}&cursor=${cursor}`);
    expect(same.status).toBe(200);
    expect(same.body.items).toHaveLength(1);
  });

  it('officers: a search cursor is 400 with another q and on the plain list', async () => {
    const agency = await t.createAgency();
    for (const name of ['欧阳游标', '欧阳游丙', '司马游标', '司马游丙']) await createOfficer(t, agency.id, { name });
    const cursor = await firstCursor(`/v1/officers?limit=1&agencyId=${agency.id}&q=${encodeURIComponent('欧阳')}`);
    expect((await t.request(`/v1/officers?limit=1&agencyId=${agency.id}&q=${encodeURIComponent('司马')}&cursor=${cursor}`)).status).toBe(400);
    expect((await t.request(`/v1/officers?limit=1&agencyId=${agency.id}&q=${encodeURIComponent('欧阳')}&cursor=${cursor}`)).status).toBe(200);
    // A search cursor is not a plain-list cursor either.
    expect((await t.request(`/v1/officers?limit=1&agencyId=${agency.id}&cursor=${cursor}`)).status).toBe(400);
  });
});
