import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { licences } from '../src/db/schema.js';
import { completeResidentId } from '../src/lib/resident-id.js';
import { admin, useTestApp } from './support/app.js';
import { validLicence } from './support/licences.js';
import { ADULT_ID, expectProblem, personParty, postWith } from './support/penalties.js';

const now = new Date('2026-11-27T02:00:00Z');
const t = useTestApp({ now: () => now });
const MASKED = ADULT_ID.slice(0, 6) + '********' + ADULT_ID.slice(-4);

async function published(fields: Record<string, unknown> = {}) {
  const agency = await t.createAgency();
  const key = await t.keyFor(agency.id);
  const res = await t.post('/v1/licences', validLicence(fields), key);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return { agency, key, licence: res.body };
}

const correct = (id: string, body: unknown, key: Record<string, string>, version = 1) =>
  postWith(t, `/v1/licences/${id}/corrections`, body, { Authorization: key.Authorization!, 'If-Match': `"v${version}"` });
const withdraw = (id: string, body: unknown, key: Record<string, string>, version = 1) =>
  postWith(t, `/v1/licences/${id}/withdrawal`, body, { Authorization: key.Authorization!, 'If-Match': `"v${version}"` });

describe('correcting a licence', () => {
  it('publishes a new version whose reason shows in the revisions', async () => {
    const { key, licence } = await published();
    const res = await correct(licence.id, { reason: '许可内容笔误更正。', changes: { content: '准予食品经营许可，经营项目：预包装食品销售(含冷藏冷冻食品)。', state: 'invalid' } }, key);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.headers.get('ETag')).toBe('"v2"');
    expect(res.body).toMatchObject({ version: 2, state: 'invalid', content: expect.stringContaining('冷藏冷冻') });
    const revs = await t.request(`/v1/licences/${licence.id}/revisions`);
    expect(revs.body.items.map((r: { event: string; reason: string | null }) => [r.event, r.reason])).toEqual([
      ['created', null],
      ['corrected', '许可内容笔误更正。'],
    ]);
    expect(revs.body.items[0].data.content).toBe(licence.content);
  });

  it('keeps a masked ID number not resent, and refuses a type change without a new number', async () => {
    const { key, licence } = await published({ party: personParty() });
    const kept = await correct(licence.id, { reason: '更正相对人姓名。', changes: { party: { name: '王五五' } } }, key);
    expect(kept.status, JSON.stringify(kept.body)).toBe(200);
    expect(kept.body.party).toMatchObject({ name: '王五五', idNumber: MASKED });
    const typeOnly = await correct(licence.id, { reason: '更正证件类型。', changes: { party: { idType: '02' } } }, key, 2);
    expectProblem(typeOnly, 422, ['/changes/party/idNumber']);
    const [row] = await t.db.select({ party: licences.party }).from(licences).where(eq(licences.id, licence.id));
    expect(JSON.stringify(row!.party)).not.toContain(ADULT_ID);
  });

  it('moving the decision date of a natural person needs the 身份证 number again, and never into the future', async () => {
    const born = completeResidentId('11010520081120005'); // 18 on 2026-11-20
    const { key, licence } = await published({ party: personParty({ idNumber: born }) });
    // Masked, the stored number no longer shows the birth date: without it the day-before minor would pass.
    expectProblem(await correct(licence.id, { reason: '更正日期。', changes: { decisionDate: '2026-11-19' } }, key), 422, ['/changes/party/idNumber']);
    const minor = await correct(licence.id, { reason: '更正日期。', changes: { decisionDate: '2026-11-19', party: { idNumber: born } } }, key);
    expectProblem(minor, 422, ['/changes/party/idNumber']);
    const future = await correct(licence.id, { reason: '更正日期。', changes: { decisionDate: '2026-11-28', party: { idNumber: born } } }, key);
    expectProblem(future, 422, ['/changes/decisionDate']);
    const res = await correct(licence.id, { reason: '更正日期。', changes: { decisionDate: '2026-11-21', party: { idNumber: born } } }, key);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ decisionDate: '2026-11-21', party: { idNumber: born.slice(0, 6) + '********' + born.slice(-4) } });
  });

  it('re-checks the merged record: a patch making 许可类别 其他 without detail is named under /changes', async () => {
    const { key, licence } = await published();
    expectProblem(await correct(licence.id, { reason: '更正许可类别。', changes: { category: '06' } }, key), 422, ['/changes/categoryDetail']);
  });

  it('needs If-Match and the current version, and only the licensing agency may correct', async () => {
    const { key, licence } = await published();
    const body = { reason: '更正。', changes: { content: '新内容。' } };
    const missing = await postWith(t, `/v1/licences/${licence.id}/corrections`, body, { Authorization: key.Authorization });
    expect(missing.status).toBe(428);
    expect((await correct(licence.id, body, key, 7)).status).toBe(412);
    const stranger = await t.keyFor((await t.createAgency()).id);
    expect((await correct(licence.id, body, stranger)).status).toBe(403);
  });
});

describe('withdrawing a licence', () => {
  it('turns it into a notice, redacts earlier versions in revisions and the feed, tracks the 3-day deadline', async () => {
    const { agency, key, licence } = await published();
    const res = await withdraw(licence.id, { reasonCategory: 'revoked', explanation: '经行政复议决定撤销该许可。', eventDate: '2026-11-23' }, key);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({
      status: 'withdrawn',
      version: 2,
      decisionNumber: licence.decisionNumber,
      agencyId: agency.id,
      // 2026-11-23 (Mon) + 3 working days = 11-26; withdrawn on 11-27, one working day late.
      withdrawal: { reasonCategory: 'revoked', dueDate: '2026-11-26', late: true, workingDaysLate: 1 },
    });
    expect(res.body.party).toBeUndefined();
    expect(res.body.content).toBeUndefined();
    const read = await t.request(`/v1/licences/${licence.id}`);
    expect(read.body).toEqual(res.body);

    const revs = await t.request(`/v1/licences/${licence.id}/revisions`);
    expect(revs.body.items[0].data).toMatchObject({ redacted: true });
    expect(revs.body.items[1]).toMatchObject({ event: 'withdrawn', reason: '经行政复议决定撤销该许可。', data: { status: 'withdrawn' } });

    const feed = await t.request('/v1/feed?type=licence&limit=1000');
    const mine = feed.body.items.filter((e: { id: string }) => e.id === licence.id);
    expect(mine.map((e: { event: string }) => e.event)).toEqual(['created', 'withdrawn']);
    expect(mine[0].data).toMatchObject({ redacted: true });
    expect(JSON.stringify(mine)).not.toContain(licence.party.name);
    expect(feed.body.items.every((e: { type: string }) => e.type === 'licence')).toBe(true);

    expect((await withdraw(licence.id, { reasonCategory: 'revoked', explanation: '再次撤回。', eventDate: '2026-11-23' }, key, 2)).status).toBe(409);
    expect((await correct(licence.id, { reason: '更正。', changes: { content: '新内容。' } }, key, 2)).status).toBe(409);
  });

  it('names a revoking event before the decision or in the future', async () => {
    const { licence } = await published();
    const early = await withdraw(licence.id, { reasonCategory: 'changed', explanation: '变更。', eventDate: '2026-11-01' }, admin);
    expectProblem(early, 422, ['/eventDate']);
    const future = await withdraw(licence.id, { reasonCategory: 'changed', explanation: '变更。', eventDate: '2026-12-30' }, admin);
    expectProblem(future, 422, ['/eventDate']);
  });
});
