import { DrizzleQueryError } from 'drizzle-orm';

/** The driver's own database error (with a SQLSTATE), looking through drizzle's query-error wrapper. */
export function databaseError(err: unknown): { code: string; message: string } | undefined {
  for (let e: unknown = err, depth = 0; e && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return { code, message: String((e as { message?: unknown }).message ?? '') };
  }
  return undefined;
}

/** The SQLSTATE of a database error, if it is one. */
export function sqlState(err: unknown): string | undefined {
  return databaseError(err)?.code;
}

export const UNIQUE_VIOLATION = '23505';

/** The constraint a database error names: PGlite calls the field `constraint`, postgres.js `constraint_name`. */
export function violatedConstraint(err: unknown): string | undefined {
  for (let e: unknown = err, depth = 0; e && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const { constraint, constraint_name } = e as { constraint?: unknown; constraint_name?: unknown };
    const name = constraint ?? constraint_name;
    if (typeof name === 'string') return name;
  }
  return undefined;
}

/**
 * A failure of the database rather than of the request: `unavailable` when it is down, restarting or
 * unreachable (or every pooled connection stayed busy), `timeout` when a statement ran out of time.
 * `lost` marks an established connection that broke: a fresh one may work at once.
 */
export interface DatabaseFault {
  kind: 'unavailable' | 'timeout';
  code: string;
  lost: boolean;
}

/** Connections that broke in use: the socket reset or closed, or the server ended the session. */
const LOST = new Set([
  'ECONNRESET', 'EPIPE', 'CONNECTION_CLOSED',
  '57P01', // admin_shutdown: the server is stopping or restarting
  '57P02', // crash_shutdown
]);
/** No connection could be had at all. */
const UNREACHABLE = new Set([
  'ECONNREFUSED', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN',
  'CONNECT_TIMEOUT', 'CONNECTION_ENDED', 'CONNECTION_DESTROYED', // postgres.js
  'POOL_TIMEOUT', 'CONNECT_CLOSED', // db/pool-gate.ts, db/node-socket.ts
  '57P03', // cannot_connect_now: starting up or shutting down
  '53300', // too_many_connections
]);
const QUERY_CANCELED = '57014'; // statement_timeout (or a cancel request)

/** Classifies a thrown error, looking through drizzle's wrapper; undefined for everything else (bugs: a 500). */
export function databaseFault(err: unknown): DatabaseFault | undefined {
  for (let e: unknown = err, depth = 0; e && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code !== 'string') continue;
    if (code === QUERY_CANCELED) return { kind: 'timeout', code, lost: false };
    if (LOST.has(code) || /^08[0-9A-Z]{3}$/.test(code)) return { kind: 'unavailable', code, lost: true }; // class 08: connection exception
    if (UNREACHABLE.has(code)) return { kind: 'unavailable', code, lost: false };
  }
  return undefined;
}

/**
 * What an error may put in the log. drizzle's wrapper message carries the SQL text and its parameters, and
 * postgres.js keeps them on the error too (`query`, `parameters`): neither is ever used. A database error
 * gives its SQLSTATE and PostgreSQL's own message (e.g. relation "x" does not exist), except for class 22
 * (data exceptions), whose messages quote the offending value.
 */
export function describeError(err: unknown): string {
  const fault = databaseFault(err);
  if (fault) return `database ${fault.kind} (${fault.code})`;
  const db = databaseError(err);
  if (db) return db.code.startsWith('22') ? `database error ${db.code}` : `database error ${db.code}: ${db.message.slice(0, 200)}`;
  if (err instanceof DrizzleQueryError) return `database query failed: ${err.cause === undefined ? 'no cause' : describeError(err.cause)}`;
  const name = err instanceof Error ? err.name : typeof err;
  const message = err instanceof Error ? err.message : String(err);
  return `${name}: ${message.slice(0, 300)}`;
}

/**
 * Runs `work` again while its connection turns out to be broken (pooled connections that outlived a database
 * restart) and `safe()` says nothing of it can have taken effect. postgres.js drops each broken connection as
 * it fails, so a retry gets another, and soon a live one. A connection that broke with a query in flight
 * fails once more when reopened (postgres.js answers its first query with the server's old termination
 * notice, 57P01), hence up to two retries per pooled connection. Writes that may have reached the server are
 * never retried here: the client retries them after a 503, which Idempotency-Key makes safe.
 */
export async function retryOnLostConnection<T>(work: () => PromiseLike<T>, retries: number, safe: () => boolean = () => true): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (retries <= 0 || !databaseFault(err)?.lost || !safe()) throw err;
    // Let the loop deliver the other pooled connections' close events first, so the retry gets a live one.
    await new Promise((resolve) => setTimeout(resolve, 0));
    return retryOnLostConnection(work, retries - 1, safe);
  }
}
