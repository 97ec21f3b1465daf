import { describe, expect, it } from 'vitest';
import { admin, useTestApp } from './support/app.js';

const t = useTestApp();

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
  });

  it('refuses a write without a key', async () => {
    const res = await t.post('/v1/agencies', {}, {});
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toBe('Bearer');
  });
});
