/**
 * Signed push of feed events (Standard Webhooks: webhook-id, webhook-timestamp, webhook-signature), for
 * aggregators that would rather be called than poll. Each subscription follows the feed from its position.
 */
import { z } from 'zod';
import { PERSONAL_DATA_KEY } from '../lib/personal-data-scan.js';
import { RECORD_TYPES, RecordType } from './changes.js';
import { Id, Timestamp } from './common.js';
import { FeedEntry } from './feed.js';
import { httpUrl } from './text.js';

/** Feed entries per delivery: a request body of a few hundred kB at most. */
export const WEBHOOK_BATCH = 100;

const position = z.int().min(0).meta({ title: '位置', description: 'Delivered and acknowledged up to this feed position.' });
const types = z
  .array(RecordType)
  .min(1)
  .max(RECORD_TYPES.length)
  .meta({ title: '记录类型', description: 'Deliver changes to records of these types only; absent for all.' });

export const WebhookCreate = z
  .strictObject({
    url: httpUrl().meta({ title: '接收地址', description: 'Where deliveries are POSTed (http or https).', example: 'https://aggregator.example.gov.cn/gongshi/events' }),
    types: types.optional(),
    after: z
      .string()
      .regex(/^\d{1,15}$/, 'after must be a feed position (0 for the beginning).')
      .optional()
      .meta({ maxLength: 15, [PERSONAL_DATA_KEY]: 'number', title: '起始位置', description: 'Deliver changes after this position (e.g. that of a bulk export); default: the current head.' }),
  })
  .meta({ id: 'WebhookCreate', title: '新建推送订阅', examples: [{ url: 'https://aggregator.example.gov.cn/gongshi/events', types: ['penalty', 'licence'], after: '0' }] });
export type WebhookCreate = z.output<typeof WebhookCreate>;

export const WebhookPatch = z
  .strictObject({
    after: WebhookCreate.shape.after.meta({ title: '重新起始位置', description: 'Move the subscription to this position: earlier to have changes delivered again, later to skip them.' }),
    active: z.boolean().optional().meta({ title: '启用', description: 'false pauses deliveries; true resumes them at once, clearing the failure count.' }),
  })
  .meta({ id: 'WebhookPatch', title: '修改推送订阅', examples: [{ after: '0', active: true }] });

export const Webhook = z
  .object({
    id: Id,
    url: z.string().meta({ title: '接收地址' }),
    types: z.array(RecordType).nullable().meta({ title: '记录类型' }),
    position,
    active: z.boolean().meta({ title: '启用' }),
    failures: z.int().min(0).meta({ title: '连续失败次数', description: 'Failed attempts since the last acknowledged delivery; each doubles the wait before the next (30 s up to 1 h).' }),
    lastStatus: z.int().nullable().meta({ title: '最近状态码', description: "The endpoint's HTTP status at the last attempt; null before any, or when it could not be reached." }),
    lastAttemptAt: Timestamp.nullable().meta({ title: '最近尝试时间' }),
    nextAttemptAt: Timestamp.nullable().meta({ title: '下次尝试时间', description: 'After a failure: not before this time. Null: at the next round.' }),
    createdAt: Timestamp.meta({ title: '创建时间' }),
  })
  .meta({ id: 'Webhook', title: '推送订阅' });
export type Webhook = z.output<typeof Webhook>;

export const WebhookCreated = Webhook.extend({
  secret: z
    .string()
    .regex(/^whsec_[A-Za-z0-9+/]{43}=$/)
    .meta({ title: '签名密钥', description: 'Shown in this answer only. Verify each delivery with it as the Standard Webhooks specification says (any of its libraries accepts this form).' }),
}).meta({ id: 'WebhookCreated', title: '已创建的推送订阅' });

export const WebhookList = z.object({ items: z.array(Webhook).meta({ title: '订阅列表' }) }).meta({ id: 'WebhookList', title: '推送订阅列表' });

export const WebhookDelivery = z
  .object({
    subscriptionId: Id.meta({ title: '订阅' }),
    items: z.array(FeedEntry).min(1).max(WEBHOOK_BATCH).meta({ title: '变更列表', description: 'Feed entries after the subscription position, in commit order, as /v1/feed sends them.' }),
    next: z.string().meta({ title: '下一位置', description: 'The subscription moves here once this delivery is acknowledged (any 2xx).' }),
    head: z.int().min(0).meta({ title: '最新位置' }),
  })
  .meta({ id: 'WebhookDelivery', title: '推送内容' });

export const DispatchResult = z
  .object({
    delivered: z.int().min(0).meta({ title: '成功推送', description: 'Deliveries acknowledged in this round.' }),
    failed: z.int().min(0).meta({ title: '失败推送', description: 'Deliveries refused or unanswered in this round (retried later).' }),
  })
  .meta({ id: 'WebhookDispatchResult', title: '推送结果' });
