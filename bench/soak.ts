/**
 * Long-running health (issue 13): the Node server under steady load for BENCH_SOAK_SECONDS (default 600), with
 * connection churn (every connection reconnects after 100 requests), after a 15 s warm-up and, beside it, clients that give up on
 * slow requests: a ranked search for a common term, abandoned after 20 ms. Reported: req/s in the first and
 * the last minute (target: within 10 %), the server's RSS each minute (target: flat), how many of the
 * abandoned searches still had a query running in PostgreSQL a second later (target: none, each is cancelled,
 * src/db/request-scope.ts), and the longest a public query ran (bounded by statement_timeout).
 */
import autocannon from 'autocannon';
import postgres from 'postgres';
import { parseEnv } from '../src/env.js';
import type { Dataset } from './dataset.js';
import { CONNECTIONS } from './load.js';
import { OURS, startServer } from './servers.js';

export const SOAK = 'soak';
const SOAK_SECONDS = Number(process.env.BENCH_SOAK_SECONDS ?? 600);
/** Requests a connection makes before it closes and opens anew. */
const RECONNECT_EVERY = 100;
const ABANDON_AFTER_MS = 20;
const WARMUP_SECONDS = 15;

export interface SoakFacts {
  seconds: number;
  /** Requests per second, one figure per whole minute (the last partial minute dropped). */
  perMinute: number[];
  /** Server RSS in MiB at the end of each minute. */
  rssPerMinute: number[];
  /** Answers other than 2xx, socket errors and timeouts of the steady load. */
  errors: { non2xx: number; socket: number; timeouts: number };
  abandoned: number;
  /** Abandoned searches whose query was still running a second after the client left. */
  stillRunning: number;
  /** The longest any of the server's statements had been running when sampled, in ms. */
  longestQueryMs: number;
  statementTimeoutMs: number;
}

/** Active queries of the server's own sessions, and how long the oldest has run. */
async function activeQueries(sql: postgres.Sql): Promise<{ count: number; oldestMs: number }> {
  const [row] = await sql<{ count: number; oldest: number | null }[]>`SELECT count(*)::int AS count,
    max(extract(epoch FROM clock_timestamp() - query_start) * 1000)::float8 AS oldest
    FROM pg_stat_activity WHERE application_name = 'gongshi' AND state = 'active'`;
  return { count: row!.count, oldestMs: row!.oldest ?? 0 };
}

export async function benchSoak(url: string, data: Dataset, log: (m: string) => void): Promise<SoakFacts> {
  const server = await startServer(OURS, url, `/v1/agencies/${data.ids[0]}`);
  const sql = postgres(url, { max: 1, onnotice: () => {}, connection: { application_name: 'bench-runner' } });
  try {
    const targets = data.ids.slice(0, 1000).flatMap((id, i) => [`/v1/agencies/${id}`, i % 10 === 0 ? '/v1/agencies?limit=20' : `/v1/agencies/${id}/revisions`]);
    let next = 0;
    const path = () => targets[next++ % targets.length]!;
    // A warm-up first, as for every measurement: the first minute is then not the JIT's.
    await autocannon({ url: server.base, connections: CONNECTIONS, duration: WARMUP_SECONDS, requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: path() }) }] });
    const perSecond: number[] = [];
    const rssPerMinute: number[] = [];
    let answered = 0;
    const onSecond = () => {
      perSecond.push(answered);
      answered = 0;
      if (perSecond.length % 60 === 0) {
        rssPerMinute.push(server.rssMiB() ?? 0);
        log(`soak: minute ${perSecond.length / 60}, ${Math.round(perSecond.slice(-60).reduce((a, b) => a + b, 0) / 60)} req/s, RSS ${Math.round(server.rssMiB() ?? 0)} MiB`);
      }
    };
    // The callback form: it hands back the running instance, whose responses are counted each second.
    const load = new Promise<autocannon.Result>((resolve, reject) => {
      const instance = autocannon(
        {
          url: server.base,
          connections: CONNECTIONS,
          duration: SOAK_SECONDS,
          reconnectRate: RECONNECT_EVERY,
          requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: path() }) }],
        },
        (err, result) => (err ? reject(err) : resolve(result)),
      );
      instance.on('response', () => answered++);
    });
    const seconds = setInterval(onSecond, 1000);
    seconds.unref();

    // The impatient clients: one abandoned search at a time, then a look at PostgreSQL a second later.
    let abandoned = 0;
    let stillRunning = 0;
    let longestQueryMs = 0;
    const deadline = Date.now() + SOAK_SECONDS * 1000 - 2000;
    const impatient = (async () => {
      while (Date.now() < deadline) {
        await fetch(`${server.base}/v1/agencies?q=${encodeURIComponent('局')}&limit=20`, { signal: AbortSignal.timeout(ABANDON_AFTER_MS) })
          .then((res) => res.arrayBuffer())
          .catch(() => abandoned++);
        await new Promise((r) => setTimeout(r, 1000));
        const { oldestMs } = await activeQueries(sql);
        longestQueryMs = Math.max(longestQueryMs, oldestMs);
        // Anything still running a second after the client left and older than a second is an uncancelled query.
        if (oldestMs > 1000) stillRunning++;
      }
    })();
    const [result] = await Promise.all([load, impatient]);
    clearInterval(seconds);
    const minutes = Math.floor(perSecond.length / 60);
    const perMinute = Array.from({ length: minutes }, (_, m) => perSecond.slice(m * 60, m * 60 + 60).reduce((a, b) => a + b, 0) / 60);
    return {
      seconds: SOAK_SECONDS,
      perMinute,
      rssPerMinute,
      errors: { non2xx: result.non2xx, socket: result.errors - result.timeouts, timeouts: result.timeouts },
      abandoned,
      stillRunning,
      longestQueryMs,
      // The server runs with the default (bench/servers.ts sets none).
      statementTimeoutMs: parseEnv({}).DB_STATEMENT_TIMEOUT_MS,
    };
  } finally {
    await sql.end({ timeout: 5 });
    await server.stop();
  }
}
