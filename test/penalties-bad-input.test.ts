import { describe, expect, it } from 'vitest';
import { admin, useTestApp } from './support/app.js';
import { ADULT_ID, MINOR_ID, companyParty, expectProblem, personParty, validPenalty, writeState } from './support/penalties.js';

const now = new Date('2026-11-27T02:00:00Z');
const t = useTestApp({ now: () => now });

/** Posts as a fresh agency's key (or the operator with agencyId) and proves nothing was written. */
async function refusedWith(status: number, pointers: string[], fields: Record<string, unknown>, as: 'key' | 'operator' = 'key') {
  const agency = await t.createAgency();
  const headers = as === 'key' ? await t.keyFor(agency.id) : admin;
  const body = validPenalty(as === 'operator' ? { agencyId: agency.id, ...fields } : fields);
  const before = await writeState(t);
  const res = await t.post('/v1/penalties', body, headers);
  expectProblem(res, status, pointers);
  expect(await writeState(t)).toEqual(before);
  return res;
}

const badCheckDigit = (code: string) => code.slice(0, 17) + (code[17] === '0' ? '1' : '0');

describe('a penalty with bad input is refused, naming each field, and nothing is written', () => {
  it('bad 统一社会信用代码 check digit', async () => {
    const party = companyParty();
    await refusedWith(400, ['/party/creditCode'], { party: { ...party, creditCode: badCheckDigit(party.creditCode as string) } });
  });

  it('bad 身份证 check digit, and the raw number is not echoed', async () => {
    const wrong = ADULT_ID.slice(0, 17) + (ADULT_ID[17] === '1' ? '2' : '1');
    const res = await refusedWith(400, ['/party/idNumber'], { party: personParty({ idNumber: wrong }) });
    expect(JSON.stringify(res.body)).not.toContain(wrong);
  });

  it('impossible dates (2026-02-30)', async () => {
    await refusedWith(400, ['/decisionDate', '/validUntil'], { decisionDate: '2026-02-30', validUntil: '2026-02-30' });
  });

  it('a decision date after today (Beijing) is 422, so a minor cannot pass as adult on a later date', async () => {
    // The clock is 10:00 on 11-27 in Beijing: tomorrow is refused, today accepted.
    await refusedWith(422, ['/decisionDate'], { decisionDate: '2026-11-28', validUntil: '2027-11-28' });
    expect((await t.post('/v1/penalties', validPenalty({ decisionDate: '2026-11-27', agencyId: (await t.createAgency()).id }), admin)).status).toBe(201);
    // MINOR_ID turns 18 on 2027-06-01: dated then, only the future date stops it.
    await refusedWith(422, ['/decisionDate'], { party: personParty({ idNumber: MINOR_ID }), decisionDate: '2027-06-01', validUntil: '2028-06-01' });
    await refusedWith(422, ['/party/idNumber'], { party: personParty({ idNumber: MINOR_ID }) });
  });

  it('validUntil before decisionDate', async () => {
    await refusedWith(400, ['/validUntil'], { validUntil: '2026-11-19' });
  });

  it('claimedPublishedAt before the decision date (Beijing day), operator', async () => {
    // 2026-11-19T15:59Z is 23:59 on 11-19 in Beijing: the day before the decision.
    await refusedWith(400, ['/claimedPublishedAt'], { claimedPublishedAt: '2026-11-19T15:59:00Z' }, 'operator');
  });

  it('claimedPublishedAt from an agency key is 422', async () => {
    await refusedWith(422, ['/claimedPublishedAt'], { claimedPublishedAt: '2026-11-21T02:00:00Z' });
  });

  it('negative amount, more than 2 decimals', async () => {
    await refusedWith(400, ['/fineAmount'], { fineAmount: '-5' });
    await refusedWith(400, ['/fineAmount'], { fineAmount: '2000.001' });
  });

  it("unknown penalty type '99'", async () => {
    await refusedWith(400, ['/penaltyTypes/0'], { penaltyTypes: ['99'], fineAmount: undefined });
  });

  it('罚款 without fineAmount', async () => {
    await refusedWith(400, ['/fineAmount'], { fineAmount: undefined });
  });

  it('暂扣/吊销 without licenceRevoked', async () => {
    await refusedWith(400, ['/licenceRevoked'], { penaltyTypes: ['05'], fineAmount: undefined });
  });

  it('个体工商户 placeholder 00000000000000000X without registrationNumber', async () => {
    const party = companyParty({ category: '03', creditCode: '00000000000000000X' });
    await refusedWith(400, ['/party/registrationNumber'], { party });
  });

  it.each([['homeAddress'], ['phone'], ['bankAccount']])('party.%s is an unknown field (400)', async (field) => {
    await refusedWith(400, [`/party/${field}`], { party: companyParty({ [field]: '示例' }) });
  });

  it("another agency's decision by a key is 403 naming /agencyId", async () => {
    const other = await t.createAgency();
    await refusedWith(403, ['/agencyId'], { agencyId: other.id });
  });

  it('the operator without agencyId is 422', async () => {
    const before = await writeState(t);
    expectProblem(await t.post('/v1/penalties', validPenalty(), admin), 422, ['/agencyId']);
    expect(await writeState(t)).toEqual(before);
  });
});
