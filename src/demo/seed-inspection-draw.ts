import { createHash } from 'node:crypto';
import { commitDraw, contribute, reveal } from '../domain/inspections/draws.js';
import { recordResults } from '../domain/inspections/results.js';
import { createInspectionTask } from '../domain/inspections/tasks.js';
import { createKey, revokeKey } from '../domain/keys.js';
import { decisionRules } from '../domain/decisions/rules.js';
import { commitmentOf } from '../draw/seed.js';
import { chinaDate } from '../lib/validity.js';
import { InspectionResultBatch } from '../schemas/inspections/results.js';
import { InspectionTaskCreate } from '../schemas/inspections/tasks.js';
import type { DemoContext } from './context.js';

/*
 * The demo task's draw in its three public steps and its results: committed one morning, a contribution from the
 * transport bureau in the window, revealed after it closed, then results for four of the drawn entities — three
 * published within 20 working days of the inspection, one published only at `now`, weeks late. The timeline runs
 * from the directory's publication (seed-inspections.ts) to ctx.now.
 */

export const DAY = 86_400_000;
const admin = { kind: 'admin' } as const;

/**
 * DEMO ONLY: the secret and the transport bureau's contribution are SHA-256 of fixed strings, so the demo seeds the
 * same values every time. A real agency must use 32 random bytes (`openssl rand -hex 32`) and keep them until the
 * reveal; a secret anyone can guess lets them predict the draw. (The platform's own contribution stays random.)
 */
const demoHex = (label: string) => createHash('sha256').update(label).digest('hex');
const SECRET = demoHex('gongshi demo draw secret: 示例市市场监督管理局');
const CONTRIBUTION = demoHex('gongshi demo draw contribution: 示例市交通运输局');

/** A China-time instant: `date` (YYYY-MM-DD) at `time` (HH:MM). */
const at = (date: string, time: string) => new Date(`${date}T${time}:00+08:00`);
/** `n` days after `date`, moved on to the Monday when it falls on a weekend. */
function weekdayAfter(date: string, n: number): string {
  const d = new Date(Date.parse(date) + n * DAY);
  const day = d.getUTCDay();
  return new Date(d.getTime() + (day === 6 ? 2 : day === 0 ? 1 : 0) * DAY).toISOString().slice(0, 10);
}

interface DrawWorld {
  agencyId: string;
  /** Another agency: it contributes randomness to the draw. */
  partnerId: string;
  itemIds: string[];
  planId: string;
  year: number;
  /** When the directory was published; the task follows a day later. */
  publishedAt: Date;
}

export async function seedInspectionDraw(ctx: DemoContext, w: DrawWorld): Promise<void> {
  const drawDay = weekdayAfter(chinaDate(w.publishedAt), 2);
  const task = await createInspectionTask(
    ctx.db,
    admin,
    at(weekdayAfter(chinaDate(w.publishedAt), 1), '15:00'),
    InspectionTaskCreate.parse({
      agencyId: w.agencyId,
      year: w.year,
      planId: w.planId,
      name: `${w.year}年食品经营者双随机抽查(按信用风险分类)`,
      itemIds: w.itemIds,
      sample: { mode: 'strata', strata: { D: { basisPoints: 3000 }, C: { basisPoints: 1000 }, B: { basisPoints: 200 }, A: { basisPoints: 100 } } },
      inspectorsPerEntity: 2,
      inspectorDomains: ['食品安全'],
      window: { from: drawDay, to: weekdayAfter(drawDay, 60) },
      description: '按信用风险分类确定抽查比例：D类30%、C类10%、B类2%、A类1%。',
    }),
  );
  const taskId = task.row.id;
  await commitDraw(ctx.db, admin, at(drawDay, '09:30'), taskId, { commitment: commitmentOf(SECRET), contributionMinutes: 60 });
  // The partner's key exists only to sign its contribution; nobody ever saw its secret, and it is revoked at once.
  const key = await createKey(ctx.db, admin, at(drawDay, '09:40'), { agencyId: w.partnerId, name: '随机数贡献(示例)', scopes: ['publish'] });
  await contribute(ctx.db, { kind: 'key', keyId: key.row.id, agencyId: w.partnerId, scopes: ['publish'] }, at(drawDay, '09:45'), taskId, CONTRIBUTION);
  await revokeKey(ctx.db, admin, at(drawDay, '09:46'), key.row.id);
  const { published } = await reveal(ctx.db, admin, at(drawDay, '10:35'), taskId, SECRET);

  const drawn = published.result!.selections;
  const result = (s: number, inspectedOn: string, fields: Record<string, unknown>) => ({ entityId: drawn[s]!.entityId, inspectorIds: drawn[s]!.inspectorIds, inspectedOn, ...fields });
  const fine = { resultCode: '1', findings: '经营许可在有效期内，从业人员健康证明齐全，进货查验记录完整。' };
  const first = weekdayAfter(drawDay, 7);
  const second = weekdayAfter(drawDay, 14);
  const late = weekdayAfter(drawDay, 9);
  const batches = [
    {
      publishedAt: at(weekdayAfter(first, 2), '10:00'),
      items: [
        result(0, first, fine),
        result(1, first, { resultCode: 'E', findings: '部分进货查验记录不完整。', followUp: { note: '已责令限期改正，复查时已改正。' } }),
      ],
    },
    { publishedAt: at(weekdayAfter(second, 3), '16:00'), items: [result(2, second, fine)] },
    // Inspected weeks ago and only now published: late, and counted as late in /v1/compliance.
    { publishedAt: ctx.now, items: [result(3, late, { resultCode: 'F', findings: '现场检查时未发现开展本次抽查涉及的经营活动。' })] },
  ];
  const { calendar } = decisionRules({ bodyLimitBytes: 0 });
  for (const batch of batches) {
    await recordResults(ctx.db, calendar, admin, batch.publishedAt, taskId, InspectionResultBatch.parse({ agencyId: w.agencyId, items: batch.items }));
  }
}
