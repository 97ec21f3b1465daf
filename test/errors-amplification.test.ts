import { describe, expect, it } from 'vitest';
import { echoableKey, MAX_FIELD_ERRORS } from '../src/errors.js';
import { uniqueCreditCode, useTestApp } from './support/app.js';
import { ADULT_ID, validPenalty, writeState } from './support/penalties.js';

const t = useTestApp();
const UNKNOWN_ID = '0193a1b2-7c4d-7e5f-8a9b-0c1d2e3f4a5b';
const validAgency = () => ({ name: '放大测试局', creditCode: uniqueCreditCode(), regionCode: '440100', level: '市级', kind: '法定' });

/** The answer's size in bytes, as sent. */
const bytes = (body: unknown) => Buffer.byteLength(JSON.stringify(body));

describe('an error answer is never an amplifier', () => {
  it('lists the first 100 field errors of 5,000 unknown keys and counts them all', async () => {
    const extra = Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`extra${i}`, i]));
    const res = await t.post('/v1/agencies', { ...validAgency(), ...extra });
    expect(res.status).toBe(400);
    expect(res.body.errors).toHaveLength(MAX_FIELD_ERRORS);
    expect(res.body.errorCount).toBe(5000);
    expect(res.body.detail).toMatch(/^5000 invalid field\(s\)/);
    expect(res.body.errors[0]).toEqual({ in: 'body', pointer: '/extra0', detail: 'Unknown field.' });
    expect(bytes(res.body)).toBeLessThan(10_000);
  });

  it('sends no errorCount when every error is listed', async () => {
    const extra = Object.fromEntries(Array.from({ length: MAX_FIELD_ERRORS }, (_, i) => [`extra${i}`, i]));
    const res = await t.post('/v1/agencies', { ...validAgency(), ...extra });
    expect(res.status).toBe(400);
    expect(res.body.errors).toHaveLength(MAX_FIELD_ERRORS);
    expect(res.body).not.toHaveProperty('errorCount');
  });

  it('names an unknown key of 100,000 characters by a 32-character prefix, in errors[] and in detail', async () => {
    const key = 'k'.repeat(100_000);
    const res = await t.post('/v1/agencies', { ...validAgency(), [key]: 1 });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([{ in: 'body', pointer: `/${'k'.repeat(32)}…`, detail: 'Unknown field.' }]);
    expect(res.body.detail).toContain(`/${'k'.repeat(32)}…`);
    expect(bytes(res.body)).toBeLessThan(1000);
  });

  it('shortens unknown keys nested in objects and array items too', async () => {
    const key = '未知字段'.repeat(20);
    const res = await t.post('/v1/penalties/batch', { items: [validPenalty({ agencyId: UNKNOWN_ID, party: { name: '某某', category: '01', [key]: 1 } })] });
    expect(res.status, JSON.stringify(res.body)).toBe(400);
    expect(res.body.errors.map((e: { pointer: string }) => e.pointer)).toContain(`/items/0/party/${key.slice(0, 32)}…`);
  });

  it('caps a batch whose 150 items each fail zod', async () => {
    const before = await writeState(t);
    const items = Array.from({ length: 150 }, () => validPenalty({ agencyId: UNKNOWN_ID, fineAmount: 'lots' }));
    const res = await t.post('/v1/penalties/batch', { items });
    expect(res.status).toBe(400);
    expect(res.body.errors).toHaveLength(MAX_FIELD_ERRORS);
    expect(res.body.errorCount).toBeGreaterThanOrEqual(150);
    expect(res.body.errors[0].pointer).toBe('/items/0/fineAmount');
    expect(await writeState(t)).toEqual(before);
  });

  it('caps the domain 422 of a batch whose 150 items name no agency', async () => {
    const before = await writeState(t);
    const items = Array.from({ length: 150 }, () => validPenalty({ agencyId: UNKNOWN_ID }));
    const res = await t.post('/v1/penalties/batch', { items });
    expect(res.status, JSON.stringify(res.body).slice(0, 300)).toBe(422);
    expect(res.body.errors).toHaveLength(MAX_FIELD_ERRORS);
    expect(res.body.errorCount).toBe(150);
    expect(res.body.errors[99]).toEqual({ in: 'body', pointer: '/items/99/agencyId', detail: 'No agency has this id.' });
    expect(await writeState(t)).toEqual(before);
  });
});

describe('echoableKey', () => {
  it.each([
    ['a short key, unchanged', 'fax', 'fax'],
    ['exactly 32 characters, unchanged', 'x'.repeat(32), 'x'.repeat(32)],
    ['33 characters, cut to 32 and marked', 'x'.repeat(33), 'x'.repeat(32) + '…'],
    ['a surrogate pair at the cut, kept whole or left out', 'x'.repeat(31) + '😀' + 'y', 'x'.repeat(31) + '…'],
    ['a 身份证 number past the cut, checked on the whole key', `${'备注'.repeat(20)}_${ADULT_ID}`, '(a key holding personal data)'],
  ])('%s', (_what, key, echoed) => {
    expect(echoableKey(key)).toBe(echoed);
    // Well-formed: a lone surrogate cannot be percent-encoded.
    expect(() => encodeURIComponent(echoableKey(key))).not.toThrow();
  });
});
