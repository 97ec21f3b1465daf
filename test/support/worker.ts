import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { Miniflare } from 'miniflare';
import { expect } from 'vitest';
import { specViolations } from './spec-check.js';

const root = new URL('../..', import.meta.url).pathname;
const BASE = 'http://gongshi.test';

/** compatibility_date / compatibility_flags from wrangler.toml, so the test runs what a deploy would. */
function wranglerCompat(): { compatibilityDate: string; compatibilityFlags: string[] } {
  const toml = readFileSync(join(root, 'wrangler.toml'), 'utf8');
  const date = /^\s*compatibility_date\s*=\s*"([^"]+)"/m.exec(toml)?.[1];
  const flags = /^\s*compatibility_flags\s*=\s*\[([^\]]*)\]/m.exec(toml)?.[1];
  if (!date) throw new Error('wrangler.toml has no compatibility_date');
  return { compatibilityDate: date, compatibilityFlags: [...(flags ?? '').matchAll(/"([^"]+)"/g)].map((m) => m[1]!) };
}

/** wrangler.toml's `[assets]` directory, which the dry run's custom build fills. */
function wranglerAssetsDirectory(): string {
  const toml = readFileSync(join(root, 'wrangler.toml'), 'utf8');
  const dir = /^\[assets\][^[]*?^\s*directory\s*=\s*"([^"]+)"/m.exec(toml)?.[1];
  if (!dir) throw new Error('wrangler.toml has no [assets] directory');
  return join(root, dir);
}

/** Miniflare's Hyperdrive option insists on a password; the test clusters use trust auth, so any will do. */
function hyperdriveUrl(url: string): string {
  const u = new URL(url);
  if (!u.password) u.password = 'unused';
  return u.toString();
}

interface WorkerResponse {
  status: number;
  headers: Headers;
  body: any;
}

export interface BuiltWorker {
  mf: Miniflare;
  base: string;
  /** Everything workerd wrote: the worker's JSON log lines and any uncaught errors. */
  readonly output: string;
  /** mf.dispatchFetch, parsing the body and checking the response against the published OpenAPI document. */
  request(path: string, init?: { method?: string; headers?: Record<string, string>; body?: string }): Promise<WorkerResponse>;
  dispose(): Promise<void>;
}

/**
 * The deployable artefact: `wrangler deploy --dry-run` bundles src/worker.ts exactly as a deploy would, and
 * the bundle runs inside workerd (Miniflare) against `databaseUrl` through Miniflare's Hyperdrive emulation
 * (a local TCP proxy in front of the real server).
 */
export async function startBuiltWorker(databaseUrl: string, bindings: Record<string, string>, options: { replicaUrl?: string } = {}): Promise<BuiltWorker> {
  const outdir = mkdtempSync(join(tmpdir(), 'gongshi-worker-'));
  const started = Date.now();
  execFileSync(process.execPath, [join(root, 'node_modules/wrangler/bin/wrangler.js'), 'deploy', '--dry-run', '--outdir', outdir], {
    cwd: root,
    env: { ...process.env, WRANGLER_SEND_METRICS: 'false', CI: 'true', NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const script = join(outdir, 'worker.js');
  const raw = statSync(script).size;
  const gzip = gzipSync(readFileSync(script)).length;
  console.log(`worker bundle: ${raw} bytes (${(raw / 1024).toFixed(1)} KiB), gzip ${gzip} bytes (${(gzip / 1024).toFixed(1)} KiB); built in ${Date.now() - started} ms`);
  // The project's own bound, well inside Cloudflare's plan limits: what a cold start must load and compile.
  expect(gzip, 'worker bundle, gzip').toBeLessThan(1_000_000);

  let output = '';
  const mf = new Miniflare({
    modules: true,
    scriptPath: script,
    modulesRoot: outdir, // module names are relative to this; the default (cwd) cannot reach a temp dir
    ...wranglerCompat(),
    hyperdrives: { HYPERDRIVE: hyperdriveUrl(databaseUrl), ...(options.replicaUrl ? { HYPERDRIVE_REPLICA: hyperdriveUrl(options.replicaUrl) } : {}) },
    // wrangler.toml's [assets], as the dry run's custom build left them; the worker answers every path first.
    assets: {
      directory: wranglerAssetsDirectory(),
      binding: 'ASSETS',
      routerConfig: { has_user_worker: true, invoke_user_worker_ahead_of_assets: true },
    },
    bindings,
    handleRuntimeStdio(stdout: Readable, stderr: Readable) {
      for (const stream of [stdout, stderr]) {
        stream.on('data', (chunk: Buffer) => {
          output += chunk.toString();
          process.stderr.write(chunk);
        });
      }
    },
  });
  await mf.ready;
  return {
    mf,
    base: BASE,
    get output() {
      return output;
    },
    async request(path, init = {}) {
      const res = await mf.dispatchFetch(BASE + path, init);
      const text = await res.text();
      const type = res.headers.get('Content-Type');
      const body = text === '' ? null : type && /json/.test(type) ? JSON.parse(text) : text;
      const method = init.method ?? 'GET';
      expect(specViolations(method, new URL(path, BASE).pathname, res.status, type, body), `${method} ${path} must match the OpenAPI document`).toEqual([]);
      if (res.status >= 400) expect(type).toBe('application/problem+json');
      return { status: res.status, headers: res.headers as unknown as Headers, body };
    },
    async dispose() {
      await mf.dispose();
      rmSync(outdir, { recursive: true, force: true });
    },
  };
}
