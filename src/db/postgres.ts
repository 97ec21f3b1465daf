import postgres, { type Sql, type TransactionSql } from 'postgres';
import { drizzle } from 'drizzle-orm/postgres-js';
import * as schema from './schema.js';
import type { Db } from './client.js';
import { poolGate, withDeadline } from './pool-gate.js';
import { databaseFault, retryOnLostConnection } from '../domain/db-errors.js';
import { registerRawRows } from './raw-rows.js';
import { registerDriver, type RequestBinding } from './request-handle.js';

export interface PostgresOptions {
  /** Pool size; Workers use a handful per request, Node a shared pool. */
  max?: number;
  /** Longest wait to open a connection (TCP and startup), in ms. */
  connectTimeoutMs?: number;
  /** Longest wait for a free pooled connection when all are in use, in ms. */
  poolTimeoutMs?: number;
  /** statement_timeout of every session, in ms; 0 or absent leaves the server's own setting. */
  statementTimeoutMs?: number;
  /**
   * Every session read-only (a replica): a write sent there by mistake fails at once, even on a server that
   * would accept it, and a hot standby refuses writes anyway.
   */
  readOnly?: boolean;
  /** Opens the connection's socket (Node: node-socket.ts); absent, postgres.js opens its own. */
  socket?: (options: { host: string[]; port: number[] }) => unknown;
  /**
   * Whether a setting sent when a connection opens holds for its statements (default true). Not through a
   * pooler that hands each transaction another server session (Hyperdrive): statements to be planned with
   * each run's values are then sent unnamed instead of on a pool whose sessions force custom plans.
   */
  sessionSettingsHold?: boolean;
}

export const POOL_DEFAULTS = { max: 10, connectTimeoutMs: 3000, poolTimeoutMs: 2000 } as const;
/** The planner's cost of a random page read on SSD storage (PostgreSQL's default of 4 is for spinning disks). */
export const RANDOM_PAGE_COST = 1.1;
/** The statement time a query's deadline allows when no statement_timeout is sent (Workers). */
const DEFAULT_STATEMENT_MS = 5000;

/** Real PostgreSQL through postgres.js (Node, or Workers via Hyperdrive). */
export function openPostgres(url: string, options: PostgresOptions = {}): { db: Db; close(): Promise<void> } {
  const { max, connectTimeoutMs, poolTimeoutMs, statementTimeoutMs, readOnly, socket, sessionSettingsHold = true } = { ...POOL_DEFAULTS, ...options };
  const connection = {
    application_name: readOnly ? 'gongshi-replica' : 'gongshi',
    // Plan for SSD storage, where a random page costs about what a sequential one does. At PostgreSQL's
    // default (4, for spinning disks) the planner prefers walking the primary key over the index that matches
    // a list's filter and order (region, then id): 2,000 rows filtered for a page of 20, against 40.
    random_page_cost: RANDOM_PAGE_COST,
    ...(statementTimeoutMs ? { statement_timeout: statementTimeoutMs } : {}),
    ...(readOnly ? { default_transaction_read_only: true } : {}),
  };
  const open = (settings: Record<string, string | number | boolean>) =>
    postgres(url, {
      ...(socket ? ({ socket } as object) : {}), // an option postgres.js has but does not declare in its types
      max,
      onnotice: () => {},
      connect_timeout: connectTimeoutMs / 1000,
      // postgres.js waits out a growing delay (up to 20 s) before reconnecting after failed attempts, and a
      // request would wait with it. It connects only when a query needs a connection, so attempts are paced
      // by requests anyway; a refused one costs nothing and an unanswered one is cut by connect_timeout.
      backoff: () => 0,
      connection: settings,
    });
  const client = open(connection);
  // A query may wait behind others on its connection for at most the pool timeout plus one statement.
  const deadlineMs = poolTimeoutMs + (statementTimeoutMs || DEFAULT_STATEMENT_MS);
  const main = gated(client, max, poolTimeoutMs, deadlineMs);
  // PGlite's and postgres.js's drizzle databases differ only in their query-result type; the app uses what both share.
  const db = drizzle({ client: main.sql, schema }) as unknown as Db;
  // A second pool, for the prepared statements whose plan must follow their values (prepared.ts planEachRun):
  // PostgreSQL's plan cache mode is a session setting, and forcing custom plans on every session would
  // re-plan each read by id too (about a third fewer of those per second). It connects only when used.
  const planning = sessionSettingsHold ? open({ ...connection, plan_cache_mode: 'force_custom_plan' }) : undefined;
  const perRun = planning && gated(planning, max, poolTimeoutMs, deadlineMs);
  // drizzle() sets its parsers and serializers on the client it is given; the planning pool needs the same.
  if (perRun) drizzle({ client: perRun.sql });
  registerDriver(db, {
    bind: (signal) => requestHandle(db, main.withSignal(signal), perRun && { from: perRun.sql, to: perRun.withSignal(signal) }),
    // Unnamed, postgres.js sends the statement with each run and PostgreSQL plans it with the run's values.
    planEachRun: (query) => (perRun ? runOn(query, perRun.sql) : overriding(query, { prepare: false })),
  });
  // A single SELECT, so not gated and retried on a lost connection like the ones drizzle sends (see gated()).
  // The parameters are the driver values drizzle's toSQL() already mapped; postgres.js types them by its own.
  registerRawRows(db, ({ sql, params }, signal) =>
    withDeadline(
      retryOnLostConnection(() => {
        const q = client.unsafe(sql, params as postgres.ParameterOrJSON<never>[]).raw();
        cancelWhenAbandoned(q, signal);
        return q;
      }, 2 * max),
      deadlineMs,
    ),
  );
  return { db, close: () => Promise.all([client.end({ timeout: 5 }), planning?.end({ timeout: 5 })]).then(() => {}) };
}

/**
 * The client drizzle sees. A transaction (`begin`) needs a connection of its own: it passes the pool gate,
 * which admits one per pooled connection and bounds the wait. A single query (`unsafe`) is not gated:
 * postgres.js pipelines queries on busy connections, which costs about half the CPU of sending them one
 * at a time (the bench's get-by-id ran at 0.64 of its throughput gated); a deadline bounds how long a
 * request waits for one instead. Statements inside a transaction use the transaction's own connection.
 * When a connection turns out to be broken (see retryOnLostConnection), a plain SELECT is run again, and so
 * is a transaction whose BEGIN failed (none of it ran); a write that may have reached the server never is.
 */
function gated(client: Sql, max: number, poolTimeoutMs: number, deadlineMs: number): { sql: Sql; withSignal(signal: AbortSignal): Sql } {
  const gate = poolGate(max, poolTimeoutMs);
  const retries = 2 * max;
  const unsafeWith = (signal: AbortSignal | undefined) => (...[query, params, options]: Parameters<Sql['unsafe']>) => {
    let values = false;
    const run = () => {
      const q = client.unsafe(query, params, options);
      const shaped = values ? q.values() : q;
      cancelWhenAbandoned(shaped, signal);
      return shaped;
    };
    // drizzle calls .values() (rows as arrays) before awaiting: the query starts when it is awaited.
    const start = () => withDeadline(/^select /i.test(query) ? retryOnLostConnection(run, retries) : run(), deadlineMs);
    const lazy = {
      values: () => { values = true; return lazy; },
      // biome-ignore lint/suspicious/noThenProperty: a thenable on purpose, so the query starts only when drizzle awaits it.
      then: <A, B>(onFulfilled?: (rows: unknown) => A | PromiseLike<A>, onRejected?: (err: unknown) => B | PromiseLike<B>) => start().then(onFulfilled, onRejected),
    };
    // drizzle only awaits what unsafe() returns; a thenable is all it needs.
    return lazy as unknown as ReturnType<Sql['unsafe']>;
  };
  const begin = (...args: [TransactionBody] | [string, TransactionBody]) => {
    const [options, body] = args.length === 2 ? args : ['', args[0]];
    let started = false;
    const run = () => {
      const transaction: Promise<unknown> = client.begin(options, (sql) => {
        started = true;
        return settledUnlessBroken(() => body(withSavepoints(sql, transaction)), transaction);
      });
      return transaction;
    };
    return gate.run(() => retryOnLostConnection(run, retries, () => !started));
  };
  // Everything else (options, parsers, serializers drizzle adjusts) is the real client's, by prototype.
  const sql = overriding(client, { unsafe: unsafeWith(undefined), begin });
  return { sql, withSignal: (signal) => overriding(sql, { unsafe: unsafeWith(signal) }) };
}

/**
 * drizzle's postgres.js database as one request's handle: its session, and the prepared queries run through it,
 * send statements to `client` (the gated client with the request's signal), or, for a query prepared on the
 * planning pool, to that pool's client with the signal. drizzle builds every query from `db.session` and runs a
 * prepared one on its `client`, so derived objects with those fields replaced are all it takes (drizzle-orm
 * 0.45; test/postgres-only/query-cancel.test.ts fails if that changes).
 */
function requestHandle(db: Db, client: Sql, planning: { from: Sql; to: Sql } | undefined): RequestBinding {
  const shared = db as unknown as { session: object }; // drizzle's field, not in its public type
  const session = overriding(shared.session, { client });
  return {
    db: overriding(db, { session }),
    rebind: (query) => runOn(query, planning && clientOf(query) === planning.from ? planning.to : client),
  };
}

/** drizzle's prepared query, run on another client (its `client` field, not in its public type). */
const runOn = <T extends object>(query: T, client: Sql): T => overriding(query, { client });
const clientOf = (query: object): unknown => (query as { client?: unknown }).client;

/**
 * A single statement (a read: transactions are not cancelled, so a write is never cut halfway by its
 * client leaving) is cancelled on the server when the request it runs for is aborted: postgres.js sends
 * PostgreSQL a cancel request for it (a queued one is dropped), and it fails with 57014.
 */
function cancelWhenAbandoned(query: PromiseLike<unknown> & { cancel(): void }, signal: AbortSignal | undefined): void {
  if (!signal) return;
  if (signal.aborted) return void query.cancel();
  const cancel = () => query.cancel();
  signal.addEventListener('abort', cancel, { once: true });
  const done = () => signal.removeEventListener('abort', cancel);
  // Attaching handlers runs nothing early: the caller awaits the query at once.
  query.then(done, done);
}

type TransactionBody = (sql: TransactionSql) => unknown;

/**
 * Runs a transaction's (or savepoint's) body. When the transaction's connection breaks, postgres.js rejects
 * the transaction itself, and then, once the body rejects, sends ROLLBACK on that connection: to its dropped
 * socket, which throws in a timer and takes the process down (postgres.js 3.4.9), or to the connection as
 * reopened for someone else. So a body whose connection broke is left pending once the transaction has
 * failed (garbage, like any unreachable promise); if the connection did not close after all, it rejects as
 * usual and ROLLBACK goes to it.
 */
async function settledUnlessBroken<T>(body: () => T | PromiseLike<T>, transaction: Promise<unknown>): Promise<T> {
  try {
    return await body();
  } catch (err) {
    if (databaseFault(err)?.lost && (await failsWithin(transaction, 1000))) return new Promise<T>(() => {});
    throw err;
  }
}

/** The transaction's client, whose savepoints (drizzle's nested transactions) get the same care. */
function withSavepoints(sql: TransactionSql, transaction: Promise<unknown>): TransactionSql {
  const savepoint = (...args: [TransactionBody] | [string, TransactionBody]) => {
    const [name, body] = args.length === 2 ? args : [undefined, args[0]];
    return sql.savepoint(name as string, (inner) => settledUnlessBroken(() => body(withSavepoints(inner, transaction)), transaction));
  };
  return overriding(sql, { savepoint });
}

async function failsWithin(transaction: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<boolean>((resolve) => (timer = setTimeout(resolve, ms, false)));
  const failed = transaction.then(() => false, () => true);
  return Promise.race([failed, late]).finally(() => clearTimeout(timer));
}

/**
 * `base` with some members of its own: everything else (postgres.js's options and parsers, drizzle's dialect and
 * schema) is found on `base` through the prototype, so the shared objects are never copied or changed.
 */
function overriding<T extends object>(base: T, own: object): T {
  return Object.assign(Object.create(base) as T, own);
}
