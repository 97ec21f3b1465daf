import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * Redoc's standalone bundle as the installed @redocly/cli ships it (its `build-docs` command reads this same
 * file to inline Redoc into a page). Pinned by the CLI's exact version in package.json and the lockfile; Node
 * only (the Worker gets a copy as a static asset: src/cli/docs-assets.ts).
 */
const require = createRequire(import.meta.url);

export function redocBundlePath(): string {
  const manifest = require.resolve('@redocly/cli/package.json');
  return join(dirname(manifest), 'lib', 'chunks', 'redoc.standalone.js');
}

/** The bundle's bytes, read from disk (createApp keeps them after the first /docs request). */
export const readRedocBundle = async (): Promise<Uint8Array> => new Uint8Array(await readFile(redocBundlePath()));
