import { rmSync } from 'node:fs';
import { build } from 'esbuild';

/**
 * A Node entry point as one ESM bundle with its packages left as imports (node_modules is installed beside
 * it). Running the bundle instead of TypeScript through tsx keeps tsx's compiler and loader hooks out of the
 * server: about 75 MiB less resident memory at rest, and no compilation at start-up. PGlite's module is a
 * chunk of its own, loaded only when the server runs embedded. The output must stay two folders below the
 * repository (build/<name>/), where the server finds drizzle/ as it does from src/db/.
 */
export async function bundleNode(entry: string, outdir: string): Promise<{ bytes: number }> {
  rmSync(outdir, { recursive: true, force: true }); // chunks of an earlier build have other names
  const result = await build({
    entryPoints: { server: entry },
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    metafile: true,
    logLevel: 'warning',
  });
  return { bytes: Object.values(result.metafile.outputs).reduce((sum, output) => sum + output.bytes, 0) };
}
