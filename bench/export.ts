/**
 * Bulk export and feed catch-up, on the server as deployed (src/node.ts bundled as `npm start` runs it, in its own process) over the rows of
 * bench/dataset-export.ts:
 * - `GET /v1/exports/penalties.ndjson`, downloaded and hashed, against `COPY (SELECT DISTINCT ON …) TO
 *   STDOUT` of the same lines by the same query shape on one postgres.js connection, alternating (ours, COPY,
 *   ours, COPY) so drift hits both; the server's RSS sampled every 100 ms from /proc.
 * - `/v1/feed?limit=1000` from the beginning until `next` reaches the head, against the same pages read from
 *   the change log and revisions directly (keyset by position, 1,000 a page, JSON parsed by the driver).
 */
import { createHash } from 'node:crypto';
import postgres from 'postgres';
import type { ExportDataset } from './dataset-export.js';
import { sampleRss } from './rss.js';
import { OURS, startServer, type RunningServer } from './servers.js';

export const EXPORT = 'export';
const ROUNDS = 2;
const FEED_PAGE = 1000;

export interface Download {
  seconds: number;
  bytes: number;
  /** Data lines: records for the export, rows for COPY. */
  lines: number;
}

export interface ExportFacts {
  data: ExportDataset;
  ours: Download[];
  copy: Download[];
  /** The export's SHA-256 equals the manifest's, and both rounds gave the same bytes. */
  sha256: string;
  sameBytes: boolean;
  manifestAgrees: boolean;
  rss: { idle: number; peak: number };
  cpuSecondsPerExport: number | null;
  feed: { events: number; pages: number; seconds: number; rssPeak: number };
  direct: { events: number; pages: number; seconds: number };
}

function newlinesIn(chunk: Uint8Array): number {
  let n = 0;
  for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) n++;
  return n;
}

/** Reads a response body to the end: bytes, lines, SHA-256, and the first and last line. */
async function drain(res: Response) {
  if (!res.body) throw new Error('no body');
  const hash = createHash('sha256');
  const decoder = new TextDecoder();
  let bytes = 0;
  let newlines = 0;
  let head = '';
  let tail = '';
  const reader = res.body.getReader();
  for (let read = await reader.read(); !read.done; read = await reader.read()) {
    const chunk = read.value;
    hash.update(chunk);
    bytes += chunk.byteLength;
    newlines += newlinesIn(chunk);
    if (head.length < 4096) head += decoder.decode(chunk.subarray(0, 4096));
    tail = (tail + Buffer.from(chunk.subarray(Math.max(0, chunk.byteLength - 4096))).toString('utf8')).slice(-4096);
  }
  const lines = tail.trimEnd().split('\n');
  return { sha256: hash.digest('hex'), bytes, newlines, first: head.slice(0, head.indexOf('\n')), last: lines[lines.length - 1]! };
}

async function exportOnce(server: RunningServer) {
  const started = performance.now();
  const res = await fetch(`${server.base}/v1/exports/penalties.ndjson`);
  if (res.status !== 200) throw new Error(`export answered ${res.status}: ${(await res.text()).slice(0, 400)}`);
  const body = await drain(res);
  const seconds = (performance.now() - started) / 1000;
  const header = JSON.parse(body.first) as { export?: { position?: number } };
  const trailer = JSON.parse(body.last) as { end?: { records?: number } };
  const records = trailer.end?.records;
  if (header.export?.position === undefined || records === undefined || records !== body.newlines - 2) {
    throw new Error(`export cut short or malformed: header ${body.first.slice(0, 200)}, trailer ${body.last.slice(0, 200)}, ${body.newlines} lines`);
  }
  return { seconds, bytes: body.bytes, lines: records, sha256: body.sha256 };
}

/**
 * The baseline: the same lines by the same DISTINCT ON over the same index, written by hand the way a
 * database administrator would dump them, with no HTTP, no paging and no hashing on the server.
 */
async function copyOnce(url: string, head: number): Promise<Download> {
  const sql = postgres(url, { max: 1, onnotice: () => {}, connection: { application_name: 'bench-runner' } });
  try {
    const started = performance.now();
    // COPY takes no parameters: the head, a number, is written into the statement.
    const stream = await sql.unsafe(`COPY (
      SELECT DISTINCT ON (c.record_id) '{"position":' || c.position || ',"type":' || to_json(c.record_type)::text
        || ',"id":"' || c.record_id || '","version":' || c.version || ',"event":' || to_json(c.event)::text
        || ',"agencyId":' || coalesce('"' || c.agency_id || '"', 'null')
        || ',"at":"' || to_char(c.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
        || '","data":' || CASE WHEN r.redacted THEN '{"redacted":true}' ELSE r.data::text END || '}'
      FROM changes c JOIN revisions r ON r.record_id = c.record_id AND r.version = c.version
      WHERE c.record_type = 'penalty' AND c.position <= ${Math.trunc(head)}
      ORDER BY c.record_id, c.version DESC NULLS LAST
    ) TO STDOUT`).readable();
    let bytes = 0;
    let lines = 0;
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      bytes += chunk.byteLength;
      lines += newlinesIn(chunk);
    }
    return { seconds: (performance.now() - started) / 1000, bytes, lines };
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/** `next` is a cursor string, `head` a number. */
interface FeedPage {
  items: unknown[];
  next: string;
  head: number;
}

async function feedCatchUp(server: RunningServer) {
  const sampler = sampleRss(() => server.rssMiB() ?? 0);
  const started = performance.now();
  let after = '0';
  let events = 0;
  let pages = 0;
  try {
    for (;;) {
      const res = await fetch(`${server.base}/v1/feed?limit=${FEED_PAGE}&after=${after}`);
      if (res.status !== 200) throw new Error(`feed answered ${res.status} after ${after}: ${(await res.text()).slice(0, 400)}`);
      const page = (await res.json()) as FeedPage;
      events += page.items.length;
      pages++;
      if (page.next === String(page.head)) break;
      after = page.next;
    }
  } finally {
    sampler.stop();
  }
  return { events, pages, seconds: (performance.now() - started) / 1000, rssPeak: sampler.stop().peak };
}

async function directCatchUp(url: string, head: number) {
  const sql = postgres(url, { max: 1, onnotice: () => {}, connection: { application_name: 'bench-runner' } });
  try {
    const started = performance.now();
    let after = 0;
    let events = 0;
    let pages = 0;
    for (;;) {
      const rows = await sql<{ position: string }[]>`SELECT c.position, c.record_type, c.record_id, c.version, c.event, c.agency_id, c.at, r.data, r.redacted
        FROM changes c JOIN revisions r ON r.record_id = c.record_id AND r.version = c.version
        WHERE c.position > ${after} AND c.position <= ${head} ORDER BY c.position LIMIT ${FEED_PAGE}`;
      events += rows.length;
      pages++;
      if (rows.length < FEED_PAGE) break;
      after = Number(rows[rows.length - 1]!.position);
    }
    return { events, pages, seconds: (performance.now() - started) / 1000 };
  } finally {
    await sql.end({ timeout: 5 });
  }
}

async function manifestSha256(server: RunningServer): Promise<string | null> {
  const res = await fetch(`${server.base}/v1/exports`);
  const manifest = (await res.json()) as { resources: { resource: string; files: { ndjson: { latest: { sha256: string } | null } } }[] };
  return manifest.resources.find((r) => r.resource === 'penalties')?.files.ndjson.latest?.sha256 ?? null;
}

const feedPosition = async (server: RunningServer) => ((await (await fetch(`${server.base}/v1/exports`)).json()) as { position: number }).position;

/**
 * The server's expiry sweep runs at start and writes an `expired` event for each template decision whose
 * publicity period has ended; both rounds must export the same position, so measuring starts once it is done.
 */
async function settled(server: RunningServer): Promise<number> {
  let last = await feedPosition(server);
  for (let quiet = 0; quiet < 3; ) {
    await new Promise((r) => setTimeout(r, 500));
    const now = await feedPosition(server);
    quiet = now === last ? quiet + 1 : 0;
    last = now;
  }
  return last;
}

export async function benchExport(url: string, data: ExportDataset, log: (m: string) => void): Promise<ExportFacts> {
  const server = await startServer(OURS, url, '/v1/exports');
  try {
    const head = await settled(server);
    if (head !== data.head) log(`export: the server's expiry sweep moved the head from ${data.head} to ${head}`);
    const idle = server.rssMiB() ?? 0;
    const sampler = sampleRss(() => server.rssMiB() ?? 0);
    const ours: Download[] = [];
    const copy: Download[] = [];
    const hashes: string[] = [];
    const cpuBefore = server.cpuMs();
    for (let round = 0; round < ROUNDS; round++) {
      const run = await exportOnce(server);
      ours.push(run);
      hashes.push(run.sha256);
      log(`export round ${round + 1}: ${run.lines} records, ${(run.bytes / 2 ** 20).toFixed(0)} MiB in ${run.seconds.toFixed(1)} s, server RSS peak so far ${Math.round(sampler.note())} MiB`);
      const baseline = await copyOnce(url, head);
      copy.push(baseline);
      log(`COPY round ${round + 1}: ${baseline.lines} rows, ${(baseline.bytes / 2 ** 20).toFixed(0)} MiB in ${baseline.seconds.toFixed(1)} s`);
    }
    const cpuAfter = server.cpuMs();
    const rss = sampler.stop();
    const manifest = await manifestSha256(server);
    const feed = await feedCatchUp(server);
    log(`feed catch-up: ${feed.events} events in ${feed.pages} pages, ${feed.seconds.toFixed(1)} s`);
    const direct = await directCatchUp(url, head);
    log(`direct read: ${direct.events} events in ${direct.pages} pages, ${direct.seconds.toFixed(1)} s`);
    return {
      data: { ...data, head },
      ours,
      copy,
      sha256: hashes[0]!,
      sameBytes: hashes.every((h) => h === hashes[0]),
      manifestAgrees: manifest === hashes[hashes.length - 1],
      rss: { idle, peak: rss.peak },
      cpuSecondsPerExport: cpuBefore !== null && cpuAfter !== null ? (cpuAfter - cpuBefore) / 1000 / ROUNDS : null,
      feed,
      direct,
    };
  } finally {
    await server.stop();
  }
}
