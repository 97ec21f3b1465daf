import type { Context } from 'hono';

/** The Workers execution context of a request (its waitUntil), or undefined where there is none (Node). */
export function tryExecutionCtx(c: Context): { waitUntil(p: Promise<unknown>): void } | undefined {
  try {
    return c.executionCtx;
  } catch {
    return undefined;
  }
}
