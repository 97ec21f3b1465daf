/**
 * Directory import: the same generated 检查对象名录库 file (dataset-entities.ts) (a) COPYed by postgres.js
 * into a fresh `inspection_entities` table with all its indexes, the rows computed beforehand in the stored
 * shape by the importer's own mapping and the API's own columns (untimed), then (b) after TRUNCATE, imported
 * from the file as `npm run import -- --kind inspection-entities` imports it (importEntitiesIntoDatabase over
 * postgres.js: stream, validate, a transaction per batch with the entries, their revisions and feed events),
 * sampling this process's RSS every 100 ms. Env BENCH_ENTITY_ROWS (default 1,000,000), BENCH_ENTITY_BATCH
 * (default the importer's).
 */
import { createReadStream, createWriteStream, rmSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import postgres from 'postgres';
import { inspectionEntities } from '../src/db/schema.js';
import { openPostgres } from '../src/db/postgres.js';
import { inspectionEntityColumns } from '../src/domain/inspections/entities.js';
import { mapEntityHeaders } from '../src/import/entity-headers.js';
import { DEFAULT_ENTITY_BATCH } from '../src/import/entity-import.js';
import { prepareEntityRow } from '../src/import/entity-row.js';
import { openTable } from '../src/import/read-table.js';
import { importEntitiesIntoDatabase } from '../src/import/submit.js';
import { newId } from '../src/lib/ids.js';
import { copyColumnsOf, copyLineOf } from './copy-rows.js';
import { writeEntityCsv } from './dataset-entities.js';
import { sampleRss } from './rss.js';
import { POOL_MAX } from './servers.js';

export const ENTITY_IMPORT = 'entity-import';

export interface EntityImportFacts {
  rows: number;
  batchSize: number;
  fileBytes: number;
  generateSeconds: number;
  copyPrepareSeconds: number;
  copySeconds: number;
  importSeconds: number;
  /** Rows written by the import, and the revisions and change-log rows it wrote with them. */
  imported: number;
  revisions: number;
  changes: number;
  rss: { before: number; peak: number; after: number; samples: number };
  tableBytes: number;
}

const MB = 2 ** 20;
const columns = copyColumnsOf(inspectionEntities);

/** The stored rows of the file, as COPY lines, through the importer's own header mapping and row validation. */
async function copyFile(csv: string, path: string, agencyId: string): Promise<number> {
  const table = await openTable(csv);
  const mapping = mapEntityHeaders(table.headers);
  const out = createWriteStream(path);
  const now = new Date();
  let n = 0;
  let chunk = '';
  for await (const row of table.rows) {
    const { item, errors } = prepareEntityRow(mapping, row);
    if (!item) throw new Error(`generated row ${row.rowNumber} refused: ${JSON.stringify(errors)}`);
    chunk += copyLineOf(columns, { ...inspectionEntityColumns(item), agencyId, id: newId(), version: 1, createdAt: now, updatedAt: now });
    if (++n % 1000 === 0) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end(chunk);
  await once(out, 'close');
  return n;
}

export async function benchEntityImport(url: string, agencyId: string, rows: number, log: (m: string) => void): Promise<EntityImportFacts> {
  const batchSize = Number(process.env.BENCH_ENTITY_BATCH ?? DEFAULT_ENTITY_BATCH);
  const csv = join(tmpdir(), `bench-entities-${process.pid}.csv`);
  const copy = join(tmpdir(), `bench-entities-${process.pid}.copy`);
  const sql = postgres(url, { max: 1, onnotice: () => {}, connection: { application_name: 'bench-runner' } });
  // No statement timeout: a batch waits on nothing else here, and a slow shared machine must not fail the run.
  const database = openPostgres(url, { max: POOL_MAX, statementTimeoutMs: 0 });
  try {
    let started = performance.now();
    const fileBytes = await writeEntityCsv(csv, rows);
    const generateSeconds = (performance.now() - started) / 1000;
    started = performance.now();
    if ((await copyFile(csv, copy, agencyId)) !== rows) throw new Error('the COPY file lacks rows');
    const copyPrepareSeconds = (performance.now() - started) / 1000;
    log(`entity import: ${rows} rows, ${Math.round(fileBytes / MB)} MiB CSV in ${generateSeconds.toFixed(1)} s, COPY rows prepared in ${copyPrepareSeconds.toFixed(1)} s`);

    started = performance.now();
    await pipeline(createReadStream(copy), await sql`COPY inspection_entities (${sql(columns.map(([, c]) => c.name))}) FROM STDIN`.writable());
    const copySeconds = (performance.now() - started) / 1000;
    const [copied] = await sql<{ n: number }[]>`SELECT count(*)::int AS n FROM inspection_entities`;
    if (copied!.n !== rows) throw new Error(`COPY wrote ${copied!.n} rows, expected ${rows}`);
    log(`entity import: COPY ${rows} rows in ${copySeconds.toFixed(1)} s`);
    await sql`TRUNCATE inspection_entities`;
    await sql`CHECKPOINT`;

    const sampler = sampleRss();
    let lastLog = 0;
    started = performance.now();
    const result = await importEntitiesIntoDatabase(database.db, {
      agencyId,
      file: csv,
      batchSize,
      onProgress: (p) => {
        if (p.rows - lastLog < 100_000) return;
        lastLog = p.rows;
        log(`entity import: ${p.rows} rows in ${((performance.now() - started) / 1000).toFixed(0)} s, RSS ${Math.round(sampler.note())} MiB`);
      },
    }).finally(() => sampler.stop());
    const importSeconds = (performance.now() - started) / 1000;
    if (result.imported !== rows) throw new Error(`the import wrote ${result.imported} of ${rows} rows (${result.rejectedRows} rejected)`);
    const [counts] = await sql<{ revisions: number; changes: number; bytes: string }[]>`SELECT
      (SELECT count(*)::int FROM revisions WHERE record_type = 'inspection_entity') AS revisions,
      (SELECT count(*)::int FROM changes WHERE record_type = 'inspection_entity') AS changes,
      pg_total_relation_size('inspection_entities')::text AS bytes`;
    return {
      rows,
      batchSize,
      fileBytes,
      generateSeconds,
      copyPrepareSeconds,
      copySeconds,
      importSeconds,
      imported: result.imported,
      revisions: counts!.revisions,
      changes: counts!.changes,
      rss: { ...sampler.stop(), after: process.memoryUsage().rss / MB },
      tableBytes: Number(counts!.bytes),
    };
  } finally {
    rmSync(csv, { force: true });
    rmSync(copy, { force: true });
    await database.close();
    await sql.end({ timeout: 5 });
  }
}
