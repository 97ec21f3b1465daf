import { count } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { agencies } from '../db/schema.js';
import { createAgency } from '../domain/agencies.js';
import type { AgencyCreate } from '../schemas/agencies.js';
import type { DemoContext } from './context.js';
import { INSPECTION_HISTORY_DAYS, seedInspections } from './seed-inspections.js';
import { seedApprovalItems } from './seed-approval-items.js';
import { seedLegalBases } from './seed-legal-bases.js';
import { seedNegativeList } from './seed-negative-list.js';
import { seedOfficers } from './seed-officers.js';
import { seedPenalties } from './seed-penalties.js';
import { seedPowers } from './seed-powers.js';
import { seedProcedures } from './seed-procedures.js';

/**
 * A small, obviously fictional demo set (示例省/示例市) so the first request shows something. Credit codes
 * are made-up but carry valid check characters.
 */
const demo: (Omit<AgencyCreate, 'parentId' | 'entrustment'> & { key: string; parent?: string; entrustedBy?: string })[] = [
  { key: 'province', name: '示例省交通运输厅', creditCode: '11440000MB0A12342P', regionCode: '440000', level: '省级', kind: '法定', domains: ['交通运输'], website: 'https://jtt.example.gov.cn' },
  { key: 'city', parent: 'province', name: '示例市交通运输局', creditCode: '11440100MB0B23456H', regionCode: '440100', level: '市级', kind: '法定', domains: ['交通运输', '道路运输', '水路运输'], contact: { phone: '020-12345678', address: '示例市中山路1号', hours: '工作日 9:00-12:00, 14:00-17:30' } },
  { key: 'market', name: '示例市市场监督管理局', creditCode: '11440100MB0C3456X1', regionCode: '440100', level: '市级', kind: '法定', domains: ['市场监管', '食品安全'] },
  { key: 'brigade', parent: 'city', entrustedBy: 'city', name: '示例市交通运输综合行政执法支队', creditCode: '12440103MB0D456731', regionCode: '440103', level: '县级', kind: '委托', domains: ['道路运输'] },
];

/**
 * Loads the demo agencies into an empty database; a database with any agency is left alone. The demo has a
 * history: agencies and their duties are published a little before the random-selection inspection (which takes
 * weeks: directory, draw, inspections, results), and the penalties at `now`.
 */
export async function seedDemo(db: Db, now: Date = new Date()): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(agencies);
  if ((row?.n ?? 0) > 0) return false;
  const opened = new Date(now.getTime() - (INSPECTION_HISTORY_DAYS + 10) * 86_400_000);
  const ids = new Map<string, string>();
  for (const { key, parent, entrustedBy, ...fields } of demo) {
    const input: AgencyCreate = {
      ...fields,
      parentId: parent ? ids.get(parent)! : null,
      entrustment: entrustedBy
        ? { entrustingAgencyId: ids.get(entrustedBy)!, letterNumber: '示交委〔2024〕3号', matters: '道路运输领域行政处罚(不含吊销许可证件)', validFrom: '2024-01-01', validTo: '2026-12-31' }
        : null,
    };
    const { row: created } = await createAgency(db, { kind: 'admin' }, opened, input);
    ids.set(key, created.id);
  }
  const ctx: DemoContext = { db, now: opened, agencies: ids, legalBases: new Map(), powers: new Map() };
  await seedLegalBases(ctx);
  await seedPowers(ctx);
  await seedOfficers(ctx);
  await seedProcedures(ctx);
  await seedNegativeList(ctx);
  await seedInspections({ ...ctx, now });
  await seedPenalties({ ...ctx, now });
  await seedApprovalItems({ ...ctx, now }, opened);
  return true;
}
