import type { OperationObject, ResponseObject } from 'openapi3-ts/oas31';

/**
 * The rate-limit headers (IETF draft-ietf-httpapi-ratelimit-headers, the form of its draft 7), declared once
 * as components and referred to from every 2xx and 4xx answer: the server sends them whenever the operator
 * has set a limit that applies to the request.
 */
export const RATE_LIMIT_HEADERS = {
  RateLimit: {
    description: 'When a rate limit applies: `limit=<requests per window>, remaining=<left in this window>, reset=<seconds until it ends>`.',
    schema: { type: 'string', maxLength: 100, pattern: '^limit=\\d+, remaining=\\d+, reset=\\d+$' },
  },
  'RateLimit-Policy': {
    description: 'When a rate limit applies: `<requests>;w=<window in seconds>`.',
    schema: { type: 'string', maxLength: 100, pattern: '^\\d+;w=\\d+$' },
  },
} as const;

/** Adds the rate-limit headers to every 2xx and 4xx answer, and a 429 to any operation that lacks one. */
export function withRateLimits(paths: Record<string, Record<string, OperationObject>>, problem: (status: number) => ResponseObject): void {
  const refs = Object.fromEntries(Object.keys(RATE_LIMIT_HEADERS).map((name) => [name, { $ref: `#/components/headers/${name}` }]));
  for (const item of Object.values(paths)) {
    for (const op of Object.values(item)) {
      const responses = (op.responses ??= {}) as Record<string, ResponseObject>;
      responses['429'] ??= problem(429);
      for (const [status, response] of Object.entries(responses)) {
        if (/^[24]/.test(status)) response.headers = { ...response.headers, ...refs };
      }
    }
  }
}
