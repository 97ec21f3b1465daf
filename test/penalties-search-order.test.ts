/**
 * q over decisions answers newest first (src/domain/decisions/search.ts): by decision date, then id, both
 * descending, with every match on exactly one page. A rare term whose matches lie beyond the newest decisions
 * the first query tests is found by the second.
 */
import { describe, expect, it } from 'vitest';
import { PROBE_ROWS } from '../src/domain/decisions/search.js';
import { testClock, useTestApp } from './support/app.js';
import { validPenalty } from './support/penalties.js';

const clock = testClock('2026-11-27T02:00:00Z');
const t = useTestApp({ now: () => clock.now });

const day = (n: number) => new Date(Date.UTC(2026, 10, 26) - n * 86_400_000).toISOString().slice(0, 10);
const plusYear = (date: string) => `${Number(date.slice(0, 4)) + 1}${date.slice(4)}`;

async function publish(items: Record<string, unknown>[]) {
  const agency = await t.createAgency();
  const key = await t.keyFor(agency.id);
  for (let i = 0; i < items.length; i += 1000) {
    const res = await t.post('/v1/penalties/batch', { items: items.slice(i, i + 1000) }, key);
    expect(res.status, JSON.stringify(res.body).slice(0, 500)).toBe(201);
  }
  return agency.id as string;
}

/** Every page of a list, following `next`; the items' (decisionDate, id) in the order served. */
async function allPages(query: string) {
  const served: { id: string; decisionDate: string }[] = [];
  let next: string | null = null;
  let pages = 0;
  do {
    const res = await t.request(`/v1/penalties?${query}${next ? `&cursor=${encodeURIComponent(next)}` : ''}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    served.push(...res.body.items.map((p: { id: string; decisionDate: string }) => ({ id: p.id, decisionDate: p.decisionDate })));
    next = res.body.next;
    pages++;
  } while (next && pages < 50);
  return { served, pages };
}

const newestFirst = (a: { id: string; decisionDate: string }, b: { id: string; decisionDate: string }) =>
  b.decisionDate.localeCompare(a.decisionDate) || b.id.localeCompare(a.id);

describe('q over penalties: newest first', () => {
  it('pages through every match once, by decision date then id, descending', async () => {
    // Three dates, several decisions on each, published out of date order; two do not match.
    const dates = [day(3), day(1), day(2), day(1), day(3), day(2), day(1), day(2), day(3), day(1), day(2), day(3), day(1)];
    const agencyId = await publish([
      ...dates.map((d) => validPenalty({ decisionDate: d, validUntil: plusYear(d), facts: '当事人销售霉变大米。' })),
      validPenalty({ decisionDate: day(0), validUntil: plusYear(day(0)), facts: '当事人销售过期奶粉。' }),
      validPenalty({ decisionDate: day(5), validUntil: plusYear(day(5)), facts: '当事人销售过期奶粉。' }),
    ]);
    const { served, pages } = await allPages(`agencyId=${agencyId}&q=${encodeURIComponent('霉变大米')}&limit=5`);
    expect(pages).toBe(3);
    expect(served).toHaveLength(dates.length);
    expect(new Set(served.map((p) => p.id)).size).toBe(dates.length);
    expect(served).toEqual([...served].sort(newestFirst));
    expect(served[0]!.decisionDate).toBe(day(1));
    expect(served.at(-1)!.decisionDate).toBe(day(3));
  });

  it(`finds a rare term whose matches lie beyond the ${PROBE_ROWS} newest decisions, in the same order`, async () => {
    const filler = Array.from({ length: PROBE_ROWS + 20 }, (_, i) => {
      const d = day(1 + (i % 30));
      return validPenalty({ decisionDate: d, validUntil: plusYear(d) });
    });
    // One match among the newest, two older than all the filler: the first query sees one, fewer than a page.
    const rare = (d: string) => validPenalty({ decisionDate: d, validUntil: plusYear(d), facts: '当事人冷链溯源记录缺失。' });
    const agencyId = await publish([rare(day(40)), ...filler, rare(day(0)), rare(day(45))]);
    const scope = `agencyId=${agencyId}&q=${encodeURIComponent('冷链溯源')}`;
    const whole = await allPages(`${scope}&limit=20`);
    expect(whole.pages).toBe(1);
    expect(whole.served.map((p) => p.decisionDate)).toEqual([day(0), day(40), day(45)]);
    // One per page: the cursor carries the second query on.
    const paged = await allPages(`${scope}&limit=1`);
    expect(paged.served).toEqual(whole.served);
    expect(paged.pages).toBe(3);
  });
});
