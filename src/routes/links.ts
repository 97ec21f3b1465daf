/** The URL of the next page: the current URL with `cursor` replaced. */
function nextPageUrl(url: URL, cursor: string, param = 'cursor'): string {
  const next = new URL(url);
  next.searchParams.set(param, cursor);
  return next.pathname + next.search;
}

/** RFC 8288 Link header for the next page, when there is one. */
export function nextLinkHeader(url: URL, cursor: string | null, param = 'cursor'): Record<string, string> {
  return cursor ? { Link: `<${nextPageUrl(url, cursor, param)}>; rel="next"` } : {};
}

export const linkHeaderSpec = {
  Link: { description: 'RFC 8288 link to the next page (rel="next"), absent on the last page.', schema: { type: 'string' as const } },
};
export const etagHeaderSpec = {
  ETag: { description: 'Strong validator; send it back as If-None-Match (reads) or If-Match (updates).', schema: { type: 'string' as const } },
};
