/**
 * Platformatic DB, the generated REST API users would pick instead of writing one: its `plt-db start` over our
 * own tables, introspected at start. 2.61.0 is the last line that runs on Node 20 (3.x needs Node 22). It is
 * installed on first use into build/platformatic (about 240 MB, a minute and a half), not as a dependency of
 * the project: only the benchmark needs it.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { POOL_MAX, ROOT, type ServerDef } from './servers.js';

const VERSION = '2.61.0';
const DIR = join(ROOT, 'build', 'platformatic');
const PACKAGE = join(DIR, 'node_modules', '@platformatic', 'db', 'package.json');

function ensureInstalled(): void {
  if (existsSync(PACKAGE) && (JSON.parse(readFileSync(PACKAGE, 'utf8')) as { version: string }).version === VERSION) return;
  mkdirSync(DIR, { recursive: true });
  writeFileSync(join(DIR, 'package.json'), JSON.stringify({ private: true, dependencies: { '@platformatic/db': VERSION } }, null, 2));
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: DIR, stdio: ['ignore', 'ignore', 'inherit'] });
}

export const PLATFORMATIC: ServerDef = {
  name: `platformatic db ${VERSION}`,
  entry: '',
  outdir: '',
  agencyPath: (id) => `/agencies/${id}`,
  async launch(port, databaseUrl) {
    ensureInstalled();
    const config = join(DIR, `platformatic.db.${port}.json`);
    writeFileSync(
      config,
      JSON.stringify({
        server: { hostname: '127.0.0.1', port, logger: { level: 'error' } },
        // Only the tables the scenarios read; REST only (GraphQL off), as a REST client would use it.
        db: { connectionString: databaseUrl, poolSize: POOL_MAX, graphql: false, openapi: true, include: { agencies: true, penalties: true, inspection_tasks: true } },
      }),
    );
    return { command: process.execPath, args: [join(DIR, 'node_modules', '@platformatic', 'db', 'db.mjs'), 'start', '-c', config] };
  },
};
