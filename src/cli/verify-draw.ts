// Recomputes a published 双随机 draw from its JSON alone: no database, no server code (docs/draw-algorithm.md#verify).
//   npm run verify-draw -- <URL of a task or of its draw | path of a saved JSON file>
// Exit 0: match; 1: mismatch; 2: unusable input (unreadable, not a published draw, not revealed, pools left out).
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { DrawError } from '../draw/draw-error.js';
import { PublishedDraw } from '../draw/published.js';
import { verifyDraw } from '../draw/verify.js';

function unusable(message: string): never {
  console.error(message);
  process.exit(2);
}

const reason = (err: unknown) => (err instanceof Error ? err.message : String(err));

async function fetchDraw(source: string): Promise<unknown> {
  const url = new URL(source);
  if (!/\/draw\/?$/.test(url.pathname)) url.pathname = url.pathname.replace(/\/?$/, '/draw');
  url.searchParams.set('include', 'pools');
  const res = await fetch(url, { headers: { Accept: 'application/json' } }).catch((err: unknown) => unusable(`Could not fetch ${url}: ${reason(err)}`));
  const body: unknown = await res.json().catch(() => unusable(`${url} answered ${res.status} without JSON.`));
  if (!res.ok) {
    const detail = (body as { detail?: unknown } | null)?.detail;
    unusable(`${url} answered ${res.status}${typeof detail === 'string' ? `: ${detail}` : '.'}`);
  }
  return body;
}

function readDraw(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    return unusable(`Cannot read ${path}: ${reason(err)}`);
  }
  try {
    return JSON.parse(text);
  } catch (err) {
    return unusable(`${path} is not JSON: ${reason(err)}`);
  }
}

const source = process.argv[2];
if (!source || process.argv.length > 3) unusable('Usage: npm run verify-draw -- <URL of a task or of its draw | path of a saved JSON file>');
const json = /^https?:\/\//i.test(source) ? await fetchDraw(source) : readDraw(source);
const parsed = PublishedDraw.safeParse(json);
if (!parsed.success) unusable(`Not a published draw:\n${z.prettifyError(parsed.error)}`);

let report: ReturnType<typeof verifyDraw>;
try {
  report = verifyDraw(parsed.data);
} catch (err) {
  if (err instanceof DrawError) unusable(err.detail);
  throw err;
}
for (const check of report.checks) console.log(`${check.ok ? 'ok  ' : 'FAIL'} ${check.name}: ${check.detail.replaceAll('\n', '\n     ')}`);
console.log(report.match ? 'match' : 'mismatch');
process.exitCode = report.match ? 0 : 1;
