import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { findPostgresBin, startThrowawayPostgres, type ThrowawayPostgres } from '../test/support/throwaway-postgres.js';
import { genContexts } from './context.js';
import { printSummary } from './report.js';
import { Fuzzer, type RunLimits } from './runner.js';
import { startServer, type RunningServer } from './server.js';
import { createCredentials, harvest, loadServedSpec } from './setup.js';
import { specChecker } from './spec-check.js';

const USAGE = `npm run fuzz -- [--requests N | --seconds S] [--seed K] [--database-url URL] [--replay K[-L]] [--out FILE]
  --requests N      send N generated requests (default 2000)
  --seconds S       or send requests for S seconds
  --seed K          fast-check seed (default: random, printed)
  --database-url    an empty PostgreSQL database to use instead of a throwaway cluster
  --replay K[-L]    send only request #K (or #K to #L) of the seed, shrinking what fails
  --shrink N        shrink at most N distinct findings (default 10), --shrink-seconds each (default 20)
  --out FILE        also write the findings as JSON`;

const { values } = parseArgs({
  options: {
    requests: { type: 'string' },
    seconds: { type: 'string' },
    seed: { type: 'string' },
    'database-url': { type: 'string' },
    replay: { type: 'string' },
    shrink: { type: 'string', default: '10' },
    'shrink-seconds': { type: 'string', default: '20' },
    out: { type: 'string' },
    help: { type: 'boolean' },
  },
});
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const int = (name: string, v: string | undefined) => {
  if (v === undefined) return undefined;
  if (!/^\d+$/.test(v)) throw new Error(`--${name} must be a whole number\n${USAGE}`);
  return Number(v);
};
const seed = int('seed', values.seed) ?? (Date.now() ^ (Math.random() * 2 ** 31)) >>> 1;
const limits: RunLimits = {
  seed,
  requests: int('requests', values.requests) ?? (values.seconds ? undefined : 2000),
  seconds: int('seconds', values.seconds),
  shrinkCount: int('shrink', values.shrink)!,
  shrinkSeconds: int('shrink-seconds', values['shrink-seconds'])!,
};

let postgres: ThrowawayPostgres | undefined;
let server: RunningServer | undefined;
try {
  let url = values['database-url'];
  if (!url) {
    const bin = findPostgresBin();
    if (!bin) throw new Error('no PostgreSQL binaries (initdb/pg_ctl): install postgresql-15 or pass --database-url');
    postgres = await startThrowawayPostgres(bin);
    url = postgres.url;
  }
  server = await startServer(url);
  console.log(`fuzzing ${server.base} with seed ${seed}`);
  const spec = await loadServedSpec(server.base);
  const credentials = await createCredentials(server.base, server.operatorToken, seed);
  const harvested = await harvest(server.base, spec, server.operatorToken);
  const world = { ...credentials, base: server.base, owners: harvested.owners, pools: harvested.pools };
  console.log(`${spec.operations.length} operations; ${credentials.keys.size} agencies with keys; ${[...harvested.pools].map(([k, v]) => `${k} ${v.length}`).join(', ')}`);
  const fuzzer = new Fuzzer(spec, { ...genContexts(spec, harvested), bodyLimit: server.bodyLimit, cursors: harvested.cursors }, world, specChecker(spec.document), server.exited);

  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => fuzzer.stop());
  const replay = values.replay?.split('-').map((n) => int('replay', n)!);
  if (replay) await fuzzer.replay(replay[0]!, replay[1] ?? replay[0]!, seed, limits.shrinkSeconds);
  else await fuzzer.run(limits, (s) => console.log(`  ${s.requests} requests, ${s.findings.size} distinct findings, ${(s.requests / s.seconds()).toFixed(0)}/s`));
  await fuzzer.report(seed, replay === undefined ? limits : { ...limits, shrinkCount: 0 });
  await server.stop();
  printSummary(fuzzer.stats, server.logFindings, server.logLines(), null);
  for (const [line, count] of server.errorLines) console.log(`  server error ×${count}: ${line}`);
  if (values.out) writeFileSync(values.out, JSON.stringify({ seed, findings: [...fuzzer.stats.findings.values()] }, (_, v) => (v instanceof Uint8Array ? new TextDecoder().decode(v) : v), 2));
  const failed = fuzzer.stats.findings.size > 0 || server.logFindings.length > 0;
  console.log(failed ? `\nFAILED (seed ${seed})` : `\npassed (seed ${seed})`);
  process.exitCode = failed ? 1 : 0;
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 2;
} finally {
  await server?.stop();
  postgres?.stop();
}
