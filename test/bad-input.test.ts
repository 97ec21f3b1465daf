import { count } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { agencies } from '../src/db/schema.js';
import { admin, uniqueCreditCode, useTestApp } from './support/app.js';

const t = useTestApp();
const UNKNOWN_ID = '0193a1b2-7c4d-7e5f-8a9b-0c1d2e3f4a5b';
const valid = () => ({ name: '坏输入测试局', creditCode: uniqueCreditCode(), regionCode: '440100', level: '市级', kind: '法定' });
const VALID_CODE = '91330100716105852F';

/** What a rejected write must leave untouched: the agency rows and the change-log head. */
async function state() {
  const [row] = await t.db.select({ n: count() }).from(agencies);
  return { agencies: row!.n, head: (await t.request('/v1/feed')).body.head as number };
}

const pointers = (body: { errors?: { in: string; pointer: string }[] }) => (body.errors ?? []).map((e) => `${e.in} ${e.pointer}`).sort();

/** Invalid agency fields: [what, fields merged into a valid body, pointers the problem must name]. */
const invalidFields: [string, Record<string, unknown>, string[]][] = [
  ['name of the wrong type', { name: 123 }, ['/name']],
  ['name empty', { name: '' }, ['/name']],
  ['name only spaces', { name: '   ' }, ['/name']],
  ['name of 201 characters', { name: '局'.repeat(201) }, ['/name']],
  ['name with U+0000', { name: '示例\u0000局' }, ['/name']],
  ['name with an unpaired surrogate', { name: '示例\ud800局' }, ['/name']],
  ['credit code with a bad check character', { creditCode: VALID_CODE.slice(0, 17) + 'G' }, ['/creditCode']],
  ['credit code in lowercase', { creditCode: '91350100m000100y43' }, ['/creditCode']],
  ['credit code with I', { creditCode: '91350100I000100Y43' }, ['/creditCode']],
  ['credit code with O', { creditCode: '91350100O000100Y43' }, ['/creditCode']],
  ['credit code with Z', { creditCode: '91350100Z000100Y43' }, ['/creditCode']],
  ['credit code with S', { creditCode: '91350100S000100Y43' }, ['/creditCode']],
  ['credit code with V', { creditCode: '91350100V000100Y43' }, ['/creditCode']],
  ['credit code of 17 characters', { creditCode: VALID_CODE.slice(0, 17) }, ['/creditCode']],
  ['credit code of 19 characters', { creditCode: VALID_CODE + '0' }, ['/creditCode']],
  // biome-ignore lint/correctness/noPrecisionLoss: a client sending the 18-digit code as a JSON number; only its type matters here.
  ['credit code as a number', { creditCode: 914403001922038216 }, ['/creditCode']],
  ['region code of 5 digits', { regionCode: '44010' }, ['/regionCode']],
  ['region code of 7 digits', { regionCode: '4401000' }, ['/regionCode']],
  ['region code with letters', { regionCode: '44O1OO' }, ['/regionCode']],
  ['region code as a number', { regionCode: 440100 }, ['/regionCode']],
  ['unknown level', { level: '国家级' }, ['/level']],
  ['unknown kind', { kind: '自封' }, ['/kind']],
  ['unknown status', { status: 'deleted' }, ['/status']],
  ['parentId not a uuid', { parentId: 'parent' }, ['/parentId']],
  ['domains not an array', { domains: '交通运输' }, ['/domains']],
  ['domains with an empty entry', { domains: ['交通运输', ''] }, ['/domains/1']],
  ['domains with 51 entries', { domains: Array.from({ length: 51 }, (_, i) => `领域${i}`) }, ['/domains']],
  ['contact phone with letters', { contact: { phone: 'call me' } }, ['/contact/phone']],
  ['contact email malformed', { contact: { email: 'office@' } }, ['/contact/email']],
  ['contact address with U+0000', { contact: { address: '示例路\u00001号' } }, ['/contact/address']],
  ['contact with an unknown field', { contact: { fax: '020-1' } }, ['/contact/fax']],
  ['website with a javascript: URL', { website: 'javascript:alert(1)' }, ['/website']],
  ['website over ftp', { website: 'ftp://example.gov.cn/' }, ['/website']],
  ['two unknown fields', { id: UNKNOWN_ID, version: 7 }, ['/id', '/version']],
  ['several bad fields at once', { name: '', level: 'x', extra: true }, ['/extra', '/level', '/name']],
];

describe('bad input to POST /v1/agencies', () => {
  it.each(invalidFields)('answers 400 for %s, naming each field, and writes nothing', async (_what, fields, expected) => {
    const before = await state();
    const res = await t.post('/v1/agencies', { ...valid(), ...fields });
    expect(res.status, JSON.stringify(res.body)).toBe(400);
    expect(pointers(res.body)).toEqual(expected.map((p) => `body ${p}`).sort());
    expect(await state()).toEqual(before);
  });

  it.each(['name', 'creditCode', 'regionCode', 'level', 'kind'])('answers 400 naming the missing field %s', async (field) => {
    const before = await state();
    const body: Record<string, unknown> = valid();
    delete body[field];
    const res = await t.post('/v1/agencies', body);
    expect(res.status).toBe(400);
    expect(pointers(res.body)).toEqual([`body /${field}`]);
    expect(await state()).toEqual(before);
  });

  it.each([['an array', '[]'], ['null', 'null'], ['a string', '"局"'], ['a number', '42']])('answers 400 for a body that is %s', async (_what, body) => {
    const res = await t.post('/v1/agencies', body);
    expect(res.status).toBe(400);
    expect(pointers(res.body)).toEqual(['body ']);
  });

  it('accepts a name of exactly 200 characters', async () => {
    const res = await t.post('/v1/agencies', { ...valid(), name: '局'.repeat(200) });
    expect(res.status).toBe(201);
  });
});

describe('bad input to PATCH /v1/agencies/{id}', () => {
  it.each(invalidFields)('answers 400 for %s, and the agency keeps version 1', async (_what, fields, expected) => {
    const agency = await t.createAgency();
    const before = await state();
    const res = await t.patch(`/v1/agencies/${agency.id}`, fields, { ...admin, 'If-Match': '"v1"' });
    expect(res.status, JSON.stringify(res.body)).toBe(400);
    expect(pointers(res.body)).toEqual(expected.map((p) => `body ${p}`).sort());
    expect(await state()).toEqual(before);
    expect((await t.request(`/v1/agencies/${agency.id}`)).body).toEqual(agency);
  });
});

describe('hostile text is data, never code', () => {
  const payloads = {
    name: "Robert'); DROP TABLE agencies;--",
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a template-injection payload, sent as plain text on purpose.
    domains: ['<script>alert(1)</script>', "' OR '1'='1", '"; DELETE FROM api_keys; --', '{{7*7}} ${7*7}'],
    contact: { address: '<img src=x onerror=alert(1)>', hours: "1'; SELECT pg_sleep(5);--" },
  };

  it('stores SQL and HTML payloads verbatim and returns them verbatim', async () => {
    const before = await state();
    const created = await t.post('/v1/agencies', { ...valid(), ...payloads });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject(payloads);
    const read = await t.request(`/v1/agencies/${created.body.id}`);
    expect(read.body).toMatchObject(payloads);
    const found = await t.request(`/v1/agencies?q=${encodeURIComponent("Robert'); DROP")}`);
    expect(found.body.items.map((a: { id: string }) => a.id)).toEqual([created.body.id]);
    const revision = await t.request(`/v1/agencies/${created.body.id}/revisions/1`);
    expect(revision.body.data).toMatchObject(payloads);
    // The agencies table is still there (state() counts it) and holds exactly one more agency.
    expect(await state()).toEqual({ agencies: before.agencies + 1, head: before.head + 1 });
  });

  it('serves the payloads as JSON, never as HTML', async () => {
    const created = await t.createAgency({ name: '<script>alert(1)</script>' });
    const res = await t.app.request(`/v1/agencies/${created.id}`);
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(await res.text()).toContain('"name":"<script>alert(1)</script>"');
  });
});
