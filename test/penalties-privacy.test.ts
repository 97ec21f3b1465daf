import { describe, expect, it } from 'vitest';
import { completeResidentId } from '../src/lib/resident-id.js';
import { admin, useTestApp } from './support/app.js';
import { companyParty, expectProblem, personParty, validPenalty, writeState } from './support/penalties.js';
import { wholeDatabase } from './support/public-surface.js';

const now = new Date('2026-11-27T02:00:00Z');
const t = useTestApp({ now: () => now });

const residentId = (i: number) => completeResidentId(`440106198${i % 10}${String((i % 9) + 1).padStart(2, '0')}${10 + (i % 18)}${String(100 + i).slice(-3)}`);
const passport = (i: number) => `PE${String(1000000000000 + i)}`; // 15 characters: masked as 6 + ***** + 4
const masked = (raw: string) => raw.slice(0, 6) + '*'.repeat(raw.length - 10) + raw.slice(-4);

/**
 * Publishes natural persons (身份证, passport) and companies with a 法定代表人 ID for a new agency, in a batch,
 * then one person whose 身份证 is written with a lower-case check character; returns every raw number sent.
 */
async function publishPeople() {
  const agency = await t.createAgency();
  const key = await t.keyFor(agency.id);
  const raws: string[] = [];
  const items = [];
  for (let i = 0; i < 12; i++) {
    raws.push(residentId(i), passport(i), residentId(50 + i));
    items.push(validPenalty({ party: personParty({ name: `自然人${i}`, idNumber: residentId(i) }) }));
    items.push(validPenalty({ party: personParty({ name: `外籍人${i}`, idType: '02', idNumber: passport(i) }) }));
    items.push(validPenalty({ party: companyParty({ legalRepresentativeIdType: '01', legalRepresentativeIdNumber: residentId(50 + i) }) }));
  }
  const batch = await t.post('/v1/penalties/batch', { items }, key);
  expect(batch.status, JSON.stringify(batch.body)).toBe(201);
  // A lower-case check character is the same person: stored masked the same way.
  const x = completeResidentId('11010519900101015');
  raws.push(x, x.toLowerCase());
  const single = await t.post('/v1/penalties', validPenalty({ agencyId: agency.id, party: personParty({ idNumber: x.toLowerCase() }) }), admin);
  expect(single.status, JSON.stringify(single.body)).toBe(201);
  return { agency, key, batch, single, raws, lowerCased: x };
}

/** Publishes a person and corrects the 身份证 number to another one; returns both raw numbers. */
async function correctNumber() {
  const agency = await t.createAgency();
  const key = await t.keyFor(agency.id);
  const created = await t.post('/v1/penalties', validPenalty({ party: personParty({ idNumber: residentId(80) }) }), key);
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const res = await t.request(`/v1/penalties/${created.body.id}/corrections`, {
    method: 'POST',
    headers: { ...key, 'Content-Type': 'application/json', 'If-Match': '"v1"' },
    body: JSON.stringify({ reason: '证件号码录入错误。', changes: { party: { idNumber: residentId(81) } } }),
  });
  return { res, raws: [residentId(80), residentId(81)] };
}

describe('no raw ID number is ever stored, returned or logged', () => {
  it('publishes natural persons (身份证, passport) and companies with a 法定代表人 ID, in a batch and singly', async () => {
    const { agency, batch, single, raws, lowerCased } = await publishPeople();
    // Read back through the public list (independent of the batch answer's shape).
    const listed = (await t.request(`/v1/penalties?agencyId=${agency.id}&limit=100`)).body.items.map((p: any) => p.party);
    expect(listed).toHaveLength(37);
    const byName = (name: string) => listed.find((p: any) => p.name === name);
    expect(byName('自然人0').idNumber).toBe(masked(residentId(0)));
    expect(byName('外籍人0').idNumber).toBe(masked(passport(0)));
    expect(listed.filter((p: any) => p.legalRepresentativeIdNumber !== null).map((p: any) => p.legalRepresentativeIdNumber).sort()).toEqual(
      Array.from({ length: 12 }, (_, i) => masked(residentId(50 + i))).sort(),
    );
    expect(raws).toHaveLength(38);
    for (const raw of raws) expect(JSON.stringify(batch.body).includes(raw)).toBe(false);
    expect(single.body.party.idNumber).toBe(masked(lowerCased));
  });

  it('a correction with a new raw number stores it masked too', async () => {
    const { res } = await correctNumber();
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.party.idNumber).toBe(masked(residentId(81)));
  });

  it('scans every table: no raw number anywhere, the masked forms present', async () => {
    const people = await publishPeople();
    const corrected = await correctNumber();
    expect(corrected.res.status).toBe(200);
    const raws = [...people.raws, ...corrected.raws];
    const dump = await wholeDatabase(t);
    for (const raw of raws) expect(dump.includes(raw), `raw ID ${masked(raw)} found in the database`).toBe(false);
    const upperCase = raws.filter((r) => r === r.toUpperCase());
    expect(upperCase).toHaveLength(raws.length - 1);
    for (const raw of upperCase) expect(dump).toContain(masked(raw));
  });

  it('refuses a minor on the decision date; the 18th birthday itself is adult (周岁)', async () => {
    const agency = await t.createAgency();
    const key = await t.keyFor(agency.id);
    const born = completeResidentId('11010520081120005'); // 18 on 2026-11-20
    const before = await writeState(t);
    const dayBefore = await t.post('/v1/penalties', validPenalty({ party: personParty({ idNumber: born }), decisionDate: '2026-11-19' }), key);
    expectProblem(dayBefore, 422, ['/party/idNumber']);
    expect(JSON.stringify(dayBefore.body)).not.toContain(born);
    expect(await writeState(t)).toEqual(before);
    const birthday = await t.post('/v1/penalties', validPenalty({ party: personParty({ idNumber: born }), decisionDate: '2026-11-20' }), key);
    expect(birthday.status, JSON.stringify(birthday.body)).toBe(201);
    expect(birthday.body.party.idNumber).toBe(masked(born));
  });

  it('no log line carries a raw number (refused requests included)', async () => {
    const { raws } = await publishPeople();
    const bad = residentId(90).slice(0, 17) + (residentId(90)[17] === '1' ? '2' : '1');
    raws.push(bad);
    expect((await t.post('/v1/penalties', validPenalty({ party: personParty({ idNumber: bad }) }), admin)).status).toBe(400);
    const logs = JSON.stringify(t.logs);
    // The app logs only what goes wrong; whatever it logged over this file must not carry a number.
    for (const raw of raws) expect(logs.includes(raw), `raw ID ${masked(raw)} in the logs`).toBe(false);
    expect((await wholeDatabase(t)).includes(raws[0]!)).toBe(false);
  });
});
