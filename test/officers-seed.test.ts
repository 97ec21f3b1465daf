import { beforeAll, describe, expect, it } from 'vitest';
import { seedOfficers } from '../src/demo/seed-officers.js';
import type { DemoContext } from '../src/demo/context.js';
import { useTestApp } from './support/app.js';

const t = useTestApp();
const ctx = { agencies: new Map(), legalBases: new Map(), powers: new Map() } as unknown as DemoContext;

beforeAll(async () => {
  const city = await t.createAgency({ name: '示例市交通运输局' });
  const brigade = await t.createAgency({ name: '示例市交通运输综合行政执法支队', regionCode: '440103', level: '县级' });
  ctx.agencies.set('city', city.id).set('brigade', brigade.id);
  Object.assign(ctx, { db: t.db, now: new Date('2025-03-01T02:00:00Z') });
  await seedOfficers(ctx);
});

const list = async (query: string) => (await t.request(`/v1/officers?limit=200&${query}`)).body.items as Record<string, any>[];

describe('demo officers', () => {
  it('seeds 3 officers for the city bureau and 3 for the brigade, with fictional names and numbers', async () => {
    const city = await list(`agencyId=${ctx.agencies.get('city')}`);
    const brigade = await list(`agencyId=${ctx.agencies.get('brigade')}`);
    expect(city.map((o) => o.name)).toEqual(['张示例', '李测试', '王样例']);
    expect(brigade.map((o) => o.name)).toEqual(['赵演示', '陈虚构', '刘假名']);
    for (const o of [...city, ...brigade]) {
      expect(o.name).toMatch(/示例|测试|样例|演示|虚构|假名/);
      expect(o.certificateNo).toMatch(/^示例-\d{11}$/);
    }
  });

  it('has one certificate expired by date and one revoked, visible through the filters', async () => {
    const revoked = await list('status=revoked');
    expect(revoked.map((o) => [o.name, o.certificateNo])).toEqual([['刘假名', '示例-44010300003']]);
    const inForce = await list('status=active&validOn=2025-03-01');
    expect(inForce.map((o) => o.name)).toEqual(['张示例', '李测试', '赵演示', '陈虚构']);
    expect((await list('validOn=2024-12-31&status=active')).map((o) => o.name)).toContain('王样例');
  });

  it('finds the demo officers by name and by certificate number', async () => {
    expect((await list(`q=${encodeURIComponent('张示')}`)).map((o) => o.name)).toEqual(['张示例']);
    expect((await list(`q=${encodeURIComponent('440103')}`)).map((o) => o.name)).toEqual(['赵演示', '陈虚构', '刘假名']);
  });
});
