import { count } from 'drizzle-orm';
import { procedures } from '../../src/db/schema.js';
import type { TestContext } from './app.js';

/** A valid 行政处罚 procedure payload; fields override it. */
export function validProcedure(fields: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    powerType: '02',
    serviceGuide: '受理机构：示例市交通运输局法制科。办理依据：《中华人民共和国行政处罚法》。',
    steps: [
      { name: '立案', timeLimit: { value: 15, unit: '自然日' } },
      { name: '调查取证', description: '执法人员不少于两人，出示执法证件。' },
      { name: '决定', timeLimit: { value: 90, unit: '自然日' } },
      { name: '送达', timeLimit: { value: 7, unit: '工作日' } },
    ],
    reconsideration: { body: '示例市人民政府', deadlineDays: 60 },
    litigation: { court: '示例市示例区人民法院', deadlineMonths: 6 },
    complaint: { channel: '示例市交通运输局法制科', phone: '12328' },
    ...fields,
  };
}

/** What a refused write must leave untouched: the procedure rows and the change-log head. */
export async function procedureState(t: TestContext) {
  const [row] = await t.db.select({ n: count() }).from(procedures);
  return { procedures: row!.n, head: (await t.request('/v1/feed?limit=1')).body.head as number };
}
