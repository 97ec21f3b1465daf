/**
 * A real client in the suite: types generated from the live OpenAPI document with openapi-typescript, a small
 * aggregator written with openapi-fetch against them (test/aggregator/mirror.ts, compiled here with
 * `tsc --strict`, no casts), mirroring every resource by bulk export + feed over real HTTP while another task
 * writes, corrects, withdraws and expires records. Once the writer stops and the mirror catches up, the mirror
 * must equal the server's public state exactly.
 */
import { serve, type ServerType } from '@hono/node-server';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExportLine } from '../src/schemas/exports.js';
import { testClock, useTestApp } from './support/app.js';
import { startWriter, WRITE_CLOCK } from './support/mirror-writer.js';

const clock = testClock(WRITE_CLOCK);
const t = useTestApp({ now: () => clock.now });

const root = fileURLToPath(new URL('..', import.meta.url));
const MIRROR = join(root, 'test/aggregator/mirror.ts');
const GENERATED = join(root, 'test/aggregator/generated/schema.ts');

let server: ServerType | undefined;
let base = '';

beforeAll(async () => {
  const address = await new Promise<AddressInfo>((resolve) => {
    server = serve({ fetch: t.app.fetch, port: 0, hostname: '127.0.0.1' }, resolve);
  });
  base = `http://127.0.0.1:${address.port}`;
});

afterAll(async () => {
  if (!server) return;
  // The mirror's keep-alive connections would otherwise hold close() open.
  if ('closeAllConnections' in server) server.closeAllConnections();
  await new Promise((resolve) => server!.close(resolve));
});

/** Types from the document the server serves, as an aggregator generates them (with the enums' values). */
async function generateTypes(): Promise<void> {
  const spec = await (await fetch(`${base}/openapi.json`)).json();
  const source = astToString(await openapiTS(spec, { enumValues: true, silent: true }));
  // Both databases' runs write the same bytes: a rename, so neither ever reads the other's half-written file.
  mkdirSync(dirname(GENERATED), { recursive: true });
  const partial = `${GENERATED}.${process.pid}.tmp`;
  writeFileSync(partial, source);
  renameSync(partial, GENERATED);
}

/** `tsc --strict` on the mirror and the generated types, with the project's other compiler options. */
function compile(): { diagnostics: string[]; program: ts.Program } {
  const config = ts.readConfigFile(join(root, 'tsconfig.json'), ts.sys.readFile);
  const { options } = ts.parseJsonConfigFileContent(config.config, ts.sys, root);
  // No Node types: the aggregator uses only what browsers, Workers and Node all have (fetch, streams).
  const program = ts.createProgram([MIRROR], { ...options, strict: true, noEmit: true, types: [] });
  const diagnostics = ts.getPreEmitDiagnostics(program).map((d) => {
    const where = d.file && d.start !== undefined ? `${d.file.fileName}:${d.file.getLineAndCharacterOfPosition(d.start).line + 1}: ` : '';
    return where + ts.flattenDiagnosticMessageText(d.messageText, '\n');
  });
  return { diagnostics, program };
}

/** Every cast, `any`, non-null assertion or ts- directive in a source file ("as const" is no cast). */
function escapes(file: ts.SourceFile): string[] {
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    const isConst = ts.isAsExpression(node) && ts.isTypeReferenceNode(node.type) && node.type.typeName.getText(file) === 'const';
    if ((ts.isAsExpression(node) && !isConst) || ts.isTypeAssertionExpression(node) || ts.isNonNullExpression(node) || node.kind === ts.SyntaxKind.AnyKeyword) {
      found.push(`${file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1}: ${node.getText(file)}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  if (/@ts-(ignore|expect-error|nocheck)/.test(file.text)) found.push('a @ts- directive');
  return found;
}

/** A fresh NDJSON export, parsed with the server's own schema: its position and its records. */
async function freshExport(url: string): Promise<{ position: number; records: any[] }> {
  const res = await t.app.request(url);
  expect(res.status).toBe(200);
  const lines = (await res.text()).trimEnd().split('\n').map((l) => ExportLine.parse(JSON.parse(l)) as any);
  const header = lines.shift();
  expect(lines.pop()).toEqual({ end: { records: lines.length } });
  return { position: header.export.position, records: lines };
}

/** The version a GET's strong ETag names: "v3" or "v3.<digest of derived state>". */
const etagVersion = (etag: string | null) => Number(/^"v(\d+)[."]/.exec(etag ?? '')?.[1]);

describe('an aggregator generated from the live OpenAPI document', () => {
  it('mirrors every resource exactly by export + feed while records are written, corrected, withdrawn and expired', async () => {
    await generateTypes();
    const { diagnostics, program } = compile();
    expect(diagnostics).toEqual([]);
    expect(escapes(program.getSourceFile(MIRROR)!)).toEqual([]);

    // Loaded by path, not by a static import: the generated types exist only once this test has run.
    const { Mirror } = await import(/* @vite-ignore */ MIRROR);
    const mirror = new Mirror(base);

    // The writer starts first (so the exports hold records to be superseded), keeps writing while the mirror
    // downloads the exports, and writes its withdrawals, expiries and the negative-list editions after that.
    let loaded!: () => void;
    const mirrorLoaded = new Promise<void>((resolve) => (loaded = resolve));
    const writer = startWriter(t, clock, mirrorLoaded);
    let writing = true;
    const done = writer.done.finally(() => (writing = false));
    await writer.started;
    await mirror.load();
    loaded();
    while (writing) await mirror.poll(1);
    const expected = await done;
    await mirror.catchUp();

    // The mirror applied changes from the feed (not only from the exports), and reached the head.
    expect(mirror.feed.applied).toBeGreaterThan(0);
    const manifest = await t.request('/v1/exports');
    expect(mirror.position).toBe(String(manifest.body.position));

    // Every resource equals a fresh export, entry for entry (position, id, version, event, data).
    for (const resource of manifest.body.resources) {
      const fresh = await freshExport(resource.files.ndjson.url);
      expect(fresh.position).toBe(manifest.body.position);
      expect(fresh.records).toHaveLength(resource.records);
      expect(mirror.entries(resource.type), resource.type).toEqual(fresh.records);
    }
    expect(mirror.types().sort()).toEqual(manifest.body.resources.filter((r: { records: number }) => r.records > 0).map((r: { type: string }) => r.type).sort());
    for (const type of expected.types) expect(mirror.entries(type).length, type).toBeGreaterThan(0);

    // The narrowed views an aggregator builds: notices versus records on display, fines, the edition in force.
    expect(mirror.decisions()).toEqual({
      penalty: { ...expected.penalties, redacted: 0 },
      licence: { ...expected.licences, expired: 0, repaired: 0, redacted: 0 },
      enforcement_action: { onDisplay: 0, withdrawn: 0, expired: 0, repaired: 0, redacted: 0 },
    });
    expect(mirror.finesOnDisplay()).toBe(expected.finesOnDisplay);
    expect(mirror.currentEdition()).toBe(expected.currentEdition);

    // A sample: each record the writer touched, read back. Its version (body and ETag) is the mirror's, and a
    // decision, tombstones included, reads exactly as the mirror holds it.
    for (const { type, id, path } of expected.touched) {
      const held = mirror.entries(type).find((e: { id: string }) => e.id === id);
      const res = await t.request(path);
      expect(res.status, path).toBe(200);
      expect([res.body.version, etagVersion(res.headers.get('ETag'))], path).toEqual([held?.version, held?.version]);
      if (type === 'penalty' || type === 'licence') expect(held.data, path).toEqual(res.body);
    }
    const tombstones = expected.touched.filter((r) => r.tombstone);
    expect(tombstones.length).toBeGreaterThan(0);
    for (const { type, id, tombstone } of tombstones) {
      expect(mirror.entries(type).find((e: { id: string }) => e.id === id)).toMatchObject({ event: tombstone, data: { id, status: tombstone } });
    }
  }, 180_000);
});
