import type { SoakFacts } from './soak.js';

const num = (n: number) => Math.round(n).toLocaleString('en-US');

export function formatSoak(f: SoakFacts): string[] {
  const first = f.perMinute[0] ?? 0;
  const last = f.perMinute[f.perMinute.length - 1] ?? 0;
  const drift = first ? last / first - 1 : 0;
  const rssFirst = f.rssPerMinute[0] ?? 0;
  const rssLast = f.rssPerMinute[f.rssPerMinute.length - 1] ?? 0;
  return [
    '',
    `## Soak: ${num(f.seconds)} s under load`,
    '',
    `bench/soak.ts: the Node server (as \`npm start\` builds it) at 64 connections after a 15 s warm-up, each connection reconnecting after 100 requests, over agency reads, lists and revisions; beside it, a client that abandons a ranked search for a common term after 20 ms, once a second, and then looks in pg_stat_activity for a query still running.`,
    '',
    '| minute | ' + f.perMinute.map((_, i) => String(i + 1)).join(' | ') + ' |',
    '| --- | ' + f.perMinute.map(() => '---:').join(' | ') + ' |',
    '| req/s | ' + f.perMinute.map(num).join(' | ') + ' |',
    '| RSS MiB | ' + f.rssPerMinute.map(num).join(' | ') + ' |',
    '',
    '| measure | figure | target | verdict |',
    '| --- | ---: | --- | --- |',
    `| last minute's req/s against the first's | ${(drift * 100).toFixed(1)} % | within ±10 % | ${Math.abs(drift) <= 0.1 ? 'PASS' : 'FAIL'} |`,
    `| RSS, first minute → last | ${num(rssFirst)} → ${num(rssLast)} MiB | flat | ${rssLast <= rssFirst * 1.1 ? 'PASS' : 'FAIL'} |`,
    `| abandoned searches whose query still ran a second later | ${num(f.stillRunning)} of ${num(f.abandoned)} | 0 | ${f.stillRunning === 0 && f.abandoned > 0 ? 'PASS' : 'FAIL'} |`,
    `| longest statement seen running | ${num(f.longestQueryMs)} ms | ≤ statement_timeout ${num(f.statementTimeoutMs)} ms | ${f.longestQueryMs <= f.statementTimeoutMs ? 'PASS' : 'FAIL'} |`,
    `| errors of the steady load: non-2xx, socket errors, timeouts | ${num(f.errors.non2xx)}, ${num(f.errors.socket)}, ${num(f.errors.timeouts)} | 0 | ${f.errors.non2xx + f.errors.socket + f.errors.timeouts === 0 ? 'PASS' : 'FAIL'} |`,
  ];
}
