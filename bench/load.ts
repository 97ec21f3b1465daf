import autocannon from 'autocannon';
import type { Target } from './scenarios.js';

export const CONNECTIONS = 64;

export interface Measurement {
  requestsPerSec: number;
  p50: number;
  p99: number;
  /** Responses with another status than expected, plus connection errors and timeouts. */
  errors: number;
  /** Requests autocannon gave up on (no answer within its 10 s timeout); part of `errors`. */
  timeouts: number;
  /** Responses received, of any status. */
  total: number;
  /** Status code -> count, to explain errors. */
  statuses: Record<string, number>;
  /** Server CPU time per response; filled in by the caller, which knows the server process. */
  cpuUsPerRequest: number | null;
}

/** Drives `base` for `seconds` with 64 connections, cycling through `targets` across all of them. */
export async function measure(base: string, targets: Target[], expectStatus: number, seconds: number): Promise<Measurement> {
  let next = 0;
  const result = await autocannon({
    url: base,
    connections: CONNECTIONS,
    duration: seconds,
    // One dynamic request: each call takes the next target, so 64 connections spread over the rotation.
    requests: [
      {
        method: 'GET',
        setupRequest: (req) => {
          const t = targets[next++ % targets.length]!;
          return { ...req, path: t.path, headers: t.headers ?? {} };
        },
      },
    ],
  });
  const statuses: Record<string, number> = {};
  for (const [code, { count }] of Object.entries(result.statusCodeStats ?? {})) statuses[code] = count ?? 0;
  const total = Object.values(statuses).reduce((a, b) => a + b, 0);
  const wrong = total - (statuses[String(expectStatus)] ?? 0);
  return {
    requestsPerSec: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: wrong + result.errors,
    timeouts: result.timeouts,
    total,
    statuses,
    cpuUsPerRequest: null,
  };
}
