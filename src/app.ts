import { Hono, type Context } from 'hono';
import type { Db, DbLease, DbSource } from './db/client.js';
import type { AppConfig, AppEnv, Logger } from './context.js';
import { answerHeaders } from './answer-headers.js';
import { mountReference, type ReferenceBundle } from './docs/reference.js';
import { mountSpec } from './docs/spec.js';
import { problemResponse, problems, toProblem } from './errors.js';
import { buildOpenApi } from './openapi.js';
import { describeError } from './domain/db-errors.js';
import { mountMethodGuards } from './methods.js';
import { honoPath, mountRoute, type AnyRoute } from './registry.js';
import { rateLimitMiddleware, type ClientAddress } from './rate-limits.js';
import { isRead } from './cors.js';
import { edgeCaching, type EdgeCache } from './edge-cache.js';
import { tryExecutionCtx } from './execution-ctx.js';
import { agencyRoutes } from './routes/agencies.js';
import { codeListRoutes } from './routes/code-lists.js';
import { complianceRoutes } from './routes/compliance.js';
import { bulkExportRoutes, exportRoutes } from './routes/exports.js';
import { feedRoutes } from './routes/feed.js';
import { webhookRoutes } from './routes/webhooks.js';
import { keyRoutes } from './routes/keys.js';
import { legalBasisRoutes } from './routes/legal-bases.js';
import { maintenanceRoutes } from './routes/maintenance.js';
import { officerRoutes } from './routes/officers.js';
import { penaltyRoutes } from './routes/penalties.js';
import { licenceRoutes } from './routes/licences.js';
import { campaignRoutes } from './routes/campaigns.js';
import { enforcementActionRoutes } from './routes/enforcement-actions.js';
import { powerRoutes } from './routes/powers.js';
import { inspectionRoutes } from './routes/inspections/index.js';
import { negativeListRoutes } from './routes/negative-list/index.js';
import { approvalItemRoutes } from './routes/approval-items.js';
import { procedureRoutes } from './routes/procedures.js';
import { publicityRuleRoutes } from './routes/publicity-rules.js';

export const API_VERSION = '0.1.0';

export interface AppDeps {
  db: DbSource;
  config?: Partial<AppConfig>;
  now?: () => Date;
  log?: Logger;
  /** The client's address, for rate limits and public draw contributions: the runtime knows it (Node's socket or a proxy's header, Workers' CF-Connecting-IP). */
  clientAddress?: ClientAddress;
  /** A shared cache for public answers (Workers: caches.default; see src/edge-cache.ts); none on Node. */
  edgeCache?: EdgeCache;
  /** Redoc's bundle for the /docs page (src/docs/reference.ts); without it /docs answers 500 and logs why. */
  referenceBundle?: ReferenceBundle;
}

/** Every route of the API, in spec order. */
export const routes: AnyRoute[] = [
  ...agencyRoutes,
  ...procedureRoutes,
  ...legalBasisRoutes,
  ...powerRoutes,
  ...officerRoutes,
  ...penaltyRoutes,
  ...exportRoutes,
  ...licenceRoutes,
  ...campaignRoutes,
  ...enforcementActionRoutes,
  ...inspectionRoutes,
  ...negativeListRoutes,
  ...approvalItemRoutes,
  ...complianceRoutes,
  ...maintenanceRoutes,
  ...keyRoutes,
  ...feedRoutes,
  ...bulkExportRoutes,
  ...webhookRoutes,
  ...codeListRoutes,
  ...publicityRuleRoutes,
];

const silent: Logger = () => {};

/** Paths outside the route table: the spec and its reference. */
const META_PATHS = [
  { method: 'get', path: '/openapi.json' },
  { method: 'get', path: '/docs' },
  { method: 'get', path: '/docs/assets/:file' },
];

/** Builds the whole app from injected dependencies; touches no globals, env or runtime APIs. */
export function createApp(deps: AppDeps) {
  const config: AppConfig = { bodyLimitBytes: 1024 * 1024, ...deps.config };
  const now = deps.now ?? (() => new Date());
  const log = deps.log ?? silent;
  const app = new Hono<AppEnv>();

  app.use(answerHeaders);
  const clientAddress: ClientAddress = deps.clientAddress ?? (() => undefined);
  const limits = rateLimitMiddleware(config.rateLimits, clientAddress);
  for (const perAddress of limits.perAddress) app.use(perAddress);
  const readsReplica = replicaReads(routes, deps.db);
  app.use(async (c, next) => {
    const leases: DbLease[] = [];
    const take = (lease: DbLease) => {
      leases.push(lease);
      return lease.db;
    };
    let primaryDb: Db | undefined;
    // Statements are cancelled when the client goes away (src/db/request-handle.ts).
    const signal = c.req.raw.signal;
    const primary = () => (primaryDb ??= take(deps.db.acquire(signal)));
    const replica = readsReplica(c) ? deps.db.acquireReplica?.(signal) : undefined;
    c.set('services', { db: replica ? take(replica) : primary(), primary, now, config, log });
    c.set('clientAddress', clientAddress);
    // Per-request handles (Workers), including a primary a replica read took on the way: closed after the
    // response is sent there, before answering elsewhere. Shared handles (Node) have nothing to close, and
    // never ask for an execution context (Hono's getter throws where there is none: a cost on every request).
    const release = () => Promise.all(leases.map((lease) => lease.release?.())).then(() => {});
    const finish = (done: Promise<void>) => {
      const ctx = tryExecutionCtx(c);
      return ctx ? ctx.waitUntil(done) : done;
    };
    try {
      await next();
    } catch (err) {
      if (leases.some((lease) => lease.release)) await finish(release());
      throw err;
    }
    if (!leases.some((lease) => lease.release)) return;
    const body = c.res.body;
    if (body && isStreamed(c.res)) {
      // A streamed export reads the database while the client reads the body: release at its end.
      const { readable, writable } = new TransformStream();
      const done = body.pipeTo(writable).catch(() => {}).then(release);
      tryExecutionCtx(c)?.waitUntil(done);
      c.res = new Response(readable, c.res);
      return;
    }
    await finish(release());
  });
  if (deps.edgeCache) app.use(edgeCaching(deps.edgeCache));
  mountMethodGuards(app, [...routes.map((r) => ({ method: r.method, path: honoPath(r.path) })), ...META_PATHS]);
  for (const route of routes) mountRoute(app, route, { bodyLimitBytes: config.bodyLimitBytes, perKeyLimit: limits.perKey });

  mountSpec(app, buildOpenApi(routes, API_VERSION));
  mountReference(app, deps.referenceBundle);

  app.notFound(() => {
    throw problems.notFound('This route');
  });
  app.onError((err, c) => {
    const problem = toProblem(err);
    const path = new URL(c.req.url).pathname;
    // A client that left had its query cancelled (src/db/request-handle.ts): no one reads this answer.
    if (c.req.raw.signal.aborted) {
      log('info', 'request abandoned by its client', { method: c.req.method, path });
      return problemResponse(c, problem);
    }
    if (problem.status >= 500) {
      // The details go to the log (never SQL or parameters: see describeError), never into the response.
      // A database outage or timeout (503) is expected to pass: a warning, not an error.
      const unavailable = problem.status === 503;
      log(unavailable ? 'warn' : 'error', unavailable ? problem.title : 'unhandled error', {
        method: c.req.method,
        path,
        error: describeError(err),
      });
    }
    return problemResponse(c, problem);
  });
  return app;
}

/**
 * Which requests a read replica answers: anonymous GET and HEAD, except the routes that must read the primary
 * (the feed and the exports: a position once handed out never goes back). A request with a key reads the
 * primary, so a writer always sees its own writes; so does everything when no replica is configured.
 */
function replicaReads(table: AnyRoute[], db: DbSource): (c: Context) => boolean {
  if (!db.acquireReplica) return () => false;
  const primaryPaths = table
    .filter((r) => r.method === 'get' && r.readsPrimary)
    .map((r) => new RegExp(`^${r.path.replace(/\{\w+\}/g, '[^/]+')}$`));
  return (c) =>
    isRead(c.req.method) && c.req.header('Authorization') === undefined && !primaryPaths.some((p) => p.test(c.req.path));
}

/** Responses whose body is produced while it is sent (CSV and NDJSON exports); JSON answers are complete strings. */
const isStreamed = (res: Response) => /^(text\/csv|application\/x-ndjson)/.test(res.headers.get('Content-Type') ?? '');

export type App = ReturnType<typeof createApp>;
