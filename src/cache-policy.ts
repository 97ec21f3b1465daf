/**
 * How long a public answer may be reused (RFC 9111 §5.2; stale-while-revalidate: RFC 5861). Every GET has a
 * strong ETag, so a stale answer costs a 304 to revalidate.
 * - short: records and lists change with any write: reused for a minute, then served stale while a
 *   cache revalidates in the background, so a portal in front of a CDN stays fast and at most minutes old.
 * - immutable: the bytes at this URL never change (a revision of a record that is never redacted, a draw
 *   revealed or voided, an edition superseded).
 * - revalidate: the change feed and the exports, which aggregators poll for what is new: always asked.
 * - none: answers holding secrets or key metadata.
 */
export const CACHE_CONTROL = {
  short: 'public, max-age=60, stale-while-revalidate=600',
  immutable: 'public, max-age=31536000, immutable',
  revalidate: 'no-cache',
  none: 'no-store',
} as const;
export type CachePolicy = keyof typeof CACHE_CONTROL;

const stamp = (value: unknown): number => (typeof value === 'string' ? Date.parse(value) : Number.NaN);

/**
 * Last-Modified of a JSON answer: the latest `updatedAt` (records) or `at` (revisions, feed entries) of the
 * body or of its items, as an HTTP date; none when the body has neither.
 */
export function lastModifiedOf(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const record = body as { updatedAt?: unknown; at?: unknown; items?: unknown };
  const stamps = [stamp(record.updatedAt), stamp(record.at)];
  if (Array.isArray(record.items)) {
    for (const item of record.items as { updatedAt?: unknown; at?: unknown }[]) stamps.push(stamp(item?.updatedAt), stamp(item?.at));
  }
  const latest = Math.max(...stamps.filter((s) => !Number.isNaN(s)));
  return Number.isFinite(latest) ? new Date(latest).toUTCString() : undefined;
}
