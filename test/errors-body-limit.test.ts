import { describe, expect, it } from 'vitest';
import { admin, json, uniqueCreditCode, useTestApp } from './support/app.js';

// An app with a small body limit, so the boundary can be tested byte for byte.
const LIMIT = 2048;
const t = useTestApp({ bodyLimitBytes: LIMIT });

/** A valid create body padded with JSON whitespace to exactly `size` bytes (UTF-8). */
function bodyOfSize(size: number): string {
  const text = JSON.stringify({ name: '边界测试局', creditCode: uniqueCreditCode(), regionCode: '440100', level: '市级', kind: '法定' });
  const bytes = Buffer.byteLength(text);
  expect(bytes).toBeLessThan(size);
  return text.slice(0, -1) + ' '.repeat(size - bytes) + '}';
}

async function feedHead(): Promise<number> {
  return (await t.request('/v1/feed')).body.head;
}

describe('request body limit', () => {
  it('accepts a body of exactly the limit', async () => {
    const body = bodyOfSize(LIMIT);
    expect(Buffer.byteLength(body)).toBe(LIMIT);
    const res = await t.request('/v1/agencies', { method: 'POST', headers: { ...admin, ...json }, body });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
  });

  it('answers 413 to one byte more, streamed or declared, and writes nothing', async () => {
    const head = await feedHead();
    const body = bodyOfSize(LIMIT + 1);
    const streamed = await t.request('/v1/agencies', { method: 'POST', headers: { ...admin, ...json }, body });
    expect(streamed.status).toBe(413);
    expect(streamed.body).toMatchObject({ type: 'https://gongshi.dev/problems/payload-too-large', status: 413, detail: expect.stringContaining(String(LIMIT)) });
    const declared = await t.request('/v1/agencies', { method: 'POST', headers: { ...admin, ...json, 'Content-Length': String(LIMIT + 1) }, body });
    expect(declared.status).toBe(413);
    expect(await feedHead()).toBe(head);
  });

  it('counts bytes, not characters', async () => {
    // 700 CJK characters are 2100 bytes in UTF-8: over the limit although under 2048 characters.
    const body = JSON.stringify({ name: '局'.repeat(700) });
    expect(body.length).toBeLessThan(LIMIT);
    const res = await t.request('/v1/agencies', { method: 'POST', headers: { ...admin, ...json }, body });
    expect(res.status).toBe(413);
  });

  it('applies the limit to updates and keys too', async () => {
    const agency = await t.createAgency();
    const big = 'x'.repeat(LIMIT);
    const patch = await t.patch(`/v1/agencies/${agency.id}`, { name: big }, { ...admin, 'If-Match': '"v1"' });
    expect(patch.status).toBe(413);
    const key = await t.post('/v1/keys', { agencyId: agency.id, name: big });
    expect(key.status).toBe(413);
    expect((await t.request(`/v1/agencies/${agency.id}`)).body.version).toBe(1);
  });
});
