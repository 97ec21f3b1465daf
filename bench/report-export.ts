import type { Download, ExportFacts } from './export.js';

/** The issue's targets: export time within 1.5× the COPY of the same rows, the server under 150 MB. */
const TARGET_COPY_RATIO = 1.5;
const TARGET_RSS_MB = 150;

const MiB = 2 ** 20;
const num = (n: number, digits = 0) => n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const best = (runs: Download[]) => Math.min(...runs.map((r) => r.seconds));

/** The export section of the report: both rounds of each side, the ratio of the best of each, the feed beside the table. */
export function formatExport(f: ExportFacts): string[] {
  const d = f.data;
  const ratio = best(f.ours) / best(f.copy);
  const rssMB = (f.rss.peak * MiB) / 1e6;
  const feedRate = f.feed.events / f.feed.seconds;
  const directRate = f.direct.events / f.direct.seconds;
  const rows = (label: string, runs: Download[]) =>
    runs.map((r, i) => `| ${label}, round ${i + 1} | ${num(r.lines)} | ${num(r.bytes / MiB)} | ${num(r.seconds, 1)} | ${num(r.lines / r.seconds)} | ${num(r.seconds / best(f.copy), 2)}× |`);
  return [
    '',
    `## Bulk export and feed catch-up: ${num(d.records)} penalties`,
    '',
    `Data (bench/dataset-export.ts, untimed, ${num(d.loadSeconds)} s to load): ${num(d.template.records)} penalties posted through the app (${num(d.template.corrected)} corrected, ${num(d.template.withdrawn)} withdrawn: versions 1–3, redacted revisions, tombstones), their change-log entries and revisions copied in SQL with new ids to ${num(d.records)} penalties, ${num(d.events)} penalty events, feed head ${num(d.head)}. changes ${num(d.bytes.changes / MiB)} MiB, revisions ${num(d.bytes.revisions / MiB)} MiB with indexes.`,
    `Ours: \`GET /v1/exports/penalties.ndjson\` from the Node server (build/node/server.js as \`npm start\` builds it, own process, pool 10), read and SHA-256-hashed by the bench. COPY: \`COPY (SELECT DISTINCT ON (record_id) <the same line> FROM changes JOIN revisions … ORDER BY record_id, version DESC) TO STDOUT\` on one postgres.js connection, alternating with ours. Same rows at the same position; COPY's text format escapes backslashes, so its bytes differ slightly.`,
    '',
    '| run | records | MiB | seconds | records/s | × best COPY |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    ...rows('export NDJSON', f.ours),
    ...rows('COPY … TO STDOUT', f.copy),
    '',
    `| measure | figure | target | verdict |`,
    '| --- | ---: | --- | --- |',
    `| export time ÷ COPY time (best of ${f.ours.length} each) | ${num(ratio, 2)}× | ≤ ${TARGET_COPY_RATIO}× | ${ratio <= TARGET_COPY_RATIO ? 'PASS' : 'FAIL'} |`,
    `| server peak RSS during the exports (idle before: ${num(f.rss.idle)} MiB) | ${num(f.rss.peak)} MiB (${num(rssMB)} MB) | < ${TARGET_RSS_MB} MB | ${rssMB < TARGET_RSS_MB ? 'PASS' : 'FAIL'} |`,
    `| of which the exports' own (peak − idle) | ${num(f.rss.peak - f.rss.idle)} MiB | | |`,
    `| server CPU per export | ${f.cpuSecondsPerExport === null ? 'n/a' : `${num(f.cpuSecondsPerExport, 1)} s`} | | |`,
    `| both rounds the same bytes; the manifest's SHA-256 equals the download's | ${f.sameBytes && f.manifestAgrees ? 'yes' : `no (same bytes: ${f.sameBytes}, manifest: ${f.manifestAgrees})`} | | |`,
    '',
    `Feed catch-up, pages of 1,000 from position 0 to the head: \`GET /v1/feed?limit=1000&after=…\` (every record type) beside the same keyset read of changes ⋈ revisions on one postgres.js connection.`,
    '',
    '| reader | events | pages | seconds | events/s | × direct |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    `| /v1/feed over HTTP | ${num(f.feed.events)} | ${num(f.feed.pages)} | ${num(f.feed.seconds, 1)} | ${num(feedRate)} | ${num(feedRate / directRate, 2)} |`,
    `| direct SQL | ${num(f.direct.events)} | ${num(f.direct.pages)} | ${num(f.direct.seconds, 1)} | ${num(directRate)} | 1.00 |`,
    '',
    `Server peak RSS during the catch-up: ${num(f.feed.rssPeak)} MiB.`,
  ];
}
