import { toHex } from './etag.js';

/** A new writer-key secret: recognisable prefix + 32 random bytes (base64url). Shown once, never stored. */
export function newSecret(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return 'gs_' + btoa(bin).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

/** Secrets are 256-bit random, so a plain SHA-256 is a safe one-way lookup key (no slow KDF needed). */
export async function hashSecret(secret: string): Promise<string> {
  return toHex(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(secret)));
}

/** Constant-time comparison of two secrets, by comparing their digests. */
export async function secretsEqual(a: string, b: string): Promise<boolean> {
  const [ha, hb] = await Promise.all([hashSecret(a), hashSecret(b)]);
  let diff = 0;
  for (let i = 0; i < ha.length; i++) diff |= ha.charCodeAt(i) ^ hb.charCodeAt(i);
  return diff === 0 && ha.length === hb.length;
}
