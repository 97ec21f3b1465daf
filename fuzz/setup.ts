import { completeCreditCode } from '../src/lib/credit-code.js';
import type { World } from './send.js';
import { readSpec, type Operation, type ServedSpec } from './spec.js';

/** Real ids, values and cursors read from the running server, for requests that reach existing records. */
export interface Harvest {
  pools: Map<string, string[]>;
  seen: Map<string, unknown[]>;
  cursors: Record<string, string[]>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const SEEN_CAP = 40;
const POOL_CAP = 400;

async function call(base: string, method: string, path: string, token?: string, body?: unknown): Promise<{ status: number; json: any }> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (token) headers.Authorization = `Bearer ${token}`;
  const res = await fetch(base + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  return { status: res.status, json: text ? JSON.parse(text) : null };
}

async function must(base: string, method: string, path: string, token: string, body?: unknown): Promise<any> {
  const res = await call(base, method, path, token, body);
  if (res.status >= 300) throw new Error(`setup: ${method} ${path} answered ${res.status}: ${JSON.stringify(res.json).slice(0, 300)}`);
  return res.json;
}

/** The served document: the fuzzer generates from what clients see, not from the server's own code. */
export async function loadServedSpec(base: string): Promise<ServedSpec> {
  return readSpec((await call(base, 'GET', '/openapi.json')).json);
}

/**
 * Two agencies of its own, a full and a publish-only key for every agency, and one revoked key. The agencies'
 * credit codes derive from `seed`, so each run (and its replay) creates the same ones.
 */
export async function createCredentials(base: string, operatorToken: string, seed: number): Promise<Omit<World, 'owners' | 'base' | 'pools'>> {
  for (const [i, level] of (['市级', '县级'] as const).entries()) {
    const prefix = `11440100FU${String(Math.abs(seed) % 1e5).padStart(5, '0')}${i}`;
    await call(base, 'POST', '/v1/agencies', operatorToken, { name: `模糊测试执法局${i + 1}`, creditCode: completeCreditCode(prefix), regionCode: '440100', level, kind: '法定' });
  }
  const agencies: { id: string }[] = (await must(base, 'GET', '/v1/agencies?limit=200', operatorToken)).items;
  const keys = new Map<string, string>();
  const publishOnlyKeys = new Map<string, string>();
  for (const { id } of agencies) {
    keys.set(id, (await must(base, 'POST', '/v1/keys', operatorToken, { agencyId: id, name: '模糊测试', scopes: ['publish', 'admin'] })).secret);
    publishOnlyKeys.set(id, (await must(base, 'POST', '/v1/keys', operatorToken, { agencyId: id, name: '模糊测试发布', scopes: ['publish'] })).secret);
  }
  const revoked = await must(base, 'POST', '/v1/keys', operatorToken, { agencyId: agencies[0]!.id, name: '已吊销', scopes: ['publish', 'admin'] });
  await must(base, 'DELETE', `/v1/keys/${revoked.id}`, operatorToken);
  return { operatorToken, keys, publishOnlyKeys, revokedKey: revoked.secret };
}

/** Pages through every list (top-level, then one level under a record) collecting ids, owners, values and cursors. */
export async function harvest(base: string, spec: ServedSpec, operatorToken: string): Promise<Harvest & { owners: Map<string, string> }> {
  const out = { pools: new Map<string, string[]>(), seen: new Map<string, unknown[]>(), cursors: {} as Record<string, string[]>, owners: new Map<string, string>() };
  const lists = spec.operations.filter((op) => op.method === 'GET' && op.parameters.some((p) => p.name === 'limit'));
  for (const op of lists.filter((o) => !o.path.includes('{'))) await pageThrough(base, op, op.path, operatorToken, out);
  for (const op of lists.filter((o) => (o.path.match(/\{/g) ?? []).length === 1 && o.path.includes('/{id}/'))) {
    const parent = op.path.split('/')[2]!;
    for (const id of (out.pools.get(parent) ?? []).slice(0, 4)) await pageThrough(base, op, op.path.replace('{id}', id), operatorToken, out);
  }
  return out;
}

async function pageThrough(base: string, op: Operation, path: string, token: string, out: Harvest & { owners: Map<string, string> }) {
  const pool = path.split('/').filter((s) => s && !UUID.test(s)).at(-1)!;
  // Small pages first, for several real cursors; then large pages for the records themselves.
  for (const limit of [2, 200]) {
    let cursor: string | null = null;
    for (let page = 0; page < 4; page++) {
      const query: string = `?limit=${limit}` + (cursor ? `&cursor=${encodeURIComponent(cursor)}` : '');
      const res = await call(base, 'GET', path + query, token);
      if (res.status !== 200) break;
      for (const item of res.json.items ?? []) collect(item, pool, out);
      cursor = typeof res.json.next === 'string' ? res.json.next : null;
      if (!cursor) break;
      if (limit === 2) (out.cursors[op.path] ??= []).push(cursor);
    }
  }
}

function collect(value: unknown, pool: string | undefined, out: Harvest & { owners: Map<string, string> }) {
  if (Array.isArray(value)) return value.forEach((v) => collect(v, undefined, out));
  if (!value || typeof value !== 'object') return;
  const record = value as Record<string, unknown>;
  if (pool && typeof record.id === 'string' && UUID.test(record.id)) {
    const ids = out.pools.get(pool) ?? [];
    if (ids.length < POOL_CAP && !ids.includes(record.id)) ids.push(record.id);
    out.pools.set(pool, ids);
    const agency = record.agencyId ?? record.decidingAgencyId ?? record.licensingAgencyId ?? record.leadAgencyId;
    if (typeof agency === 'string') out.owners.set(record.id, agency);
  }
  for (const [key, v] of Object.entries(record)) {
    if (v !== null && typeof v === 'object') collect(v, undefined, out);
    else if (v !== null) {
      const seen = out.seen.get(key) ?? [];
      if (seen.length < SEEN_CAP && !seen.includes(v)) seen.push(v);
      out.seen.set(key, seen);
    }
  }
}
