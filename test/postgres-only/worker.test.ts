import { readFileSync } from 'node:fs';
import postgres from 'postgres';
import { redocBundlePath } from '../../src/docs/redoc-bundle.js';
import { searchText } from '../../src/lib/segment.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, admin, json, uniqueCreditCode } from '../support/app.js';
import { validPenalty } from '../support/penalties.js';
import { openTestDatabase, type TestDatabase } from '../support/db.js';
import { startBuiltWorker, type BuiltWorker } from '../support/worker.js';

// Smoke test of the deployable artefact (test/support/worker.ts) against this file's own PostgreSQL database.

describe('built worker in workerd over Hyperdrive', () => {
  let database: TestDatabase;
  let worker: BuiltWorker;

  beforeAll(async () => {
    database = await openTestDatabase();
    // A read budget too large for the other tests to reach: the rate-limit test reads its RateLimit header.
    worker = await startBuiltWorker(database.url!, { ADMIN_TOKEN, LOG_LEVEL: 'error', RATE_LIMIT_READS_PER_ADDRESS: '1000' });
  }, 120_000);

  afterAll(async () => {
    await worker?.dispose();
    await database?.close();
  }, 60_000);

  const request: BuiltWorker['request'] = (path, init) => worker.request(path, init);

  it('serves the API from PostgreSQL, one client per request', async () => {
    const creditCode = uniqueCreditCode();
    const created = await request('/v1/agencies', {
      method: 'POST',
      headers: { ...json, ...admin },
      body: JSON.stringify({ name: '测试市交通运输局', creditCode, regionCode: '440100', level: '市级', kind: '法定' }),
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({ version: 1, creditCode, name: '测试市交通运输局' });
    const id: string = created.body.id;
    expect(created.headers.get('location')).toBe(`/v1/agencies/${id}`);

    // The row is really in PostgreSQL: read it on a separate connection, outside workerd.
    const sql = postgres(database.url!, { max: 1, onnotice: () => {} });
    try {
      const rows = await sql<{ id: string; credit_code: string; version: number }[]>`SELECT id, credit_code, version FROM agencies WHERE id = ${id}`;
      expect(rows).toEqual([{ id, credit_code: creditCode, version: 1 }]);
    } finally {
      await sql.end();
    }

    const one = await request(`/v1/agencies/${id}`);
    expect(one.status).toBe(200);
    expect(one.headers.get('etag')).toBe('"v1"');
    expect(one.body).toEqual(created.body);

    const list = await request('/v1/agencies');
    expect(list.status).toBe(200);
    expect(list.body.items.map((a: { id: string }) => a.id)).toContain(id);

    const feed = await request('/v1/feed');
    expect(feed.status).toBe(200);
    expect(feed.body.items).toContainEqual(expect.objectContaining({ type: 'agency', id, version: 1, event: 'created' }));

    const openapi = await request('/openapi.json');
    expect(openapi.status).toBe(200);
    expect(openapi.body.openapi).toMatch(/^3\.1/);
    expect(openapi.headers.get('cache-control')).toBe('public, max-age=300, stale-while-revalidate=86400');
    const unchanged = await request('/openapi.json', { headers: { 'If-None-Match': openapi.headers.get('etag')! } });
    expect(unchanged.status).toBe(304);

    const bad = await request('/v1/feed?after=nope');
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ status: 400 });
    // workerd hands the app the query as sent: GBK bytes are refused, not read as mojibake.
    const gbk = await request('/v1/agencies?q=%BE%D6');
    expect(gbk.status).toBe(400);
    expect(gbk.body.errors).toEqual([expect.objectContaining({ in: 'query', pointer: '/q' })]);
    // ... and a parameter an operation does not take is refused, not ignored, even where it takes none.
    const unknown = await request(`/v1/agencies/${id}?fields=name`);
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors).toEqual([expect.objectContaining({ in: 'query', pointer: '/fields' })]);
    const malformed = await request('/v1/agencies', { method: 'POST', headers: { ...json, ...admin }, body: '{"name":' });
    expect(malformed.status).toBe(400);
    expect(malformed.body.type).toMatch(/malformed-json$/);

    // Many sequential requests, then a concurrent burst: each opens and closes its own client.
    for (let i = 0; i < 20; i++) expect((await request(`/v1/agencies/${id}`)).status).toBe(200);
    const burst = await Promise.all(Array.from({ length: 10 }, () => request('/v1/agencies')));
    expect(burst.map((r) => r.status)).toEqual(Array(10).fill(200));
  });

  it('answers inside workerd as on Node: nosniff, 405 with Allow, UTF-8 bodies, a refused upload', async () => {
    const wrong = await request('/v1/agencies', { method: 'PUT' });
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('allow')).toBe('GET, HEAD, POST, OPTIONS');
    expect(wrong.headers.get('x-content-type-options')).toBe('nosniff');
    const latin1 = await request('/v1/agencies', { method: 'POST', headers: { ...admin, 'Content-Type': 'application/json; charset=iso-8859-1' }, body: '{}' });
    expect(latin1.status).toBe(415);
    // A large body read to its end and refused by field. (Answering before the body is read races the
    // client's writes in local workerd, which the app cannot stage there; on Node that close is staged and
    // tested in node-server.test.ts, and on Cloudflare the edge buffers request bodies.)
    const refused = await request('/v1/agencies', { method: 'POST', headers: { ...json, ...admin }, body: JSON.stringify({ name: 'x'.repeat(200_000) }) });
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.body.errors)).toContain('name');
    expect(refused.headers.get('x-content-type-options')).toBe('nosniff');
    const unauthenticated = await request('/v1/agencies', { method: 'POST', headers: json, body: '{}' });
    expect(unauthenticated.status).toBe(401);
    // CORS is read-only here too: a read is open to any origin, a write neither preflighted nor readable.
    expect(unauthenticated.headers.get('access-control-allow-origin')).toBeNull();
    expect((await request('/v1/agencies')).headers.get('access-control-allow-origin')).toBe('*');
    const preflight = (method: string) =>
      worker.mf.dispatchFetch(`${worker.base}/v1/agencies`, { method: 'OPTIONS', headers: { Origin: 'https://portal.example', 'Access-Control-Request-Method': method } });
    expect((await preflight('GET')).headers.get('access-control-allow-methods')).toBe('GET, HEAD');
    const write = await preflight('POST');
    expect([write.status, write.headers.get('access-control-allow-methods'), write.headers.get('access-control-allow-origin')]).toEqual([204, null, null]);
  });

  it('segments Chinese for search inside workerd (Intl.Segmenter) exactly as on Node', async () => {
    const text = '从事道路运输经营以及道路运输相关业务的，应当依照本条例的规定。';
    const created = await request('/v1/legal-bases', {
      method: 'POST',
      headers: { ...json, ...admin },
      body: JSON.stringify({
        title: '示例道路运输管理办法',
        level: '地方政府规章',
        issuer: '示例市人民政府',
        promulgatedOn: '2024-01-01',
        effectiveOn: '2024-03-01',
        articles: [{ no: '1', text }],
      }),
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    // The stored search text was segmented by workerd's ICU; Node's must agree word for word.
    const sql = postgres(database.url!, { max: 1, onnotice: () => {} });
    try {
      const [row] = await sql<{ search_text: string }[]>`SELECT search_text FROM legal_articles WHERE legal_basis_id = ${created.body.id}`;
      expect(row!.search_text).toBe(searchText(text));
    } finally {
      await sql.end();
    }
    for (const q of ['道路运输', '道路']) {
      const found = await request(`/v1/articles?q=${encodeURIComponent(q)}`);
      expect(found.status).toBe(200);
      expect(found.body.items.map((a: { legalBasisId: string }) => a.legalBasisId)).toContain(created.body.id);
    }
  });

  it('streams a CSV export of more than one page while the database client stays open', async () => {
    const agency = await request('/v1/agencies', {
      method: 'POST',
      headers: { ...json, ...admin },
      body: JSON.stringify({ name: '测试市市场监督管理局', creditCode: uniqueCreditCode(), regionCode: '440100', level: '市级', kind: '法定' }),
    });
    for (let batch = 0; batch < 2; batch++) {
      const items = Array.from({ length: 600 }, () => validPenalty({ agencyId: agency.body.id }));
      const res = await request('/v1/penalties/batch', { method: 'POST', headers: { ...json, ...admin }, body: JSON.stringify({ items }) });
      expect(res.status, JSON.stringify(res.body).slice(0, 300)).toBe(201);
    }
    const res = await worker.mf.dispatchFetch(`${worker.base}/v1/penalties.csv?agencyId=${agency.body.id}`);
    expect(res.status).toBe(200);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes).split('\r\n').filter((l) => l !== '');
    expect(lines[0]!.startsWith('行政相对人名称')).toBe(true);
    expect(lines).toHaveLength(1 + 1200);
  });

  it('serves the reference page offline: Redoc from the static assets, under the app\'s names and headers', async () => {
    const page = await request('/docs');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toMatch(/frame-ancestors 'none'/);
    expect(page.body).not.toMatch(/https?:/);
    const scripts = [...(page.body as string).matchAll(/(?:src|href)="(docs\/assets\/[^"]+)"/g)].map((m) => `/${m[1]}`);
    expect(scripts).toHaveLength(2);
    for (const path of scripts) {
      const res = await worker.mf.dispatchFetch(worker.base + path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
      expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      const bytes = Buffer.from(await res.arrayBuffer());
      if (path.includes('redoc.standalone')) expect(bytes.equals(readFileSync(redocBundlePath()))).toBe(true);
    }
    // The platform serves no asset by itself (run_worker_first): the copied file's own name is the app's 404.
    const direct = await request('/redoc.standalone.js');
    expect(direct.status).toBe(404);
    expect(direct.body).toMatchObject({ type: 'https://gongshi.dev/problems/not-found' });
  });

  // workerd also tears down a request's sockets when its context ends, so this guards against connections
  // outliving requests (and the pool growing), not specifically that client.end() ran.
  it('counts reads per visitor address as Cloudflare gives it (CF-Connecting-IP)', async () => {
    const remaining = async (address: string) =>
      /remaining=(\d+)/.exec((await request('/v1/code-lists', { headers: { 'CF-Connecting-IP': address } })).headers.get('RateLimit') ?? '')?.[1];
    expect(await remaining('192.0.2.10')).toBe('999');
    expect(await remaining('192.0.2.10')).toBe('998');
    expect(await remaining('192.0.2.11')).toBe('999');
  });

  it('takes a write with an agency key, for its own agency only, and streams it in the NDJSON export at the feed position', async () => {
    const agency = async (name: string) =>
      (await request('/v1/agencies', { method: 'POST', headers: { ...json, ...admin }, body: JSON.stringify({ name, creditCode: uniqueCreditCode(), regionCode: '440100', level: '市级', kind: '法定' }) })).body;
    const own = await agency('密钥写入测试局');
    const other = await agency('另一个测试局');
    const key = await request('/v1/keys', { method: 'POST', headers: { ...json, ...admin }, body: JSON.stringify({ agencyId: own.id, name: 'worker test', scopes: ['publish'] }) });
    expect(key.status, JSON.stringify(key.body)).toBe(201);
    const bearer = { Authorization: `Bearer ${key.body.secret}` };
    const penalty = await request('/v1/penalties', { method: 'POST', headers: { ...json, ...bearer }, body: JSON.stringify(validPenalty()) });
    expect(penalty.status, JSON.stringify(penalty.body)).toBe(201);
    expect(penalty.body.decidingAgencyId).toBe(own.id);
    const foreign = await request('/v1/officers', {
      method: 'POST',
      headers: { ...json, ...bearer },
      body: JSON.stringify({ agencyId: other.id, name: '张示例', certificateNo: `WK-${Date.now()}`, domains: ['道路运输'], area: '示例市全域', validFrom: '2024-01-01', validTo: '2028-12-31' }),
    });
    expect(foreign.status).toBe(403);

    const exported = await worker.mf.dispatchFetch(`${worker.base}/v1/exports/penalties.ndjson`);
    expect(exported.status).toBe(200);
    const position = Number(exported.headers.get('feed-position'));
    const lines = (await exported.text()).trim().split('\n').map((l) => JSON.parse(l));
    expect(lines[0]).toMatchObject({ export: { resource: 'penalties', position } });
    expect(lines.slice(1, -1).map((e: { id: string }) => e.id)).toContain(penalty.body.id);
    expect(lines.at(-1)).toEqual({ end: { records: lines.length - 2 } });
    const feed = await request(`/v1/feed?after=${position}`);
    expect(feed.status).toBe(200);
  });

  it('answers a repeated public read from the Workers cache until a write, and a conditional one with 304 from it', async () => {
    const created = await request('/v1/agencies', {
      method: 'POST',
      headers: { ...json, ...admin },
      body: JSON.stringify({ name: '缓存测试局', creditCode: uniqueCreditCode(), regionCode: '440100', level: '市级', kind: '法定' }),
    });
    const path = `/v1/agencies/${created.body.id}`;
    const first = await request(path);
    expect(first.headers.get('cache-status')).toBe('gongshi-edge; fwd=uri-miss; stored');
    const second = await request(path);
    expect(second.headers.get('cache-status')).toBe('gongshi-edge; hit');
    expect(second.body).toEqual(first.body);
    expect(second.headers.get('etag')).toBe(first.headers.get('etag'));
    const conditional = await request(path, { headers: { 'If-None-Match': first.headers.get('etag')! } });
    expect(conditional.status).toBe(304);
    expect(conditional.headers.get('cache-status')).toBe('gongshi-edge; hit');

    // Any write makes the next read fresh: here a write to this very record.
    const patched = await request(path, { method: 'PATCH', headers: { ...json, ...admin, 'If-Match': '"v1"' }, body: JSON.stringify({ name: '缓存测试局(更名)' }) });
    expect(patched.status, JSON.stringify(patched.body)).toBe(200);
    const fresh = await request(path);
    expect(fresh.headers.get('cache-status')).toBe('gongshi-edge; fwd=uri-miss; stored');
    expect(fresh.body).toMatchObject({ name: '缓存测试局(更名)', version: 2 });
    expect((await request(path)).headers.get('cache-status')).toBe('gongshi-edge; hit');

    // A reader with a key, and the feed (which must always be current), bypass or skip the cache.
    expect((await request(path, { headers: admin })).headers.get('cache-status')).toBeNull();
    const feed = await request('/v1/feed?limit=1');
    expect(feed.headers.get('cache-status')).toBe('gongshi-edge; fwd=uri-miss');
    expect((await request('/v1/feed?limit=1')).headers.get('cache-status')).toBe('gongshi-edge; fwd=uri-miss');
  });

  it('leaves no worker connection open once the responses are done', async () => {
    const sql = postgres(database.url!, { max: 1, onnotice: () => {}, connection: { application_name: 'worker-test-probe' } });
    try {
      // Only the worker connects as application_name 'gongshi' here: this file never uses database.db.
      const open = async () =>
        (await sql<{ n: number }[]>`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'gongshi'`)[0]!.n;
      const deadline = Date.now() + 10_000;
      let n = await open();
      while (n > 0 && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 100));
        n = await open();
      }
      expect(n, 'worker connections still open after every request finished').toBe(0);
    } finally {
      await sql.end();
    }
  });

  it('logged no error inside workerd (no 5xx, no response failing its schema, no uncaught exception)', () => {
    expect(worker.output).not.toMatch(/"level":"error"|Uncaught|internal error/);
  });
});
