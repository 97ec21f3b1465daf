/** Strong ETag of a serialized representation: hex SHA-1 of its bytes, as hono's etag middleware computes it. */
export async function etagOf(serialized: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-1', new TextEncoder().encode(serialized));
  return '"' + toHex(digest) + '"';
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
