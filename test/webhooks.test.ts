import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { admin, testClock, useTestApp } from './support/app.js';
import { createOfficer } from './support/officers.js';
import { WebhookDelivery } from '../src/schemas/webhooks.js';

const clock = testClock('2026-11-27T02:00:00Z');
const t = useTestApp({ now: () => clock.now });

interface Received {
  headers: IncomingMessage['headers'];
  body: string;
}

/** A subscriber's endpoint: records every delivery and answers with `status`. */
const receiver = { status: 200, received: [] as Received[], url: '', server: undefined as Server | undefined };

beforeAll(async () => {
  receiver.server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      receiver.received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(receiver.status).end();
    });
  });
  await new Promise<void>((resolve) => receiver.server!.listen(0, '127.0.0.1', resolve));
  receiver.url = `http://127.0.0.1:${(receiver.server!.address() as AddressInfo).port}/events`;
});
afterAll(() => new Promise<void>((resolve) => receiver.server?.close(() => resolve())));

/** Verifies a delivery as a Standard Webhooks library would, independently of the server's code. */
function verified(delivery: Received, secret: string): boolean {
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  const signed = `${delivery.headers['webhook-id']}.${delivery.headers['webhook-timestamp']}.${delivery.body}`;
  const expected = createHmac('sha256', key).update(signed).digest('base64');
  return String(delivery.headers['webhook-signature']).split(' ').includes(`v1,${expected}`);
}

const head = async (): Promise<number> => (await t.request('/v1/feed?limit=1')).body.head;
const round = async () => {
  const res = await t.post('/v1/maintenance/webhooks', {}, admin);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as { delivered: number; failed: number };
};
const subscription = async (id: string) => (await t.request('/v1/webhooks', { headers: admin })).body.items.find((s: { id: string }) => s.id === id);

/** A subscription from the current head; every other active one is paused so rounds only concern it. */
async function subscribe(fields: Record<string, unknown> = {}) {
  for (const other of (await t.request('/v1/webhooks', { headers: admin })).body.items) {
    if (other.active) expect((await t.patch(`/v1/webhooks/${other.id}`, { active: false }, admin)).status).toBe(200);
  }
  const res = await t.post('/v1/webhooks', { url: receiver.url, ...fields }, admin);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  receiver.received = [];
  receiver.status = 200;
  return res.body as { id: string; secret: string; position: number };
}

describe('push subscriptions (webhooks)', () => {
  it('delivers the feed entries of its types after its position, signed, and moves past them once acknowledged', async () => {
    const sub = await subscribe({ types: ['agency'] });
    expect(sub.secret).toMatch(/^whsec_/);
    expect(sub.position).toBe(await head());
    const a = await t.createAgency();
    await createOfficer(t, a.id);
    const b = await t.createAgency();
    expect(await round()).toEqual({ delivered: 1, failed: 0 });
    expect(receiver.received).toHaveLength(1);
    const [delivery] = receiver.received;
    expect(verified(delivery!, sub.secret)).toBe(true);
    expect(verified(delivery!, `whsec_${Buffer.alloc(32, 1).toString('base64')}`)).toBe(false);
    const body = JSON.parse(delivery!.body);
    // The body is rendered from stored JSON, not through the schema: it must still be what the document says.
    expect(WebhookDelivery.safeParse(body).error).toBeUndefined();
    expect(body.subscriptionId).toBe(sub.id);
    expect(body.items.map((e: { type: string; id: string }) => [e.type, e.id])).toEqual([['agency', a.id], ['agency', b.id]]);
    expect(body.items[0].data).toEqual(a);
    expect(Number(delivery!.headers['webhook-timestamp'])).toBe(Math.floor(clock.now.getTime() / 1000));
    expect((await subscription(sub.id)).position).toBe(Number(body.next));
    // Nothing new: nothing sent.
    expect(await round()).toEqual({ delivered: 0, failed: 0 });
    expect(receiver.received).toHaveLength(1);
  });

  it('retries a refused delivery after a doubling wait, with the same message id, and only then moves on', async () => {
    const sub = await subscribe();
    const agency = await t.createAgency();
    receiver.status = 503;
    expect(await round()).toEqual({ delivered: 0, failed: 1 });
    const failed = await subscription(sub.id);
    expect(failed).toMatchObject({ position: sub.position, failures: 1, lastStatus: 503, nextAttemptAt: new Date(clock.now.getTime() + 30_000).toISOString() });
    // Not due yet.
    expect(await round()).toEqual({ delivered: 0, failed: 0 });
    clock.now = new Date(clock.now.getTime() + 31_000);
    expect(await round()).toEqual({ delivered: 0, failed: 1 });
    expect((await subscription(sub.id)).nextAttemptAt).toBe(new Date(clock.now.getTime() + 60_000).toISOString());
    clock.now = new Date(clock.now.getTime() + 61_000);
    receiver.status = 204;
    expect(await round()).toEqual({ delivered: 1, failed: 0 });
    const ids = receiver.received.map((r) => r.headers['webhook-id']);
    expect(ids).toHaveLength(3);
    expect(new Set(ids).size).toBe(1);
    expect(JSON.parse(receiver.received[2]!.body).items.map((e: { id: string }) => e.id)).toEqual([agency.id]);
    expect(await subscription(sub.id)).toMatchObject({ failures: 0, lastStatus: 204, nextAttemptAt: null, position: await head() });
  });

  it('counts an endpoint that cannot be reached as a failure with no status', async () => {
    const sub = await subscribe();
    expect((await t.patch(`/v1/webhooks/${sub.id}`, { active: true }, admin)).status).toBe(200);
    const closed = await t.post('/v1/webhooks', { url: 'http://127.0.0.1:9/events' }, admin);
    expect((await t.patch(`/v1/webhooks/${sub.id}`, { active: false }, admin)).status).toBe(200);
    await t.createAgency();
    expect(await round()).toEqual({ delivered: 0, failed: 1 });
    expect(await subscription(closed.body.id)).toMatchObject({ failures: 1, lastStatus: null });
  });

  it('resumes by position: moved back it delivers again, paused it delivers nothing', async () => {
    const sub = await subscribe();
    const agency = await t.createAgency();
    expect(await round()).toEqual({ delivered: 1, failed: 0 });
    const rewound = await t.patch(`/v1/webhooks/${sub.id}`, { after: String(sub.position) }, admin);
    expect(rewound.body.position).toBe(sub.position);
    expect(await round()).toEqual({ delivered: 1, failed: 0 });
    expect(receiver.received.map((r) => JSON.parse(r.body).items[0].id)).toEqual([agency.id, agency.id]);
    expect((await t.patch(`/v1/webhooks/${sub.id}`, { active: false }, admin)).body.active).toBe(false);
    await t.createAgency();
    expect(await round()).toEqual({ delivered: 0, failed: 0 });
    const ahead = await t.patch(`/v1/webhooks/${sub.id}`, { after: String((await head()) + 5) }, admin);
    expect(ahead.status).toBe(422);
    expect(ahead.body.errors[0]).toMatchObject({ in: 'body', pointer: '/after' });
  });

  it('is for the operator alone, never shows a secret again, and refuses bad input naming the field', async () => {
    const agency = await t.createAgency();
    const key = await t.keyFor(agency.id, ['admin']);
    expect((await t.post('/v1/webhooks', { url: receiver.url }, key)).status).toBe(403);
    const listed = await t.request('/v1/webhooks', { headers: admin });
    expect(listed.body.items.length).toBeGreaterThan(0);
    expect(JSON.stringify(listed.body)).not.toContain('whsec_');
    for (const [body, pointer] of [
      [{ url: 'ftp://example.com/x' }, '/url'],
      [{ url: receiver.url, types: ['nothing'] }, '/types/0'],
      [{ url: receiver.url, after: '-1' }, '/after'],
    ] as const) {
      const res = await t.post('/v1/webhooks', body, admin);
      expect(res.status).toBe(400);
      expect(res.body.errors[0].pointer).toBe(pointer);
    }
    expect((await t.patch('/v1/webhooks/0193a1b2-7c4d-7e5f-8a9b-0c1d2e3f4a5b', { active: true }, admin)).status).toBe(404);
  });
});

describe('push subscriptions on a server without a signing key', () => {
  const off = useTestApp({ config: { webhookSigningKey: undefined } });
  it('refuses them with 409 saying why', async () => {
    const res = await off.post('/v1/webhooks', { url: 'http://127.0.0.1:9/events' }, admin);
    expect(res.status).toBe(409);
    expect(res.body.detail).toContain('WEBHOOK_SIGNING_KEY');
  });
});
