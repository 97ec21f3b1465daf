import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { $ZodIssue } from 'zod/v4/core';
import { headersFor } from './cors.js';
import { databaseFault } from './domain/db-errors.js';
import { pointerOf } from './lib/json-pointer.js';
import { personalDataIn } from './lib/personal-data-scan.js';

/** Where an invalid value was found. */
export type FieldLocation = 'body' | 'query' | 'path' | 'header';

/** One invalid field: a JSON pointer into the named part of the request, and what is wrong with it. */
export interface FieldError {
  in: FieldLocation;
  pointer: string;
  detail: string;
}

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  errors?: FieldError[];
  /** How many field errors were found, when `errors` lists only the first MAX_FIELD_ERRORS. */
  errorCount?: number;
}

/** An answer lists at most this many field errors, so a hostile body cannot make it larger than itself. */
export const MAX_FIELD_ERRORS = 100;
/** Characters of an unknown key that an answer repeats. */
const ECHOED_KEY_LENGTH = 32;

const TYPE_BASE = 'https://gongshi.dev/problems/';

/** Seconds a client is asked to wait before retrying while the database is unavailable (a restart takes a few). */
export const RETRY_AFTER_SECONDS = 5;
const retryAfter = { 'Retry-After': String(RETRY_AFTER_SECONDS) };

/** A domain or request error that maps to one RFC 9457 problem. Throw it anywhere; the app renders it. */
export class Problem extends Error {
  constructor(
    readonly status: number,
    readonly slug: string,
    readonly title: string,
    readonly detail: string,
    readonly errors?: FieldError[],
    readonly headers?: Record<string, string>,
  ) {
    super(detail);
  }

  body(instance?: string): ProblemBody {
    const body: ProblemBody = { type: TYPE_BASE + this.slug, title: this.title, status: this.status, detail: this.detail };
    if (instance) body.instance = instance;
    if (this.errors?.length) body.errors = this.errors.slice(0, MAX_FIELD_ERRORS);
    if (this.errors && this.errors.length > MAX_FIELD_ERRORS) body.errorCount = this.errors.length;
    return body;
  }
}

export const problems = {
  validation: (errors: FieldError[]) =>
    new Problem(400, 'validation', 'Invalid request', `${errors.length} invalid field(s): ${summarize(errors)}`, errors),
  unprocessable: (errors: FieldError[]) =>
    new Problem(422, 'unprocessable', 'Request cannot be applied', `${summarize(errors)}`, errors),
  malformedJson: () => new Problem(400, 'malformed-json', 'Malformed JSON', 'The request body is not valid JSON.'),
  /** RFC 8259 §8.1: JSON exchanged between systems is UTF-8; a body that is not is refused, never repaired. */
  notUtf8: () => new Problem(400, 'malformed-json', 'Malformed JSON', 'The request body is not valid UTF-8; send JSON encoded as UTF-8.'),
  unsupportedMediaType: (expected: string) =>
    new Problem(415, 'unsupported-media-type', 'Unsupported media type', `Send the body as ${expected}.`),
  tooLarge: (limit: number) =>
    new Problem(413, 'payload-too-large', 'Payload too large', `The request body exceeds ${limit} bytes.`),
  tooManyRequests: (retryAfterSeconds: number) =>
    new Problem(429, 'too-many-requests', 'Too many requests', `This client has used its requests for now; retry after ${retryAfterSeconds} seconds.`, undefined, {
      'Retry-After': String(retryAfterSeconds),
    }),
  unauthenticated: (detail = 'Send a valid key as "Authorization: Bearer <key>".') =>
    new Problem(401, 'unauthenticated', 'Authentication required', detail, undefined, { 'WWW-Authenticate': 'Bearer' }),
  forbidden: (detail: string, errors?: FieldError[]) => new Problem(403, 'forbidden', 'Not allowed', detail, errors),
  /** A keyset cursor this list did not issue (malformed, from another list, or for another query). */
  badCursor: (): Problem => problems.validation([{ in: 'query', pointer: '/cursor', detail: 'Not a cursor this list issued.' }]),
  notFound: (what: string) => new Problem(404, 'not-found', 'Not found', `${what} does not exist.`),
  methodNotAllowed: (allow: string) =>
    new Problem(405, 'method-not-allowed', 'Method not allowed', `This path answers only ${allow}.`, undefined, { Allow: allow }),
  conflict: (detail: string, errors?: FieldError[]) => new Problem(409, 'conflict', 'Conflict', detail, errors),
  preconditionRequired: (errors?: FieldError[]) =>
    new Problem(428, 'precondition-required', 'Precondition required', 'Send If-Match with the ETag of the version you are changing.', errors),
  preconditionFailed: () =>
    new Problem(412, 'precondition-failed', 'Precondition failed', 'The record has changed since the ETag you sent; fetch it again.'),
  internal: () => new Problem(500, 'internal', 'Internal error', 'The server could not complete the request.'),
  databaseUnavailable: () =>
    new Problem(503, 'database-unavailable', 'Database unavailable', 'The database is restarting or unreachable; retry after Retry-After seconds.', undefined, retryAfter),
  databaseTimeout: () =>
    new Problem(503, 'database-timeout', 'Database timeout', 'The database did not finish in time (it is busy, or the data is locked); retry after Retry-After seconds.', undefined, retryAfter),
};

function summarize(errors: FieldError[]): string {
  return errors
    .slice(0, 5)
    .map((e) => `${e.in} ${e.pointer || '/'}: ${e.detail}`)
    .join('; ');
}

/**
 * How an answer names a key the client sent that the API does not know: never one that spells a
 * person's number (checked on the whole key), and never more than a short prefix, so a megabyte-long
 * key is not sent back whole. Every echoed unknown key goes through here.
 */
export function echoableKey(key: string): string {
  if (personalDataIn(key).length) return '(a key holding personal data)';
  if (key.length <= ECHOED_KEY_LENGTH) return key;
  // Do not cut a surrogate pair in half.
  const end = /[\uD800-\uDBFF]/.test(key[ECHOED_KEY_LENGTH - 1]!) ? ECHOED_KEY_LENGTH - 1 : ECHOED_KEY_LENGTH;
  return key.slice(0, end) + '…';
}

/** One FieldError per offending field; unknown keys are named one by one, each as echoableKey gives it. */
export function fieldErrorsFromZod(issues: readonly $ZodIssue[], location: FieldLocation): FieldError[] {
  const out: FieldError[] = [];
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        out.push({ in: location, pointer: pointerOf([...issue.path, echoableKey(key)]), detail: 'Unknown field.' });
      }
    } else {
      out.push({ in: location, pointer: pointerOf(issue.path), detail: issue.message });
    }
  }
  return out;
}

export function problemResponse(c: Context, problem: Problem): Response {
  const res = c.body(JSON.stringify(problem.body()), problem.status as 400, {
    'Content-Type': 'application/problem+json',
    ...headersFor(c.req.method),
    ...problem.headers,
  });
  return res;
}

/**
 * Maps anything thrown to a Problem: a database that is down or too slow is a 503 with Retry-After; other
 * unexpected errors become a bare 500 with no internals.
 */
export function toProblem(err: unknown): Problem {
  if (err instanceof Problem) return err;
  const fault = databaseFault(err);
  if (fault) return fault.kind === 'timeout' ? problems.databaseTimeout() : problems.databaseUnavailable();
  if (err instanceof HTTPException) {
    if (err.status === 400 && /json/i.test(err.message)) return problems.malformedJson();
    if (err.status === 413) return problems.tooLarge(0);
    return new Problem(err.status, 'http-' + err.status, err.message || 'Request error', err.message || 'Request error');
  }
  return problems.internal();
}
