/**
 * The export benchmark's data: a template of real penalty histories made through the app (batches posted,
 * about 5 % of those still on display corrected and 1 % withdrawn, and those whose publicity period had
 * already ended expired on arrival: versions 1–3, redacted revisions and tombstones), then
 * the template's change-log entries and revisions copied in SQL until the log carries `records` penalties.
 * Copies get new time-ordered ids (and the id inside their data) and dense positions after the head, as if
 * written later; the export and the feed read only the change log and the revisions, so they are all a copy
 * needs. Going through the app for a million records would take the ingest's half hour before anything is
 * measured.
 */
import postgres from 'postgres';
import { createApp } from '../src/app.js';
import { sharedDb } from '../src/db/client.js';
import { openPostgres } from '../src/db/postgres.js';
import type { AgencyIdentity } from '../src/domain/decisions/decision-parts.js';
import { penaltyBatch } from './dataset-penalties.js';

const ADMIN_TOKEN = 'bench-admin-token-0123456789';
/** Template batches of 1,000, each posted by another agency. */
const TEMPLATE_BATCHES = 2;
/** After the ingest benchmark's batches (0–99), so decision numbers never repeat one it wrote. */
const TEMPLATE_FIRST_BATCH = 100;
const CORRECTED = 0.05;
const WITHDRAWN = 0.01;
/** First copied id's timestamp: after any template id, so copies sort after the records they copy. */
const COPY_EPOCH_MS = Date.UTC(2027, 0, 1);

export interface ExportDataset {
  /** Penalties in the change log, and how many change-log entries (events) they have. */
  records: number;
  events: number;
  head: number;
  template: { records: number; events: number; corrected: number; withdrawn: number };
  /** Sizes on disk with indexes. */
  bytes: { changes: number; revisions: number };
  loadSeconds: number;
}

async function send(app: ReturnType<typeof createApp>, path: string, body: unknown, headers: Record<string, string>, expected: number) {
  const res = await app.request(path, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) });
  const text = await res.text();
  if (res.status !== expected) throw new Error(`POST ${path} answered ${res.status}: ${text.slice(0, 600)}`);
  return JSON.parse(text) as Record<string, unknown>;
}

/** Posts the template through the app, in process (no HTTP server: only the rows it leaves matter here). */
async function postTemplate(url: string, sql: postgres.Sql, agencies: AgencyIdentity[]) {
  const database = openPostgres(url, { max: 4 });
  const app = createApp({ db: sharedDb(database.db), config: { adminToken: ADMIN_TOKEN } });
  const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
  let corrected = 0;
  let withdrawn = 0;
  try {
    for (let k = 0; k < TEMPLATE_BATCHES; k++) {
      const agency = agencies[k % agencies.length]!;
      const key = await send(app, '/v1/keys', { agencyId: agency.id, name: 'bench export', scopes: ['publish'] }, { Authorization: `Bearer ${ADMIN_TOKEN}` }, 201);
      const auth = { Authorization: `Bearer ${String(key.secret)}` };
      const made = await send(app, '/v1/penalties/batch', { items: penaltyBatch(TEMPLATE_FIRST_BATCH + k, agency) }, auth, 201);
      const posted = (made.items as { id: string }[]).map((item) => item.id);
      // Decisions whose publicity period had ended on arrival are expired already: only the rest can change.
      const open = await sql<{ id: string }[]>`SELECT id FROM penalties WHERE id = ANY(${posted}::uuid[]) AND status = 'published'
        AND publicity_end_date > (now() AT TIME ZONE 'Asia/Shanghai')::date ORDER BY id`;
      const ids = open.map((row) => row.id);
      // Every 20th record corrected, every 100th (offset, so some corrected ones too) withdrawn.
      for (let i = 0; i < ids.length; i++) {
        if (i % Math.round(1 / CORRECTED) === 0) {
          await send(app, `/v1/penalties/${ids[i]}/corrections`, { reason: '更正违法事实表述。', changes: { facts: `当事人违法事实经复核更正(第${i}号)。` } }, { ...auth, 'If-Match': '"v1"' }, 200);
          corrected++;
        }
        if (i % Math.round(1 / WITHDRAWN) === 7 || i % Math.round(1 / WITHDRAWN) === 40) {
          const version = i % Math.round(1 / CORRECTED) === 0 ? 2 : 1;
          await send(app, `/v1/penalties/${ids[i]}/withdrawal`, { reasonCategory: 'revoked', explanation: '经行政复议决定撤销。', eventDate: today }, { ...auth, 'If-Match': `"v${version}"` }, 200);
          withdrawn++;
        }
      }
    }
  } finally {
    await database.close();
  }
  return { corrected, withdrawn };
}

export async function loadExportDataset(url: string, agencyIds: string[], records: number, log: (m: string) => void): Promise<ExportDataset> {
  const started = performance.now();
  const sql = postgres(url, { max: 1, onnotice: () => {}, connection: { application_name: 'bench-runner' } });
  try {
    const agencies = await sql<AgencyIdentity[]>`SELECT id, name, credit_code AS "creditCode", region_code AS "regionCode"
      FROM agencies WHERE status = 'active' ORDER BY id LIMIT ${TEMPLATE_BATCHES}`;
    if (!agencyIds.length || agencies.length < TEMPLATE_BATCHES) throw new Error('the export template needs active agencies');
    const { corrected, withdrawn } = await postTemplate(url, sql, agencies);
    const [template] = await sql<{ records: number; events: number; head: number }[]>`SELECT
      count(DISTINCT record_id)::int AS records, count(*)::int AS events,
      (SELECT position FROM change_clock WHERE id = 1)::int AS head
      FROM changes WHERE record_type = 'penalty'`;
    const t = template!;
    const copies = Math.max(0, Math.ceil(records / t.records) - 1);
    log(`export data: template of ${t.records} penalties (${t.events} events, ${corrected} corrected, ${withdrawn} withdrawn), ${copies} copies to add`);
    // Template records numbered 0..n-1 and their change-log entries 1..m in commit order.
    await sql`CREATE TEMP TABLE template_ids AS
      SELECT record_id, (row_number() OVER (ORDER BY record_id) - 1)::bigint AS i
      FROM (SELECT DISTINCT record_id FROM changes WHERE record_type = 'penalty') r`;
    await sql`CREATE TEMP TABLE template_changes AS
      SELECT c.*, row_number() OVER (ORDER BY position)::bigint AS k, t.i FROM changes c JOIN template_ids t USING (record_id)
      WHERE c.record_type = 'penalty'`;
    // A UUIDv7 per (copy, record): 48-bit millisecond timestamp, version 7, variant 8, the serial as the tail.
    await sql`CREATE TEMP TABLE copy_ids AS
      SELECT c, t.record_id AS original, (
        substr(h, 1, 8) || '-' || substr(h, 9, 4) || '-7' || lpad(to_hex((s % 4096)::int), 3, '0')
        || '-8' || lpad(to_hex(((s / 4096) % 4096)::int), 3, '0') || '-' || lpad(to_hex(s), 12, '0'))::uuid AS id
      FROM generate_series(1, ${copies}::int) c CROSS JOIN template_ids t,
        LATERAL (SELECT (c::bigint * ${t.records} + t.i) AS s) serial,
        LATERAL (SELECT lpad(to_hex(${COPY_EPOCH_MS}::bigint + serial.s), 12, '0') AS h) stamp`;
    await sql`CREATE INDEX ON copy_ids (original)`;
    await sql`INSERT INTO revisions (record_type, record_id, version, event, data, actor_kind, actor_key_id, actor_agency_id, reason, at, redacted)
      SELECT r.record_type, m.id, r.version, r.event,
        CASE WHEN r.data ? 'id' THEN jsonb_set(r.data, '{id}', to_jsonb(m.id::text)) ELSE r.data END,
        r.actor_kind, r.actor_key_id, r.actor_agency_id, r.reason, r.at, r.redacted
      FROM copy_ids m JOIN revisions r ON r.record_id = m.original
      ORDER BY m.c, m.id, r.version`;
    log(`export data: revisions copied after ${((performance.now() - started) / 1000).toFixed(0)} s`);
    await sql`INSERT INTO changes (position, record_type, record_id, version, event, agency_id, at)
      SELECT ${t.head}::bigint + (m.c - 1)::bigint * ${t.events} + tc.k, tc.record_type, m.id, tc.version, tc.event, tc.agency_id, tc.at
      FROM copy_ids m JOIN template_changes tc ON tc.record_id = m.original
      ORDER BY 1`;
    await sql`UPDATE change_clock SET position = (SELECT max(position) FROM changes) WHERE id = 1`;
    await sql`VACUUM ANALYZE changes`;
    await sql`VACUUM ANALYZE revisions`;
    const [after] = await sql<{ records: number; events: number; head: number; changes: string; revisions: string }[]>`SELECT
      count(DISTINCT record_id)::int AS records, count(*)::int AS events,
      (SELECT position FROM change_clock WHERE id = 1)::int AS head,
      pg_total_relation_size('changes')::text AS changes, pg_total_relation_size('revisions')::text AS revisions
      FROM changes WHERE record_type = 'penalty'`;
    const a = after!;
    return {
      records: a.records,
      events: a.events,
      head: a.head,
      template: { ...t, corrected, withdrawn },
      bytes: { changes: Number(a.changes), revisions: Number(a.revisions) },
      loadSeconds: (performance.now() - started) / 1000,
    };
  } finally {
    await sql.end({ timeout: 5 });
  }
}
