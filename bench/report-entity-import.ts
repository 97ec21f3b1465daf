import type { EntityImportFacts } from './entity-import.js';

const num = (n: number, digits = 0) => n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** The directory-import section of the report: import vs COPY of the same rows, and memory. */
export function formatEntityImport(f: EntityImportFacts): string[] {
  const importRate = f.rows / f.importSeconds;
  const copyRate = f.rows / f.copySeconds;
  return [
    '',
    '## Directory import: npm run import -- --kind inspection-entities vs COPY',
    '',
    `${num(f.rows)} generated 检查对象名录库 rows (bench/dataset-entities.ts, fixed per row: ~95 % market entities with a credit code, ~4 % with a 注册号, ~1 % products; risk classes as letters or 低/一般/较高; header variants), one CSV of ${num(f.fileBytes / 2 ** 20)} MiB (written in ${num(f.generateSeconds, 1)} s, untimed).`,
    `Import: importEntitiesIntoDatabase over postgres.js, as the CLI runs it: the file streamed, every row mapped and validated with InspectionEntityCreate, batches of ${num(f.batchSize)} rows, one transaction each writing the entries, ${num(f.revisions)} revisions and ${num(f.changes)} change-log rows (one \`created\` event per entity).`,
    `COPY: the same rows in the stored shape (mapped and validated by the importer's own functions, columns by inspectionEntityColumns; ${num(f.copyPrepareSeconds, 1)} s to prepare, untimed) by postgres.js \`COPY inspection_entities (…) FROM STDIN\` into the freshly created table with all its indexes (search vector, name trigram, the two partial unique keys, the pool index); run first, then truncated. COPY writes no revisions or change log.`,
    '',
    '| | seconds | rows/s | import / COPY |',
    '| --- | ---: | ---: | ---: |',
    `| import (CSV file → directory, revisions, feed) | ${num(f.importSeconds, 1)} | ${num(importRate)} | ${(importRate / copyRate).toFixed(2)} |`,
    `| COPY FROM STDIN | ${num(f.copySeconds, 1)} | ${num(copyRate)} | 1.00 |`,
    '',
    `Bench process RSS during the import (process.memoryUsage().rss every 100 ms, ${num(f.rss.samples)} samples): before ${num(f.rss.before)} MiB, peak ${num(f.rss.peak)} MiB, after ${num(f.rss.after)} MiB. Table with indexes afterwards: ${num(f.tableBytes / 2 ** 20)} MiB.`,
  ];
}
