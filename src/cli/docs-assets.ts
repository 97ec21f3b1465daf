import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { REDOC_ASSET } from '../docs/asset-name.js';
import { redocBundlePath } from '../docs/redoc-bundle.js';

// wrangler.toml's build command: copies the installed Redoc bundle into the Worker's static assets, so /docs
// works on Workers without a CDN and without Redoc in the Worker's script (which has a size limit).
const dir = process.argv[2] ?? 'build/docs-assets';
mkdirSync(dir, { recursive: true });
copyFileSync(redocBundlePath(), join(dir, REDOC_ASSET));
console.log(`copied Redoc to ${join(dir, REDOC_ASSET)}`);
