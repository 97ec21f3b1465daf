/**
 * The writer of test/aggregator-mirror.test.ts: publishes, patches, corrects, withdraws, expires and repairs
 * records of several types while a mirror reads, and says what the public state must then show.
 */
import { expect } from 'vitest';
import type { RecordTypeName } from '../../src/schemas/changes.js';
import { admin, type TestContext, type TestResponse } from './app.js';
import { createBasis } from './legal-bases.js';
import { validLicence } from './licences.js';
import { publishedEdition } from './negative-list.js';
import { createOfficer } from './officers.js';
import { penaltyAction, postWith, validPenalty } from './penalties.js';

/** The writer's clock: its decisions (of 2026-11-20) are on display and within their deadlines. */
export const WRITE_CLOCK = '2026-11-27T02:00:00Z';
/** Past the short publicity end date below (Beijing date 2027-03-02), and past the earliest credit repair. */
const LATER = '2027-03-02T02:00:00Z';
const SHORT_PUBLICITY_END = '2027-03-01';
/** Rounds written while the mirror downloads the exports, at most (two run at a time). */
const MAX_ROUNDS = 12;

const withdrawal = { reasonCategory: 'revoked', explanation: '经行政复议决定撤销。', eventDate: '2026-11-26' };
const creditConditions = { regime: 'credit', obligationsPerformed: true, creditCommitment: true, otherConditionsMet: true };

type Tombstone = 'withdrawn' | 'expired' | 'repaired';
interface Touched {
  type: RecordTypeName;
  id: string;
  /** Where the record is read back. */
  path: string;
  /** For a decision taken down: the status (and event) of its notice. */
  tombstone?: Tombstone;
}

export interface Written {
  /** Record types the writer published at least one record of. */
  types: RecordTypeName[];
  touched: Touched[];
  penalties: { onDisplay: number; withdrawn: number; expired: number; repaired: number };
  licences: { onDisplay: number; withdrawn: number };
  /** Fines of the penalties on display, in yuan. */
  finesOnDisplay: string;
  currentEdition: string;
}

function ok(res: TestResponse, status = 200): any {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  return res.body;
}

/** One round: an agency and its key, a legal basis and an officer, three penalties and two licences. */
async function round(t: TestContext, n: number, touch: (r: Touched) => void) {
  const agency = await t.createAgency({ name: `镜像测试局${n}` });
  const key = await t.keyFor(agency.id);
  const auth = { Authorization: key.Authorization };
  ok(await t.patch(`/v1/agencies/${agency.id}`, { name: `镜像测试局${n}(更名)` }, { ...admin, 'If-Match': '"v1"' }));
  touch({ type: 'agency', id: agency.id, path: `/v1/agencies/${agency.id}` });
  const basis = await createBasis(t);
  ok(await t.patch(`/v1/legal-bases/${basis.id}`, { title: `${basis.title}(修订)` }, { ...admin, 'If-Match': '"v1"' }));
  touch({ type: 'legal_basis', id: basis.id, path: `/v1/legal-bases/${basis.id}` });
  const officer = await createOfficer(t, agency.id);
  touch({ type: 'officer', id: officer.id, path: `/v1/officers/${officer.id}` });

  const penalty = async (fields: Record<string, unknown> = {}) => ok(await t.post('/v1/penalties', validPenalty(fields), auth), 201).id as string;
  const displayed = await penalty();
  ok(await penaltyAction(t, displayed, 'corrections', { reason: '更正文字。', changes: { content: '罚款人民币2000元整。' } }, auth));
  const licence = async () => ok(await t.post('/v1/licences', validLicence(), auth), 201).id as string;
  const licenceShown = await licence();
  ok(await postWith(t, `/v1/licences/${licenceShown}/corrections`, { reason: '许可内容笔误更正。', changes: { content: '准予食品经营许可，经营项目：预包装食品销售(含冷藏冷冻食品)。' } }, { ...auth, 'If-Match': '"v1"' }));
  touch({ type: 'licence', id: licenceShown, path: `/v1/licences/${licenceShown}` });
  return { auth, displayed, toWithdraw: await penalty(), toExpire: await penalty({ publicityEndDate: SHORT_PUBLICITY_END }), licenceToWithdraw: await licence() };
}

/**
 * Starts writing: `started` once a first round is in (the exports then hold records to be superseded); rounds
 * go on, two at a time, until `mirrorLoaded`; then one more pair, the withdrawals, the expiry (on a clock moved
 * forward for that call), a credit repair and two negative-list editions. `done` says what was written.
 */
export function startWriter(t: TestContext, clock: { now: Date }, mirrorLoaded: Promise<void>): { started: Promise<void>; done: Promise<Written> } {
  const touched: Touched[] = [];
  const touch = (r: Touched) => touched.push(r);
  let loaded = false;
  void mirrorLoaded.then(() => (loaded = true));
  const first = round(t, 0, touch);

  const done = (async (): Promise<Written> => {
    const rounds = [await first];
    const pair = async () => rounds.push(...(await Promise.all([round(t, rounds.length, touch), round(t, rounds.length + 1, touch)])));
    while (!loaded && rounds.length < MAX_ROUNDS) await pair();
    await mirrorLoaded;
    await pair();

    for (const r of rounds) {
      ok(await penaltyAction(t, r.toWithdraw, 'withdrawal', withdrawal, r.auth));
      touch({ type: 'penalty', id: r.toWithdraw, path: `/v1/penalties/${r.toWithdraw}`, tombstone: 'withdrawn' });
      ok(await postWith(t, `/v1/licences/${r.licenceToWithdraw}/withdrawal`, withdrawal, { ...r.auth, 'If-Match': '"v1"' }));
      touch({ type: 'licence', id: r.licenceToWithdraw, path: `/v1/licences/${r.licenceToWithdraw}`, tombstone: 'withdrawn' });
    }
    const repaired = rounds[0]!.displayed;
    clock.now = new Date(LATER);
    try {
      expect(ok(await t.post('/v1/maintenance/expire', {}, admin))).toEqual({ expired: rounds.length });
      ok(await penaltyAction(t, repaired, 'credit-repair', { conditions: creditConditions, explanation: '当事人已履行罚款义务并作出信用承诺。' }, rounds[0]!.auth, '"v2"'));
    } finally {
      clock.now = new Date(WRITE_CLOCK);
    }
    for (const r of rounds) {
      touch({ type: 'penalty', id: r.toExpire, path: `/v1/penalties/${r.toExpire}`, tombstone: 'expired' });
      if (r.displayed !== repaired) touch({ type: 'penalty', id: r.displayed, path: `/v1/penalties/${r.displayed}` });
    }
    touch({ type: 'penalty', id: repaired, path: `/v1/penalties/${repaired}`, tombstone: 'repaired' });

    const superseded = (await publishedEdition(t)).edition;
    const current = (await publishedEdition(t)).edition;
    for (const e of [superseded, current]) touch({ type: 'negative_list_edition', id: e.id, path: `/v1/negative-list/editions/${e.code}` });

    const n = rounds.length;
    return {
      types: ['agency', 'legal_basis', 'officer', 'penalty', 'licence', 'negative_list_edition', 'negative_list_item'],
      touched,
      penalties: { onDisplay: n - 1, withdrawn: n, expired: n, repaired: 1 },
      licences: { onDisplay: n, withdrawn: n },
      finesOnDisplay: `${(n - 1) * 2000}.00`,
      currentEdition: current.code,
    };
  })();
  return { started: first.then(() => undefined), done };
}
