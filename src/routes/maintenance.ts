import { z } from 'zod';
import { expireDue } from '../domain/expiry.js';
import { assertAdmin } from '../domain/principal.js';
import { defineRoute, type AnyRoute } from '../registry.js';

const ExpiryRequest = z
  .strictObject({
    limit: z.int().min(1).max(1_000_000).optional().meta({
      title: '本次上限',
      description: 'Expire at most this many decisions in this call (the oldest end dates first); default: all that are due. Send {} for all.',
    }),
  })
  .meta({ title: '公示期满处理' });

const ExpiryResult = z
  .object({ expired: z.int().min(0).meta({ title: '本次到期', description: 'Decisions whose publicity period ended and that this run recorded as expired.' }) })
  .meta({ id: 'ExpiryResult', title: '公示期满处理结果' });

export const maintenanceRoutes: AnyRoute[] = [
  defineRoute({
    method: 'post',
    path: '/v1/maintenance/expire',
    operationId: 'expirePublicity',
    summary: '处理公示期满',
    description:
      'Operator only. Records every published penalty whose 公示截止期 has passed (Beijing date) as expired: a new version and an `expired` feed event each. Reads already hide such decisions; this makes the feed say so. Runs hourly on its own (Node timer, Workers cron); calling it again finds nothing to do.',
    tag: 'maintenance',
    auth: true,
    body: ExpiryRequest,
    responses: { 200: { description: 'How many decisions expired.', schema: ExpiryResult } },
    handler: async ({ db, principal, now, body }) => {
      assertAdmin(principal);
      return { status: 200 as const, body: { expired: await expireDue(db, now(), body.limit) } };
    },
  }),
];
