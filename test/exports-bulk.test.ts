import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { REDACTED } from '../src/domain/records.js';
import { EXPORT_PAGE } from '../src/domain/paged-stream.js';
import { RECORD_TYPES } from '../src/schemas/changes.js';
import { ExportLine } from '../src/schemas/exports.js';
import { PUBLISHED_TYPES } from '../src/schemas/published-records.js';
import { admin, testClock, useTestApp } from './support/app.js';
import { penaltyAction, uniqueDecisionNumber, validPenalty } from './support/penalties.js';

const clock = testClock('2026-11-27T02:00:00Z');
const t = useTestApp({ now: () => clock.now });

interface Entry {
  position: number;
  type: string;
  id: string;
  version: number;
  event: string;
  agencyId: string | null;
  data: Record<string, unknown>;
}

async function download(file: string, headers: Record<string, string> = {}) {
  const res = await t.app.request(`/v1/exports/${file}`, { headers });
  const bytes = new Uint8Array(await res.arrayBuffer());
  return { res, bytes, text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes) };
}

/** An NDJSON export parsed: its header, records and trailer (which must close it). */
async function ndjson(resource: string) {
  const { res, text, bytes } = await download(`${resource}.ndjson`);
  expect(res.status).toBe(200);
  expect(res.headers.get('Content-Type')).toBe('application/x-ndjson');
  expect(text.endsWith('\n')).toBe(true);
  // Every line is one of the document's ExportLine shapes (header, typed feed entry, trailer).
  const lines = text.slice(0, -1).split('\n').map((l) => ExportLine.parse(JSON.parse(l)) as any);
  const [header, ...rest] = lines;
  const trailer = rest.pop();
  expect(trailer).toEqual({ end: { records: rest.length } });
  return { res, bytes, header: header.export as { position: number; resource: string; type: string; format: number }, records: rest as Entry[] };
}

async function feedAfter(after: number, type: string): Promise<Entry[]> {
  const out: Entry[] = [];
  for (let cursor = String(after); ; ) {
    const page = await t.request(`/v1/feed?after=${cursor}&type=${type}&limit=1000`);
    expect(page.status).toBe(200);
    out.push(...page.body.items);
    if (page.body.next === cursor) return out;
    cursor = page.body.next;
  }
}

/** What a mirror holds: the latest entry per record id. */
function fold(into: Map<string, Entry>, entries: Entry[]): Map<string, Entry> {
  for (const e of entries) if ((into.get(e.id)?.version ?? 0) < e.version) into.set(e.id, e);
  return into;
}

async function publishedPenalty() {
  const agency = await t.createAgency();
  const key = await t.keyFor(agency.id);
  const res = await t.post('/v1/penalties', validPenalty({ decisionNumber: uniqueDecisionNumber() }), key);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return { agency, key, penalty: res.body };
}

describe('bulk export (NDJSON)', () => {
  it('sends every record of the type once, at its latest version, between a header naming the position and a trailer', async () => {
    const a = await t.createAgency({ name: '导出测试局甲' });
    const b = await t.createAgency({ name: '导出测试局乙' });
    const patched = await t.patch(`/v1/agencies/${b.id}`, { name: '导出测试局乙(更名)' }, { ...admin, 'If-Match': '"v1"' });
    expect(patched.status).toBe(200);
    const head = (await t.request('/v1/feed?limit=1')).body.head;

    const { res, header, records } = await ndjson('agencies');
    expect(header).toEqual({ format: 1, resource: 'agencies', type: 'agency', position: head });
    expect(res.headers.get('Feed-Position')).toBe(String(head));
    expect(res.headers.get('Content-Disposition')).toBe(`attachment; filename="agencies-${head}.ndjson"`);
    const ids = records.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
    expect(records.find((r) => r.id === a.id)).toMatchObject({ type: 'agency', version: 1, event: 'created', data: a });
    expect(records.find((r) => r.id === b.id)).toMatchObject({ version: 2, event: 'updated', data: patched.body });
    // Every line is the feed entry of that version, member for member.
    const feed = await feedAfter(0, 'agency');
    const byKey = new Map(feed.map((e) => [`${e.id}/${e.version}`, e]));
    expect(records.length).toBeGreaterThanOrEqual(2);
    for (const r of records) expect(r).toEqual(byKey.get(`${r.id}/${r.version}`));
  });

  it('plus the feed from its position equals a later export: an exact mirror', async () => {
    const before = await t.createAgency({ name: '镜像测试局' });
    const first = await ndjson('agencies');
    const mirror = fold(new Map(), first.records);
    // Changes after the export: a new record and a new version of an exported one.
    const added = await t.createAgency({ name: '镜像测试局(新)' });
    expect((await t.patch(`/v1/agencies/${before.id}`, { name: '镜像测试局(更名)' }, { ...admin, 'If-Match': '"v1"' })).status).toBe(200);
    fold(mirror, await feedAfter(first.header.position, 'agency'));
    const later = await ndjson('agencies');
    expect(later.header.position).toBeGreaterThan(first.header.position);
    expect(mirror.get(added.id)?.version).toBe(1);
    expect(mirror.get(before.id)?.version).toBe(2);
    expect([...mirror.values()].sort((x, y) => (x.id < y.id ? -1 : 1))).toEqual(later.records);
  });

  it('keeps withdrawn and expired decisions as their notices, and earlier versions of a decision taken down stay redacted', async () => {
    const withdrawn = await publishedPenalty();
    const res = await penaltyAction(t, withdrawn.penalty.id, 'withdrawal', { reasonCategory: 'revoked', explanation: '经行政复议决定撤销。', eventDate: '2026-11-25' }, withdrawn.key);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const expiring = await publishedPenalty();
    clock.now = new Date(Date.parse(`${expiring.penalty.publicityEndDate}T00:00:00+08:00`) + 2 * 86_400_000);
    try {
      expect((await t.post('/v1/maintenance/expire', {}, admin)).status).toBe(200);
    } finally {
      clock.now = new Date('2026-11-27T02:00:00Z');
    }
    const { records } = await ndjson('penalties');
    expect(records.find((r) => r.id === withdrawn.penalty.id)).toMatchObject({ version: 2, event: 'withdrawn', data: res.body });
    expect(records.find((r) => r.id === expiring.penalty.id)).toMatchObject({ version: 2, event: 'expired', data: { status: 'expired' } });
    // The feed shows version 1 of both as the redaction notice, never their content.
    const feed = await feedAfter(0, 'penalty');
    expect(feed.find((e) => e.id === withdrawn.penalty.id && e.version === 1)?.data).toEqual(REDACTED);
  });

  it(`streams more than one page (${EXPORT_PAGE} records) in id order, without repeats`, async () => {
    const agency = await t.createAgency();
    const key = await t.keyFor(agency.id);
    const batch = (n: number) => ({ items: Array.from({ length: n }, () => validPenalty({ decisionNumber: uniqueDecisionNumber('批导') })) });
    for (const n of [1000, 200]) expect((await t.post('/v1/penalties/batch', batch(n), key)).status).toBe(201);
    const { records } = await ndjson('penalties');
    const mine = records.filter((r) => r.agencyId === agency.id);
    expect(mine).toHaveLength(1200);
    const ids = records.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
  });

  it(`ends when the records fill the last page exactly (a multiple of ${EXPORT_PAGE})`, async () => {
    // The range after a full last page is empty; the download must still end, with its trailer.
    const agency = await t.createAgency();
    const key = await t.keyFor(agency.id);
    const missing = EXPORT_PAGE - ((await ndjson('penalties')).records.length % EXPORT_PAGE);
    const items = Array.from({ length: missing }, () => validPenalty({ decisionNumber: uniqueDecisionNumber('整页') }));
    expect((await t.post('/v1/penalties/batch', { items }, key)).status).toBe(201);
    const { records } = await ndjson('penalties');
    expect(records.length % EXPORT_PAGE).toBe(0);
    expect(records.length).toBeGreaterThanOrEqual(EXPORT_PAGE);
    const csv = await download('penalties.csv');
    expect(csv.res.status).toBe(200);
    // Header row plus one row per record (no field of a generated penalty spans lines).
    expect(csv.text.trimEnd().split('\r\n')).toHaveLength(records.length + 1);
  });

  it('has a strong ETag from its position: 304 while nothing changes, a new one after any write', async () => {
    await t.createAgency();
    const first = await download('agencies.ndjson');
    const etag = first.res.headers.get('ETag')!;
    expect(etag).toMatch(/^"ndjson\.1\.\d+"$/);
    const again = await download('agencies.ndjson', { 'If-None-Match': etag });
    expect(again.res.status).toBe(304);
    expect(again.bytes.byteLength).toBe(0);
    // Same position, same bytes.
    expect((await download('agencies.ndjson')).text).toBe(first.text);
    await t.createAgency();
    const after = await download('agencies.ndjson', { 'If-None-Match': etag });
    expect(after.res.status).toBe(200);
    expect(after.res.headers.get('ETag')).not.toBe(etag);
  });

  it.each(['unknown.ndjson', 'penalties.xml', 'penalties', 'penalties.ndjson.gz', '..%2Fpenalties.ndjson'])('answers %s with 400 naming the file', async (file) => {
    const res = await t.request(`/v1/exports/${file}`);
    expect(res.status).toBe(400);
    expect(res.body.errors[0]).toMatchObject({ in: 'path', pointer: '/file' });
  });
});

describe('bulk export (CSV)', () => {
  it('has the entry columns and one column per published field, one row per record', async () => {
    const agency = await t.createAgency({ name: 'CSV导出局' });
    const { res, text } = await download('agencies.csv');
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toBe('text/csv; charset=utf-8');
    expect(text.startsWith('\uFEFFposition,type,id,version,event,agencyId,at,data.id,data.version,data.createdAt,data.updatedAt,')).toBe(true);
    const rows = text.slice(1).trimEnd().split('\r\n');
    const nd = await ndjson('agencies');
    expect(rows).toHaveLength(nd.records.length + 1);
    const header = rows[0]!.split(',');
    const mine = rows.find((r) => r.includes(agency.id))!.split(',');
    expect(mine[header.indexOf('data.name')]).toBe('CSV导出局');
    expect(mine[header.indexOf('type')]).toBe('agency');
  });
});

describe('export manifest', () => {
  it('lists every record type with its count, files and the SHA-256 of the latest complete export', async () => {
    await t.createAgency();
    const { bytes, header, records } = await ndjson('agencies');
    const res = await t.request('/v1/exports');
    expect(res.status).toBe(200);
    expect(res.body.resources.map((r: { type: string }) => r.type)).toEqual([...RECORD_TYPES]);
    const agencies = res.body.resources.find((r: { type: string }) => r.type === 'agency');
    expect(agencies).toMatchObject({ resource: 'agencies', records: records.length, files: { ndjson: { url: '/v1/exports/agencies.ndjson' }, csv: { url: '/v1/exports/agencies.csv' } } });
    expect(agencies.files.ndjson.latest).toMatchObject({
      position: header.position,
      records: records.length,
      bytes: bytes.byteLength,
      sha256: createHash('sha256').update(bytes).digest('hex'),
    });
    expect(res.body.national.map((n: { url: string }) => n.url)).toContain('/v1/penalties.csv');
    for (const type of RECORD_TYPES) {
      const url = res.body.resources.find((r: { type: string }) => r.type === type).files.ndjson.url;
      expect(url).toBe(`/v1/exports/${PUBLISHED_TYPES[type].collection}.ndjson`);
    }
  });
});
