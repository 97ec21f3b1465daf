import { z } from 'zod';
import { dispatchWebhooks } from '../domain/webhooks/dispatch.js';
import { createSubscription, deleteSubscription, listSubscriptions, patchSubscription, signingKeyOf } from '../domain/webhooks/subscriptions.js';
import { assertAdmin } from '../domain/principal.js';
import { defineRoute, type AnyRoute } from '../registry.js';
import { Id } from '../schemas/common.js';
import { DispatchResult, Webhook, WebhookCreate, WebhookCreated, WebhookList, WebhookPatch } from '../schemas/webhooks.js';

const tag = 'feed';
const IdParams = z.strictObject({ id: Id });
const RoundRequest = z
  .strictObject({
    limit: z.int().min(1).max(10_000).optional().meta({ title: '本轮上限', description: 'Serve at most this many due subscriptions in this round (the lowest ids first); default: all. Send {} for all.' }),
  })
  .meta({ title: '执行推送' });
const deliveries =
  'Deliveries are POSTs of `WebhookDelivery` (see `webhooks.feedEvents` in this document) signed as the Standard Webhooks specification says (`webhook-id`, `webhook-timestamp`, `webhook-signature`); a 2xx moves the subscription past them, anything else is retried with a doubling wait (30 s to 1 h). At least once: apply entries by (type, id, version).';

export const webhookRoutes: AnyRoute[] = [
  defineRoute({
    method: 'post',
    path: '/v1/webhooks',
    operationId: 'createWebhook',
    summary: '新建推送订阅',
    description: `Operator only (a provincial platform is registered by the operator). The subscription follows the feed from \`after\` (default: the head). ${deliveries} The signing secret is in this answer only. 409 when the server has no WEBHOOK_SIGNING_KEY.`,
    tag,
    auth: true,
    secretInResponse: true,
    body: WebhookCreate,
    problems: [409, 422],
    responses: { 201: { description: 'Created, with its signing secret.', schema: WebhookCreated } },
    handler: async ({ db, principal, config, now, body }) => {
      assertAdmin(principal);
      return { status: 201 as const, body: await createSubscription(db, signingKeyOf(config.webhookSigningKey), body, now()) };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/v1/webhooks',
    operationId: 'listWebhooks',
    summary: '推送订阅列表',
    description: 'Operator only. Every subscription with its position and delivery state, without secrets.',
    tag,
    auth: true,
    cache: 'none',
    responses: { 200: { description: 'The subscriptions.', schema: WebhookList } },
    handler: async ({ db, principal }) => {
      assertAdmin(principal);
      return { status: 200 as const, body: { items: await listSubscriptions(db) } };
    },
  }),
  defineRoute({
    method: 'patch',
    path: '/v1/webhooks/{id}',
    operationId: 'updateWebhook',
    summary: '修改推送订阅',
    description: 'Operator only. Resume by position: `after` moves the subscription (back to have changes delivered again); `active` pauses or resumes it. Either retries at once.',
    tag,
    auth: true,
    params: IdParams,
    body: WebhookPatch,
    bodyTypes: ['application/merge-patch+json', 'application/json'],
    problems: [404, 422],
    responses: { 200: { description: 'The subscription.', schema: Webhook } },
    handler: async ({ db, principal, params, body }) => {
      assertAdmin(principal);
      return { status: 200 as const, body: await patchSubscription(db, params.id, body) };
    },
  }),
  defineRoute({
    method: 'delete',
    path: '/v1/webhooks/{id}',
    operationId: 'deleteWebhook',
    summary: '删除推送订阅',
    description: 'Operator only. No further deliveries.',
    tag,
    auth: true,
    params: IdParams,
    problems: [404],
    responses: { 204: { description: 'Deleted.' } },
    handler: async ({ db, principal, params }) => {
      assertAdmin(principal);
      await deleteSubscription(db, params.id);
      return { status: 204 as const, body: undefined };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/v1/maintenance/webhooks',
    operationId: 'dispatchWebhooks',
    summary: '执行一轮推送',
    description: 'Operator only. Runs one delivery round now: every due subscription gets its next deliveries. Runs on its own every 5 s on the Node server and every minute on Workers when WEBHOOK_SIGNING_KEY is set.',
    tag: 'maintenance',
    auth: true,
    body: RoundRequest,
    problems: [409],
    responses: { 200: { description: 'What this round delivered.', schema: DispatchResult } },
    handler: async ({ db, principal, config, now, log, body }) => {
      assertAdmin(principal);
      return { status: 200 as const, body: await dispatchWebhooks({ db, signingKey: signingKeyOf(config.webhookSigningKey), now: now(), log, limit: body.limit }) };
    },
  }),
];
