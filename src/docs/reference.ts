import type { Context, Hono } from 'hono';
import type { AppEnv } from '../context.js';
import { READ_HEADERS } from '../cors.js';
import { problems } from '../errors.js';
import { ifNoneMatchSatisfied, toHex } from '../lib/etag.js';
import { strictQuery } from '../query-string.js';

/**
 * The bytes of Redoc's standalone bundle (an ES module exporting `init`). Each runtime brings its own: the
 * Node server reads the installed package's file (src/docs/redoc-bundle.ts), the Worker asks its static
 * assets (wrangler.toml `[assets]`), so the page never depends on a CDN and the Worker's script stays small.
 */
export type ReferenceBundle = () => Promise<Uint8Array>;

interface Asset {
  bytes: Uint8Array<ArrayBuffer>;
  etag: string;
}

interface Reference {
  html: string;
  htmlEtag: string;
  /** By file name; each name carries a hash of its bytes, so a URL always names the same bytes. */
  assets: Map<string, Asset>;
}

const JS = 'text/javascript; charset=utf-8'; // RFC 9239
/** Versioned URLs: the bytes behind one never change, so caches keep them a year without asking again. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * Only this origin's scripts, styles, images, fonts and fetches (the spec); no framing (clickjacking), no
 * <base>, no form target. Beyond 'self', what Redoc needs: 'unsafe-inline' styles, because it renders with
 * styled-components, which inserts <style> elements at run time, and React sets style attributes, which no
 * nonce or hash can cover (W3C CSP Level 3, `unsafe-hashes` aside); inline styles cannot run script. data:
 * images and fonts: the icons and the icon font its CSS embeds. Redoc's badge loads the vendor's logo from
 * its CDN: refused here, the badge shows its text alone.
 */
const REFERENCE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

async function asset(bytes: Uint8Array<ArrayBuffer>): Promise<{ asset: Asset; hash: string }> {
  const hash = toHex(await crypto.subtle.digest('SHA-256', bytes));
  return { asset: { bytes, etag: `"${hash}"` }, hash };
}

/** The page and its two scripts: Redoc, and a starter that gives Redoc the spec's URL and turns its telemetry off. */
async function build(load: ReferenceBundle): Promise<Reference> {
  const redoc = await asset(new Uint8Array(await load()));
  const redocName = `redoc.standalone.${redoc.hash.slice(0, 16)}.js`;
  // Relative URLs, so the page also works behind a proxy that mounts the API under a path prefix.
  const start = await asset(
    new TextEncoder().encode(
      `import { init } from './${redocName}';\n` +
        `const element = document.getElementById('reference');\n` +
        // Redoc 3 reports usage to its vendor unless told not to (the CSP would block it anyway).
        `init(element.dataset.specUrl, { disableTelemetry: true }, element);\n`,
    ),
  );
  const startName = `start.${start.hash.slice(0, 16)}.js`;
  const html = `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Gongshi 公示 API</title>
<link rel="modulepreload" href="docs/assets/${redocName}">
<script type="module" src="docs/assets/${startName}"></script>
</head>
<body>
<noscript>This reference needs JavaScript. The OpenAPI document itself is at <a href="openapi.json">/openapi.json</a>.</noscript>
<div id="reference" data-spec-url="openapi.json"></div>
</body>
</html>
`;
  const page = await asset(new TextEncoder().encode(html));
  return { html, htmlEtag: page.asset.etag, assets: new Map([[redocName, redoc.asset], [startName, start.asset]]) };
}

const notModified = (c: Context, etag: string, cacheControl: string) =>
  c.body(null, 304, { ...READ_HEADERS, ETag: etag, 'Cache-Control': cacheControl });

/**
 * GET /docs (the reference page) and GET /docs/assets/{file} (its scripts). Everything is built on the first
 * request and kept; a failed load is a 500 (logged by the app) and is tried again by the next request.
 */
export function mountReference(app: Hono<AppEnv>, load: ReferenceBundle | undefined): void {
  let built: Promise<Reference> | undefined;
  const reference = (): Promise<Reference> =>
    (built ??= (load ? build(load) : Promise.reject(new Error('createApp was given no referenceBundle'))).catch((err: unknown) => {
      built = undefined;
      // The app's error handler logs this (a message, never a stack) and answers a bare 500.
      throw new Error(`API reference bundle unavailable: ${err instanceof Error ? err.message : String(err)}`);
    }));

  app.get('/docs', strictQuery([]), async (c) => {
    const { html, htmlEtag } = await reference();
    // The page names the current scripts' hashes: a client asks again each time (cheap with the ETag).
    if (ifNoneMatchSatisfied(c.req.header('If-None-Match') ?? '', htmlEtag)) return notModified(c, htmlEtag, 'no-cache');
    return c.body(html, 200, {
      ...READ_HEADERS,
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': REFERENCE_CSP,
      ETag: htmlEtag,
      'Cache-Control': 'no-cache',
    });
  });

  app.get('/docs/assets/:file', strictQuery([]), async (c) => {
    const found = (await reference()).assets.get(c.req.param('file'));
    if (!found) throw problems.notFound('This file');
    if (ifNoneMatchSatisfied(c.req.header('If-None-Match') ?? '', found.etag)) return notModified(c, found.etag, IMMUTABLE);
    return c.body(found.bytes, 200, { ...READ_HEADERS, 'Content-Type': JS, ETag: found.etag, 'Cache-Control': IMMUTABLE });
  });
}
