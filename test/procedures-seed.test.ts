import { beforeAll, describe, expect, it } from 'vitest';
import { seedProcedures } from '../src/demo/seed-procedures.js';
import type { DemoContext } from '../src/demo/context.js';
import { useTestApp } from './support/app.js';

const t = useTestApp();
const ctx = { agencies: new Map(), legalBases: new Map(), powers: new Map() } as unknown as DemoContext;

beforeAll(async () => {
  const city = await t.createAgency({ name: '示例市交通运输局' });
  const brigade = await t.createAgency({ name: '示例市交通运输综合行政执法支队', regionCode: '440103', level: '县级' });
  ctx.agencies.set('city', city.id).set('brigade', brigade.id);
  Object.assign(ctx, { db: t.db, now: new Date('2025-03-01T02:00:00Z') });
  await seedProcedures(ctx);
});

const procedures = async (agency: string) => (await t.request(`/v1/agencies/${ctx.agencies.get(agency)}/procedures`)).body.items as any[];

describe('demo procedures', () => {
  it('publishes 行政许可 and 行政处罚 for the city bureau and 行政处罚 for the brigade', async () => {
    expect((await procedures('city')).map((p) => [p.powerType, p.powerTypeName])).toEqual([['01', '行政许可'], ['02', '行政处罚']]);
    expect((await procedures('brigade')).map((p) => p.powerType)).toEqual(['02']);
  });

  it('lists the penalty steps in order with the statutory time limits of 行政处罚法', async () => {
    const [, penalty] = await procedures('city');
    expect(penalty.steps.map((s: { name: string }) => s.name)).toEqual(['立案', '调查取证', '审查', '告知', '决定', '送达', '执行']);
    const limits = Object.fromEntries(penalty.steps.filter((s: any) => s.timeLimit).map((s: any) => [s.name, s.timeLimit]));
    expect(limits).toEqual({
      告知: { value: 5, unit: '工作日' },
      决定: { value: 90, unit: '自然日' },
      送达: { value: 7, unit: '工作日' },
      执行: { value: 15, unit: '自然日' },
    });
    expect(penalty.steps[4].description).toContain('自行政处罚案件立案之日起九十日内作出行政处罚决定');
  });

  it('lists the licence steps with the working-day limits of 行政许可法', async () => {
    const [licence] = await procedures('city');
    expect(licence.steps.map((s: any) => [s.name, s.timeLimit ?? null])).toEqual([
      ['申请', null],
      ['受理', { value: 5, unit: '工作日' }],
      ['审查', null],
      ['决定', { value: 20, unit: '工作日' }],
      ['颁证送达', { value: 10, unit: '工作日' }],
    ]);
  });

  it('names the remedy channels: 复议 within 60 days, 诉讼 within 6 months, and where to complain', async () => {
    for (const p of [...(await procedures('city')), ...(await procedures('brigade'))]) {
      expect(p.reconsideration).toMatchObject({ body: '示例市人民政府', deadlineDays: 60 });
      expect(p.litigation).toEqual({ court: '示例市示例区人民法院', deadlineMonths: 6 });
      expect(p.complaint.phone).toBe('12328');
    }
    const [brigade] = await procedures('brigade');
    expect(brigade.reconsideration.note).toContain('被申请人为示例市交通运输局');
  });
});
