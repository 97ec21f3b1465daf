/**
 * The draw benchmark: commit and reveal of a 双随机 draw over a directory of 1,000,000 entities, beside a
 * plain in-memory shuffle of the same ids and beside SELECT + shuffle, in the same run. The agency, its item
 * and the tasks are created through the app; the directory is COPYed (bench/dataset-draw.ts). Each step
 * runs in a process of its own (bench/draw-phase.ts) so its peak RSS is its own.
 */
import { execFile } from 'node:child_process';
import { loadavg } from 'node:os';
import { promisify } from 'node:util';
import { createApp } from '../src/app.js';
import { sharedDb } from '../src/db/client.js';
import { openPostgres } from '../src/db/postgres.js';
import { completeCreditCode } from '../src/lib/credit-code.js';
import { type DirectoryFacts, loadDirectory } from './dataset-draw.js';
import { ADMIN_TOKEN, type Step, type StepFigures } from './draw-phase.js';
import { ROOT } from './servers.js';
import { benchItem } from './dataset-tasks.js';

/** Its name in BENCH_SCENARIOS. */
export const DRAW = 'draw';
const ENTITIES = Number(process.env.BENCH_DRAW_ENTITIES ?? 1_000_000);
const INSPECTORS = 2_000;
const CONFLICTS = 300;
/** The Node server's default statement_timeout (DB_STATEMENT_TIMEOUT_MS), unless BENCH_STATEMENT_TIMEOUT_MS says otherwise. */
const STATEMENT_TIMEOUT_MS = Number(process.env.BENCH_STATEMENT_TIMEOUT_MS ?? 5000);

interface DrawTaskFacts {
  name: string;
  sample: string;
  commit: StepFigures;
  reveal: StepFigures;
  verify: StepFigures;
}

export interface DrawBenchFacts {
  directory: DirectoryFacts;
  statementTimeoutMs: number;
  /** 1-minute load average before the first measured step. */
  load: string;
  shuffle: StepFigures;
  selectShuffle: StepFigures;
  tasks: DrawTaskFacts[];
}

const TASKS = [
  { name: 'uniform 3 %', sample: { mode: 'ratio', basisPoints: 300 }, describe: 'ratio 3 % of the whole pool' },
  {
    name: 'stratified',
    sample: { mode: 'strata', strata: { A: { basisPoints: 100 }, B: { basisPoints: 200 }, C: { basisPoints: 1000 }, D: { basisPoints: 3000 } } },
    describe: 'per risk class A 1 %, B 2 %, C 10 %, D 30 %',
  },
] as const;

async function step(name: Step, url: string, agencyId: string, taskId: string, log: (m: string) => void): Promise<StepFigures> {
  const args = ['--expose-gc', '--import', 'tsx', 'bench/draw-phase.ts', name, url, agencyId, taskId, String(STATEMENT_TIMEOUT_MS)];
  const { stdout } = await promisify(execFile)(process.execPath, args, { cwd: ROOT, maxBuffer: 1 << 20, env: { PATH: process.env.PATH ?? '' } });
  const figures = JSON.parse(stdout.trim().split('\n').pop()!) as StepFigures;
  log(`draw ${name}: ${figures.seconds.toFixed(2)} s, RSS ${Math.round(figures.rssBefore / 2 ** 20)} → peak ${Math.round(figures.rssPeak / 2 ** 20)} MiB (${figures.outcome})`);
  return figures;
}

/** Creates the agency, its item and the tasks through the app, loads the directory, then measures each step. */
export async function benchDraw(url: string, log: (m: string) => void): Promise<DrawBenchFacts> {
  const database = openPostgres(url, { max: 2 });
  const app = createApp({ db: sharedDb(database.db), config: { adminToken: ADMIN_TOKEN } });
  const post = async (path: string, body: unknown): Promise<{ id: string }> => {
    const res = await app.request(path, { method: 'POST', headers: { Authorization: `Bearer ${ADMIN_TOKEN}`, 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    if (res.status !== 201) throw new Error(`POST ${path} answered ${res.status}: ${(await res.text()).slice(0, 600)}`);
    return (await res.json()) as { id: string };
  };
  const taskIds: string[] = [];
  try {
    const agencyId = (await post('/v1/agencies', { name: '示例市市场监督管理局(基准测试)', creditCode: completeCreditCode('11440100MB900001'), regionCode: '440100', level: '市级', kind: '法定', domains: ['市场监管'] })).id;
    const item = await post('/v1/inspection-items', benchItem(agencyId, 'BENCH-001'));
    const started = performance.now();
    const directory = await loadDirectory(url, agencyId, ENTITIES, INSPECTORS, CONFLICTS);
    log(`draw: loaded ${ENTITIES} entities, ${INSPECTORS} inspectors and ${CONFLICTS} conflicts in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    for (const task of TASKS) {
      const body = { agencyId, year: 2026, name: `2026年双随机抽查(${task.name})`, itemIds: [item.id], sample: task.sample, inspectorsPerEntity: 2, window: { from: '2026-03-01', to: '2026-11-30' } };
      taskIds.push((await post('/v1/inspection-tasks', body)).id);
    }
    const load = loadavg()[0]!.toFixed(2);
    const shuffle = await step('shuffle', url, agencyId, '-', log);
    const selectShuffle = await step('select-shuffle', url, agencyId, '-', log);
    const tasks: DrawTaskFacts[] = [];
    for (const [i, task] of TASKS.entries()) {
      const taskId = taskIds[i]!;
      const commit = await step('commit', url, agencyId, taskId, log);
      const reveal = await step('reveal', url, agencyId, taskId, log);
      const verify = await step('verify', url, agencyId, taskId, log);
      tasks.push({ name: task.name, sample: task.describe, commit, reveal, verify });
    }
    return { directory, statementTimeoutMs: STATEMENT_TIMEOUT_MS, load, shuffle, selectShuffle, tasks };
  } finally {
    await database.close();
  }
}
