/**
 * 双随机 task records for the inspection-task read: TASK_AGENCIES of the bench agencies each get one inspection
 * item and TASKS_PER_AGENCY tasks over it, created through the app (createApp in this process, the operator's
 * token), so the rows are what the API writes. About 10 s.
 */
import { createApp } from '../src/app.js';
import { sharedDb } from '../src/db/client.js';
import { openPostgres } from '../src/db/postgres.js';
import { ADMIN_TOKEN } from './draw-phase.js';
import { prng } from './dataset.js';

const TASK_AGENCIES = 20;
const TASKS_PER_AGENCY = 50;

/** The 抽查事项 the bench's tasks and draws are made under. */
export const benchItem = (agencyId: string, code: string) => ({
  agencyId,
  code,
  name: '食品经营者经营条件检查',
  objectType: 'entity',
  content: '经营许可、从业人员健康管理、进货查验记录',
  methods: ['01', '02'],
  category: 'general',
  ratioBasisPoints: 300,
});

export async function loadTasks(url: string, agencyIds: string[]): Promise<string[]> {
  const database = openPostgres(url, { max: 2 });
  const app = createApp({ db: sharedDb(database.db), config: { adminToken: ADMIN_TOKEN } });
  const post = async (path: string, body: unknown): Promise<string> => {
    const res = await app.request(path, { method: 'POST', headers: { Authorization: `Bearer ${ADMIN_TOKEN}`, 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    if (res.status !== 201) throw new Error(`POST ${path} answered ${res.status}: ${(await res.text()).slice(0, 600)}`);
    return ((await res.json()) as { id: string }).id;
  };
  const rand = prng(11);
  const ids: string[] = [];
  try {
    for (const [a, agencyId] of agencyIds.slice(0, TASK_AGENCIES).entries()) {
      const itemId = await post('/v1/inspection-items', benchItem(agencyId, `BENCH-T${a}`));
      for (let k = 0; k < TASKS_PER_AGENCY; k++) {
        const month = 1 + Math.floor(rand() * 10);
        ids.push(
          await post('/v1/inspection-tasks', {
            agencyId,
            year: 2026,
            name: `2026年第${k + 1}批食品经营双随机抽查`,
            itemIds: [itemId],
            sample: rand() < 0.5 ? { mode: 'count', count: 20 + Math.floor(rand() * 200) } : { mode: 'ratio', basisPoints: 100 + Math.floor(rand() * 900) },
            inspectorsPerEntity: 2,
            window: { from: `2026-${String(month).padStart(2, '0')}-01`, to: `2026-${String(month + 2).padStart(2, '0')}-28` },
            description: '随机抽取检查对象、随机选派执法检查人员，抽查结果及时向社会公开。',
          }),
        );
      }
    }
    return ids;
  } finally {
    await database.close();
  }
}
