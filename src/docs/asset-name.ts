/** The Redoc bundle's file name among the Worker's static assets (wrangler.toml `[assets]`). */
export const REDOC_ASSET = 'redoc.standalone.js';
