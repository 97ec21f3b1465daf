import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { bundleNode } from '../../src/cli/bundle-node.js';
import { freePort } from './throwaway-postgres.js';

export interface NodeServer {
  base: string;
  /** The process started (with WORKERS > 1, the supervisor of the server processes). */
  pid: number;
  /** Everything the server wrote on stderr so far (its JSON log lines). */
  readonly stderr: string;
  /** Sends SIGTERM and resolves with the exit code once the process has exited. */
  stop(): Promise<number | null>;
}

const ROOT = new URL('../..', import.meta.url).pathname;

/**
 * Starts the real Node entry point as `npm start` runs it (src/node.ts bundled by `npm run build`, run by plain
 * node) with `env` on a free port, and waits until it answers. Each server has its own bundle folder, two
 * levels below the repository as build/node is, so files running in parallel never share one.
 */
export async function startNodeServer(env: Record<string, string>): Promise<NodeServer> {
  const port = await freePort();
  const outdir = join(ROOT, 'build', `test-node-${process.pid}-${port}`);
  await bundleNode(join(ROOT, 'src/node.ts'), outdir);
  const child: ChildProcess = spawn(process.execPath, [join(outdir, 'server.js')], {
    env: { ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const server: NodeServer = {
    base: `http://127.0.0.1:${port}`,
    pid: child.pid!,
    get stderr() {
      return stderr;
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = once(child, 'exit');
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(outdir, { recursive: true, force: true });
      return child.exitCode;
    },
  };
  // A PGlite server migrates and seeds its demo data first: on a loaded 2-core machine that has taken 55 s.
  for (let i = 0; i < 1200; i++) {
    try {
      if ((await fetch(`${server.base}/v1/agencies`)).ok) return server;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  await server.stop();
  throw new Error('the server did not answer within 120 s');
}
