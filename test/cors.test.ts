import { describe, expect, it } from 'vitest';
import { useTestApp } from './support/app.js';

const t = useTestApp();

describe('CORS for public portals', () => {
  it('answers a preflight for a write with the headers the API uses', async () => {
    // Preflights are middleware, not API operations, so they bypass the spec-checking helper.
    const res = await t.app.request('/v1/agencies', {
      method: 'OPTIONS',
      headers: { Origin: 'https://portal.example', 'Access-Control-Request-Method': 'PATCH', 'Access-Control-Request-Headers': 'authorization,if-match' },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-allow-methods')).toContain('PATCH');
    expect(res.headers.get('access-control-allow-headers')).toContain('If-Match');
  });

  it('lets a browser read ETag and Link from a public list', async () => {
    await t.createAgency();
    const res = await t.request('/v1/agencies?limit=1', { headers: { Origin: 'https://portal.example' } });
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-expose-headers')).toMatch(/ETag.*Link/);
  });
});
