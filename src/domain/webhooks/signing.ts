/**
 * Standard Webhooks signatures (https://www.standardwebhooks.com): `webhook-signature: v1,<base64 HMAC-SHA256>`
 * of `<webhook-id>.<webhook-timestamp>.<body>` under the subscription's secret, given to the subscriber as
 * `whsec_<base64>`. The secret is derived from the server's key and the subscription id, so none is stored.
 */
import { createHmac } from 'node:crypto';

export function subscriptionSecret(signingKey: string, subscriptionId: string): string {
  return 'whsec_' + createHmac('sha256', signingKey).update(`gongshi-webhook:${subscriptionId}`).digest('base64');
}

export function signature(secret: string, messageId: string, timestamp: number, body: string): string {
  const key = Buffer.from(secret.slice('whsec_'.length), 'base64');
  return 'v1,' + createHmac('sha256', key).update(`${messageId}.${timestamp}.${body}`).digest('base64');
}
