import { describe, expect, it } from 'vitest';
import { admin, uniqueCreditCode, useTestApp } from './support/app.js';

const t = useTestApp();
const UNKNOWN_ID = '0193a1b2-7c4d-7e5f-8a9b-0c1d2e3f4a5b';

describe('agencies', () => {
  it('creates an agency and reads it back with a version ETag', async () => {
    const created = await t.createAgency({ name: '示例县市场监督管理局', regionCode: '440103', level: '县级' });
    expect(created).toMatchObject({ version: 1, status: 'active', name: '示例县市场监督管理局', level: '县级' });
    const res = await t.request(`/v1/agencies/${created.id}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('etag')).toBe('"v1"');
    expect(res.body).toEqual(created);
    const again = await t.request(`/v1/agencies/${created.id}`, { headers: { 'If-None-Match': '"v1"' } });
    expect(again.status).toBe(304);
    expect(again.body).toBeNull();
  });

  it('answers a create with 201, a Location, the version ETag and every optional field defaulted', async () => {
    const creditCode = uniqueCreditCode();
    const res = await t.post('/v1/agencies', { name: '示例市生态环境局', creditCode, regionCode: '440100', level: '市级', kind: '法定' });
    expect(res.status).toBe(201);
    expect(res.headers.get('location')).toBe(`/v1/agencies/${res.body.id}`);
    expect(res.headers.get('etag')).toBe('"v1"');
    expect(res.body).toMatchObject({ creditCode, parentId: null, entrustment: null, domains: [], contact: null, website: null, status: 'active' });
    expect(res.body.createdAt).toBe(res.body.updatedAt);
    const followed = await t.request(res.headers.get('location')!);
    expect(followed.body).toEqual(res.body);
  });

  it('keeps every optional field it was given', async () => {
    const fields = {
      domains: ['交通运输', '道路运输'],
      contact: { phone: '020-12345678', address: '示例市示例路1号', email: 'office@example.gov.cn', hours: '工作日 9:00-17:00' },
      website: 'https://jtj.example.gov.cn/',
      status: 'abolished',
    };
    const created = await t.createAgency(fields);
    const res = await t.request(`/v1/agencies/${created.id}`);
    expect(res.body).toMatchObject(fields);
  });

  it('answers If-None-Match with 200 unless it names the current version', async () => {
    const created = await t.createAgency();
    for (const tag of ['"v2"', '"v0"', 'W/"v1x"', '"abc"']) {
      const res = await t.request(`/v1/agencies/${created.id}`, { headers: { 'If-None-Match': tag } });
      expect(res.status, tag).toBe(200);
      expect(res.body.id).toBe(created.id);
    }
    // If-None-Match uses weak comparison and may list several tags (RFC 9110 §13.1.2).
    for (const tag of ['"x", "v1"', 'W/"v1"', '*']) {
      const res = await t.request(`/v1/agencies/${created.id}`, { headers: { 'If-None-Match': tag } });
      expect(res.status, tag).toBe(304);
    }
  });

  it('answers 404 for an id no agency has', async () => {
    const res = await t.request(`/v1/agencies/${UNKNOWN_ID}`);
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ status: 404, type: 'https://gongshi.dev/problems/not-found' });
  });

  it.each(['not-a-uuid', '123', '0193a1b2-7c4d-7e5f-8a9b-0c1d2e3f4a5', '0193a1b2x7c4d-7e5f-8a9b-0c1d2e3f4a5b'])('answers 400 naming /id for the path id %s', async (id) => {
    const res = await t.request(`/v1/agencies/${id}`);
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([{ in: 'path', pointer: '/id', detail: expect.any(String) }]);
  });

  it('refuses a write with the wrong operator token', async () => {
    const before = await t.request('/v1/feed');
    const res = await t.post(
      '/v1/agencies',
      { name: '冒名局', creditCode: uniqueCreditCode(), regionCode: '440100', level: '市级', kind: '法定' },
      { Authorization: `${admin.Authorization}x` },
    );
    expect(res.status).toBe(401);
    const after = await t.request('/v1/feed');
    expect(after.body.head).toBe(before.body.head);
  });
});
