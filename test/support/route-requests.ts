/**
 * A valid request for every authenticated route of the route table (src/app.ts `routes`), and what the table
 * says each one needs: the cross-cutting answers (401, 403, 415, 428, 412) are generated from these, so a new
 * route is tested the day it is declared, and one the generator cannot build a request for fails instead.
 */
import { routes } from '../../src/app.js';
import { admin, type TestContext, type TestResponse } from './app.js';
import { requestStrings } from './request-strings.js';
import { spec } from './spec-check.js';
import type { WriteRequests, WriteTargets } from './write-requests.js';

export type Route = (typeof routes)[number];

export interface RouteRequest {
  method: string;
  path: string;
  body?: Record<string, unknown>;
  headers: Record<string, string>;
}

export const routeName = (route: Route) => `${route.method.toUpperCase()} ${route.path}`;
const named = (list: Route[]) => list.map((route) => ({ route, name: routeName(route) }));

export const authenticated = named(routes.filter((r) => r.auth));
export const withBody = named(routes.filter((r) => r.body));
export const withIfMatch = named(routes.filter((r) => r.ifMatch));

/** A route the operator alone may use: its description (the spec's text) says so. */
const operatorOnly = (route: Route) => /\boperator only\b/i.test(route.description ?? '');

const strings = requestStrings();

/**
 * Where a request names the agency it acts for: a path parameter (an existing record), an agency field, or a
 * record of one agency (the officer an inspector is; the inspector or entity a conflict of interest joins).
 */
const AGENCY_FIELD = /(^|\/)(agencyId|leadAgencyId|officerId|inspectorId|entityId)$/;
const namesAnAgency = (route: Route) =>
  /\{\w+\}/.test(route.path) || strings.some((s) => s.operationId === route.operationId && AGENCY_FIELD.test(s.pointer));

/**
 * Who may use a route for a record of agency A: the operator alone; A (and the operator); or any key, each
 * for its own agency (the request names no agency: the server takes the key's own).
 */
export type Owner = 'operator' | 'agency' | 'caller';
/** A route open to every agency's key, each acting as itself (a random contribution to another agency's draw). */
const anyAgency = (route: Route) => /\bany agency's key\b/i.test(route.description ?? '');
export const ownerOf = (route: Route): Owner => (operatorOnly(route) ? 'operator' : anyAgency(route) ? 'caller' : namesAnAgency(route) ? 'agency' : 'caller');

/**
 * The operator's valid request for `route`, on the records of `targets`: a write from test/support/write-requests.ts,
 * or an authenticated read built here (no path parameters; an agencyId filter naming the target agency).
 */
export async function requestFor(route: Route, requests: WriteRequests, targets: WriteTargets): Promise<RouteRequest> {
  if (route.method !== 'get') {
    const build = requests[route.operationId];
    if (!build) throw new Error(`${routeName(route)}: no request in test/support/write-requests.ts for ${route.operationId}`);
    return build();
  }
  if (/\{\w+\}/.test(route.path)) throw new Error(`${routeName(route)}: cannot fill the path parameters of an authenticated read`);
  const filter = strings.some((s) => s.operationId === route.operationId && s.in === 'query' && s.pointer === '/agencyId');
  return { method: 'GET', path: filter ? `${route.path}?agencyId=${targets.agencyId}` : route.path, headers: admin };
}

/** Sends a request as JSON (merge patches as application/merge-patch+json) with headers added or, as undefined, removed. */
export function sendWith(t: TestContext, req: RouteRequest, headers: Record<string, string | undefined> = {}): Promise<TestResponse> {
  const type = req.method === 'PATCH' ? 'application/merge-patch+json' : 'application/json';
  const merged = { ...(req.body ? { 'Content-Type': type } : {}), ...req.headers, ...headers };
  const sent = Object.fromEntries(Object.entries(merged).filter((e): e is [string, string] => e[1] !== undefined));
  return t.request(req.path, { method: req.method, headers: sent, ...(req.body ? { body: JSON.stringify(req.body) } : {}) });
}

/** The record a conditional request changes: the path itself (PATCH) or the record an action is posted to. */
export const recordOf = (req: RouteRequest) => (req.method === 'PATCH' ? req.path : req.path.slice(0, req.path.lastIndexOf('/')));

type Node = Record<string, any>;
const deref = (node: Node): Node => (typeof node.$ref === 'string' ? (spec.components?.schemas?.[node.$ref.split('/').pop()!] as Node) : node);

/** The free-text fields of a (merge patch) schema, each with its longest length. */
function freeTexts(schema: Node): [string, number][] {
  // A field that null removes is `anyOf: [its schema, null]`: the text is the first branch.
  const text = (p: Node): Node => (Array.isArray(p.anyOf) && p.anyOf.length === 2 && p.anyOf[1].type === 'null' ? p.anyOf[0] : p);
  return Object.entries((deref(schema).properties ?? {}) as Node)
    .map(([name, p]): [string, Node] => [name, text(p)])
    .filter(([, p]) => p.type === 'string' && !p.enum && !p.pattern && !p.format && !('const' in p))
    .map(([name, p]) => [name, p.maxLength ?? Infinity]);
}

/**
 * `req` made into one that surely makes a new version of the record it names: a merge patch (the body of a
 * PATCH, or the `changes` of a correction) gets a real change, made from its schema in the published document
 * (the first free-text field that has a value, with a few characters added); other actions change the record
 * by themselves (a withdrawal, a credit repair).
 */
export function withRealChange(route: Route, req: RouteRequest, record: Record<string, unknown>): RouteRequest {
  const content = (spec.paths?.[route.path] as Node | undefined)?.[route.method]?.requestBody?.content as Node | undefined;
  const schema = deref(Object.values(content ?? {})[0]?.schema ?? {});
  const changes = schema.properties?.changes as Node | undefined;
  if (req.method !== 'PATCH' && !changes) return req;
  const patchSchema = changes ?? schema;
  const field = freeTexts(patchSchema).find(([name, max]) => typeof record[name] === 'string' && (record[name] as string).length + 4 <= max);
  if (!field) {
    // A record without free text (an inspector's directory entry) changes by a flag instead.
    const flag = Object.entries((deref(patchSchema).properties ?? {}) as Node).find(([name, p]) => p.type === 'boolean' && typeof record[name] === 'boolean');
    if (!flag) throw new Error(`${routeName(route)}: no free-text field or flag to change in its merge patch schema`);
    return { ...req, body: { [flag[0]]: !record[flag[0]] } };
  }
  const change = { [field[0]]: `${record[field[0]]}（修订）` };
  return { ...req, body: changes ? { ...req.body, changes: change } : change };
}
