/**
 * The draw benchmark's directory (bench/draw.ts): one agency's 检查对象名录库 of generated market entities
 * (fixed seed; 信用风险分类 A 60 % / B 30 % / C 8 % / D 2 %), officers enrolled as inspectors (a few
 * unavailable, so they stay out of the pool) and declared conflicts of interest. Rows are COPYed in the stored
 * shape the app's own resources compute (their `columns`); revisions and feed events are not written, as
 * nothing the draw reads needs them.
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { getTableName } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import postgres from 'postgres';
import { inspectionConflicts, inspectionEntities, inspectors, officers } from '../src/db/schema.js';
import { inspectionConflict } from '../src/domain/inspections/conflicts.js';
import { inspectionEntity } from '../src/domain/inspections/entities.js';
import { inspector } from '../src/domain/inspections/inspectors.js';
import { officer } from '../src/domain/officers.js';
import { completeCreditCode } from '../src/lib/credit-code.js';
import type { OfficerCreate } from '../src/schemas/officers.js';
import { DISTRICTS, TRADES, WORDS } from '../src/demo/seed-inspections.js';
import { copyColumnsOf, copyLineOf } from './copy-rows.js';
import { prng, uuidv7At } from './dataset.js';

const SEED = 0xd4a3b1;
const EPOCH = Date.UTC(2025, 0, 1);

/** Cumulative shares of the risk classes: 60 % A, 30 % B, 8 % C, 2 % D. */
const RISK = [
  [0.6, 'A'],
  [0.9, 'B'],
  [0.98, 'C'],
  [1, 'D'],
] as const;
const FORMS = [
  ['有限公司', '有限责任公司', '91'],
  ['个体工商户', '个体工商户', '92'],
] as const;

export interface DirectoryFacts {
  entities: number;
  inspectors: number;
  unavailable: number;
  conflicts: number;
  /** Entities per risk class. */
  classes: Record<string, number>;
  loadSeconds: number;
}

/** COPYs rows (by drizzle key) into the table, generated as the write goes, 1 MiB at a time. */
async function copyInto(sql: postgres.Sql, table: PgTable, rows: Iterable<Record<string, unknown>>): Promise<void> {
  const columns = copyColumnsOf(table);
  function* chunks() {
    let chunk = '';
    for (const row of rows) {
      chunk += copyLineOf(columns, row);
      if (chunk.length > 1 << 20) {
        yield chunk;
        chunk = '';
      }
    }
    yield chunk;
  }
  await pipeline(Readable.from(chunks()), await sql`COPY ${sql(getTableName(table))} (${sql(columns.map(([, c]) => c.name))}) FROM STDIN`.writable());
}

const record = (id: string, at: Date, agencyId: string) => ({ id, version: 1, createdAt: at, updatedAt: at, agencyId });

/**
 * Loads `count` entities, `inspectorCount` available inspectors plus 5 % unavailable ones, and `conflictCount`
 * conflicts into the agency's directory; returns what was loaded. The two GIN search indexes of the entity table
 * are dropped first and not rebuilt: nothing the draw does reads them, and building them for a million names took
 * longer than the draw itself (this is the last benchmark of a run, on a throwaway cluster).
 */
export async function loadDirectory(url: string, agencyId: string, count: number, inspectorCount: number, conflictCount: number): Promise<DirectoryFacts> {
  if (count > 1_000_000) throw new Error('the generator makes at most 1,000,000 distinct credit codes');
  const started = performance.now();
  const rand = prng(SEED);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!;
  const classes: Record<string, number> = {};
  const entityIds: string[] = [];
  function* entities() {
    for (let i = 0; i < count; i++) {
      const at = new Date(EPOCH + i * 10_000);
      const id = uuidv7At(at.getTime(), rand);
      entityIds.push(id);
      const [regionCode, district] = pick(DISTRICTS);
      const [industryCode, trade] = pick(TRADES);
      const [form, entityKind, category] = rand() < 0.35 ? FORMS[0] : FORMS[1];
      const r = rand();
      const riskClass = RISK.find(([upTo]) => r < upTo)![1];
      classes[riskClass] = (classes[riskClass] ?? 0) + 1;
      const name = `示例市${district}${pick(WORDS)}${trade}${form === '有限公司' ? '有限公司' : ''}${i + 1}号`;
      const input = {
        name,
        // 91 企业 / 92 个体工商户 + district + a made-up organisation body unique per row (YL + 6 digits, as the demo's).
        creditCode: completeCreditCode(`${category}${regionCode}YL${String(i).padStart(6, '0')}`),
        objectType: 'entity' as const,
        entityKind,
        regionCode,
        industryCode,
        address: `示例市${district}示例路${(i % 997) + 1}号`,
        riskClass,
        tags: industryCode === 'F5251' ? ['药品经营'] : ['食品经营'],
      };
      yield { ...record(id, at, agencyId), ...inspectionEntity.columns(input, undefined) };
    }
  }
  const total = Math.round(inspectorCount * 1.05);
  const inspectorIds: string[] = [];
  const officerRows = [];
  const inspectorRows = [];
  for (let i = 0; i < total; i++) {
    const at = new Date(EPOCH - (total - i) * 60_000);
    const officerId = uuidv7At(at.getTime(), rand);
    const id = uuidv7At(at.getTime() + 1, rand);
    const fields: OfficerCreate = { name: `检查员${i + 1}`, certificateNo: `示例-4401${String(i).padStart(7, '0')}`, domains: ['市场监管'], validFrom: '2024-01-01', validTo: '2029-12-31' };
    officerRows.push({ ...record(officerId, at, agencyId), ...officer.columns(fields, undefined) });
    const available = i < inspectorCount;
    inspectorRows.push({ ...record(id, at, agencyId), ...inspector.columns({ officerId, domains: ['市场监管', '食品安全'], available }, undefined) });
    if (available) inspectorIds.push(id);
  }
  const sql = postgres(url, { max: 1, onnotice: () => {}, connection: { application_name: 'bench-runner' } });
  try {
    await sql`DROP INDEX inspection_entities_search_vector_idx, inspection_entities_name_trgm_idx`;
    await copyInto(sql, inspectionEntities, entities());
    await copyInto(sql, officers, officerRows);
    await copyInto(sql, inspectors, inspectorRows);
    const pairs = new Map<string, { inspectorId: string; entityId: string }>();
    while (pairs.size < conflictCount) {
      const pair = { inspectorId: pick(inspectorIds), entityId: pick(entityIds) };
      pairs.set(pair.inspectorId + pair.entityId, pair);
    }
    const conflictRows = [...pairs.values()].map((pair, i) => ({
      ...record(uuidv7At(EPOCH + count * 10_000 + i * 1000, rand), new Date(EPOCH + count * 10_000 + i * 1000), agencyId),
      ...inspectionConflict.columns({ ...pair, declaredBy: i % 2 ? 'inspector' : 'entity', reason: '近亲属在该单位任职' }, undefined),
    }));
    await copyInto(sql, inspectionConflicts, conflictRows);
    for (const table of ['inspection_entities', 'officers', 'inspectors', 'inspection_conflicts']) await sql`VACUUM ANALYZE ${sql(table)}`;
  } finally {
    await sql.end({ timeout: 5 });
  }
  return { entities: count, inspectors: inspectorCount, unavailable: total - inspectorCount, conflicts: conflictCount, classes, loadSeconds: (performance.now() - started) / 1000 };
}
