import type { Hono } from 'hono';
import type { AppEnv } from './context.js';
import { answerPreflight } from './cors.js';
import { problems } from './errors.js';

/** A method and a path in hono's syntax (/v1/agencies/:id). */
export interface Mounted {
  method: string;
  path: string;
}

const ORDER = ['GET', 'HEAD', 'POST', 'PATCH', 'DELETE', 'OPTIONS'];

/**
 * The Allow header of each path: its methods from the route table, HEAD wherever GET is (hono answers
 * HEAD through the GET handler), and OPTIONS everywhere (the CORS preflight).
 */
function allowHeaders(mounted: Mounted[]): Map<string, string> {
  const byPath = new Map<string, Set<string>>();
  for (const { method, path } of mounted) {
    const set = byPath.get(path) ?? byPath.set(path, new Set(['OPTIONS'])).get(path)!;
    set.add(method.toUpperCase());
    if (method.toUpperCase() === 'GET') set.add('HEAD');
  }
  return new Map([...byPath].map(([path, set]) => [path, ORDER.filter((m) => set.has(m)).join(', ')]));
}

const params = (path: string) => path.split(':').length;

/**
 * Mounted before the routes, one guard per known path: OPTIONS there is a CORS preflight, and a method
 * the path lacks is 405 with Allow (RFC 9110 §15.5.6). Paths without parameters go first and decide
 * alone, so GET /v1/penalties/batch is that path's 405, not a lookup of the penalty "batch" (OpenAPI
 * matches concrete paths before templated ones). Unknown paths, OPTIONS included, fall through to 404.
 */
export function mountMethodGuards(app: Hono<AppEnv>, mounted: Mounted[]): void {
  const byPath = [...allowHeaders(mounted)].sort(([a], [b]) => params(a) - params(b));
  for (const [path, allow] of byPath) {
    app.use(path, async (c, next) => {
      if (c.get('allow')) return next();
      c.set('allow', allow);
      if (c.req.method === 'OPTIONS') return answerPreflight(c, allow);
      if (!allow.split(', ').includes(c.req.method)) throw problems.methodNotAllowed(allow);
      return next();
    });
  }
}
