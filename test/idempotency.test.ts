import { describe, expect, it } from 'vitest';
import { admin, uniqueCreditCode, useTestApp } from './support/app.js';

const t = useTestApp();

const agencyBody = () => ({ name: '幂等测试局', creditCode: uniqueCreditCode(), regionCode: '440100', level: '市级', kind: '法定' });
const count = async () => (await t.request('/v1/feed?limit=1')).body.head as number;

describe('Idempotency-Key on POST', () => {
  it('replays the first answer for a retry and writes nothing twice', async () => {
    const body = agencyBody();
    const headers = { ...admin, 'Idempotency-Key': 'retry-1' };
    const first = await t.post('/v1/agencies', body, headers);
    expect(first.status).toBe(201);
    const head = await count();
    const retry = await t.post('/v1/agencies', body, headers);
    expect(retry.status).toBe(201);
    expect(retry.body).toEqual(first.body);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(retry.headers.get('location')).toBe(first.headers.get('location'));
    expect(await count()).toBe(head);
  });

  it('answers 422 when the same key comes with a different body', async () => {
    const headers = { ...admin, 'Idempotency-Key': 'retry-2' };
    expect((await t.post('/v1/agencies', agencyBody(), headers)).status).toBe(201);
    const head = await count();
    const other = await t.post('/v1/agencies', agencyBody(), headers);
    expect(other.status).toBe(422);
    expect(other.body.errors).toEqual([expect.objectContaining({ in: 'header', pointer: '/Idempotency-Key' })]);
    expect(await count()).toBe(head);
  });

  it('runs concurrent duplicates once', async () => {
    const body = agencyBody();
    const headers = { ...admin, 'Idempotency-Key': 'retry-3' };
    const head = await count();
    const answers = await Promise.all(Array.from({ length: 5 }, () => t.post('/v1/agencies', body, headers)));
    expect(answers.map((a) => a.status)).toEqual([201, 201, 201, 201, 201]);
    expect(new Set(answers.map((a) => a.body.id)).size).toBe(1);
    expect(await count()).toBe(head + 1);
  });

  it('does not remember failures: a corrected retry with the same key goes through', async () => {
    const headers = { ...admin, 'Idempotency-Key': 'retry-4' };
    const bad = await t.post('/v1/agencies', { ...agencyBody(), creditCode: 'NOTACODE' }, headers);
    expect(bad.status).toBe(400);
    const good = await t.post('/v1/agencies', agencyBody(), headers);
    expect(good.status).toBe(201);
  });

  it('keeps keys apart per agency: two agencies may use the same key', async () => {
    const a = await t.createAgency();
    const b = await t.createAgency();
    const keyA = await t.keyFor(a.id, ['admin']);
    const keyB = await t.keyFor(b.id, ['admin']);
    const ra = await t.post('/v1/keys', { agencyId: a.id, name: 'k' }, { Authorization: keyA.Authorization, 'Idempotency-Key': 'same' });
    const rb = await t.post('/v1/keys', { agencyId: b.id, name: 'k' }, { Authorization: keyB.Authorization, 'Idempotency-Key': 'same' });
    expect([ra.status, rb.status]).toEqual([201, 201]);
    expect(ra.body.id).not.toBe(rb.body.id);
  });

  it.each(['', 'x'.repeat(256), 'has space', 'tab\there'])('rejects a malformed key %#', async (key) => {
    const res = await t.post('/v1/agencies', agencyBody(), { ...admin, 'Idempotency-Key': key });
    expect(res.status).toBe(400);
    expect(res.body.errors[0]).toMatchObject({ in: 'header', pointer: '/Idempotency-Key' });
  });
});
