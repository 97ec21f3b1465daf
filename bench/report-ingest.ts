import { deepLimit, PAGE_DEEP, type PenaltyReads } from './scenarios-penalties.js';

/** The app ingest must reach this share of COPY's rows/s (the target). */
const TARGET_INGEST_RATIO = 0.25;

const num = (n: number, digits = 0) => n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** The ingest section of the report: app vs COPY, memory, and what the read scenarios ran over. */
export function formatIngest(p: PenaltyReads): string[] {
  const f = p.ingest;
  const appRate = f.rows / f.appSeconds;
  const copyRate = f.rows / f.copySeconds;
  const ratio = appRate / copyRate;
  const rssAt = Object.entries(f.rss.atBatch).map(([k, v]) => `${k}: ${num(v)}`).join(', ');
  return [
    '',
    '## Penalty batch ingest: app vs COPY',
    '',
    `${num(f.rows)} generated 行政处罚 decisions (bench/dataset-penalties.ts, fixed seed: ~20 % natural persons with GB 11643 ID numbers, credit codes for the rest, mixed penalty types with the amounts and licence text they require, decision dates 2025-01-01 to 2026-11-27, a quarter 严重 and the rest 一般) from ${f.agencies} agencies, each batch under its own agency's key.`,
    `App: ${f.batches} × POST /v1/penalties/batch of 1,000, one at a time, to createApp over postgres.js (pool 10) served over HTTP in the bench process; time = send to last response byte, summed (wall time including building each body: ${num(f.appWallSeconds, 1)} s). The app also writes ${num(f.rows)} revisions and ${num(f.rows)} change-log rows and answers one receipt per decision.`,
    `COPY: the same decisions in the stored shape (parsed, masked by preparePartyForStorage, publicity/timeliness/search text computed by the app's functions; ${num(f.copyPrepareSeconds, 1)} s to prepare, untimed) by postgres.js \`COPY penalties (…) FROM STDIN\` into the same table, freshly truncated, all indexes in place; run before the app ingest, then truncated again.`,
    '',
    '| | seconds | rows/s | app / COPY | target |',
    '| --- | ---: | ---: | ---: | --- |',
    `| app (POST /v1/penalties/batch) | ${num(f.appSeconds, 1)} | ${num(appRate)} | ${ratio.toFixed(2)} | ≥ ${TARGET_INGEST_RATIO} ${ratio >= TARGET_INGEST_RATIO ? 'PASS' : 'FAIL'} |`,
    `| COPY FROM STDIN | ${num(f.copySeconds, 1)} | ${num(copyRate)} | 1.00 | |`,
    '',
    `Per batch: p50 ${num(f.batchMs.p50)} ms, max ${num(f.batchMs.max)} ms, first ${num(f.batchMs.first)} ms, last ${num(f.batchMs.last)} ms.`,
    `Bench process RSS (app, its pool and the client in one process; process.memoryUsage().rss every 100 ms, ${num(f.rss.samples)} samples, plus after each batch): before ${num(f.rss.before)} MiB, peak ${num(f.rss.peak)} MiB, after ${num(f.rss.after)} MiB; after batch ${rssAt} MiB.`,
    `Afterwards: ${num(f.rows)} rows, ${num(f.displayed)} on display (the others' 一般 12-month period has ended), table with indexes ${num(f.tableBytes / 2 ** 20)} MiB.`,
    `Read scenarios below run over these rows: filter region ${p.region} with 罚款 = ${num(p.regionTypeIds.length)} rows on display (last page = ${num(Math.floor((p.regionTypeIds.length - 1) / 20) + 1)}); penaltyType=02 alone = ${num(p.typeIds.length)} rows, so page ${num(PAGE_DEEP)} exists at limit ${deepLimit(p)}.`,
  ];
}
