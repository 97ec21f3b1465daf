import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createInterface } from 'node:readline';
import { freePort } from '../test/support/throwaway-postgres.js';
import { checkLogLine } from './checks.js';

export interface RunningServer {
  base: string;
  operatorToken: string;
  bodyLimit: number;
  /** Why the process is gone, or null while it runs. */
  exited(): string | null;
  /** Offending log lines (raw ID numbers, SQL), and how many lines were read. */
  logFindings: string[];
  /** The server's own error lines (what a 5xx was) without their time, with how often each came. */
  errorLines: Map<string, number>;
  logLines(): number;
  stop(): Promise<void>;
}

const BODY_LIMIT = 1024 * 1024;

/**
 * Starts the real entry point (src/node.ts, as `npm start` does) on a PostgreSQL database, with demo data and a
 * fresh random operator token, and reads its log as it runs.
 */
export async function startServer(databaseUrl: string): Promise<RunningServer> {
  const port = await freePort();
  const operatorToken = randomBytes(32).toString('base64url');
  const env = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    ADMIN_TOKEN: operatorToken,
    PORT: String(port),
    HOST: '127.0.0.1',
    SEED_DEMO: 'true',
    LOG_LEVEL: 'debug',
    BODY_LIMIT_BYTES: String(BODY_LIMIT),
  };
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/node.ts'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let exit: string | null = null;
  child.once('exit', (code, signal) => (exit = `server process exited (code ${code}, signal ${signal})`));
  const logFindings: string[] = [];
  const errorLines = new Map<string, number>();
  let lines = 0;
  for (const stream of [child.stdout!, child.stderr!]) {
    createInterface({ input: stream }).on('line', (line) => {
      lines++;
      const finding = checkLogLine(line);
      if (finding && logFindings.length < 50) logFindings.push(finding);
      else if (/"level":"error"/.test(line)) {
        const key = line.replace(/"time":"[^"]*",?/, '').slice(0, 400);
        if (errorLines.size < 50 || errorLines.has(key)) errorLines.set(key, (errorLines.get(key) ?? 0) + 1);
      }
    });
  }
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    if (exit) throw new Error(exit);
    try {
      if ((await fetch(`${base}/openapi.json`)).ok) break;
    } catch {
      /* not listening yet */
    }
    if (i > 600) throw new Error('the server did not answer within 60 s');
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    base,
    operatorToken,
    bodyLimit: BODY_LIMIT,
    exited: () => exit,
    logFindings,
    errorLines,
    logLines: () => lines,
    async stop() {
      if (exit) return;
      const done = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await done;
    },
  };
}
