import { createHash } from 'node:crypto';

/**
 * Strong ETag of a serialized representation: hex SHA-1 of its UTF-8 bytes, as hono's etag middleware computes
 * it. node:crypto (Workers have it under nodejs_compat) hashes the string in place, synchronously; WebCrypto's
 * digest wanted it encoded into a copy first and answered through a promise: a twentieth of a list's CPU.
 */
export function etagOf(serialized: string): string {
  return '"' + createHash('sha1').update(serialized, 'utf8').digest('hex') + '"';
}

export function toHex(buffer: ArrayBuffer): string {
  return Array.from(new Uint8Array(buffer), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** If-None-Match uses the weak comparison (RFC 9110 §13.1.2): W/ prefixes are ignored; "*" matches any. */
export function ifNoneMatchSatisfied(ifNoneMatch: string, current: string): boolean {
  if (ifNoneMatch.trim() === '*') return true;
  const strip = (tag: string) => tag.replace(/^W\//, '');
  return (ifNoneMatch.match(/(W\/)?"[^"]*"/g) ?? []).some((tag) => strip(tag) === strip(current));
}
