import { Hono, type Context } from 'hono';
import type { DbSource } from './db/client.js';
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
  app.use(async (c, next) => {
    const lease = deps.db.acquire();
    c.set('services', { db: lease.db, now, config, log });
    c.set('clientAddress', clientAddress);
    if (!lease.release) return next();
    const release = lease.release;
    const ctx = tryExecutionCtx(c);
    // Workers: close after the response is sent; elsewhere, before answering.
    const finish = (done: Promise<void>) => (ctx ? ctx.waitUntil(done) : done);
    try {
      await next();
    } catch (err) {
      await finish(release());
      throw err;
    }
    const body = c.res.body;
    if (body && isStreamed(c.res)) {
      // A streamed export reads the database while the client reads the body: release at its end.
      const { readable, writable } = new TransformStream();
      const done = body.pipeTo(writable).catch(() => {}).then(release);
      if (ctx) ctx.waitUntil(done);
      c.res = new Response(readable, c.res);
      return;
    }
    await finish(release());
  });
  mountMethodGuards(app, [...routes.map((r) => ({ method: r.method, path: honoPath(r.path) })), ...META_PATHS]);
  for (const route of routes) mountRoute(app, route, { bodyLimitBytes: config.bodyLimitBytes, perKeyLimit: limits.perKey });

  mountSpec(app, buildOpenApi(routes, API_VERSION));
  mountReference(app, deps.referenceBundle);

  app.notFound(() => {
    throw problems.notFound('This route');
  });
  app.onError((err, c) => {
    const problem = toProblem(err);
    if (problem.status >= 500) {
      // The details go to the log (never SQL or parameters: see describeError), never into the response.
      // A database outage or timeout (503) is expected to pass: a warning, not an error.
      const unavailable = problem.status === 503;
      log(unavailable ? 'warn' : 'error', unavailable ? problem.title : 'unhandled error', {
        method: c.req.method,
        path: new URL(c.req.url).pathname,
        error: describeError(err),
      });
    }
    return problemResponse(c, problem);
  });
  return app;
}

/** Responses whose body is produced while it is sent (CSV and NDJSON exports); JSON answers are complete strings. */
const isStreamed = (res: Response) => /^(text\/csv|application\/x-ndjson)/.test(res.headers.get('Content-Type') ?? '');

function tryExecutionCtx(c: Context): { waitUntil(p: Promise<unknown>): void } | undefined {
  try {
    return c.executionCtx;
  } catch {
    return undefined;
  }
}

export type App = ReturnType<typeof createApp>;
