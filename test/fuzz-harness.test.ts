import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkLogLine, checkOutcome } from '../fuzz/checks.js';
import { writtenResidentIdArb } from '../fuzz/payloads.js';
import { rawResidentIds } from '../fuzz/raw-id.js';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { send, type Outcome, type World } from '../fuzz/send.js';
import { sampleAgency, sampleAgencyId } from './support/sample-agency.js';
import { specViolations } from './support/spec-check.js';

// The fuzzer (npm run fuzz) is only as good as its checks: prove each one fires on what it must catch.
const ID = '11010519491231002X';
const agencyId = sampleAgencyId;
const agency = sampleAgency;

function answer(status: number, body: unknown, headers: [string, string][] = []): Outcome {
  const text = JSON.stringify(body);
  return {
    sent: { method: 'GET', url: `/v1/agencies/${agencyId}`, headers: {}, authLabel: 'none' },
    status,
    headers: [['content-type', status < 400 ? 'application/json' : 'application/problem+json'], ...headers],
    text,
    json: body,
  };
}
const check = (o: Outcome) => checkOutcome(o, 'GET /v1/agencies/{id}', specViolations).map((p) => p.kind);

describe('the response checker', () => {
  it('reads only JSON media types as JSON: an NDJSON export is text, a broken JSON body is a finding', () => {
    const ndjson: Outcome = {
      sent: { method: 'GET', url: '/v1/exports/agencies.ndjson', headers: {}, authLabel: 'none' },
      status: 200,
      headers: [['content-type', 'application/x-ndjson']],
      text: '{"export":{"format":1}}\n{"end":{"records":0}}\n',
    };
    expect(checkOutcome(ndjson, 'GET /v1/exports/{file}', specViolations)).toEqual([]);
    const broken = { ...ndjson, sent: { ...ndjson.sent, url: '/v1/exports' }, headers: [['content-type', 'application/json']] as [string, string][] };
    expect(checkOutcome(broken, 'GET /v1/exports', specViolations).map((p) => p.detail)).toEqual(['200 body is not valid JSON']);
  });
});

describe('the raw ID number detector', () => {
  it('finds a number however it is written: separators, full-width digits, invisible characters, lower-case x', () => {
    for (const written of [ID, '110105 19491231 002X', '110105-19491231-002x', '110105.19491231.002X', '１１０１０５１９４９１２３１００２Ｘ', [...ID].join('\u200b'), `a\u202e${ID}b`]) {
      expect(rawResidentIds(`当事人 ${written} 违法`), written).toEqual([ID]);
    }
  });

  it('finds every number the generator writes', () => {
    fc.assert(
      fc.property(writtenResidentIdArb, ({ id, written }) => {
        expect(rawResidentIds(`x${written}y`)).toEqual([id]);
      }),
    );
  });

  it('ignores masked forms, wrong check digits, longer digit runs, dates and ids', () => {
    expect(rawResidentIds('110105********002X 1101051949****002X')).toEqual([]);
    expect(rawResidentIds('110105194912310021')).toEqual([]);
    expect(rawResidentIds(`9${ID.slice(0, 17)}`)).toEqual([]);
    expect(rawResidentIds(`2026-01-01T00:00:00.000Z ${agencyId} 440100 "91330100716105852F"`)).toEqual([]);
  });
});

describe('the checks on every answer', () => {
  it('passes an answer the spec declares', () => {
    expect(check(answer(200, agency))).toEqual([]);
  });

  it('flags a 5xx, a body that breaks the spec, and an undeclared status', () => {
    expect(check(answer(500, { type: 'https://gongshi.dev/problems/internal', title: 'Internal error', status: 500 }))).toContain('5xx');
    expect(check(answer(200, { ...agency, level: '国家级' }))).toEqual(['spec']);
    expect(check(answer(418, agency))).toEqual(['spec']);
  });

  it('flags a raw ID number in the body or a header, but not a masked one', () => {
    expect(check(answer(200, { ...agency, name: `示例 ${ID.slice(0, 6)} ${ID.slice(6)}` }))).toContain('raw-id');
    expect(check(answer(200, agency, [['x-debug', `id=${ID}`]]))).toEqual(['raw-id']);
    expect(check(answer(200, { ...agency, name: '110105********002X' }))).toEqual([]);
  });

  it('flags a request that got no answer', () => {
    expect(check({ ...answer(200, agency), status: 0, error: 'TypeError: UND_ERR_SOCKET' })).toEqual(['connection']);
  });

  it('flags log lines with SQL or a raw ID number, not ordinary ones', () => {
    expect(checkLogLine('{"level":"error","message":"Failed query: select "id" from "penalties" where "id" = $1"}')).toMatch(/SQL/);
    expect(checkLogLine(`{"level":"info","message":"created","party":"${ID}"}`)).toMatch(/raw ID/);
    expect(checkLogLine('{"level":"info","message":"listening","url":"http://127.0.0.1:8787","readyMs":120}')).toBeNull();
  });
});

describe('fuzz sender: a dropped connection', () => {
  // A server that drops the connection of the first `drops` requests it reads and answers the rest.
  async function dropping(drops: number) {
    let seen = 0;
    const server = createServer((req, res) => (seen++ < drops ? req.socket.destroy() : res.end('ok')));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo; // listen(0) on TCP always gives an AddressInfo
    const world = { base: `http://127.0.0.1:${port}` } as World; // send reads only base
    // closeAllConnections: the answered keep-alive socket would hold close() open
    const close = () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(resolve);
      });
    return { world, close };
  }
  const sent = { method: 'GET', url: '/', headers: {}, authLabel: 'none' };

  it('is resent once on a fresh connection, and the answer says it was', async () => {
    const { world, close } = await dropping(1);
    const outcome = await send(sent, world);
    await close();
    expect(outcome.status).toBe(200);
    expect(outcome.error).toBeUndefined();
    expect(outcome.redelivered).toMatch(/TypeError/);
  });

  it('is a finding when the server drops it twice', async () => {
    const { world, close } = await dropping(2);
    const outcome = await send(sent, world);
    await close();
    expect(outcome.status).toBe(0);
    expect(outcome.error).toMatch(/TypeError/);
    expect(check(outcome)).toEqual(['connection']);
  });
});
