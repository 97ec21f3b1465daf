import type { FuzzRequest } from './request.js';

/**
 * Smaller variants of a failing request, one change each: a query parameter or header dropped, a body member
 * dropped (top level, then one level down), an array cut to its first element. The shrinker keeps any variant
 * that still fails the same way and starts again from it.
 */
export function* smallerVariants(req: FuzzRequest): Generator<FuzzRequest> {
  for (let i = 0; i < req.query.length; i++) yield { ...req, query: req.query.filter((_, j) => j !== i) };
  for (let i = 0; i < req.headers.length; i++) yield { ...req, headers: req.headers.filter((_, j) => j !== i) };
  const body = req.body;
  if (!body || body.kind === 'raw') return;
  for (const value of smallerValues(body.value, 2)) yield { ...req, body: { ...body, value } };
}

function* smallerValues(value: unknown, depth: number): Generator<unknown> {
  if (Array.isArray(value)) {
    if (value.length > 1) yield value.slice(0, 1);
    if (depth > 0) for (const [i, item] of value.entries()) for (const smaller of smallerValues(item, depth - 1)) yield value.map((v, j) => (j === i ? smaller : v));
    return;
  }
  if (!value || typeof value !== 'object') {
    if (typeof value === 'string' && value.length > 1) yield value.slice(0, Math.ceil(value.length / 2));
    return;
  }
  const entries = Object.entries(value);
  for (const [key] of entries) yield Object.fromEntries(entries.filter(([k]) => k !== key));
  if (depth > 0) {
    for (const [key, v] of entries) for (const smaller of smallerValues(v, depth - 1)) yield Object.fromEntries(entries.map(([k, old]) => [k, k === key ? smaller : old]));
  }
}
