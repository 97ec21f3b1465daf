import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { freePort } from './throwaway-postgres.js';

export interface NodeServer {
  base: string;
  /** Everything the server wrote on stderr so far (its JSON log lines). */
  readonly stderr: string;
  stop(): Promise<void>;
}

/** Starts the real Node entry point (src/node.ts) with `env` on a free port, and waits until it answers. */
export async function startNodeServer(env: Record<string, string>): Promise<NodeServer> {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/node.ts'], {
    env: { ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const server: NodeServer = {
    base: `http://127.0.0.1:${port}`,
    get stderr() {
      return stderr;
    },
    async stop() {
      if (child.exitCode !== null) return;
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      await exited;
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
