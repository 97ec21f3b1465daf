import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { API_VERSION, routes } from '../app.js';
import { buildOpenApi } from '../openapi.js';

// Lints the OpenAPI document as aggregators do: Redocly's recommended rules (redocly.yaml) and Spectral's OpenAPI
// and OWASP API Security rules (.spectral.yaml). Exits non-zero on any error of either; warnings are printed.
// Run through `npm run lint:spec`, which puts both linters on PATH.
const dir = mkdtempSync(join(tmpdir(), 'gongshi-spec-'));
const file = join(dir, 'openapi.json');
const env = { ...process.env, REDOCLY_SUPPRESS_NOTIFICATIONS: 'true' };
let failed = false;
try {
  writeFileSync(file, JSON.stringify(buildOpenApi(routes, API_VERSION), null, 2) + '\n');
  const linters: [string, string[]][] = [
    ['redocly', ['lint', file, '--format=stylish']],
    ['spectral', ['lint', file, '--ruleset', '.spectral.yaml', '--fail-severity', 'error']],
  ];
  for (const [command, args] of linters) {
    const run = spawnSync(command, args, { stdio: 'inherit', env });
    if (run.status !== 0) {
      console.error(`${command}: ${run.error ? run.error.message : `exit ${run.status}`}`);
      failed = true;
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
process.exitCode = failed ? 1 : 0;
