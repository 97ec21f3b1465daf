/**
 * A small aggregator, written as a provincial platform would write it: only against the types openapi-typescript
 * generates from Gongshi's live OpenAPI document (./generated/schema.ts, written by test/aggregator-mirror.test.ts)
 * and openapi-fetch, with no casts and no `any`. It loads every resource's NDJSON bulk export, then follows
 * /v1/feed from the smallest export position, keeping per record the entry of its highest version
 * (docs/mirroring.md). The test compiles this file with `tsc --strict` before it runs it.
 */
import createClient, { type Client } from 'openapi-fetch';
import { pathsV1ExportsFileGetParametersPathFileValues as EXPORT_FILES, type components, type paths } from './generated/schema.js';

type FeedEntry = components['schemas']['FeedEntry'];
type ExportLine = components['schemas']['ExportLine'];
type RecordType = components['schemas']['RecordType'];
type ExportFile = (typeof EXPORT_FILES)[number];

/** What the mirror holds of the decisions of one type, told apart by narrowing on `type` and then on `data`. */
export interface DecisionTally {
  /** Full records on display (status `published`). */
  onDisplay: number;
  /** Notices of decisions taken down, by status. */
  withdrawn: number;
  expired: number;
  repaired: number;
  /** A redaction notice as a record's latest version: never expected (the latest version is the notice). */
  redacted: number;
}

type DecisionType = 'penalty' | 'licence' | 'enforcement_action';

/** Splits a byte stream into its lines (UTF-8), without holding more than one chunk and one partial line. */
async function* lines(body: ReadableStream<Uint8Array>): AsyncGenerator<string> {
  const reader = body.getReader();
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let partial = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    const parts = (partial + decoder.decode(value, { stream: true })).split('\n');
    partial = parts.pop() ?? '';
    yield* parts;
  }
  partial += decoder.decode();
  // A last line without its newline is still handed on: the trailer check then finds the file cut short.
  if (partial !== '') yield partial;
}

/**
 * One NDJSON line as the document types it. The trust boundary is the same as openapi-fetch's own for JSON
 * bodies: the server promises the shape (its responses are checked against the document), the client types it.
 */
function parseLine(line: string): ExportLine {
  return JSON.parse(line);
}

/** Yuan amounts are decimal strings with two decimals (`2000.00`): summed exactly in fen. */
const fen = (yuan: string): bigint => BigInt(yuan.replace('.', ''));
const yuan = (amount: bigint): string => `${amount / 100n}.${String(amount % 100n).padStart(2, '0')}`;

export class Mirror {
  private readonly client: Client<paths>;
  private readonly records = new Map<RecordType, Map<string, FeedEntry>>();
  private cursor: string | null = null;
  /** Entries applied from the feed (newer than what the mirror held), and those skipped as not newer. */
  readonly feed = { applied: 0, skipped: 0 };

  constructor(baseUrl: string) {
    this.client = createClient<paths>({ baseUrl });
  }

  /** The feed position the mirror has read up to. */
  get position(): string {
    if (this.cursor === null) throw new Error('load() first');
    return this.cursor;
  }

  /** Every resource's export, then the feed position to follow from: the smallest of the exports'. */
  async load(): Promise<void> {
    const manifest = await this.client.GET('/v1/exports');
    if (!manifest.data) throw new Error(`GET /v1/exports: HTTP ${manifest.response.status}`);
    let start: number | null = null;
    for (const resource of manifest.data.resources) {
      // The manifest names the file by URL; the document's path parameter lists the files there are.
      const file = EXPORT_FILES.find((f) => `/v1/exports/${f}` === resource.files.ndjson.url);
      if (file === undefined) throw new Error(`the manifest lists ${resource.files.ndjson.url}, which the document does not name`);
      const position = await this.loadExport(file, resource.type);
      start = start === null ? position : Math.min(start, position);
    }
    this.cursor = String(start ?? 0);
  }

  /** One NDJSON export: header, one entry per record, trailer (whose count must match). Returns its position. */
  private async loadExport(file: ExportFile, type: RecordType): Promise<number> {
    const res = await this.client.GET('/v1/exports/{file}', { params: { path: { file } }, parseAs: 'stream' });
    if (!res.data) throw new Error(`GET /v1/exports/${file}: HTTP ${res.response.status}`);
    let position: number | null = null;
    let records = 0;
    let trailer: number | null = null;
    for await (const text of lines(res.data)) {
      if (trailer !== null) throw new Error(`${file}: a line after the trailer`);
      const line = parseLine(text);
      if ('export' in line) {
        if (position !== null || line.export.type !== type) throw new Error(`${file}: unexpected header ${text}`);
        position = line.export.position;
      } else if ('end' in line) {
        trailer = line.end.records;
      } else {
        if (position === null || line.type !== type) throw new Error(`${file}: a ${line.type} entry before or without the header`);
        this.apply(line);
        records += 1;
      }
    }
    if (position === null || trailer !== records) throw new Error(`${file}: cut short (${records} records, trailer ${trailer})`);
    return position;
  }

  /** Keeps an entry when it is newer than the version held: the feed may repeat what an export already gave. */
  private apply(entry: FeedEntry): boolean {
    let byId = this.records.get(entry.type);
    if (byId === undefined) this.records.set(entry.type, (byId = new Map()));
    const held = byId.get(entry.id);
    if (held !== undefined && held.version >= entry.version) return false;
    byId.set(entry.id, entry);
    return true;
  }

  /** One read of the feed after the cursor (long-polling up to `wait` seconds); applies what it brings. */
  async poll(wait = 0): Promise<{ next: string; head: number }> {
    const res = await this.client.GET('/v1/feed', { params: { query: { after: this.position, limit: 1000, wait } } });
    if (!res.data) throw new Error(`GET /v1/feed: HTTP ${res.response.status}`);
    for (const entry of res.data.items) {
      if (this.apply(entry)) this.feed.applied += 1;
      else this.feed.skipped += 1;
    }
    this.cursor = res.data.next;
    return { next: res.data.next, head: res.data.head };
  }

  /** Reads the feed until a page ends at the head it reports. */
  async catchUp(): Promise<void> {
    for (;;) {
      const { next, head } = await this.poll();
      if (next === String(head)) return;
    }
  }

  /** The record types held. */
  types(): RecordType[] {
    return [...this.records.keys()];
  }

  /** The latest entry of every record of a type, in id order (as an export lists them). */
  entries(type: RecordType): FeedEntry[] {
    return [...(this.records.get(type)?.values() ?? [])].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  /** What a republishing platform shows of decisions: full records on display versus notices, per type. */
  decisions(): Record<DecisionType, DecisionTally> {
    const tally = (): DecisionTally => ({ onDisplay: 0, withdrawn: 0, expired: 0, repaired: 0, redacted: 0 });
    const out: Record<DecisionType, DecisionTally> = { penalty: tally(), licence: tally(), enforcement_action: tally() };
    for (const byId of this.records.values()) {
      for (const entry of byId.values()) {
        // Narrowing on `type` gives the decision schemas: the record, its notice, or a redaction notice.
        if (entry.type !== 'penalty' && entry.type !== 'licence' && entry.type !== 'enforcement_action') continue;
        const { data } = entry;
        if ('redacted' in data) out[entry.type].redacted += 1;
        else if (data.status === 'published') out[entry.type].onDisplay += 1;
        else out[entry.type][data.status] += 1;
      }
    }
    return out;
  }

  /** The fines of the penalties on display, in yuan: only a full penalty record has `fineAmount`. */
  finesOnDisplay(): string {
    let total = 0n;
    for (const entry of this.records.get('penalty')?.values() ?? []) {
      if (entry.type !== 'penalty' || 'redacted' in entry.data || entry.data.status !== 'published') continue;
      if (entry.data.fineAmount !== null) total += fen(entry.data.fineAmount);
    }
    return yuan(total);
  }

  /** The code of the negative-list edition in force, as the mirror knows it. */
  currentEdition(): string | null {
    for (const entry of this.records.get('negative_list_edition')?.values() ?? []) {
      if (entry.type === 'negative_list_edition' && entry.data.status === 'current') return entry.data.code;
    }
    return null;
  }
}
