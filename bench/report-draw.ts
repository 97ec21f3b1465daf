import type { DrawBenchFacts } from './draw.js';
import type { StepFigures } from './draw-phase.js';

/** Commit + reveal may take at most this many times the plain in-memory shuffle (the target). */
const TARGET_SHUFFLE_RATIO = 3;

const MB = 2 ** 20;
const num = (n: number, digits = 0) => n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const ratio = (s: number, base: StepFigures) => `${num(s / base.seconds, 1)}×`;

const cpu = (f: StepFigures) => `${num(f.appCpu, 2)} + ${f.dbCpu === null ? 'n/a' : num(f.dbCpu, 2)}`;

function row(label: string, f: StepFigures, shuffle: StepFigures, select: StepFigures): string {
  return `| ${label} | ${num(f.seconds, 2)} | ${ratio(f.seconds, shuffle)} | ${ratio(f.seconds, select)} | ${cpu(f)} | ${num(f.rssBefore / MB)} | ${num(f.rssPeak / MB)} | ${num((f.rssPeak - f.rssBefore) / MB)} | ${f.outcome} |`;
}

/** The draw section of the report: each step beside both baselines, and the verdict on the target. */
export function formatDraw(d: DrawBenchFacts): string[] {
  const { shuffle, selectShuffle: select } = d;
  const dir = d.directory;
  const classes = Object.entries(dir.classes)
    .sort()
    .map(([c, n]) => `${c} ${num(n)}`)
    .join(', ');
  const lines = [
    '',
    `## Draw: commit + reveal over ${num(dir.entities)} entities vs a plain shuffle`,
    '',
    `Directory (bench/dataset-draw.ts, fixed seed, COPYed in ${num(dir.loadSeconds, 1)} s, untimed): ${num(dir.entities)} active entities of one agency (${classes}), ${num(dir.inspectors)} available inspectors (+${num(dir.unavailable)} unavailable, outside the pool), ${num(dir.conflicts)} declared conflicts. Tasks: 2 inspectors per entity, no selection filter.`,
    `Steps go through createApp over postgres.js (pool 10, statement_timeout ${num(d.statementTimeoutMs)} ms as the Node server's default) with app.request in the measuring process: POST …/draw/commit (contributionMinutes 0: only the platform's contribution), POST …/draw/reveal, GET …/draw/verify. Each step and each baseline runs in a fresh process (bench/draw-phase.ts); RSS before = at the start of the step, peak = the kernel's VmHWM after resetting it at the start${d.shuffle.peakReset ? '' : ' (the reset was refused here: peaks are lifetime peaks)'}. 1-min load average ${d.load} before the first step.`,
    `Baselines: "shuffle" = a Fisher–Yates shuffle (Math.random) of a copy of the same ${num(dir.entities)} id strings, already in memory; "SELECT + shuffle" = \`SELECT id FROM inspection_entities WHERE agency_id = $1 AND status = 'active'\` with postgres.js, then the same shuffle. CPU = user + system seconds of the measuring process and of the PostgreSQL backends that served the step (/proc): on a shared machine steadier than wall time, which waits for other processes too.`,
    '',
    '| step | seconds | × shuffle | × SELECT + shuffle | CPU s: process + PostgreSQL | RSS before MiB | peak MiB | peak − before MiB | outcome |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
    row('shuffle (in memory)', shuffle, shuffle, select),
    row('SELECT + shuffle', select, shuffle, select),
  ];
  const verdicts: string[] = [];
  for (const t of d.tasks) {
    lines.push(row(`${t.name}: commit`, t.commit, shuffle, select), row(`${t.name}: reveal`, t.reveal, shuffle, select), row(`${t.name}: verify`, t.verify, shuffle, select));
    const both = t.commit.seconds + t.reveal.seconds;
    const times = both / shuffle.seconds;
    verdicts.push(
      `| ${t.name} (${t.sample}) | ${num(both, 2)} | ${num(times, 1)}× | ${times <= TARGET_SHUFFLE_RATIO ? 'PASS' : 'FAIL'} | ${num(both / select.seconds, 1)}× | ${num(Math.max(t.commit.rssPeak, t.reveal.rssPeak) / MB)} |`,
    );
  }
  lines.push(
    '',
    `| task | commit + reveal s | × shuffle | target ≤ ${TARGET_SHUFFLE_RATIO}× shuffle | × SELECT + shuffle | peak RSS MiB |`,
    '| --- | ---: | ---: | --- | ---: | ---: |',
    ...verdicts,
  );
  return lines;
}
