/**
 * A resource kind is declared in several places: its routes in src/routes, the route table in src/app.ts,
 * a tag of the OpenAPI document, a record type of the feed, and (for decisions, and anything else whose
 * lateness is judged) the compliance report's tables. Forgetting one fails silently at run time; these checks
 * fail instead. They read the declarations themselves (every module under src/routes and src/domain), so a new
 * module is covered the day it exists.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getTableColumns, getTableName, is } from 'drizzle-orm';
import { PgTable } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import { API_VERSION, routes } from '../src/app.js';
import * as schema from '../src/db/schema.js';
import { COMPLIANCE_RESULTS, COMPLIANCE_TABLES } from '../src/domain/compliance.js';
import { buildOpenApi } from '../src/openapi.js';
import type { AnyRoute } from '../src/registry.js';
import { RECORD_TYPES } from '../src/schemas/changes.js';

/** Every module below a folder of src/, loaded, by its path. */
async function modulesUnder(folder: string): Promise<Record<string, Record<string, unknown>>> {
  const root = fileURLToPath(new URL(`../src/${folder}/`, import.meta.url));
  const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
  return Object.fromEntries(await Promise.all(files.map(async (f) => [`src/${folder}/${f}`, await import(join(root, f))] as const)));
}
const routeModules = await modulesUnder('routes');
const domainModules = await modulesUnder('domain');

const isRoute = (v: unknown): v is AnyRoute =>
  typeof v === 'object' && v !== null && 'operationId' in v && 'handler' in v && 'method' in v && 'path' in v;

/** Every versioned record or decision kind some domain module declares: an object naming a record type and its table. */
function declaredKinds(): { type: string; table: string }[] {
  const kinds = new Map<string, string>();
  for (const mod of Object.values(domainModules)) {
    for (const value of Object.values(mod)) {
      if (typeof value !== 'object' || value === null || !('type' in value) || !('table' in value)) continue;
      const { type, table } = value as { type: unknown; table: unknown };
      if (typeof type === 'string' && is(table, PgTable)) kinds.set(type, getTableName(table));
    }
  }
  return [...kinds].map(([type, table]) => ({ type, table }));
}

const tables = Object.values(schema as Record<string, unknown>).filter((t): t is PgTable => is(t, PgTable));

/** Tables of published records: those with a version column. */
const versionedTables = tables
  .filter((t) => 'version' in getTableColumns(t) && 'updatedAt' in getTableColumns(t))
  .map((t) => getTableName(t));

describe('registration of resource kinds', () => {
  it('mounts every route that a module under src/routes declares', () => {
    const declared = Object.entries(routeModules).flatMap(([file, mod]) =>
      Object.values(mod).flatMap((v) => (Array.isArray(v) ? v.filter(isRoute).map((r) => ({ file, route: r })) : [])),
    );
    expect(declared.length).toBeGreaterThan(50);
    const mounted = new Set(routes);
    expect(declared.filter((d) => !mounted.has(d.route)).map((d) => `${d.file}: ${d.route.operationId}`)).toEqual([]);
  });

  it('declares, in the OpenAPI document, every tag a route uses, and uses every declared tag', () => {
    const spec = buildOpenApi(routes, API_VERSION);
    const declared = (spec.tags ?? []).map((t) => t.name);
    const used = new Set(routes.map((r) => r.tag));
    expect(used.size).toBeGreaterThan(10);
    expect([...used].filter((t) => !declared.includes(t))).toEqual([]);
    expect(declared.filter((t) => t !== 'meta' && !used.has(t))).toEqual([]);
  });

  it('gives every table of versioned records a declared kind, and every kind a record type of the feed', () => {
    const kinds = declaredKinds();
    expect(versionedTables.length).toBeGreaterThanOrEqual(10);
    expect(versionedTables.filter((t) => !kinds.some((k) => k.table === t))).toEqual([]);
    expect([...RECORD_TYPES].sort()).toEqual(kinds.map((k) => k.type).sort());
  });

  it('serves revisions of every record type', () => {
    const revisionPaths = routes.filter((r) => r.method === 'get' && r.path.endsWith('/revisions')).map((r) => r.path);
    const kinds = declaredKinds();
    expect(kinds.length).toBe(RECORD_TYPES.length);
    // Each kind's table is addressed by one collection; one revisions route per kind.
    expect(revisionPaths).toHaveLength(RECORD_TYPES.length);
  });

  it('counts every decision table in the compliance report', () => {
    const decisionTables = tables
      .filter((t) => ['decisionDate', 'publishedAt', 'late', 'workingDaysLate'].every((c) => c in getTableColumns(t)))
      .map((t) => getTableName(t));
    expect(decisionTables.length).toBeGreaterThanOrEqual(3);
    expect(COMPLIANCE_TABLES.map((t) => t.table).sort()).toEqual(decisionTables.sort());
  });

  it('counts every other table that judges lateness in the compliance report, apart from the decisions', () => {
    const judged = tables.filter((t) => ['late', 'workingDaysLate'].every((c) => c in getTableColumns(t))).map((t) => getTableName(t));
    const decisions = COMPLIANCE_TABLES.map((t) => t.table as string);
    expect(judged.filter((t) => !decisions.includes(t))).toEqual([COMPLIANCE_RESULTS.table]);
  });
});
